import type { MiddlewareHandler } from 'hono';
import type { AppEnv, RelinkContext } from '../context.js';
import { ApiError } from '../errors.js';

export interface RateLimitOptions {
  /** Mutating requests allowed per principal per window. */
  limit: number;
  windowMs: number;
}

/**
 * Fixed-window limit on mutating routes, per principal. In memory, per instance: the SQL deployment would keep the
 * counters in the database or at the edge; the contract (429 `rate_limited` + Retry-After) stays the same.
 */
export function rateLimit(ctx: RelinkContext, options: RateLimitOptions): MiddlewareHandler<AppEnv> {
  const windows = new Map<string, { start: number; count: number }>();
  return async (c, next) => {
    const auth = c.get('auth');
    const key = `${auth.workspaceId}/${auth.principal.id}`;
    const now = ctx.clock.now().getTime();
    let w = windows.get(key);
    if (!w || now - w.start >= options.windowMs) {
      w = { start: now, count: 0 };
      windows.set(key, w);
    }
    if (w.count >= options.limit) {
      const retryAfter = Math.max(1, Math.ceil((w.start + options.windowMs - now) / 1000));
      throw new ApiError(429, 'rate_limited', `Too many requests. Try again in ${retryAfter} s.`, { headers: { 'retry-after': String(retryAfter) } });
    }
    w.count++;
    await next();
  };
}
