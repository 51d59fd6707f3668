// Mounts a real reference backend (Node, in-process OAuth provider, its consent page) on web-test-runner's own
// origin under /v1 and /provider, so a browser test can open the consent popup, click Approve in it (same origin)
// and receive the callback's postMessage — the whole reconnect flow over real HTTP. Tests reset the demo workspace
// through /v1/demo/reset as they need. The runner must be started with tsx (scripts/test.mjs and
// `npm run test:browser` do) so the TypeScript sources load.
import { getRequestListener } from '@hono/node-server';

export function relinkBackendMiddleware() {
  let backend;
  // Created on first use, when the page's origin (the server's public URL) is known.
  const start = async (origin) => {
    const { createRelinkServer } = await import('../packages/server/src/index.ts');
    const app = createRelinkServer({ publicUrl: origin, secretKey: 'wtr-signing-secret-0123456789abcdef', demo: true, rateLimit: false });
    await app.relink.ready;
    process.once('exit', () => app.relink.close());
    return getRequestListener(app.fetch);
  };
  return async function relinkBackend(ctx, next) {
    if (!ctx.path.startsWith('/v1/') && !ctx.path.startsWith('/provider/')) return next();
    backend ??= start(ctx.origin);
    const handle = await backend;
    ctx.respond = false;
    await handle(ctx.req, ctx.res);
  };
}
