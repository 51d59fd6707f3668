// Mounts a real reference backend (Node: the oidc-provider authorization server and its consent page, in-memory
// data) on web-test-runner's own origin under /v1 and /provider, so a browser test can open the consent popup,
// click Approve in it (same origin) and receive the callback's postMessage — the whole reconnect flow over real
// HTTP. Tests reset the demo workspace through /v1/demo/reset as they need. The runner must be started with tsx
// (scripts/test.mjs and `npm run test:browser` do) so the TypeScript sources load.
export function relinkBackendMiddleware() {
  let backend;
  // Created on first use, when the page's origin (the server's public URL, so the OAuth issuer) is known.
  const start = async (origin) => {
    const { createNodeRelink } = await import('../packages/server/src/node/server.ts');
    const relink = await createNodeRelink({
      publicUrl: origin, secretKey: 'wtr-signing-secret-0123456789abcdef', demo: true, rateLimit: false, database: 'memory',
    });
    process.once('exit', () => relink.app.relink.close());
    return relink.listener;
  };
  return async function relinkBackend(ctx, next) {
    if (!ctx.path.startsWith('/v1/') && !ctx.path.startsWith('/provider/')) return next();
    backend ??= start(ctx.origin);
    const handle = await backend;
    ctx.respond = false;
    handle(ctx.req, ctx.res);
  };
}
