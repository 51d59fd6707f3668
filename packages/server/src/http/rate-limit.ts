import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv, RelinkContext } from '../context.js';
import { ApiError } from '../errors.js';

export interface RateLimitOptions {
  /** Requests allowed per key per window. */
  limit: number;
  windowMs: number;
}

/**
 * Fixed windows aligned to the epoch, counted in the store: every instance on one database shares the counters,
 * so a load balancer cannot multiply the limit. Over the limit: 429 `rate_limited` with Retry-After.
 */
export async function countHit(ctx: RelinkContext, options: RateLimitOptions, key: string, { peek = false } = {}): Promise<void> {
  const now = ctx.clock.now().getTime();
  const windowStart = now - (now % options.windowMs);
  // `peek`: refuse when one more hit would be over the limit, without counting one.
  const count = (await ctx.store.hitRateLimit(key, windowStart, peek ? 0 : 1)) + (peek ? 1 : 0);
  if (count > options.limit) {
    const retryAfter = Math.max(1, Math.ceil((windowStart + options.windowMs - now) / 1000));
    throw new ApiError(429, 'rate_limited', `Too many requests. Try again in ${retryAfter} s.`, { headers: { 'retry-after': String(retryAfter) } });
  }
}

/** Per-principal limit on mutating routes. */
export function rateLimit(ctx: RelinkContext, options: RateLimitOptions): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const auth = c.get('auth');
    await countHit(ctx, options, `principal:${auth.workspaceId}/${auth.principal.id}`);
    await next();
  };
}

/**
 * The caller's network address, for limits that apply before anyone is authenticated (secret-key guessing).
 * Node: the socket's address (the Node adapter puts the request on `c.env.incoming`); elsewhere one shared bucket.
 */
export function clientAddress(c: Context): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'local';
}
