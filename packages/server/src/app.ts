import { Hono } from 'hono';
import type { Role, SessionToken } from '@relink/sdk/schema';
import { requireSession } from './auth/middleware.js';
import { SessionTokens } from './auth/session-token.js';
import { SystemClock, type Clock } from './clock.js';
import type { AppEnv, Logger, RelinkContext } from './context.js';
import { DEMO_WORKSPACE_ID, seedDemo } from './demo/seed.js';
import { demoRoutes } from './demo/routes.js';
import { ApiError } from './errors.js';
import { eventRoutes } from './events/sse.js';
import { compression } from './http/compression.js';
import { cors } from './http/cors.js';
import { idempotency } from './http/idempotency.js';
import { limitBody, DEFAULT_MAX_BODY_BYTES, rejectUnstorableUrl } from './http/input-guard.js';
import { rateLimit, type RateLimitOptions } from './http/rate-limit.js';
import { requestId } from './http/request-id.js';
import { securityHeaders } from './http/security-headers.js';
import { route, RouteRegistry } from './http/route.js';
import { Refresher, type RefresherOptions } from './lifecycle/refresher.js';
import { openApiRoute } from './openapi.js';
import { InProcessProvider } from './provider/in-process-provider.js';
import { isDemoProvider, type Provider } from './provider/provider.js';
import { connectionRequestRoutes } from './routes/connection-requests.js';
import { connectionRoutes } from './routes/connections.js';
import { connectionChangeRoutes } from './routes/connection-changes.js';
import { CALLBACK_SCRIPT_PATH, connectSessionRoutes } from './routes/connect-sessions.js';
import { notificationRoutes } from './routes/notifications.js';
import { notificationPreferenceRoutes } from './routes/notification-preferences.js';
import { runRoutes } from './routes/runs.js';
import { workflowRoutes } from './routes/workflows.js';
import { mintSession, sessionRoutes } from './routes/sessions.js';
import { MemoryStore } from './store/memory-store.js';
import type { Store } from './store/store.js';

export interface RelinkServerOptions {
  /** Absolute base URL of this server as browsers reach it, e.g. `http://127.0.0.1:4000`. */
  publicUrl: string;
  /** Signs session tokens (HMAC-SHA256). At least 16 characters; keep it out of the browser. */
  secretKey: string;
  store?: Store;
  /** Default: an `InProcessProvider` mounted at `/provider` (the in-page backend). Node passes an `OidcProvider`. */
  provider?: Provider;
  clock?: Clock;
  /** Seed the demo workspace and enable `/v1/demo/*`. */
  demo?: boolean;
  /**
   * Demo mode: seed at start only when the store holds no demo workspace (`'if-empty'`, the default, so a persistent
   * database keeps its data across restarts), or always (`'always'`).
   */
  seed?: 'if-empty' | 'always';
  /** Where clients open connection requests. Default `${publicUrl}/portal`. */
  portalUrl?: string;
  /** Origins allowed to call the API and start consent flows. Default: any origin (bearer tokens, no cookies). */
  allowedOrigins?: string[];
  /** Per-principal limit on mutating requests; `false` turns it off. Default 120 per minute. Shared through the store. */
  rateLimit?: RateLimitOptions | false;
  /** Per-client-address limit on failed `POST /v1/sessions` (secret-key guessing); `false` turns it off. Default 60 per minute. */
  sessionRateLimit?: RateLimitOptions | false;
  /** Largest request body accepted; larger is a 413. Default 64 KiB. */
  maxBodyBytes?: number;
  refresher?: RefresherOptions & { autoStart?: boolean };
  refreshAheadMs?: number;
  heartbeatMs?: number;
  /** Jitter source for backoff (tests pin it). */
  random?: () => number;
  logger?: Logger;
}

export interface RelinkHandle {
  ctx: RelinkContext;
  store: Store;
  provider: Provider;
  clock: Clock;
  refresher: Refresher;
  registry: RouteRegistry;
  /** Resolves once startup work (client registration, demo seeding) is done; requests wait for it by themselves. */
  ready: Promise<void>;
  /** Mint a session token without the secret-key round trip (tests, the in-page backend). */
  mintToken(workspaceId: string, role: Role, principalId: string, ttlSeconds?: number): Promise<SessionToken>;
  /** Restore the demo seed (demo mode only). */
  resetDemo(): Promise<void>;
  /** Stop background work (the refresher). */
  close(): void;
}

export type RelinkApp = Hono<AppEnv> & { relink: RelinkHandle };

const silent: Logger = { warn: () => undefined, error: () => undefined };

