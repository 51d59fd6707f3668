import type { MiddlewareHandler } from 'hono';
import type { AppEnv, RelinkContext } from '../context.js';
import { ApiError } from '../errors.js';
import { sha256Base64url } from '../internal/ids.js';

/**
 * `Idempotency-Key` on POSTs: the first answer (success or a 4xx the caller caused) is stored per principal and key
 * and replayed for a retry, with `idempotent-replayed: true`. The same key on a different request is a 400.
 * 5xx answers are not stored, so a retry after a server fault really retries.
 */
export function idempotency(ctx: RelinkContext): MiddlewareHandler<AppEnv> {
  // A retry that arrives while the first attempt is still running waits for it, then replays its answer.
  // (Per instance; the SQL store would insert the key first and let the unique constraint serialise instances.)
  const inflight = new Map<string, Promise<void>>();
  return async (c, next) => {
    const clientKey = c.req.header('idempotency-key');
    if (c.req.method !== 'POST' || !clientKey) return next();
    if (clientKey.length > 255) throw new ApiError(400, 'bad_request', 'Idempotency-Key must be at most 255 characters.');
    const auth = c.get('auth');
    const key = `${auth.workspaceId}/${auth.principal.id}/${clientKey}`;
    const body = await c.req.raw.clone().text();
    const fingerprint = await sha256Base64url(`${c.req.method} ${c.req.path}\n${body}`);
    await inflight.get(key);
    const stored = await ctx.store.getIdempotency(key);
    if (stored) {
      if (stored.fingerprint !== fingerprint) throw new ApiError(400, 'bad_request', 'This Idempotency-Key was already used for a different request.');
      // Set c.res rather than return it: this middleware also runs inside a composed wrapper that ignores return values.
      c.res = new Response(stored.body, { status: stored.status, headers: { 'content-type': stored.contentType, 'idempotent-replayed': 'true' } });
      return;
    }
    let settle = () => undefined as void;
    inflight.set(key, new Promise<void>((resolve) => (settle = resolve)));
    try {
      await next();
      if (c.res.status >= 500) return;
      const response = c.res.clone();
      await ctx.store.putIdempotency({
        key,
        fingerprint,
        status: response.status,
        body: await response.text(),
        contentType: response.headers.get('content-type') ?? 'application/json',
        createdAt: ctx.clock.now().toISOString(),
      });
    } finally {
      inflight.delete(key);
      settle();
    }
  };
}
