import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../context.js';

/**
 * One strict policy for everything this server answers — JSON, event streams and its few HTML pages (the OAuth
 * callback, the demo provider's consent screen): no inline script (the callback's script is a file on this origin),
 * inline styles only (the pages' one <style> block), nothing may frame a page (the consent form's Approve button is
 * not clickjackable), and no content sniffing.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; base-uri 'none'";

export const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
};

export function securityHeaders(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.res.headers.set(name, value);
  };
}
