// Seed 004's "Select the accounts you want to reconnect": a consent that grants several accounts (Facebook Pages)
// ends in `choose_accounts`; the caller picks which to connect, and each chosen account gets one connection — the one
// it already had (same id) or a new one beside it. The user's own token only lists the pages and mints a token for
// each chosen one; unchosen pages never get a token, and the user's token is revoked once the choice is made.
import type { ConnectSession } from '@relink/sdk/schema';
import type { RelinkContext } from '../context.js';
import { ApiError } from '../errors.js';
import { newId } from '../internal/ids.js';
import { isProviderError, type GrantedAccount } from '../provider/provider.js';
import type { ConnectionRecord, ConnectionSecrets, ConnectSessionRecord, ExternalAccount, HeldAccount } from '../store/store.js';
import { restoreConnection } from './health.js';
import { plannedConnection } from './reconnect.js';

const notChoosable = () => new ApiError(409, 'session_not_confirmable', 'Only a connect session waiting on a choice of accounts can take one.');

/** A connection's secrets from a token set. */
export function secretsOf(tokens: { accessToken: string; refreshToken?: string; expiresAt: string }): ConnectionSecrets {
  return { accessToken: tokens.accessToken, accessTokenExpiresAt: tokens.expiresAt, ...(tokens.refreshToken ? { refreshToken: tokens.refreshToken } : {}) };
}

/**
 * After the code exchange of a multi-account app: hold the user's token (sealed, as `pendingSecrets`) and the granted
 * accounts, each mapped to the connection of the same account that the flow's owner already has.
 */
export async function offerAccounts(
  ctx: RelinkContext,
  session: ConnectSessionRecord,
  target: ConnectionRecord,
  granted: GrantedAccount[],
  user: { account: ExternalAccount; secrets: ConnectionSecrets },
): Promise<ConnectSessionRecord> {
  if (granted.length === 0) {
    await revokeUserToken(ctx, target.appKey, user.secrets);
    const failed: ConnectSessionRecord = { ...session, status: 'failed', error: { code: 'no_accounts', message: 'The consent granted no accounts to connect.' } };
    await ctx.store.putConnectSession(failed);
    return failed;
  }
  const existing = (await ctx.store.listConnections({ workspaceId: session.workspaceId, appKey: target.appKey, ownerPrincipalId: target.ownerPrincipalId, limit: 100 })).items;
  const grantedAccounts = granted.map(({ id, email, name }): HeldAccount => {
    const match = existing.find((c) => c.externalAccountId === id);
    return { id, email, name, ...(match ? { connectionId: match.id } : {}) };
  });
  const offered: ConnectSessionRecord = { ...session, status: 'choose_accounts', newAccount: user.account, pendingSecrets: user.secrets, grantedAccounts };
  await ctx.store.putConnectSession(offered);
  return offered;
}

/** The choice's part of the wire shape: the accounts on offer, then the connections they became. */
export function accountsView(session: ConnectSessionRecord): Pick<ConnectSession, 'accounts' | 'connectionIds'> {
  return {
    ...(session.status === 'choose_accounts' && session.grantedAccounts
      ? { accounts: session.grantedAccounts.map(({ id, name, email, connectionId }) => ({ id, name, email, ...(connectionId ? { connectionId } : {}) })) }
      : {}),
    ...(session.connectionIds ? { connectionIds: session.connectionIds } : {}),
  };
}

/**
 * Connect the chosen accounts: a token of its own for each (from the provider, with the user's token), then one
 * connection each — updated in place when the account already has one, else created beside the flow's connection
 * with the same owner. A new app's planned connection takes the first new account, so `session.connectionId` exists.
 */
