import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from '../context.js';
import { ApiError } from '../errors.js';
import { isStorableText } from './text.js';

/** Default request-body limit: the largest legitimate body (API-key fields, a note) is a few KiB. */
export const DEFAULT_MAX_BODY_BYTES = 64 * 1024;

/** Bodies over `maxBytes` are a 413 before they are buffered (by Content-Length, or while streaming without one). */
export function limitBody(maxBytes: number): MiddlewareHandler<AppEnv> {
  return bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new ApiError(413, 'payload_too_large', `The request body is larger than ${Math.floor(maxBytes / 1024)} KiB.`);
    },
  });
}

/**
 * The URL's path and query as the routes will read them (percent-decoded) must be text a database can store:
 * otherwise a 400 here, whatever the route (the OAuth callback's `state` included).
 */
export function rejectUnstorableUrl(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const url = new URL(c.req.url);
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      throw new ApiError(400, 'bad_request', 'The request path is not valid percent-encoding.');
    }
    if (!isStorableText(path)) throw new ApiError(400, 'bad_request', 'The request path contains a NUL character or an unpaired surrogate.');
    for (const [name, value] of url.searchParams) {
      if (!isStorableText(name) || !isStorableText(value)) {
        throw new ApiError(400, 'bad_request', `The query parameter "${isStorableText(name) ? name : '?'}" contains a NUL character or an unpaired surrogate.`);
      }
    }
    await next();
  };
}