/** The reference backend as a Hono app: `fetch(Request) → Response`, every API route under `/v1`. */
export function createRelinkServer(options: RelinkServerOptions): RelinkApp {
  const publicUrl = options.publicUrl.replace(/\/+$/, '');
  const clock = options.clock ?? new SystemClock();
  const store = options.store ?? new MemoryStore();
  const callbackUrl = `${publicUrl}/v1/connect/callback`;
  const provider = options.provider ?? new InProcessProvider({ clock, issuer: `${publicUrl}/provider`, redirectUris: [callbackUrl] });
  const ctx: RelinkContext = {
    store, provider, clock, publicUrl, callbackUrl,
    portalUrl: (options.portalUrl ?? `${publicUrl}/portal`).replace(/\/+$/, ''),
    allowedOrigins: options.allowedOrigins,
    refreshAheadMs: options.refreshAheadMs ?? 5 * 60 * 1000,
    random: options.random ?? Math.random,
    log: options.logger ?? silent,
  };
  const tokens = new SessionTokens(options.secretKey);
  const refresher = new Refresher(ctx, options.refresher);
  const registry = new RouteRegistry();
  const demo = options.demo === true;

  const resetDemo = async () => {
    if (!demo || !isDemoProvider(provider)) throw new ApiError(404, 'demo_mode_off', 'Demo controls are available only in demo mode.');
    await seedDemo(ctx, provider);
  };
  const ready = (async () => {
    // The provider learns the OAuth apps the store already knows (a restart on a persistent database).
    for (const app of await store.listApps()) if (app.authMode === 'oauth2') provider.registerClient?.(app.key, app.name);
    if (demo && (options.seed === 'always' || !(await store.getWorkspace(DEMO_WORKSPACE_ID)))) await resetDemo();
  })();
  ready.catch((error: unknown) => ctx.log.error('demo seed failed', { error: String(error) }));

  const app = new Hono<AppEnv>();
  // Outermost, so every answer (errors included) is compressed; never the event stream.
  app.use('*', compression());
  app.use('*', requestId());
  app.use('*', securityHeaders());
  app.use('*', async (_c, next) => {
    await ready;
    await next();
  });

  const v1 = new Hono<AppEnv>();
  v1.use('*', cors({
    origins: options.allowedOrigins,
    allowHeaders: ['authorization', 'content-type', 'idempotency-key', 'last-event-id', 'x-request-id'],
    exposeHeaders: ['x-request-id', 'retry-after', 'idempotent-replayed', 'relink-event-id'],
    maxAge: 600,
  }));
  // Bad bytes and oversized bodies are a 4xx at the edge, before any route, store or driver sees them.
  v1.use('*', rejectUnstorableUrl());
  v1.use('*', limitBody(options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES));
  // Public: session minting (secret key), the OAuth callback (its `state` is the credential), the contract.
  const PUBLIC = new Set(['/v1/sessions', '/v1/connect/callback', CALLBACK_SCRIPT_PATH, '/v1/openapi.json']);
  const session = requireSession(ctx, tokens);
  const replay = idempotency(ctx);
  const limit = options.rateLimit === false ? undefined : rateLimit(ctx, options.rateLimit ?? { limit: 120, windowMs: 60_000 });
  v1.use('*', async (c, next) => {
    if (PUBLIC.has(c.req.path) || c.req.method === 'OPTIONS') return next();
    return session(c, async () => {
      // Writes are rate limited (PUT and DELETE too); only POSTs take an Idempotency-Key (the middleware checks).
      if (c.req.method !== 'POST' && c.req.method !== 'PUT' && c.req.method !== 'DELETE') return next();
      await replay(c, async () => {
        await (limit ? limit(c, next) : next());
      });
    });
  });

  sessionRoutes(v1, registry, ctx, tokens, options.sessionRateLimit === false ? undefined : options.sessionRateLimit ?? { limit: 60, windowMs: 60_000 });
  connectionRoutes(v1, registry, ctx);
  connectionChangeRoutes(v1, registry, ctx);
  connectSessionRoutes(v1, registry, ctx);
  connectionRequestRoutes(v1, registry, ctx);
  notificationRoutes(v1, registry, ctx);
  notificationPreferenceRoutes(v1, registry, ctx);
  runRoutes(v1, registry, ctx);
  workflowRoutes(v1, registry, ctx);
  eventRoutes(v1, registry, ctx, { heartbeatMs: options.heartbeatMs ?? 15_000 });
  demoRoutes(v1, registry, ctx, { enabled: demo, refresher, reset: resetDemo });
  route(v1, registry, {
    method: 'get', path: '/v1/openapi.json', tag: 'meta', auth: 'none', summary: 'This contract as OpenAPI 3.1, generated from the zod schemas once per server and sent with an ETag (If-None-Match answers 304).',
    response: { status: 200, contentType: 'application/json', description: 'The OpenAPI document' },
  }, openApiRoute(registry, publicUrl));

  app.route('/v1', v1);
  if (provider.routes) app.route('/provider', provider.routes);

  app.notFound((c) => c.json({ error: { code: 'not_found', message: `No route for ${c.req.method} ${c.req.path}.`, requestId: c.get('requestId') } }, 404));
  app.onError((error, c) => {
    const rid = c.get('requestId');
    if (error instanceof ApiError) {
      const body = { error: { code: error.code, message: error.message, ...(error.extra.fields ? { fields: error.extra.fields } : {}), requestId: rid } };
      return c.json(body, error.status, error.extra.headers ?? {});
    }
    // Only the error's name and message: our messages never carry tokens, and request bodies are never logged.
    ctx.log.error('unhandled error', { requestId: rid, name: (error as Error).name, message: (error as Error).message });
    return c.json({ error: { code: 'internal', message: 'Something went wrong on our side. Try again.', requestId: rid } }, 500);
  });

  if (options.refresher?.autoStart !== false) void ready.then(() => refresher.start());

  const handle: RelinkHandle = {
    ctx, store, provider, clock, refresher, registry, ready,
    mintToken: async (workspaceId, role, principalId, ttlSeconds) => {
      await ready;
      return mintSession(ctx, tokens, workspaceId, role, principalId, ttlSeconds);
    },
    resetDemo,
    close: () => refresher.stop(),
  };
  return Object.assign(app, { relink: handle });
}
