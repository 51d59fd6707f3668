import type { MiddlewareHandler } from 'hono';
import type { AppEnv, RelinkContext } from '../context.js';
import { ApiError } from '../errors.js';
import { sha256Base64url } from '../internal/ids.js';
import type { IdempotencyRecord } from '../store/store.js';
import { canonicalJson } from './text.js';
import { readJson } from './validate.js';

/** How long a retry waits for the first attempt with its key to finish before answering 409. */
const WAIT_FOR_FIRST_MS = 30_000;
/** A reservation older than this belongs to an instance that died mid-request: the next retry takes it over. */
const STALE_RESERVATION_MS = 120_000;

/**
 * `Idempotency-Key` on POSTs: the first answer (success or a 4xx the caller caused) is stored per principal and key
 * and replayed for a retry, with `idempotent-replayed: true`. The same key on a different request is a 400.
 * 5xx answers are not stored, so a retry after a server fault really retries.
 *
 * The key is reserved in the store before the route runs (one atomic insert, shared by every instance), so of any
 * number of concurrent requests with one key exactly one runs; the others wait for its answer and replay it.
 * The fingerprint is of the parsed body, so `{}` and `{ }` are the same request.
 */
export function idempotency(ctx: RelinkContext): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const clientKey = c.req.header('idempotency-key');
    if (c.req.method !== 'POST' || !clientKey) return next();
    if (clientKey.length > 255) throw new ApiError(400, 'bad_request', 'Idempotency-Key must be at most 255 characters.');
    const auth = c.get('auth');
    const key = `${auth.workspaceId}/${auth.principal.id}/${clientKey}`;
    const fingerprint = await sha256Base64url(`${c.req.method} ${c.req.path}\n${canonicalJson(await readJson(c))}`);
    const reservation: IdempotencyRecord = { key, fingerprint, status: 0, body: '', contentType: '', createdAt: ctx.clock.now().toISOString() };

    const deadline = Date.now() + WAIT_FOR_FIRST_MS;
    for (let delay = 5; ; delay = Math.min(delay * 2, 100)) {
      const stored = await ctx.store.reserveIdempotency(reservation);
      if (!stored) break; // ours: run the request below
      if (stored.fingerprint !== fingerprint) throw new ApiError(400, 'bad_request', 'This Idempotency-Key was already used for a different request.');
      if (stored.status !== 0) {
        // Set c.res rather than return it: this middleware also runs inside a composed wrapper that ignores return values.
        c.res = new Response(stored.body, { status: stored.status, headers: { 'content-type': stored.contentType, 'idempotent-replayed': 'true' } });
        return;
      }
      if (ctx.clock.now().getTime() - Date.parse(stored.createdAt) > STALE_RESERVATION_MS) {
        await ctx.store.deleteIdempotency(key);
        continue;
      }
      if (Date.now() > deadline) {
        throw new ApiError(409, 'idempotency_key_in_use', 'A request with this Idempotency-Key is still in progress. Retry in a moment.', { headers: { 'retry-after': '1' } });
      }
      await new Promise((resolve) => setTimeout(resolve, delay));
    }

    let answered = false;
    try {
      await next();
      if (c.res.status < 500) {
        const response = c.res.clone();
        await ctx.store.putIdempotency({
          key, fingerprint,
          status: response.status,
          body: await response.text(),
          contentType: response.headers.get('content-type') ?? 'application/json',
          createdAt: ctx.clock.now().toISOString(),
        });
        answered = true;
      }
    } finally {
      // A fault (thrown, or a 5xx) stores nothing: give the key back so a retry really retries.
      if (!answered) await ctx.store.deleteIdempotency(key).catch(() => undefined);
    }
  };
}
