// The backend's OAuth client, written against any standards-compliant authorization server with oauth4webapi:
// discovery, PKCE, state and `iss` checks on the callback, code exchange, rotating refresh, revocation, and sorting
// token-endpoint failures into `invalid_grant` (permanent) and transient.
import * as oauth from 'oauth4webapi';
import type { Clock } from '../../clock.js';
import { ProviderError, type AuthorizationRequest, type CodeExchange, type GrantedAccount, type TokenSet } from '../provider.js';

export interface OAuthClientOptions {
  issuer: string;
  clock: Clock;
  clientSecret: (clientId: string) => string;
  scope: string;
  /** Plain http is allowed only for loopback and test hosts; a real deployment's issuer is https. */
  allowInsecure?: boolean;
}

const TRANSIENT_STATUS = (status: number | undefined) => status === undefined || status === 429 || status >= 500;

function retryAfterOf(response: Response | undefined): number | undefined {
  const value = Number(response?.headers.get('retry-after'));
  return Number.isFinite(value) && value > 0 ? value : undefined;
}

/** oauth4webapi's errors → the lifecycle's two kinds. */
export function toProviderError(error: unknown): ProviderError {
  if (error instanceof ProviderError) return error;
  if (error instanceof oauth.ResponseBodyError) {
    const retryAfter = retryAfterOf(error.response);
    if (error.error === 'invalid_grant') return new ProviderError('invalid_grant', error.error_description ?? 'invalid_grant', { status: error.status, cause: error });
    // 5xx/429 are the classic transient answers; any other refusal (invalid_client, …) is a configuration problem
    // that a retry with backoff surfaces in lastError without destroying the credential.
    return new ProviderError(
      'transient',
      `The token endpoint answered ${error.status} ${error.error}${TRANSIENT_STATUS(error.status) ? '' : ' (not retryable by itself: check the client configuration)'}.`,
      { status: error.status, ...(retryAfter ? { retryAfter } : {}), cause: error },
    );
  }
  // (The cause is a fetch Response; checked by shape, since undici's class need not be this realm's global.)
  const cause = error instanceof oauth.OperationProcessingError ? (error.cause as Partial<Response> | undefined) : undefined;
  const response = cause && typeof cause.status === 'number' && cause.headers ? (cause as Response) : undefined;
  const retryAfter = retryAfterOf(response);
  // Network failures, 5xx without a JSON error body, malformed answers: retry later.
  return new ProviderError('transient', `The provider could not be reached or answered unexpectedly (${(error as Error).name}).`, {
    ...(response ? { status: response.status } : {}), ...(retryAfter ? { retryAfter } : {}), cause: error,
  });
}

export class OAuthClient {
  private server: Promise<oauth.AuthorizationServer> | undefined;
  private readonly http: { [oauth.allowInsecureRequests]?: boolean };

  constructor(private readonly options: OAuthClientOptions) {
    this.http = options.allowInsecure ? { [oauth.allowInsecureRequests]: true } : {};
  }

  /** Discovery (`/.well-known/openid-configuration`), once; a failure is retried on the next call. */
  metadata(): Promise<oauth.AuthorizationServer> {
    this.server ??= (async () => {
      const issuer = new URL(this.options.issuer);
      const response = await oauth.discoveryRequest(issuer, { algorithm: 'oidc', ...this.http });
      return oauth.processDiscoveryResponse(issuer, response);
    })();
    this.server.catch(() => (this.server = undefined));
    return this.server;
  }

  private client(clientId: string): oauth.Client {
    return { client_id: clientId };
  }

  private auth(clientId: string): oauth.ClientAuth {
    return oauth.ClientSecretBasic(this.options.clientSecret(clientId));
  }

  private tokens(result: oauth.TokenEndpointResponse): TokenSet {
    const expiresIn = result.expires_in ?? 3600;
    return {
      accessToken: result.access_token,
      ...(result.refresh_token ? { refreshToken: result.refresh_token } : {}),
      expiresAt: new Date(this.options.clock.now().getTime() + expiresIn * 1000).toISOString(),
    };
  }

