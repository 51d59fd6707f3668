import type { Context } from 'hono';
import type { AppEnv, RelinkContext } from '../context.js';
import { ApiError } from '../errors.js';

/**
 * The origin a consent flow reports back to: the caller's `Origin` header (checked against the allowlist when one is
 * configured), else this server's own origin. `returnTo` must stay on one of those origins (no open redirect).
 */
export function resolveConsentTarget(c: Context<AppEnv>, ctx: RelinkContext, returnTo: string | undefined): { origin: string; returnTo?: string } {
  const own = new URL(ctx.publicUrl).origin;
  const header = c.req.header('origin');
  if (header && header !== 'null' && ctx.allowedOrigins && !ctx.allowedOrigins.includes(header) && header !== own) {
    throw new ApiError(403, 'forbidden', `The origin ${header} is not allowed to start a consent flow.`);
  }
  const origin = header && header !== 'null' ? header : own;
  if (returnTo === undefined) return { origin };
  const target = new URL(returnTo).origin;
  const allowed = new Set([origin, own, ...(ctx.allowedOrigins ?? [])]);
  if (!allowed.has(target)) throw new ApiError(400, 'validation_failed', `"returnTo" must be on an allowed origin (${[...allowed].join(', ')}).`);
  return { origin, returnTo };
}
