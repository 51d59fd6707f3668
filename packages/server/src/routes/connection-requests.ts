import type { Hono } from 'hono';
import {
  ConnectionRequest,
  ConnectionRequestListQuery,
  ConnectionRequestPage,
  ConnectSession,
  CreateConnectionRequestBody,
  DEFAULT_PAGE_SIZE,
  ReconnectBody,
} from '@relink/sdk/schema';
import { loadConnectionRequest, requireAgency } from '../auth/access.js';
import type { AppEnv, RelinkContext } from '../context.js';
import { resolveConsentTarget } from '../http/origin.js';
import { route, type RouteRegistry } from '../http/route.js';
import { idParam, parseBody, parseQuery, send } from '../http/validate.js';
import { cancelConnectionRequest, createConnectionRequest, startRequestConsent } from '../lifecycle/requests.js';
import { appOf, toConnectionRequest, toConnectSession } from '../lifecycle/views.js';
import type { ConnectionRequestRecord } from '../store/store.js';
import { listedAt, paged } from './connections.js';

export function connectionRequestRoutes(v1: Hono<AppEnv>, registry: RouteRegistry, ctx: RelinkContext): void {
  const tag = 'connection-requests';
  const view = async (r: ConnectionRequestRecord) => toConnectionRequest(ctx, r, await appOf(ctx, r));

  route(v1, registry, {
    method: 'get', path: '/v1/connection-requests', tag, auth: 'session',
    summary: 'Requests asking someone to connect an app. A client sees the ones addressed to it.',
    query: ConnectionRequestListQuery, response: { status: 200, schema: ConnectionRequestPage, description: 'A page of requests' }, errors: [400],
  }, async (c) => {
    const auth = c.get('auth');
    const q = parseQuery(c, ConnectionRequestListQuery);
    const eventId = listedAt(ctx);
    const page = await paged(() => ctx.store.listConnectionRequests({
      workspaceId: auth.workspaceId,
      ...(auth.principal.role === 'client' ? { requestedFor: auth.principal.id } : {}),
      ...(q.state ? { state: q.state } : {}),
      ...(q.cursor ? { cursor: q.cursor } : {}),
      limit: q.limit ?? DEFAULT_PAGE_SIZE,
    }));
    return send(c, ConnectionRequestPage, { data: await Promise.all(page.items.map(view)), nextCursor: page.nextCursor, eventId });
  });

  route(v1, registry, {
    method: 'get', path: '/v1/connection-requests/{id}', tag, auth: 'session', summary: 'One connection request.',
    response: { status: 200, schema: ConnectionRequest, description: 'The request' }, errors: [400, 404],
  }, async (c) => send(c, ConnectionRequest, await view(await loadConnectionRequest(ctx, c.get('auth'), idParam(c)))));

  route(v1, registry, {
    method: 'post', path: '/v1/connection-requests', tag, auth: 'session',
    summary: 'Agency only: ask a client to reconnect one of its connections (connectionId) or to connect a new app (appKey + principalId).',
    body: CreateConnectionRequestBody, response: { status: 201, schema: ConnectionRequest, description: 'The new request' }, errors: [400, 403, 404],
  }, async (c) => {
    const auth = c.get('auth');
    requireAgency(auth, 'send connection requests');
    const body = await parseBody(c, CreateConnectionRequestBody);
    return send(c, ConnectionRequest, await view(await createConnectionRequest(ctx, auth, body)), 201);
  });

  route(v1, registry, {
    method: 'post', path: '/v1/connection-requests/{id}/cancel', tag, auth: 'session', summary: 'Agency only: cancel an outstanding request.',
    response: { status: 200, schema: ConnectionRequest, description: 'The cancelled request' }, errors: [400, 403, 404, 409],
  }, async (c) => {
    const auth = c.get('auth');
    requireAgency(auth, 'cancel connection requests');
    const request = await loadConnectionRequest(ctx, auth, idParam(c));
    return send(c, ConnectionRequest, await view(await cancelConnectionRequest(ctx, request)));
  });

  route(v1, registry, {
    method: 'post', path: '/v1/connection-requests/{id}/connect', tag, auth: 'session',
    summary: 'The addressed client answers a request: starts the consent flow (a new app gets a pending connection first). Completing the consent completes the request.',
    body: ReconnectBody, response: { status: 201, schema: ConnectSession, description: 'The connect session' }, errors: [400, 403, 404, 409],
  }, async (c) => {
    const auth = c.get('auth');
    const request = await loadConnectionRequest(ctx, auth, idParam(c));
    const body = await parseBody(c, ReconnectBody);
    const target = resolveConsentTarget(c, ctx, body.returnTo);
    return send(c, ConnectSession, toConnectSession(await startRequestConsent(ctx, auth, request, target)), 201);
  });
}
