import type { Hono } from 'hono';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ExternalAccount } from '../store/store.js';

/** What a token endpoint hands back. `expiresAt` is absolute so a stored record needs no clock arithmetic. */
export interface TokenSet {
  accessToken: string;
  /** Absent when the provider issues no refresh token (LinkedIn-style hard expiry). */
  refreshToken?: string;
  expiresAt: string;
}

export interface CodeExchange extends TokenSet {
  /** The external account the user consented as. */
  account: ExternalAccount;
}

/** An account a multi-account consent granted (a Facebook Page), as the user's token lists it. */
export interface GrantedAccount extends ExternalAccount {
  name: string;
}

export type ProviderErrorKind = 'transient' | 'invalid_grant';

/**
 * A token-endpoint failure, sorted the way the lifecycle needs: `transient` (network, 5xx, 429) retries with backoff
 * and keeps the connection active; `invalid_grant` is permanent and needs a fresh consent.
 */
export class ProviderError extends Error {
  override name = 'ProviderError';
  readonly kind: ProviderErrorKind;
  readonly status: number | undefined;
  /** Seconds, from the provider's Retry-After, when it sent one. */
  readonly retryAfter: number | undefined;

  constructor(kind: ProviderErrorKind, message: string, options: { status?: number; retryAfter?: number; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.kind = kind;
    this.status = options.status;
    this.retryAfter = options.retryAfter;
  }
}

export function isProviderError(error: unknown): error is ProviderError {
  return error instanceof ProviderError || (error instanceof Error && error.name === 'ProviderError' && 'kind' in error);
}

export interface AuthorizationRequest {
  /** The OAuth client id: the app's key. */
  appKey: string;
  state: string;
  /** S256 PKCE challenge. */
  codeChallenge: string;
  redirectUri: string;
  /** Pre-select the account the connection used before. */
  loginHint?: string;
}

export interface CodeExchangeRequest {
  /** The OAuth client id: the app's key. */
  appKey: string;
  code: string;
  codeVerifier: string;
  redirectUri: string;
  /** The `state` this flow sent; the callback's must equal it. */
  state: string;
  /** Every parameter the callback received (`code`, `state`, `iss`, …), for clients that check them all. */
  callbackParams?: URLSearchParams;
}

/**
 * An OAuth 2.0 authorization server as the backend sees it (authorization-code + PKCE, rotating refresh tokens).
 * `OidcProvider` (oidc-provider + an oauth4webapi client, Node) backs `npm start` and the tests;
 * `InProcessProvider` (WebCrypto only) backs the in-page server for Storybook.
 */
export interface Provider {
  /** The consent URL to open in a popup or redirect to (a discovering client may need to fetch metadata first). */
  authorizationUrl(request: AuthorizationRequest): string | Promise<string>;
  exchangeCode(params: CodeExchangeRequest): Promise<CodeExchange>;
  /** Rotating: the answer carries a new refresh token and the old one stops working. Throws `ProviderError`. */
  refresh(params: { appKey: string; refreshToken: string }): Promise<TokenSet>;
  /** RFC 7009 revocation of a token we are discarding; best effort. */
  revokeToken(params: { appKey: string; token: string }): Promise<void>;
  /**
   * Multi-account apps (`grantPolicyFor(appKey).accounts`): the accounts the user's consent granted, read with the
   * user's access token (Facebook's `/me/accounts`); undefined for an app that grants the user's account only.
   * Throws `ProviderError`.
   */
  grantedAccounts?(params: { appKey: string; accessToken: string }): Promise<GrantedAccount[] | undefined>;
  /** A token set of its own for one granted account (Facebook's page token), minted with the user's access token. */
  accountTokens?(params: { appKey: string; accessToken: string; accountId: string }): Promise<TokenSet>;
  /** Make an app known to the provider as an OAuth client (called for every OAuth app at start and on seeding). */
  registerClient?(appKey: string, name: string): void;
  /** Routes the app mounts under `/provider` (consent page, token endpoint), for providers that live in-process. */
  readonly routes?: Hono;
  /** Node-only providers: a request listener the Node entry mounts under `/provider` (see `createNodeListener`). */
  readonly nodeHandler?: (req: IncomingMessage, res: ServerResponse) => void;
}

/** Levers the demo (and the tests) pull on a provider to make the failure stories happen on demand. */
export interface DemoProviderControls {
  /** What a password change does: every grant of the account (optionally for one app) stops refreshing. */
  revokeGrant(account: { accountId: string; appKey?: string }): Promise<number>;
  /** The token endpoint answers 503 the next `count` times. */
  failTransiently(count: number): void;
  /** Make an access token expired now (the provider-side half of "expire a token"). */
  expireAccessToken(accessToken: string): void | Promise<void>;
  /** Mint a grant without a consent screen, for seeding. */
  issueGrant(params: { appKey: string; accountId: string; withRefreshToken?: boolean; expiresInMs?: number }): Promise<TokenSet>;
  accounts(): ExternalAccount[];
  /** Forget every grant, code and pending failure. */
  reset(): void | Promise<void>;
}

export type DemoProvider = Provider & { readonly demo: DemoProviderControls };

export function isDemoProvider(provider: Provider): provider is DemoProvider {
  return typeof (provider as Partial<DemoProvider>).demo === 'object';
}
