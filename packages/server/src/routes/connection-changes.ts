import type { Hono } from 'hono';
import {
  AppList,
  ConnectionUsage,
  CreateConnectionBody,
  CreatedConnection,
  RemovedConnection,
} from '@relink/sdk/schema';
import { loadConnection } from '../auth/access.js';
import type { AppEnv, RelinkContext } from '../context.js';
import { resolveConsentTarget } from '../http/origin.js';
import { route, type RouteRegistry } from '../http/route.js';
import { idParam, parseBody, send } from '../http/validate.js';
import { addConnection } from '../lifecycle/add.js';
import { connectionUsage, removeConnection } from '../lifecycle/remove.js';
import { appOf, toConnection, toConnectSession } from '../lifecycle/views.js';

/**
 * Adding and removing connections (seed 000: link apps while building an automation; seed 004: "Click Remove, then
 * add it fresh"), and the app catalog adding starts from. Who may do what follows the existing rules: anyone adds a
 * connection they then own; whoever may revoke a connection may remove it.
 */
export function connectionChangeRoutes(v1: Hono<AppEnv>, registry: RouteRegistry, ctx: RelinkContext): void {
  route(v1, registry, {
    method: 'get', path: '/v1/apps', tag: 'apps', auth: 'session',
    summary: 'The apps the caller may connect: key, name, logo, auth mode and managed auth config state.',
    response: { status: 200, schema: AppList, description: 'The app catalog, by name' },
  }, async (c) => {
    const apps = (await ctx.store.listApps()).sort((a, b) => a.name.localeCompare(b.name, 'en') || a.key.localeCompare(b.key));
    return send(c, AppList, { data: apps });
  });

  const tag = 'connections';
  route(v1, registry, {
    method: 'post', path: '/v1/connections', tag, auth: 'session',
    summary: 'Add a connection the caller owns. An OAuth app starts a consent flow (the connection exists once it completes); an API-key app takes its fields and answers with the connection.',
    body: CreateConnectionBody, response: { status: 201, schema: CreatedConnection, description: 'The consent flow to follow, or the new connection' },
    errors: [400, 403, 409, 422],
  }, async (c) => {
    const auth = c.get('auth');
    const body = await parseBody(c, CreateConnectionBody);
    const target = resolveConsentTarget(c, ctx, body.returnTo);
    const outcome = await addConnection(ctx, auth, body, target);
    if (outcome.type === 'consent') return send(c, CreatedConnection, { type: 'consent', session: toConnectSession(outcome.session) }, 201);
    const connection = toConnection(outcome.connection, await appOf(ctx, outcome.connection));
    return send(c, CreatedConnection, { type: 'connection', connection }, 201);
  });

  route(v1, registry, {
    method: 'get', path: '/v1/connections/{id}/usage', tag, auth: 'session',
    summary: 'What stops working if the connection is removed: the workflows whose runs use it, and how many of those runs are live.',
    response: { status: 200, schema: ConnectionUsage, description: 'The connection usage' }, errors: [400, 404],
  }, async (c) => send(c, ConnectionUsage, await connectionUsage(ctx, await loadConnection(ctx, c.get('auth'), idParam(c)))));

  route(v1, registry, {
    method: 'delete', path: '/v1/connections/{id}', tag, auth: 'session',
    summary: 'Remove (unlike revoke, nothing is kept): revoke at the provider, delete the connection and its secrets; the runs that used it pause (reason connection_removed).',
    response: { status: 200, schema: RemovedConnection, description: 'The removed connection id and the runs it paused' }, errors: [400, 404],
  }, async (c) => send(c, RemovedConnection, await removeConnection(ctx, await loadConnection(ctx, c.get('auth'), idParam(c)))));
}
