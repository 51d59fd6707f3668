// A fault the real server cannot produce when asked: one of the page's on-demand chunks fails to load (a deploy
// removed the host's old chunk, the network dropped the request). A browser test names the modules to refuse in the
// `relink-refuse-modules` cookie, comma-separated paths without their extension (`internal/reconnect-flow`), and this
// answers 503 for them. Each test file runs in a browser context of its own, so the cookie refuses nothing elsewhere.
// Chromium keeps a module that failed to load as failed for the page's life (a later import() of it fails at once,
// without asking again), so a test that needs the module afterwards belongs in another file.
export const REFUSE_MODULES_COOKIE = 'relink-refuse-modules';

export function refuseModulesMiddleware() {
  return async function refuseModules(ctx, next) {
    const refused = ctx.cookies.get(REFUSE_MODULES_COOKIE);
    if (refused) {
      const path = ctx.path.replace(/\.[jt]s$/, '');
      if (decodeURIComponent(refused).split(',').some((module) => module !== '' && path.endsWith(`/${module}`))) {
        ctx.status = 503;
        ctx.set('cache-control', 'no-store');
        ctx.body = 'Refused by the test (relink-refuse-modules).';
        return;
      }
    }
    return next();
  };
}
