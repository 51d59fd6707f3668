import { Hono } from 'hono';
import type { Clock } from '../clock.js';
import { newId, randomSecret } from '../internal/ids.js';
import type { ExternalAccount } from '../store/store.js';
import { renderConsentPage, renderProviderErrorPage } from './consent-page.js';
import { grantPolicyFor } from './grant-policy.js';
import { verifyPkce } from './pkce.js';
import {
  ProviderError,
  type AuthorizationRequest,
  type CodeExchange,
  type DemoProvider,
  type DemoProviderControls,
  type GrantedAccount,
  type TokenSet,
} from './provider.js';

export interface DemoAccount extends ExternalAccount {
  name: string;
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { id: 'acct_ada', email: 'ada@acmebakery.example', name: 'Ada Baker (Acme Bakery)' },
  { id: 'acct_ops', email: 'ops@northwind.example', name: 'Northwind Ops' },
  { id: 'acct_sam', email: 'sam.personal@example.com', name: 'Sam (personal account)' },
];

export interface InProcessProviderOptions {
  clock: Clock;
  /** Absolute URL the provider's routes are reachable at, e.g. `http://127.0.0.1:4000/provider`. */
  issuer: string;
  /** Redirect URIs clients may use (exact match, as OAuth 2.1 requires). */
  redirectUris: string[];
  accounts?: DemoAccount[];
  accessTokenTtlMs?: number;
}

interface Client { appKey: string; name: string }
interface PendingAuthorization extends AuthorizationRequest { id: string; expiresAt: number }
interface IssuedCode { appKey: string; accountId: string; redirectUri: string; codeChallenge: string; expiresAt: number; used: boolean; pages?: string[] }
interface Grant { id: string; appKey: string; accountId: string; revoked: boolean; /** Multi-account apps: the pages the consent granted. */ pages?: string[] }

/**
 * An OAuth 2.0 authorization server small enough to run inside the backend — or inside the page for Storybook.
 * Real PKCE (S256), real `state` round trip, single-use codes, rotating refresh tokens, a consent page; WebCrypto only.
 */
export class InProcessProvider implements DemoProvider {
  readonly routes: Hono;
  readonly demo: DemoProviderControls;
  private readonly clients = new Map<string, Client>();
  private pending = new Map<string, PendingAuthorization>();
  private codes = new Map<string, IssuedCode>();
  private grants = new Map<string, Grant>();
  /** refresh token → grant id; a rotated token is deleted, so replaying it is `invalid_grant`. */
  private refreshTokens = new Map<string, string>();
  private accessTokens = new Map<string, { grantId: string; expiresAt: number }>();
  private failuresLeft = 0;
  private readonly accountList: DemoAccount[];
  private readonly ttl: number;

  constructor(private readonly options: InProcessProviderOptions) {
    this.accountList = options.accounts ?? DEMO_ACCOUNTS;
    this.ttl = options.accessTokenTtlMs ?? 60 * 60 * 1000;
    this.routes = this.buildRoutes();
    this.demo = {
      revokeGrant: async ({ accountId, appKey }) => {
        let count = 0;
        for (const grant of this.grants.values()) {
          if (grant.accountId === accountId && (appKey === undefined || grant.appKey === appKey) && !grant.revoked) {
            grant.revoked = true;
            count++;
          }
        }
        return count;
      },
      failTransiently: (count) => {
        this.failuresLeft = Math.max(0, Math.floor(count));
      },
      expireAccessToken: (accessToken) => {
        const t = this.accessTokens.get(accessToken);
        if (t) t.expiresAt = this.now();
      },
      issueGrant: async ({ appKey, accountId, withRefreshToken = true, expiresInMs }) => {
        const grant: Grant = { id: newId('grant'), appKey, accountId, revoked: false };
        this.grants.set(grant.id, grant);
        return this.mintTokens(grant, withRefreshToken, expiresInMs);
      },
      accounts: () => this.accountList.map(({ id, email }) => ({ id, email })),
      reset: () => {
        this.pending.clear();
        this.codes.clear();
        this.grants.clear();
        this.refreshTokens.clear();
        this.accessTokens.clear();
        this.failuresLeft = 0;
      },
    };
  }

  /** Register an OAuth client (one per app). */
  registerClient(appKey: string, name: string): void {
    this.clients.set(appKey, { appKey, name });
  }

  private now(): number {
    return this.options.clock.now().getTime();
  }

  authorizationUrl(request: AuthorizationRequest): string {
    const url = new URL(`${this.options.issuer}/authorize`);
    url.searchParams.set('response_type', 'code');
    url.searchParams.set('client_id', request.appKey);
    url.searchParams.set('redirect_uri', request.redirectUri);
    url.searchParams.set('state', request.state);
    url.searchParams.set('code_challenge', request.codeChallenge);
    url.searchParams.set('code_challenge_method', 'S256');
    if (request.loginHint) url.searchParams.set('login_hint', request.loginHint);
    return url.toString();
  }

