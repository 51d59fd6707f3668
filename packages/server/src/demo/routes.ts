import type { Hono } from 'hono';
import { z } from 'zod/mini';
import { Connection, Run } from '@relink/sdk/schema';
import { loadConnection, requireAgency } from '../auth/access.js';
import type { AppEnv, AuthInfo, RelinkContext } from '../context.js';
import { ApiError, notFound } from '../errors.js';
import { emitConnection } from '../events/emit.js';
import { route, type RouteRegistry } from '../http/route.js';
import { idParam, parseBody, send } from '../http/validate.js';
import type { Refresher } from '../lifecycle/refresher.js';
import { expire, isHardExpired } from '../lifecycle/expiry.js';
import { startScheduledRun } from '../lifecycle/run-failures.js';
import { appOf, toConnection, toRun } from '../lifecycle/views.js';
import { isDemoProvider, type DemoProvider } from '../provider/provider.js';
import { DEMO_WORKSPACE_ID } from './seed.js';

export const DemoFailBody = z.strictObject({ count: z.number().check(z.int(), z.gte(0), z.lte(100)) });
export const DemoResult = z.object({ ok: z.boolean(), detail: z.optional(z.record(z.string(), z.number())) });

/**
 * Demo levers under `/v1/demo/*`, agency only, and only in demo mode (404 `demo_mode_off` otherwise):
 * make the failure stories happen on demand, run the refresher now, and reset to the seed.
 */
export function demoRoutes(
  v1: Hono<AppEnv>,
  registry: RouteRegistry,
  ctx: RelinkContext,
  options: { enabled: boolean; refresher: Refresher; reset: () => Promise<void> },
): void {
  const tag = 'demo';
  const gate = (auth: AuthInfo): DemoProvider => {
    if (!options.enabled || !isDemoProvider(ctx.provider)) throw new ApiError(404, 'demo_mode_off', 'Demo controls are available only in demo mode.');
    // The levers act on the shared demo world; another tenant's principals do not get to pull them.
    if (auth.workspaceId !== DEMO_WORKSPACE_ID) throw new ApiError(404, 'not_found', 'Demo controls belong to the demo workspace.');
    requireAgency(auth, 'use the demo controls');
    return ctx.provider;
  };
  const doc = (path: string, summary: string, extra: { body?: z.ZodMiniType; connection?: boolean } = {}) => ({
    method: 'post' as const, path, tag, auth: 'session' as const, summary,
    ...(extra.body ? { body: extra.body } : {}),
    response: { status: 200, schema: extra.connection ? Connection : DemoResult, description: 'Done' }, errors: [400, 403, 404],
  });

  route(v1, registry, doc('/v1/demo/reset', 'Restore the seeded demo workspace exactly.'), async (c) => {
    gate(c.get('auth'));
    await options.reset();
    return send(c, DemoResult, { ok: true });
  });

  route(v1, registry, doc('/v1/demo/connections/{id}/revoke-grant', "Revoke the connection's grant at the provider (what a password change does): its next refresh fails with invalid_grant."), async (c) => {
    const provider = gate(c.get('auth'));
    const connection = await loadConnection(ctx, c.get('auth'), idParam(c));
    if (!connection.externalAccountId) throw new ApiError(400, 'bad_request', 'This connection has no provider account to revoke.');
    const revoked = await provider.demo.revokeGrant({ accountId: connection.externalAccountId, appKey: connection.appKey });
    return send(c, DemoResult, { ok: true, detail: { revokedGrants: revoked } });
  });

  route(v1, registry, doc('/v1/demo/provider/fail-transiently', "The provider's token endpoint answers 503 the next `count` times.", { body: DemoFailBody }), async (c) => {
    const provider = gate(c.get('auth'));
    const body = await parseBody(c, DemoFailBody);
    provider.demo.failTransiently(body.count);
    return send(c, DemoResult, { ok: true, detail: { count: body.count } });
  });

  route(v1, registry, doc('/v1/demo/connections/{id}/expire', 'Expire the access token now: the refresher renews it on its next pass; a connection with no refresh token (a hard expiry, like LinkedIn) needs reauthorization at once.', { connection: true }), async (c) => {
    const provider = gate(c.get('auth'));
    const connection = await loadConnection(ctx, c.get('auth'), idParam(c));
    if (connection.secrets.accessToken) await provider.demo.expireAccessToken(connection.secrets.accessToken);
    const nowDate = ctx.clock.now();
    const now = nowDate.toISOString();
    const expired = await ctx.store.transaction(async (tx) => {
      const current = (await tx.getConnection(connection.workspaceId, connection.id)) ?? connection;
      const hard = { ...current, expiresAt: now, secrets: { ...current.secrets, accessTokenExpiresAt: now } };
      if (isHardExpired(hard, nowDate)) {
        // Nothing can renew it: its hard expiry is now (seed 004). The refresher's next pass would run the reauth
        // lifecycle on it (`claimExpired`); the lever runs that same transition at once, so its answer shows it.
        return expire(ctx, tx, hard);
      }
      const updated = {
        ...current,
        secrets: { ...current.secrets, accessTokenExpiresAt: now },
        refresh: { ...current.refresh, ...(current.secrets.refreshToken ? { nextAt: now } : {}) },
        updatedAt: now,
      };
      await tx.putConnection(updated);
      await emitConnection(ctx, tx, updated);
      return updated;
    });
    return send(c, Connection, toConnection(expired, await appOf(ctx, expired)));
  });

  route(v1, registry, doc('/v1/demo/refresher/run', 'Run the background refresher now over every due connection (refreshes, hard expiries, expiry warnings, first syncs of pending connections).'), async (c) => {
    gate(c.get('auth'));
    const outcomes = await options.refresher.runDue();
    const detail = { refreshed: 0, retrying: 0, reauth_required: 0, first_sync: 0, expiring_soon: 0 };
    for (const o of outcomes) detail[o.outcome]++;
    return send(c, DemoResult, { ok: true, detail });
  });

  route(v1, registry, {
    method: 'post', path: '/v1/demo/workflows/{id}/run', tag, auth: 'session',
    summary: "A scheduled run of the workflow starts now (seed 004's scheduled post): it runs when every connection it needs is active; otherwise it fails because of the first inactive one and raises a run_failed notification. A workflow that retries after reconnect has the server replay it once the connection is healthy.",
    response: { status: 201, schema: Run, description: 'The new run, running or failed' }, errors: [400, 403, 404],
  }, async (c) => {
    const auth = c.get('auth');
    gate(auth);
    const id = idParam(c);
    const run = await ctx.store.transaction(async (tx) => {
      const workflow = await tx.getWorkflow(auth.workspaceId, id);
      if (!workflow) throw notFound('Workflow');
      return startScheduledRun(ctx, tx, workflow);
    });
    return send(c, Run, toRun(run), 201);
  });
}
