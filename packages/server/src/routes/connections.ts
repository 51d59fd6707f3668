import type { Hono } from 'hono';
import type { z } from 'zod/mini';
import {
  Connection,
  ConnectionListQuery,
  ConnectionPage,
  ConnectSession,
  CredentialsBody,
  DEFAULT_PAGE_SIZE,
  ReconnectBody,
} from '@relink/sdk/schema';
import { loadConnection } from '../auth/access.js';
import type { AppEnv, RelinkContext } from '../context.js';
import { ApiError } from '../errors.js';
import { resolveConsentTarget } from '../http/origin.js';
import { route, type RouteRegistry } from '../http/route.js';
import { idParam, parseBody, parseQuery, send } from '../http/validate.js';
import { submitCredentials } from '../lifecycle/credentials.js';
import { startConsent } from '../lifecycle/reconnect.js';
import { refreshNow } from '../lifecycle/refresh.js';
import { revokeConnection } from '../lifecycle/revoke.js';
import { appOf, connectionView, toConnection, toConnectSession, unknownApp } from '../lifecycle/views.js';
import { InvalidCursorError, type PageResult } from '../store/store.js';

/** Store pagination with the cursor error turned into a 400. */
export async function paged<T>(load: () => Promise<PageResult<T>>): Promise<PageResult<T>> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof InvalidCursorError) throw new ApiError(400, 'bad_request', error.message);
    throw error;
  }
}

/** A cursor already says where a page starts: a list refuses one sent with an `offset` (400, never a guess). */
export function oneStart(q: { cursor?: string | undefined; offset?: number | undefined }): void {
  if (q.cursor !== undefined && q.offset !== undefined) throw new ApiError(400, 'bad_request', 'Send either a cursor or an offset, not both: a cursor already says where the page starts.');
}

/**
 * Where a list stands in the event log (`eventId` on every page), read before the list itself: a client that opens
 * the event stream from it hears every change the list may have missed (list, then watch).
 */
export function listedAt(ctx: RelinkContext): string {
  return String(ctx.store.committedEventId());
}

export function connectionRoutes(v1: Hono<AppEnv>, registry: RouteRegistry, ctx: RelinkContext): void {
  const tag = 'connections';
  const view = async (record: Parameters<typeof toConnection>[0]) => toConnection(record, await appOf(ctx, record));

  route(v1, registry, {
    method: 'get', path: '/v1/connections', tag, auth: 'session', summary: 'A page of the connections the caller may see, filtered (status, app, q: app name or label), sorted (sort, order) and counted (total, on every page without a cursor) on the server; offset jumps to a row without walking cursors.',
    query: ConnectionListQuery, response: { status: 200, schema: ConnectionPage, description: 'A page of connections' }, errors: [400],
  }, async (c) => {
    const auth = c.get('auth');
    const q = parseQuery(c, ConnectionListQuery);
    oneStart(q);
    const eventId = listedAt(ctx);
    const page = await paged(() => ctx.store.listConnections({
      workspaceId: auth.workspaceId,
      // A client sees the connections it authorised: client-owned, under its own principal.
      ...(auth.principal.role === 'client' ? { ownerPrincipalId: auth.principal.id, owner: 'client' as const } : {}),
      ...(q.status ? { status: q.status } : {}),
      ...(q.app ? { appKey: q.app } : {}),
      ...(q.q ? { search: q.q } : {}),
      ...(q.sort ? { sort: q.sort } : {}),
      ...(q.order ? { order: q.order } : {}),
      ...(q.cursor ? { cursor: q.cursor } : { withTotal: true }),
      ...(q.offset ? { offset: q.offset } : {}),
      limit: q.limit ?? DEFAULT_PAGE_SIZE,
      redactSecrets: true,
    }));
    // One catalog read per page, not one app lookup per row.
    const apps = new Map((await ctx.store.listApps()).map((app) => [app.key, app]));
    // Trusted rows are copied into the contract's shape, not parsed again (test/lists.node.test.ts checks the shape).
    const data = page.items.map((record) => connectionView(record, apps.get(record.appKey) ?? unknownApp(record.appKey)));
    const body: z.output<typeof ConnectionPage> = { data, nextCursor: page.nextCursor, ...(page.total !== undefined ? { total: page.total } : {}), eventId };
    return c.json(body);
  });

  route(v1, registry, {
    method: 'get', path: '/v1/connections/{id}', tag, auth: 'session', summary: 'One connection.',
    response: { status: 200, schema: Connection, description: 'The connection' }, errors: [400, 404],
  }, async (c) => send(c, Connection, await view(await loadConnection(ctx, c.get('auth'), idParam(c)))));

  route(v1, registry, {
    method: 'post', path: '/v1/connections/{id}/refresh', tag, auth: 'session',
    summary: 'Renew the access token with the stored refresh token. A rejected refresh token moves the connection to error.',
    response: { status: 200, schema: Connection, description: 'The refreshed connection' }, errors: [400, 404, 503],
  }, async (c) => {
    const connection = await loadConnection(ctx, c.get('auth'), idParam(c));
    return send(c, Connection, await view(await refreshNow(ctx, connection)));
  });

  route(v1, registry, {
    method: 'post', path: '/v1/connections/{id}/revoke', tag, auth: 'session', summary: 'Revoke; dependent runs pause.',
    response: { status: 200, schema: Connection, description: 'The revoked connection' }, errors: [400, 404, 409],
  }, async (c) => {
    const connection = await loadConnection(ctx, c.get('auth'), idParam(c));
    return send(c, Connection, await view(await revokeConnection(ctx, connection)));
  });

  route(v1, registry, {
    method: 'post', path: '/v1/connections/{id}/reconnect', tag, auth: 'session',
    summary: 'Start a consent flow: a connect session with a fresh connect link (PKCE + state). The agency reconnects its own connections; a client-owned one is reconnected by its client.',
    body: ReconnectBody, response: { status: 201, schema: ConnectSession, description: 'The connect session' }, errors: [400, 403, 404, 409],
  }, async (c) => {
    const auth = c.get('auth');
    const connection = await loadConnection(ctx, auth, idParam(c));
    const body = await parseBody(c, ReconnectBody);
    if (auth.principal.role === 'agency' && connection.owner === 'client') {
      throw new ApiError(409, 'not_reconnectable', "This connection belongs to a client: the agency cannot consent for the client's account. Send the client a connection request instead.");
    }
    const target = resolveConsentTarget(c, ctx, body.returnTo);
    return send(c, ConnectSession, toConnectSession(await startConsent(ctx, auth, connection, target)), 201);
  });

  route(v1, registry, {
    method: 'post', path: '/v1/connections/{id}/credentials', tag, auth: 'session',
    summary: "Reconnect an API-key app with its fields. Fields the app rejects answer 422 with per-field errors.",
    body: CredentialsBody, response: { status: 200, schema: Connection, description: 'The reconnected connection' }, errors: [400, 404, 409, 422],
  }, async (c) => {
    const connection = await loadConnection(ctx, c.get('auth'), idParam(c));
    const body = await parseBody(c, CredentialsBody);
    return send(c, Connection, await view(await submitCredentials(ctx, connection, body.fields)));
  });
}
