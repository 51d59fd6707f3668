import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Clock } from '../../clock.js';
import type { SqlDatabase } from '../../store/sql/db.js';
import { grantPolicyFor } from '../grant-policy.js';
import { DEMO_ACCOUNTS, type DemoAccount } from '../in-process-provider.js';
import type {
  AuthorizationRequest,
  CodeExchange,
  CodeExchangeRequest,
  DemoProvider,
  GrantedAccount,
  DemoProviderControls,
  TokenSet,
} from '../provider.js';
import { MemoryPayloads, SqlPayloads } from './adapter.js';
import { AuthorizationServer, SCOPE } from './authorization-server.js';
import { OAuthClient } from './oauth-client.js';

export interface OidcProviderOptions {
  clock: Clock;
  /** Where the authorization server is served, e.g. `http://127.0.0.1:4000/provider`. */
  issuer: string;
  redirectUris: string[];
  /** Client secrets and cookie keys derive from it; instances behind one URL must share it. */
  secret: string;
  /** Keep grants and tokens in this database (the store's); omitted = in memory. */
  database?: SqlDatabase;
  accounts?: DemoAccount[];
  accessTokenTtlSeconds?: number;
  /** The authorization server's signing key (private JWK); persist it so tokens survive a restart. */
  signingKey?: Record<string, unknown>;
}

/**
 * The demo provider for Node: a real OAuth 2.0 authorization server (oidc-provider) mounted under `/provider`, and
 * the backend's client of it (oauth4webapi over HTTP, as it would talk to Slack or HubSpot). Nothing takes a
 * shortcut: the consent page, code exchange, refresh and revocation all cross HTTP.
 */
export class OidcProvider implements DemoProvider {
  readonly server: AuthorizationServer;
  readonly client: OAuthClient;
  readonly demo: DemoProviderControls;
  readonly nodeHandler: (req: IncomingMessage, res: ServerResponse) => void;

  constructor(options: OidcProviderOptions) {
    const accounts = options.accounts ?? DEMO_ACCOUNTS;
    const payloads = options.database ? new SqlPayloads(options.database) : new MemoryPayloads();
    this.server = new AuthorizationServer({
      issuer: options.issuer, redirectUris: options.redirectUris, accounts, payloads, secret: options.secret,
      ...(options.accessTokenTtlSeconds ? { accessTokenTtlSeconds: options.accessTokenTtlSeconds } : {}),
      ...(options.signingKey ? { signingKey: options.signingKey } : {}),
    });
    const issuerUrl = new URL(options.issuer);
    this.client = new OAuthClient({
      issuer: options.issuer, clock: options.clock, scope: SCOPE, clientSecret: (id) => this.server.clientSecret(id),
      allowInsecure: issuerUrl.protocol === 'http:',
    });
    this.nodeHandler = (req, res) => this.server.handle(req, res);
    this.demo = {
      revokeGrant: async ({ accountId, appKey }) => {
        const ids = await payloads.grantIds(accountId, appKey);
        for (const id of ids) await payloads.destroyGrant(id);
        return ids.length;
      },
      failTransiently: (count) => this.server.failTransiently(count),
      expireAccessToken: (token) => this.server.expireAccessToken(token),
      issueGrant: async ({ appKey, accountId, withRefreshToken = true, expiresInMs }) => {
        const expiresInSeconds = Math.round((expiresInMs ?? (options.accessTokenTtlSeconds ?? 3600) * 1000) / 1000);
        const tokens = await this.server.issueGrant({ appKey, accountId, withRefreshToken, expiresInSeconds });
        return { ...tokens, expiresAt: new Date(options.clock.now().getTime() + expiresInSeconds * 1000).toISOString() };
      },
      accounts: () => accounts.map(({ id, email }) => ({ id, email })),
      reset: async () => {
        this.server.resetFailures();
        await payloads.clear();
      },
    };
  }

  registerClient(appKey: string, name: string): void {
    this.server.registerClient(appKey, name);
  }

  authorizationUrl(request: AuthorizationRequest): Promise<string> {
    return this.client.authorizationUrl(request);
  }

  exchangeCode(params: CodeExchangeRequest): Promise<CodeExchange> {
    const callbackParams = params.callbackParams ?? new URLSearchParams({ code: params.code, state: params.state });
    return this.client.exchangeCode({ appKey: params.appKey, callbackParams, expectedState: params.state, codeVerifier: params.codeVerifier, redirectUri: params.redirectUri });
  }

  refresh(params: { appKey: string; refreshToken: string }): Promise<TokenSet> {
    return this.client.refresh(params);
  }

  revokeToken(params: { appKey: string; token: string }): Promise<void> {
    return this.client.revoke(params);
  }

  async grantedAccounts(params: { appKey: string; accessToken: string }): Promise<GrantedAccount[] | undefined> {
    return grantPolicyFor(params.appKey).accounts ? this.client.grantedAccounts(params) : undefined;
  }

  accountTokens(params: { appKey: string; accessToken: string; accountId: string }): Promise<TokenSet> {
    return this.client.accountTokens(params);
  }
}
