import type { CreateConnectionRequestBody } from '@relink/sdk/schema';
import type { AuthInfo, RelinkContext } from '../context.js';
import { ApiError, notFound } from '../errors.js';
import { emitConnectionRequest } from '../events/emit.js';
import { newId } from '../internal/ids.js';
import type { ConnectionRecord, ConnectionRequestRecord, ConnectSessionRecord } from '../store/store.js';
import { startConsent } from './reconnect.js';

/**
 * Agency asks a client to connect an app: either reconnect an existing client-owned connection in place
 * (`connectionId`, seed 002) or connect a new app (`appKey` + `principalId`).
 */
export async function createConnectionRequest(ctx: RelinkContext, auth: AuthInfo, body: CreateConnectionRequestBody): Promise<ConnectionRequestRecord> {
  let appKey: string;
  let requestedFor: string;
  let connectionId: string | undefined;
  if (body.connectionId !== undefined) {
    if (body.appKey !== undefined || body.principalId !== undefined) {
      throw new ApiError(400, 'validation_failed', 'Give either "connectionId", or "appKey" and "principalId", not both.');
    }
    const connection = await ctx.store.getConnection(auth.workspaceId, body.connectionId);
    if (!connection) throw notFound('Connection');
    if (connection.owner !== 'client') {
      throw new ApiError(400, 'bad_request', 'That connection belongs to the agency: reconnect it yourself instead of sending a request.');
    }
    appKey = connection.appKey;
    requestedFor = connection.ownerPrincipalId;
    connectionId = connection.id;
  } else {
    if (body.appKey === undefined || body.principalId === undefined) {
      throw new ApiError(400, 'validation_failed', 'Give either "connectionId", or "appKey" and "principalId".');
    }
    if (!(await ctx.store.getApp(body.appKey))) throw new ApiError(400, 'validation_failed', `Unknown app "${body.appKey}".`);
    const principal = await ctx.store.getPrincipal(auth.workspaceId, body.principalId);
    if (!principal || principal.role !== 'client') throw notFound('Client');
    appKey = body.appKey;
    requestedFor = principal.id;
  }
  const request: ConnectionRequestRecord = {
    id: newId('req'),
    workspaceId: auth.workspaceId,
    appKey,
    requestedBy: { principalId: auth.principal.id, name: auth.principal.name },
    requestedFor,
    requestedAt: ctx.clock.now().toISOString(),
    state: 'outstanding',
    ...(connectionId ? { connectionId } : {}),
    ...(body.note ? { note: body.note } : {}),
  };
  await ctx.store.transaction(async (tx) => {
    await tx.putConnectionRequest(request);
    await emitConnectionRequest(ctx, tx, request);
  });
  return request;
}

export async function cancelConnectionRequest(ctx: RelinkContext, request: ConnectionRequestRecord): Promise<ConnectionRequestRecord> {
  return ctx.store.transaction(async (tx) => {
    const current = (await tx.getConnectionRequest(request.workspaceId, request.id)) ?? request;
    if (current.state !== 'outstanding') throw new ApiError(409, 'request_not_outstanding', `This request is already ${current.state}.`);
    const cancelled = { ...current, state: 'cancelled' as const };
    await tx.putConnectionRequest(cancelled);
    await emitConnectionRequest(ctx, tx, cancelled);
    return cancelled;
  });
}

/**
 * The client answers a request: start the consent flow. A request for a new app plans its connection (`pending`,
 * owned by the client) but writes it only when the consent completes: a denied or failed consent leaves no stray
 * pending connection behind, and the next attempt plans afresh.
 */
export async function startRequestConsent(
  ctx: RelinkContext,
  auth: AuthInfo,
  request: ConnectionRequestRecord,
  options: { origin: string; returnTo?: string },
): Promise<ConnectSessionRecord> {
  if (request.requestedFor !== auth.principal.id) throw new ApiError(403, 'forbidden', 'Only the client this request is addressed to can answer it.');
  if (request.state !== 'outstanding') throw new ApiError(409, 'request_not_outstanding', `This request is already ${request.state}.`);
  const existing: ConnectionRecord | undefined = request.connectionId ? await ctx.store.getConnection(request.workspaceId, request.connectionId) : undefined;
  if (existing) return startConsent(ctx, auth, existing, { ...options, requestId: request.id });
  const app = await ctx.store.getApp(request.appKey);
  if (!app) throw notFound('App');
  const now = ctx.clock.now().toISOString();
  const planned: ConnectionRecord = {
    id: newId('con'),
    workspaceId: request.workspaceId,
    appKey: app.key,
    label: app.name,
    status: 'pending',
    owner: 'client',
    ownerPrincipalId: auth.principal.id,
    secrets: {},
    refresh: { attempts: 0 },
    createdAt: now,
    updatedAt: now,
  };
  return startConsent(ctx, auth, planned, {
    ...options,
    requestId: request.id,
    newConnection: { appKey: planned.appKey, label: planned.label, owner: planned.owner, ownerPrincipalId: planned.ownerPrincipalId },
  });
}
