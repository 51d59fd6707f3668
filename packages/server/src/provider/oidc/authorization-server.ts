// The demo provider's authorization server: oidc-provider (a certified OpenID Provider) configured for authorization
// code + PKCE + state, rotating refresh tokens and a plain consent page. Koa inside; served from a Node request
// listener mounted under the issuer's path (/provider). Node only.
import { createHmac, generateKeyPairSync } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import Provider, { type AdapterPayload, type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import { escapeHtml } from '../../internal/html.js';
import { renderConsentPage, renderProviderErrorPage } from '../consent-page.js';
import { GRANTABLE_ACCOUNTS, grantPolicyFor } from '../grant-policy.js';
import type { DemoAccount } from '../in-process-provider.js';
import { adapterFactory, type PayloadBackend } from './adapter.js';

export interface AuthorizationServerOptions {
  /** e.g. `http://127.0.0.1:4000/provider`. Its path is where the listener is mounted. */
  issuer: string;
  redirectUris: string[];
  accounts: DemoAccount[];
  payloads: PayloadBackend;
  /** Derives client secrets and cookie keys: instances sharing it accept each other's cookies and clients. */
  secret: string;
  accessTokenTtlSeconds?: number;
  /** The ID-token signing key (a private JWK). Omitted: a fresh one, so tokens signed before a restart fail. */
  signingKey?: Record<string, unknown>;
}

/** A fresh RS256 signing key as a private JWK (persist it to keep tokens valid across restarts). */
export function generateSigningKey(): Record<string, unknown> {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { ...privateKey.export({ format: 'jwk' }), kid: `relink-${Date.now().toString(36)}`, alg: 'RS256', use: 'sig' };
}

export const SCOPE = 'openid email';

/** The payload model that records which pages a multi-account consent granted, keyed by grant id. */
const PAGE_CHOICE = 'PageChoice';

type KoaContext = Parameters<Parameters<Provider['use']>[0]>[0];

/** A secret derived from the server secret; the same on every instance that shares it. */
export function derive(secret: string, purpose: string): string {
  return createHmac('sha256', secret).update(`relink:${purpose}`).digest('base64url');
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 64 * 1024) throw new Error('form too large');
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

export class AuthorizationServer {
  readonly oidc: Provider;
  readonly mountPath: string;
  /** What the token endpoint did (tests assert a rotating token was refreshed exactly once). */
  readonly stats = { refreshGrants: 0, refreshFailures: 0, codeGrants: 0 };
  private readonly clients = new Map<string, AdapterPayload>();
  private failuresLeft = 0;
  private readonly callback: (req: IncomingMessage, res: ServerResponse) => void;

  constructor(private readonly options: AuthorizationServerOptions) {
    this.mountPath = new URL(options.issuer).pathname.replace(/\/+$/, '');
    // Pages hold grants of their own once a user picked them (refreshing one looks its account up).
    const accounts = [...options.accounts, ...GRANTABLE_ACCOUNTS];
    const signingKey = options.signingKey ?? generateSigningKey();
    const ttl = options.accessTokenTtlSeconds ?? 3600;
    const configuration: Configuration = {
      adapter: adapterFactory(options.payloads, this.clients),
      findAccount: async (_ctx, id) => {
        const account = accounts.find((a) => a.id === id);
        if (!account) return undefined;
        return { accountId: id, claims: async () => ({ sub: id, email: account.email, email_verified: true, name: account.name }) };
      },
      claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
      scopes: ['openid', 'email', 'offline_access'],
      // The callback reads the account from the ID token, so its claims go there and not only to userinfo.
      conformIdTokenClaims: false,
      features: {
        devInteractions: { enabled: false },
        // A client may revoke only the tokens issued to it.
        revocation: { enabled: true, allowedPolicy: async (_ctx, client, token) => token.clientId === client.clientId },
      },
      pkce: { required: () => true },
      cookies: { keys: [derive(options.secret, 'provider-cookies')] },
      jwks: { keys: [signingKey as never] },
      interactions: { url: (_ctx, interaction) => `${this.mountPath}/interaction/${interaction.uid}` },
      // Backends are offline clients: every grant carries a refresh token, and every refresh rotates it. Reusing a
      // rotated token is `invalid_grant` and revokes the whole grant (oidc-provider's reuse detection).
      issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
      rotateRefreshToken: true,
      ttl: {
        // LinkedIn-like apps (grant-policy.ts) get a long access token instead of a refresh token.
        AccessToken: (_ctx, token, client) => {
          const policy = grantPolicyFor(client?.clientId ?? String((token as { clientId?: string }).clientId ?? ''));
          return policy.accessTokenTtlMs !== undefined && token.gty === 'authorization_code' ? Math.round(policy.accessTokenTtlMs / 1000) : ttl;
        }, AuthorizationCode: 60, Interaction: 600, Session: 3600, Grant: 365 * 24 * 3600, RefreshToken: 30 * 24 * 3600, IdToken: 3600 },
      renderError: (ctx, out) => {
        ctx.type = 'html';
        ctx.body = renderProviderErrorPage(`${out.error}${out.error_description ? `: ${out.error_description}` : ''}`);
      },
    };
    this.oidc = new Provider(options.issuer, configuration);
    this.oidc.proxy = false;
    this.oidc.on('grant.success', (ctx: KoaContextWithOIDC) => {
      if (ctx.oidc.params?.grant_type === 'refresh_token') this.stats.refreshGrants++;
      if (ctx.oidc.params?.grant_type === 'authorization_code') this.stats.codeGrants++;
    });
    this.oidc.on('grant.error', (ctx: KoaContextWithOIDC) => {
      if (ctx.oidc.params?.grant_type === 'refresh_token') this.stats.refreshFailures++;
    });
    // Transient failures on demand: a real 503 from the token endpoint, in front of oidc-provider.
    this.oidc.use(async (ctx, next) => {
      if (ctx.method === 'POST' && ctx.path === '/token' && this.failuresLeft > 0) {
        this.failuresLeft--;
        ctx.status = 503;
        ctx.set('retry-after', '1');
        ctx.set('cache-control', 'no-store');
        ctx.body = { error: 'temporarily_unavailable', error_description: 'The token endpoint is temporarily unavailable.' };
        return;
      }
      await next();
    });
    this.oidc.use(async (ctx, next) => {
      const match = /^\/accounts(?:\/([\w-]+)\/token)?$/.exec(ctx.path);
      if (!match) return next();
      ctx.set('cache-control', 'no-store');
      return this.serveAccounts(ctx, match[1]);
    });
    this.oidc.use(async (ctx, next) => {
      const match = /^\/interaction\/([\w-]+)$/.exec(ctx.path);
      if (!match) return next();
      ctx.set('cache-control', 'no-store');
      if (ctx.method === 'GET') return this.showConsent(ctx);
      if (ctx.method === 'POST') return this.answerConsent(ctx);
      ctx.status = 405;
    });
    this.callback = this.oidc.callback();
  }

  /** Node request listener for requests under the mount path (`/provider/...`). */
  handle(req: IncomingMessage, res: ServerResponse): void {
    const original = req.url ?? '/';
    // oidc-provider works out its mount path from originalUrl minus url, as under express or koa-mount.
    (req as IncomingMessage & { originalUrl?: string }).originalUrl = original;
    req.url = original.slice(this.mountPath.length) || '/';
    this.callback(req, res);
  }

  registerClient(appKey: string, name: string): void {
    this.clients.set(appKey, {
      client_id: appKey,
      client_name: name,
      client_secret: derive(this.options.secret, `client:${appKey}`),
      redirect_uris: this.options.redirectUris,
      grant_types: grantPolicyFor(appKey).refreshTokens ? ['authorization_code', 'refresh_token'] : ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
    });
  }

  clientSecret(appKey: string): string {
    return derive(this.options.secret, `client:${appKey}`);
  }

  failTransiently(count: number): void {
    this.failuresLeft = Math.max(0, Math.floor(count));
  }

  resetFailures(): void {
    this.failuresLeft = 0;
  }

  private async showConsent(ctx: KoaContext): Promise<void> {
    const details = await this.oidc.interactionDetails(ctx.req, ctx.res);
    const clientId = String(details.params.client_id ?? '');
    const client = this.clients.get(clientId);
    const hint = typeof details.params.login_hint === 'string' ? details.params.login_hint : undefined;
    const hinted = this.options.accounts.find((a) => a.email === hint || a.id === hint);
    ctx.type = 'html';
    ctx.body = renderConsentPage({
      appName: String(client?.client_name ?? clientId),
      requestId: details.uid,
      accounts: this.options.accounts,
      action: `${this.mountPath}/interaction/${details.uid}`,
      ...(hinted ? { selectedAccountId: hinted.id } : {}),
      uiLocales: typeof details.params.ui_locales === 'string' ? details.params.ui_locales : undefined,
      acceptLanguage: ctx.get('accept-language'),
      ...(grantPolicyFor(clientId).accounts ? { pages: grantPolicyFor(clientId).accounts } : {}),
    });
  }

  /**
   * Facebook's `/me/accounts`, for multi-account apps: `GET /accounts` lists the pages the user's consent granted;
   * `POST /accounts/{id}/token` mints that page a grant and tokens of its own. Authorised by the user's access token.
   */
  private async serveAccounts(ctx: KoaContext, pageId: string | undefined): Promise<void> {
    const bearer = /^Bearer (.+)$/.exec(ctx.get('authorization'))?.[1];
    const token = bearer ? await this.oidc.AccessToken.find(bearer) : undefined;
    if (!token?.grantId || !token.accountId || !token.clientId) {
      ctx.status = 401;
      ctx.body = { error: 'invalid_token', error_description: 'The access token is invalid or expired.' };
      return;
    }
    const choice = await this.options.payloads.find(PAGE_CHOICE, token.grantId);
    const granted = (grantPolicyFor(token.clientId).accounts ?? []).filter((p) => (choice?.pages as string[] | undefined)?.includes(p.id));
    if (pageId === undefined && ctx.method === 'GET') {
      ctx.body = { data: granted.map(({ id, email, name }) => ({ id, email, name })) };
      return;
    }
    if (pageId === undefined || ctx.method !== 'POST') {
      ctx.status = 405;
      return;
    }
    const page = granted.find((p) => p.id === pageId);
    if (!page) {
      ctx.status = 403;
      ctx.body = { error: 'access_denied', error_description: 'The consent did not grant this page.' };
      return;
    }
    const ttl = this.options.accessTokenTtlSeconds ?? 3600;
    const tokens = await this.issueGrant({ appKey: token.clientId, accountId: page.id, withRefreshToken: true, expiresInSeconds: ttl });
    ctx.body = { access_token: tokens.accessToken, refresh_token: tokens.refreshToken, token_type: 'Bearer', expires_in: ttl };
  }

  private async answerConsent(ctx: KoaContext): Promise<void> {
    const details = await this.oidc.interactionDetails(ctx.req, ctx.res);
    const form = await readForm(ctx.req);
    if (form.get('request') !== details.uid) {
      ctx.status = 400;
      ctx.type = 'html';
      ctx.body = renderProviderErrorPage('This authorization request does not match the page it came from. Start again from the app.');
      return;
    }
    let result;
    if (form.get('decision') !== 'approve') {
      result = { error: 'access_denied', error_description: 'The user denied the request.' };
    } else {
      const account = this.options.accounts.find((a) => a.id === form.get('account'));
      if (!account) {
        ctx.status = 400;
        ctx.type = 'html';
        ctx.body = renderProviderErrorPage(`Choose an account to continue (${escapeHtml(String(form.get('account') ?? 'none'))} is not one).`);
        return;
      }
      const pages = grantPolicyFor(String(details.params.client_id)).accounts;
      const chosen = form.getAll('page').filter((id) => pages?.some((p) => p.id === id));
      if (pages && chosen.length === 0) {
        ctx.status = 400;
        ctx.type = 'html';
        ctx.body = renderProviderErrorPage('Choose at least one page to continue.');
        return;
      }
      const grant = new this.oidc.Grant({ accountId: account.id, clientId: String(details.params.client_id) });
      grant.addOIDCScope(String(details.params.scope ?? SCOPE));
      const grantId = await grant.save();
      // Kept with the grant (destroyed with it): what the user's token may list and mint page tokens for.
      if (pages) await this.options.payloads.upsert(PAGE_CHOICE, grantId, { grantId, pages: chosen }, undefined);
      result = { login: { accountId: account.id }, consent: { grantId } };
    }
    const returnTo = await this.oidc.interactionResult(ctx.req, ctx.res, result, { mergeWithLastSubmission: false });
    ctx.status = 303;
    ctx.redirect(returnTo);
  }

  /** Mint a grant and its tokens without a consent screen (demo seeding). */
  async issueGrant(params: { appKey: string; accountId: string; withRefreshToken: boolean; expiresInSeconds: number }): Promise<{ accessToken: string; refreshToken?: string }> {
    const client = await this.oidc.Client.find(params.appKey);
    if (!client) throw new Error(`unknown client ${params.appKey}`);
    const grant = new this.oidc.Grant({ accountId: params.accountId, clientId: params.appKey });
    grant.addOIDCScope(SCOPE);
    const grantId = await grant.save();
    const at = new this.oidc.AccessToken({ accountId: params.accountId, client, grantId, scope: SCOPE, gty: 'authorization_code', expiresIn: Math.max(1, params.expiresInSeconds) });
    const accessToken = await at.save();
    if (!params.withRefreshToken) return { accessToken };
    const rt = new this.oidc.RefreshToken({
      accountId: params.accountId, client, grantId, scope: SCOPE, gty: 'authorization_code',
      iiat: Math.floor(Date.now() / 1000), rotations: 0, expiresWithSession: false, expiresIn: 30 * 24 * 3600,
    });
    return { accessToken, refreshToken: await rt.save() };
  }

  async expireAccessToken(token: string): Promise<void> {
    const at = await this.oidc.AccessToken.find(token);
    await at?.destroy();
  }
}
