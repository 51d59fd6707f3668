import type { AuthInfo, RelinkContext } from '../context.js';
import { ApiError } from '../errors.js';
import { newId, randomSecret } from '../internal/ids.js';
import { createPkcePair } from '../provider/pkce.js';
import { isProviderError } from '../provider/provider.js';
import type { ConnectionRecord, ConnectSessionRecord } from '../store/store.js';
import { offerAccounts, revokeUserToken, secretsOf } from './accounts.js';
import { restoreConnection } from './health.js';
import { appOf } from './views.js';

export const CONNECT_SESSION_TTL_MS = 15 * 60 * 1000;
/** How a session that expired before it finished ends. */
const SESSION_EXPIRED = { code: 'session_expired', message: 'The connect link expired. Start the reconnect again.' };

/** Seed 000: apps that need the product's managed auth config cannot even start the connect flow without it. */
export function authConfigMissingMessage(appName: string): string {
  return `${appName} needs a managed auth config that is missing or invalid, so the connect flow cannot start. Contact your administrator to have the auth config provisioned, then reconnect.`;
}

/** Checks that apply before any consent flow, for reconnects and connection requests alike. */
export async function assertConsentPossible(ctx: RelinkContext, connection: ConnectionRecord): Promise<void> {
  const app = await appOf(ctx, connection);
  if (app.authMode === 'api_key') {
    throw new ApiError(409, 'not_reconnectable', `${app.name} connects with an API key: submit its credentials instead of a consent flow.`);
  }
  if (app.managedAuthConfig === 'missing' || app.managedAuthConfig === 'invalid') {
    throw new ApiError(409, 'auth_config_missing', authConfigMissingMessage(app.name));
  }
}

/**
 * Start a consent flow for a connection: PKCE pair, `state`, a connect session and the provider's consent URL.
 * `origin` is where the callback page will `postMessage` the result.
 */
export async function startConsent(
  ctx: RelinkContext,
  auth: AuthInfo,
  connection: ConnectionRecord,
  options: { origin: string; returnTo?: string; requestId?: string; newConnection?: ConnectSessionRecord['newConnection'] },
): Promise<ConnectSessionRecord> {
  await assertConsentPossible(ctx, connection);
  const app = await appOf(ctx, connection);
  const { codeVerifier, codeChallenge } = await createPkcePair();
  const state = randomSecret(24);
  const now = ctx.clock.now();
  const connectUrl = await ctx.provider.authorizationUrl({
    appKey: app.key,
    state,
    codeChallenge,
    redirectUri: ctx.callbackUrl,
    ...(connection.externalAccountEmail ? { loginHint: connection.externalAccountEmail } : {}),
  });
  const session: ConnectSessionRecord = {
    id: newId('cs'),
    workspaceId: connection.workspaceId,
    connectionId: connection.id,
    principalId: auth.principal.id,
    status: 'pending',
    state,
    codeVerifier,
    redirectUri: ctx.callbackUrl,
    connectUrl,
    origin: options.origin,
    expiresAt: new Date(now.getTime() + CONNECT_SESSION_TTL_MS).toISOString(),
    createdAt: now.toISOString(),
    ...(options.returnTo ? { returnTo: options.returnTo } : {}),
    ...(options.requestId ? { requestId: options.requestId } : {}),
    ...(options.newConnection ? { newConnection: options.newConnection } : {}),
    ...(connection.externalAccountId && connection.externalAccountEmail
      ? { previousAccount: { id: connection.externalAccountId, email: connection.externalAccountEmail } }
      : {}),
  };
  await ctx.store.putConnectSession(session);
  return session;
}

/** A new app's connection, as its consent flow planned it: written only once that consent completes. */
export function plannedConnection(session: ConnectSessionRecord, now: Date): ConnectionRecord | undefined {
  if (!session.newConnection) return undefined;
  return {
    id: session.connectionId,
    workspaceId: session.workspaceId,
    ...session.newConnection,
    status: 'pending',
    secrets: {},
    refresh: { attempts: 0 },
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  };
}

/**
 * The OAuth callback: exchange the code (PKCE verifier from the session), then complete the connection, or hold the
 * tokens as `account_mismatch` when the user consented as someone else. Returns the session after the change,
 * or undefined when `state` matches no flow.
 */