  async authorizationUrl(request: AuthorizationRequest): Promise<string> {
    const as = await this.metadata();
    if (!as.authorization_endpoint) throw new Error('the provider has no authorization endpoint');
    const url = new URL(as.authorization_endpoint);
    url.searchParams.set('response_type', 'code');
    url.searchParams.set('client_id', request.appKey);
    url.searchParams.set('redirect_uri', request.redirectUri);
    url.searchParams.set('scope', this.options.scope);
    url.searchParams.set('state', request.state);
    url.searchParams.set('code_challenge', request.codeChallenge);
    url.searchParams.set('code_challenge_method', 'S256');
    // Always show the account choice: reconnecting is exactly when the user may pick a different account.
    url.searchParams.set('prompt', 'login consent');
    if (request.loginHint) url.searchParams.set('login_hint', request.loginHint);
    return url.toString();
  }

  async exchangeCode(params: { appKey: string; callbackParams: URLSearchParams; expectedState: string; codeVerifier: string; redirectUri: string }): Promise<CodeExchange> {
    const as = await this.metadata();
    const client = this.client(params.appKey);
    // state must be the flow's, iss must be this provider's (RFC 9207); an error response throws here.
    const validated = oauth.validateAuthResponse(as, client, params.callbackParams, params.expectedState);
    try {
      const response = await oauth.authorizationCodeGrantRequest(as, client, this.auth(params.appKey), validated, params.redirectUri, params.codeVerifier, this.http);
      const result = await oauth.processAuthorizationCodeResponse(as, client, response, { expectedNonce: oauth.expectNoNonce, requireIdToken: true });
      const claims = oauth.getValidatedIdTokenClaims(result);
      if (!claims || typeof claims.email !== 'string') throw new ProviderError('invalid_grant', 'The ID token names no account email.');
      return { ...this.tokens(result), account: { id: claims.sub, email: claims.email } };
    } catch (error) {
      throw toProviderError(error);
    }
  }

  async refresh(params: { appKey: string; refreshToken: string }): Promise<TokenSet> {
    try {
      const as = await this.metadata();
      const client = this.client(params.appKey);
      const response = await oauth.refreshTokenGrantRequest(as, client, this.auth(params.appKey), params.refreshToken, this.http);
      return this.tokens(await oauth.processRefreshTokenResponse(as, client, response));
    } catch (error) {
      throw toProviderError(error);
    }
  }

  async revoke(params: { appKey: string; token: string }): Promise<void> {
    const as = await this.metadata();
    const response = await oauth.revocationRequest(as, this.client(params.appKey), this.auth(params.appKey), params.token, this.http);
    await oauth.processRevocationResponse(response);
  }

  /** Multi-account apps: the pages the user's consent granted (the provider's `/accounts`, Facebook's `/me/accounts`). */
  async grantedAccounts(params: { accessToken: string }): Promise<GrantedAccount[]> {
    const body = (await this.accountsRequest('GET', '/accounts', params.accessToken)) as { data?: GrantedAccount[] };
    return (body.data ?? []).map(({ id, email, name }) => ({ id, email, name }));
  }

  /** A token set of its own for one granted page, minted with the user's access token. */
  async accountTokens(params: { accessToken: string; accountId: string }): Promise<TokenSet> {
    const body = (await this.accountsRequest('POST', `/accounts/${encodeURIComponent(params.accountId)}/token`, params.accessToken)) as oauth.TokenEndpointResponse;
    if (typeof body.access_token !== 'string') throw new ProviderError('transient', 'The provider answered a page token request without a token.');
    return this.tokens(body);
  }

  private async accountsRequest(method: 'GET' | 'POST', path: string, accessToken: string): Promise<unknown> {
    let response: Response;
    try {
      response = await fetch(`${this.options.issuer.replace(/\/+$/, '')}${path}`, { method, headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json' } });
    } catch (error) {
      throw new ProviderError('transient', 'The provider could not be reached.', { cause: error });
    }
    if (response.ok) return response.json();
    const retryAfter = retryAfterOf(response);
    throw TRANSIENT_STATUS(response.status)
      ? new ProviderError('transient', `The provider answered ${response.status}.`, { status: response.status, ...(retryAfter ? { retryAfter } : {}) })
      : new ProviderError('invalid_grant', `The provider refused the user's token (${response.status}).`, { status: response.status });
  }
}
