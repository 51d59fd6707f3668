import type { Hono } from 'hono';
import { PublishCheck } from '@relink/sdk/schema';
import { requireAgency } from '../auth/access.js';
import type { AppEnv, RelinkContext } from '../context.js';
import { notFound } from '../errors.js';
import { route, type RouteRegistry } from '../http/route.js';
import { idParam, send } from '../http/validate.js';
import { publishCheck } from '../lifecycle/publish-check.js';

export function workflowRoutes(v1: Hono<AppEnv>, registry: RouteRegistry, ctx: RelinkContext): void {
  route(v1, registry, {
    method: 'get', path: '/v1/workflows/{id}/publish-check', tag: 'workflows', auth: 'session',
    summary: 'Publish gate: every node needs an active connection.',
    response: { status: 200, schema: PublishCheck, description: 'The check' }, errors: [400, 403, 404],
  }, async (c) => {
    const auth = c.get('auth');
    requireAgency(auth, 'publish workflows');
    const workflow = await ctx.store.getWorkflow(auth.workspaceId, idParam(c));
    if (!workflow) throw notFound('Workflow');
    return send(c, PublishCheck, await publishCheck(ctx, workflow));
  });
}