export async function completeConsent(
  ctx: RelinkContext,
  params: { state: string; code?: string; error?: string; callbackParams?: URLSearchParams },
): Promise<ConnectSessionRecord | undefined> {
  const now = ctx.clock.now();
  // Claim the session before touching the code: of any number of loads of one callback URL (a double click, a
  // reload, two instances) exactly one exchanges the code; the others wait for its outcome and show that.
  const claim = await ctx.store.transaction(async (tx) => {
    const found = await tx.findConnectSessionByState(params.state);
    if (!found || found.status !== 'pending' || found.exchangeStartedAt) return { session: found, ours: false };
    const claimed: ConnectSessionRecord = { ...found, exchangeStartedAt: now.toISOString() };
    await tx.putConnectSession(claimed);
    return { session: claimed, ours: true };
  });
  if (!claim.session) return undefined;
  if (!claim.ours) return claim.session.status === 'pending' ? waitForOutcome(ctx, claim.session) : claim.session;
  const session = claim.session;
  const finish = async (change: Partial<ConnectSessionRecord>): Promise<ConnectSessionRecord> => {
    const updated = { ...session, ...change };
    await ctx.store.putConnectSession(updated);
    return updated;
  };
  if (Date.parse(session.expiresAt) <= now.getTime()) {
    return finish({ status: 'failed', error: SESSION_EXPIRED });
  }
  if (params.error) {
    return params.error === 'access_denied'
      ? finish({ status: 'cancelled', error: { code: 'access_denied', message: 'Access was denied at the provider.' } })
      : finish({ status: 'failed', error: { code: params.error, message: 'The provider did not authorise the connection.' } });
  }
  if (!params.code) return finish({ status: 'failed', error: { code: 'missing_code', message: 'The provider sent no authorization code.' } });

  let exchange;
  const target = (await ctx.store.getConnection(session.workspaceId, session.connectionId)) ?? plannedConnection(session, now);
  try {
    if (!target) return finish({ status: 'failed', error: { code: 'not_found', message: 'The connection no longer exists.' } });
    exchange = await ctx.provider.exchangeCode({
      appKey: target.appKey, code: params.code, codeVerifier: session.codeVerifier, redirectUri: session.redirectUri, state: session.state,
      ...(params.callbackParams ? { callbackParams: params.callbackParams } : {}),
    });
  } catch (error) {
    const transient = isProviderError(error) && error.kind === 'transient';
    return finish({
      status: 'failed',
      error: transient
        ? { code: 'provider_unavailable', message: 'The provider is temporarily unavailable. Try reconnecting again.' }
        : { code: 'invalid_grant', message: 'The provider rejected the authorization code.' },
    });
  }
  const secrets = secretsOf(exchange);
  const account = exchange.account;

  // Several accounts granted (Facebook Pages): nothing connects until the caller chooses (seed 004). That choice
  // names which existing connection each account updates, so it stands in for the account-mismatch question.
  let granted;
  try {
    granted = await ctx.provider.grantedAccounts?.({ appKey: target.appKey, accessToken: exchange.accessToken });
  } catch (error) {
    await revokeUserToken(ctx, target.appKey, secrets);
    const transient = isProviderError(error) && error.kind === 'transient';
    return finish({
      status: 'failed',
      error: transient
        ? { code: 'provider_unavailable', message: 'The provider is temporarily unavailable. Try reconnecting again.' }
        : { code: 'invalid_grant', message: 'The provider did not list the accounts it granted.' },
    });
  }
  if (granted) return offerAccounts(ctx, session, target, granted, { account, secrets });

  return ctx.store.transaction(async (tx) => {
    const connection = (await tx.getConnection(session.workspaceId, session.connectionId)) ?? plannedConnection(session, now);
    if (!connection) {
      const failed = { ...session, status: 'failed' as const, error: { code: 'not_found', message: 'The connection no longer exists.' } };
      await tx.putConnectSession(failed);
      return failed;
    }
    // Seed 000: authorising a different account can point workflows at the wrong data, so ask before switching.
    if (connection.externalAccountId !== undefined && connection.externalAccountId !== account.id) {
      const mismatch: ConnectSessionRecord = { ...session, status: 'account_mismatch', newAccount: account, pendingSecrets: secrets };
      await tx.putConnectSession(mismatch);
      return mismatch;
    }
    await restoreConnection(ctx, tx, connection, { secrets, account, ...(session.requestId ? { requestId: session.requestId } : {}) });
    const completed: ConnectSessionRecord = { ...session, status: 'completed', newAccount: account };
    await tx.putConnectSession(completed);
    return completed;
  });
}

/** How long a second load of a callback waits for the first one's exchange before showing "still connecting". */
const CALLBACK_WAIT_MS = 20_000;