export async function chooseAccounts(ctx: RelinkContext, session: ConnectSessionRecord, accountIds: string[]): Promise<ConnectSessionRecord> {
  if (session.status !== 'choose_accounts' || !session.grantedAccounts || !session.pendingSecrets?.accessToken) throw notChoosable();
  const chosen = [...new Set(accountIds)];
  if (chosen.length === 0) throw new ApiError(400, 'validation_failed', 'Choose at least one account to connect.');
  const unknown = chosen.filter((id) => !session.grantedAccounts!.some((a) => a.id === id));
  if (unknown.length > 0) {
    throw new ApiError(400, 'validation_failed', `This consent did not grant ${unknown.map((id) => `"${id}"`).join(', ')}. Choose among the accounts it granted.`);
  }
  const target = (await ctx.store.getConnection(session.workspaceId, session.connectionId)) ?? plannedConnection(session, ctx.clock.now());
  if (!target) throw new ApiError(404, 'not_found', 'Connection not found.');
  const userSecrets = session.pendingSecrets;
  if (Date.parse(session.expiresAt) <= ctx.clock.now().getTime()) {
    await end(ctx, session, { status: 'failed', error: { code: 'session_expired', message: 'The connect link expired. Start the reconnect again.' } });
    await revokeUserToken(ctx, target.appKey, userSecrets);
    throw new ApiError(409, 'session_not_confirmable', 'This connect session expired. Start the reconnect again.');
  }

  const minted: { account: HeldAccount; secrets: ConnectionSecrets }[] = [];
  try {
    for (const id of chosen) {
      const account = session.grantedAccounts.find((a) => a.id === id)!;
      const tokens = await ctx.provider.accountTokens!({ appKey: target.appKey, accessToken: userSecrets.accessToken!, accountId: id });
      minted.push({ account, secrets: secretsOf(tokens) });
    }
  } catch (error) {
    // Nothing connected: tokens minted so far go back, and the session says why.
    for (const m of minted) await revokeUserToken(ctx, target.appKey, m.secrets);
    const transient = isProviderError(error) && error.kind === 'transient';
    return end(ctx, session, {
      status: 'failed',
      error: transient
        ? { code: 'provider_unavailable', message: 'The provider is temporarily unavailable. Try connecting again.' }
        : { code: 'invalid_grant', message: 'The provider no longer honours this consent. Start connecting again.' },
    }).finally(() => revokeUserToken(ctx, target.appKey, userSecrets));
  }

  const completed = await ctx.store.transaction(async (tx) => {
    const fresh = await tx.getConnectSession(session.workspaceId, session.id);
    if (fresh?.status !== 'choose_accounts') throw notChoosable();
    const now = ctx.clock.now();
    let plannedTaken = target.id !== session.connectionId || (await tx.getConnection(session.workspaceId, target.id)) !== undefined;
    const connectionIds: string[] = [];
    for (const { account, secrets } of minted) {
      const mapped = account.connectionId ? await tx.getConnection(session.workspaceId, account.connectionId) : undefined;
      let connection = mapped;
      if (!connection) {
        const id = plannedTaken ? newId('con') : target.id;
        plannedTaken = true;
        connection = { ...target, id, label: account.name, status: 'pending', secrets: {}, refresh: { attempts: 0 }, createdAt: now.toISOString(), updatedAt: now.toISOString() };
        delete connection.externalAccountId;
        delete connection.externalAccountEmail;
        delete connection.lastError;
        delete connection.expiresAt;
        delete connection.lastRefreshedAt;
      }
      const requestId = session.requestId && connection.id === session.connectionId ? { requestId: session.requestId } : {};
      await restoreConnection(ctx, tx, connection, { secrets, account: { id: account.id, email: account.email }, ...requestId });
      connectionIds.push(connection.id);
    }
    const done: ConnectSessionRecord = { ...fresh, status: 'completed', connectionIds };
    delete done.pendingSecrets;
    await tx.putConnectSession(done);
    return done;
  });
  // The user's own token was only for listing and minting: it is not kept.
  await revokeUserToken(ctx, target.appKey, userSecrets);
  return completed;
}

async function end(ctx: RelinkContext, session: ConnectSessionRecord, change: Pick<ConnectSessionRecord, 'status' | 'error'>): Promise<ConnectSessionRecord> {
  const next: ConnectSessionRecord = { ...session, ...change };
  delete next.pendingSecrets;
  await ctx.store.putConnectSession(next);
  return next;
}

/** Revoke a token set at the provider, best effort (it may already consider it dead). */
export async function revokeUserToken(ctx: RelinkContext, appKey: string, secrets: ConnectionSecrets | undefined): Promise<void> {
  for (const token of [secrets?.refreshToken, secrets?.accessToken]) {
    if (!token) continue;
    try {
      await ctx.provider.revokeToken({ appKey, token });
    } catch {
      ctx.log.warn('provider token revocation failed', { appKey });
    }
  }
}
