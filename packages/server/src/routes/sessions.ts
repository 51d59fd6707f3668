import type { Hono } from 'hono';
import { CreateSessionBody, SessionToken, Viewer, type Role } from '@relink/sdk/schema';
import { bearerToken } from '../auth/middleware.js';
import type { SessionTokens } from '../auth/session-token.js';
import type { AppEnv, RelinkContext } from '../context.js';
import { ApiError, notFound } from '../errors.js';
import { parseBody, send } from '../http/validate.js';
import { clientAddress, countHit, type RateLimitOptions } from '../http/rate-limit.js';
import { route, type RouteRegistry } from '../http/route.js';
import { sha256Base64url } from '../internal/ids.js';
import type { PrincipalRecord } from '../store/store.js';

export const DEFAULT_SESSION_TTL_SECONDS = 15 * 60;

export function toViewer(principal: PrincipalRecord): Viewer {
  return { workspaceId: principal.workspaceId, role: principal.role, principalId: principal.id, name: principal.name };
}

/** Mint a session token for a principal (the route, the browser entry and the tests share it). */
export async function mintSession(ctx: RelinkContext, tokens: SessionTokens, workspaceId: string, role: Role, principalId: string, ttlSeconds = DEFAULT_SESSION_TTL_SECONDS): Promise<SessionToken> {
  const principal = await ctx.store.getPrincipal(workspaceId, principalId);
  if (!principal || principal.role !== role) throw notFound(`${role === 'agency' ? 'Agency' : 'Client'} principal`);
  const { token, expiresAt } = await tokens.sign({ workspaceId, principalId, role, now: ctx.clock.now(), ttlSeconds });
  return SessionToken.parse({ token, expiresAt: expiresAt.toISOString(), viewer: toViewer(principal) });
}

/**
 * `limit`: failed attempts per client address, so the workspace secret key cannot be guessed at speed. Only failures
 * count: a host's backend mints a session for every page load of every user from its one address, with the right key.
 * An address over the limit is refused even with the right key until the window passes, so a guess cannot be
 * confirmed by a different answer.
 */
export function sessionRoutes(v1: Hono<AppEnv>, registry: RouteRegistry, ctx: RelinkContext, tokens: SessionTokens, limit?: RateLimitOptions): void {
  route(v1, registry, {
    method: 'post', path: '/v1/sessions', tag: 'sessions', auth: 'secret',
    summary: "Mint a short-lived session token for a principal. Called by the host's backend with the workspace secret key.",
    body: CreateSessionBody, response: { status: 201, schema: SessionToken, description: 'The session token' }, errors: [400, 401, 404, 429],
  }, async (c) => {
    const failures = `sessions:${clientAddress(c)}`;
    if (limit) await countHit(ctx, limit, failures, { peek: true });
    const key = bearerToken(c.req.header('authorization'));
    const workspace = key ? await ctx.store.findWorkspaceBySecretKeyHash(await sha256Base64url(key)) : undefined;
    if (!workspace) {
      if (limit) await countHit(ctx, limit, failures);
      throw key
        ? new ApiError(401, 'unauthorized', 'The secret key is not valid.')
        : new ApiError(401, 'unauthorized', 'Send the workspace secret key in the Authorization header: "Bearer <secret key>".');
    }
    const body = await parseBody(c, CreateSessionBody);
    return send(c, SessionToken, await mintSession(ctx, tokens, workspace.id, body.role, body.principalId, body.ttlSeconds), 201);
  });

  route(v1, registry, {
    method: 'get', path: '/v1/me', tag: 'sessions', auth: 'session',
    summary: 'Who the session token speaks for.', response: { status: 200, schema: Viewer, description: 'The viewer' },
  }, (c) => send(c, Viewer, toViewer(c.get('auth').principal)));
}
