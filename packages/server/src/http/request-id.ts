import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../context.js';
import { newId } from '../internal/ids.js';

/** Every response carries `x-request-id` (a caller's own, if it is sane, else a fresh one). */
export function requestId(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const incoming = c.req.header('x-request-id');
    const id = incoming && /^[A-Za-z0-9._-]{1,128}$/.test(incoming) ? incoming : newId('req', 20);
    c.set('requestId', id);
    await next();
    c.res.headers.set('x-request-id', id);
  };
}