  private takeTransientFailure(): void {
    if (this.failuresLeft > 0) {
      this.failuresLeft--;
      throw new ProviderError('transient', 'The token endpoint is temporarily unavailable.', { status: 503, retryAfter: 1 });
    }
  }

  private mintTokens(grant: Grant, withRefreshToken: boolean, expiresInMs = this.ttl): TokenSet {
    const accessToken = `at_${randomSecret()}`;
    const expiresAt = this.now() + expiresInMs;
    this.accessTokens.set(accessToken, { grantId: grant.id, expiresAt });
    const tokens: TokenSet = { accessToken, expiresAt: new Date(expiresAt).toISOString() };
    if (withRefreshToken) {
      tokens.refreshToken = `rt_${randomSecret()}`;
      this.refreshTokens.set(tokens.refreshToken, grant.id);
    }
    return tokens;
  }

  async exchangeCode({ code, codeVerifier, redirectUri }: { code: string; codeVerifier: string; redirectUri: string }): Promise<CodeExchange> {
    this.takeTransientFailure();
    const issued = this.codes.get(code);
    if (!issued || issued.used || issued.expiresAt <= this.now()) {
      throw new ProviderError('invalid_grant', 'The authorization code is invalid, expired or already used.', { status: 400 });
    }
    issued.used = true;
    if (issued.redirectUri !== redirectUri) throw new ProviderError('invalid_grant', 'redirect_uri does not match the authorization request.', { status: 400 });
    if (!(await verifyPkce(codeVerifier, issued.codeChallenge))) throw new ProviderError('invalid_grant', 'PKCE verification failed.', { status: 400 });
    const account = this.accountList.find((a) => a.id === issued.accountId);
    if (!account) throw new ProviderError('invalid_grant', 'Unknown account.', { status: 400 });
    const grant: Grant = { id: newId('grant'), appKey: issued.appKey, accountId: account.id, revoked: false, ...(issued.pages ? { pages: issued.pages } : {}) };
    this.grants.set(grant.id, grant);
    const policy = grantPolicyFor(issued.appKey);
    return { ...this.mintTokens(grant, policy.refreshTokens, policy.accessTokenTtlMs), account: { id: account.id, email: account.email } };
  }

  async refresh({ refreshToken }: { refreshToken: string }): Promise<TokenSet> {
    this.takeTransientFailure();
    const grantId = this.refreshTokens.get(refreshToken);
    const grant = grantId === undefined ? undefined : this.grants.get(grantId);
    if (!grant || grant.revoked) {
      throw new ProviderError('invalid_grant', 'The refresh token is invalid or has been revoked.', { status: 400 });
    }
    this.refreshTokens.delete(refreshToken);
    return this.mintTokens(grant, true);
  }

  /** The user's grant behind a live access token, or `invalid_grant`. */
  private grantOf(accessToken: string): Grant {
    const t = this.accessTokens.get(accessToken);
    const grant = t && t.expiresAt > this.now() ? this.grants.get(t.grantId) : undefined;
    if (!grant || grant.revoked) throw new ProviderError('invalid_grant', 'The access token is invalid or expired.', { status: 401 });
    return grant;
  }

  async grantedAccounts({ appKey, accessToken }: { appKey: string; accessToken: string }): Promise<GrantedAccount[] | undefined> {
    if (!grantPolicyFor(appKey).accounts) return undefined;
    const grant = this.grantOf(accessToken);
    return (grantPolicyFor(grant.appKey).accounts ?? []).filter((p) => grant.pages?.includes(p.id)).map(({ id, email, name }) => ({ id, email, name }));
  }

  async accountTokens({ accessToken, accountId }: { appKey: string; accessToken: string; accountId: string }): Promise<TokenSet> {
    const user = this.grantOf(accessToken);
    if (!user.pages?.includes(accountId)) throw new ProviderError('invalid_grant', 'The consent did not grant this page.', { status: 403 });
    const grant: Grant = { id: newId('grant'), appKey: user.appKey, accountId, revoked: false };
    this.grants.set(grant.id, grant);
    return this.mintTokens(grant, true);
  }

  async revokeToken({ token }: { token: string }): Promise<void> {
    const grantId = this.refreshTokens.get(token) ?? this.accessTokens.get(token)?.grantId;
    const grant = grantId === undefined ? undefined : this.grants.get(grantId);
    if (grant) grant.revoked = true;
  }

