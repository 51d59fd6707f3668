import type { MiddlewareHandler } from 'hono';
import type { AppEnv, RelinkContext } from '../context.js';
import { ApiError } from '../errors.js';
import type { SessionTokens } from './session-token.js';

export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}

/** Require a valid session token; puts the caller's workspace and principal on the context. */
export function requireSession(ctx: RelinkContext, tokens: SessionTokens): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = bearerToken(c.req.header('authorization'));
    if (!token) throw new ApiError(401, 'unauthorized', 'Send a session token in the Authorization header: "Bearer <token>".');
    const result = await tokens.verify(token, ctx.clock.now());
    if (!result.ok) {
      throw new ApiError(401, 'unauthorized', result.reason === 'expired' ? 'The session token has expired. Mint a new one.' : 'The session token is not valid.');
    }
    const principal = await ctx.store.getPrincipal(result.claims.ws, result.claims.sub);
    if (!principal || principal.role !== result.claims.role) throw new ApiError(401, 'unauthorized', 'The session token names a principal that no longer exists.');
    c.set('auth', { workspaceId: principal.workspaceId, principal });
    await next();
  };
}
