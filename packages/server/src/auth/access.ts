import type { AuthInfo, RelinkContext } from '../context.js';
import { forbidden, notFound } from '../errors.js';
import type { ConnectionRecord, ConnectionRequestRecord, ConnectSessionRecord } from '../store/store.js';

/**
 * Who may see what. Agency: the whole workspace. Client: only the connections it authorised, the requests addressed
 * to it and the connect sessions it started. Anything in another workspace is "not found", never "forbidden",
 * so ids do not leak across tenants.
 */
export function canSeeConnection(auth: AuthInfo, connection: ConnectionRecord): boolean {
  if (connection.workspaceId !== auth.workspaceId) return false;
  if (auth.principal.role === 'agency') return true;
  return connection.owner === 'client' && connection.ownerPrincipalId === auth.principal.id;
}

export function requireAgency(auth: AuthInfo, what: string): void {
  if (auth.principal.role !== 'agency') throw forbidden(`Only the agency can ${what}.`);
}

export async function loadConnection(ctx: RelinkContext, auth: AuthInfo, id: string): Promise<ConnectionRecord> {
  const connection = await ctx.store.getConnection(auth.workspaceId, id);
  if (!connection || !canSeeConnection(auth, connection)) throw notFound('Connection');
  return connection;
}

export function canSeeRequest(auth: AuthInfo, request: ConnectionRequestRecord): boolean {
  return request.workspaceId === auth.workspaceId && (auth.principal.role === 'agency' || request.requestedFor === auth.principal.id);
}

export async function loadConnectionRequest(ctx: RelinkContext, auth: AuthInfo, id: string): Promise<ConnectionRequestRecord> {
  const request = await ctx.store.getConnectionRequest(auth.workspaceId, id);
  if (!request || !canSeeRequest(auth, request)) throw notFound('Connection request');
  return request;
}

export async function loadConnectSession(ctx: RelinkContext, auth: AuthInfo, id: string): Promise<ConnectSessionRecord> {
  const session = await ctx.store.getConnectSession(auth.workspaceId, id);
  // Only whoever started the flow: its consent URL and state are credentials, and the agency must never consent
  // for a client's account (nor read or confirm the client's flow) on any route.
  const visible = session && session.principalId === auth.principal.id;
  if (!session || !visible) throw notFound('Connect session');
  return session;
}

/** Event audience check for SSE. */
export function canSeeEvent(auth: AuthInfo, event: { workspaceId: string; audience: string[] }): boolean {
  return event.workspaceId === auth.workspaceId && (auth.principal.role === 'agency' || event.audience.includes(auth.principal.id));
}
