import type { MiddlewareHandler } from 'hono';
import { cors as honoCors } from 'hono/cors';
import type { AppEnv } from '../context.js';

export interface CorsOptions {
  /** Origins allowed to call the API; undefined = any origin (`*`). */
  origins: string[] | undefined;
  allowHeaders: string[];
  exposeHeaders: string[];
  maxAge: number;
}

/**
 * CORS: preflights answered by Hono's `cors`; actual requests get their headers once the route has answered.
 * (`cors` sets them on a placeholder response before the route runs, and Hono then merges the route's answer into it
 * by re-wrapping the body as a stream: a 100-row page left in chunks through a web stream instead of in one write.)
 */
export function cors(options: CorsOptions): MiddlewareHandler<AppEnv> {
  const preflight = honoCors({ origin: options.origins ?? '*', allowHeaders: options.allowHeaders, exposeHeaders: options.exposeHeaders, maxAge: options.maxAge });
  const expose = options.exposeHeaders.join(',');
  return async (c, next) => {
    if (c.req.method === 'OPTIONS') return preflight(c, next);
    await next();
    const origin = c.req.header('origin') ?? '';
    const allowed = options.origins === undefined ? '*' : options.origins.includes(origin) ? origin : undefined;
    const headers = c.res.headers;
    if (allowed) headers.set('access-control-allow-origin', allowed);
    if (expose) headers.set('access-control-expose-headers', expose);
    if (options.origins !== undefined) headers.append('vary', 'Origin');
  };
}