  private buildRoutes(): Hono {
    const app = new Hono();
    const html = (body: string, status: 200 | 400 = 200) =>
      new Response(body, { status, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' } });

    app.get('/authorize', (c) => {
      const q = c.req.query();
      const client = this.clients.get(q.client_id ?? '');
      // Never redirect to an unverified redirect_uri: those errors are shown here instead.
      if (!client) return html(renderProviderErrorPage('Unknown application.'), 400);
      if (!q.redirect_uri || !this.options.redirectUris.includes(q.redirect_uri)) return html(renderProviderErrorPage('The redirect URI is not registered for this application.'), 400);
      if (q.response_type !== 'code') return html(renderProviderErrorPage('Only response_type=code is supported.'), 400);
      if (!q.state || !q.code_challenge || q.code_challenge_method !== 'S256') {
        return html(renderProviderErrorPage('A state and an S256 PKCE code challenge are required.'), 400);
      }
      const pending: PendingAuthorization = {
        id: newId('authz'),
        appKey: client.appKey,
        redirectUri: q.redirect_uri,
        state: q.state,
        codeChallenge: q.code_challenge,
        expiresAt: this.now() + 10 * 60 * 1000,
        ...(q.login_hint ? { loginHint: q.login_hint } : {}),
      };
      this.pending.set(pending.id, pending);
      const hinted = this.accountList.find((a) => a.email === q.login_hint || a.id === q.login_hint);
      return html(
        renderConsentPage({
          appName: client.name,
          requestId: pending.id,
          accounts: this.accountList,
          action: `${this.options.issuer}/authorize`,
          ...(hinted ? { selectedAccountId: hinted.id } : {}),
          uiLocales: q.ui_locales,
          acceptLanguage: c.req.header('accept-language'),
          ...(grantPolicyFor(client.appKey).accounts ? { pages: grantPolicyFor(client.appKey).accounts } : {}),
        }),
      );
    });

    app.post('/authorize', async (c) => {
      const form = await c.req.parseBody({ all: true });
      const pending = this.pending.get(String(form.request ?? ''));
      if (!pending || pending.expiresAt <= this.now()) return html(renderProviderErrorPage('This authorization request has expired. Start again from the app.'), 400);
      this.pending.delete(pending.id);
      const target = new URL(pending.redirectUri);
      target.searchParams.set('state', pending.state);
      if (form.decision !== 'approve') {
        target.searchParams.set('error', 'access_denied');
        target.searchParams.set('error_description', 'The user denied the request.');
        return c.redirect(target.toString(), 302);
      }
      const account = this.accountList.find((a) => a.id === form.account);
      if (!account) return html(renderProviderErrorPage('Choose an account to continue.'), 400);
      const pages = grantPolicyFor(pending.appKey).accounts;
      const chosen = ([] as unknown[]).concat(form['page'] ?? []).filter((id): id is string => pages?.some((p) => p.id === id) ?? false);
      if (pages && chosen.length === 0) return html(renderProviderErrorPage('Choose at least one page to continue.'), 400);
      const code = randomSecret();
      this.codes.set(code, {
        appKey: pending.appKey,
        accountId: account.id,
        redirectUri: pending.redirectUri,
        codeChallenge: pending.codeChallenge,
        expiresAt: this.now() + 60 * 1000,
        used: false,
        ...(pages ? { pages: chosen } : {}),
      });
      target.searchParams.set('code', code);
      return c.redirect(target.toString(), 302);
    });

    // The token endpoint over HTTP (RFC 6749 §3.2), for a real client; the backend calls the methods directly.
    app.post('/token', async (c) => {
      const form = await c.req.parseBody();
      try {
        if (form.grant_type === 'authorization_code') {
          const r = await this.exchangeCode({ code: String(form.code ?? ''), codeVerifier: String(form.code_verifier ?? ''), redirectUri: String(form.redirect_uri ?? '') });
          return c.json({ access_token: r.accessToken, refresh_token: r.refreshToken, token_type: 'Bearer', expires_in: Math.round((Date.parse(r.expiresAt) - this.now()) / 1000) });
        }
        if (form.grant_type === 'refresh_token') {
          const r = await this.refresh({ refreshToken: String(form.refresh_token ?? '') });
          return c.json({ access_token: r.accessToken, refresh_token: r.refreshToken, token_type: 'Bearer', expires_in: Math.round((Date.parse(r.expiresAt) - this.now()) / 1000) });
        }
        return c.json({ error: 'unsupported_grant_type' }, 400);
      } catch (error) {
        if (error instanceof ProviderError && error.kind === 'transient') {
          return c.json({ error: 'temporarily_unavailable' }, 503, { 'retry-after': String(error.retryAfter ?? 1) });
        }
        return c.json({ error: 'invalid_grant', error_description: (error as Error).message }, 400);
      }
    });
    return app;
  }
}