async function waitForOutcome(ctx: RelinkContext, session: ConnectSessionRecord): Promise<ConnectSessionRecord> {
  const deadline = Date.now() + CALLBACK_WAIT_MS;
  let current = session;
  for (let delay = 10; current.status === 'pending' && Date.now() < deadline; delay = Math.min(delay * 2, 200)) {
    await new Promise((resolve) => setTimeout(resolve, delay));
    current = (await ctx.store.getConnectSession(session.workspaceId, session.id)) ?? current;
  }
  return current;
}

/**
 * After `account_mismatch`, the user keeps the account the connection had: the other account's fresh tokens are
 * revoked at the provider and dropped, and the session ends `cancelled`. After `choose_accounts`, the user connects
 * none of them: the same.
 */
export async function declineConsent(ctx: RelinkContext, session: ConnectSessionRecord): Promise<ConnectSessionRecord> {
  const error = session.status === 'choose_accounts'
    ? { code: 'no_accounts_chosen', message: 'No accounts were connected.' }
    : { code: 'account_kept', message: 'The connection kept its original account.' };
  return discardHeldTokens(ctx, session, { status: 'cancelled', error });
}

/**
 * A session that held tokens until it expired with nobody deciding (the refresher's sweep): the tokens are revoked at
 * the provider and dropped, and the session ends `failed` with `session_expired`, as a late confirm would find it.
 */
export function expireHeldSession(ctx: RelinkContext, session: ConnectSessionRecord): Promise<ConnectSessionRecord> {
  return discardHeldTokens(ctx, session, { status: 'failed', error: SESSION_EXPIRED });
}

/** Sessions holding tokens until the caller decides: an account mismatch, or a choice of accounts. */
const HOLDING = new Set<ConnectSessionRecord['status']>(['account_mismatch', 'choose_accounts']);

/** End a session that holds tokens (see `HOLDING`) without applying them: they are revoked at the provider and dropped. */
async function discardHeldTokens(ctx: RelinkContext, session: ConnectSessionRecord, change: Pick<ConnectSessionRecord, 'status' | 'error'>): Promise<ConnectSessionRecord> {
  const notDeclinable = () => new ApiError(409, 'session_not_confirmable', 'Only a connect session waiting on an account-mismatch decision or a choice of accounts can be declined.');
  if (!HOLDING.has(session.status)) throw notDeclinable();
  const ended = await ctx.store.transaction(async (tx) => {
    const current = (await tx.getConnectSession(session.workspaceId, session.id)) ?? session;
    if (!HOLDING.has(current.status)) throw notDeclinable();
    const next: ConnectSessionRecord = { ...current, ...change };
    delete next.pendingSecrets;
    await tx.putConnectSession(next);
    return { next, pending: current.pendingSecrets };
  });
  const appKey = (await ctx.store.getConnection(session.workspaceId, session.connectionId))?.appKey ?? session.newConnection?.appKey;
  if (appKey) await revokeUserToken(ctx, appKey, ended.pending);
  return ended.next;
}

/** After `account_mismatch`: the caller accepts the new account; switch to it and complete. */
export async function confirmConsent(ctx: RelinkContext, session: ConnectSessionRecord): Promise<ConnectSessionRecord> {
  if (session.status !== 'account_mismatch' || !session.pendingSecrets || !session.newAccount) {
    throw new ApiError(409, 'session_not_confirmable', 'Only a connect session waiting on an account-mismatch decision can be confirmed.');
  }
  if (Date.parse(session.expiresAt) <= ctx.clock.now().getTime()) {
    // Too late to switch: the other account's tokens are not kept around either.
    await expireHeldSession(ctx, session).catch(() => undefined);
    throw new ApiError(409, 'session_not_confirmable', 'This connect session expired. Start the reconnect again.');
  }
  const { pendingSecrets, newAccount } = session;
  return ctx.store.transaction(async (tx) => {
    const fresh = await tx.getConnectSession(session.workspaceId, session.id);
    if (fresh?.status !== 'account_mismatch') throw new ApiError(409, 'session_not_confirmable', 'Only a connect session waiting on an account-mismatch decision can be confirmed.');
    const connection = await tx.getConnection(session.workspaceId, session.connectionId);
    if (!connection) throw new ApiError(404, 'not_found', 'Connection not found.');
    await restoreConnection(ctx, tx, connection, { secrets: pendingSecrets, account: newAccount, ...(session.requestId ? { requestId: session.requestId } : {}) });
    const completed: ConnectSessionRecord = { ...session, status: 'completed' };
    delete completed.pendingSecrets;
    await tx.putConnectSession(completed);
    return completed;
  });
}
