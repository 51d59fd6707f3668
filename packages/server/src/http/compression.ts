import type { MiddlewareHandler } from 'hono';
import { COMPRESSIBLE_CONTENT_TYPE_REGEX, compress } from 'hono/compress';

const compressible = (type: string | null): boolean =>
  type !== null && !/^\s*text\/event-stream/i.test(type) && COMPRESSIBLE_CONTENT_TYPE_REGEX.test(type);

/**
 * gzip (Hono's compress, on the platform's CompressionStream, so it runs in Node and in the page alike) for JSON and
 * text answers over 1 KiB when the client accepts it (a page of 100 connections: ~60 KiB of JSON). Never the event stream: a compressor buffers, and live events must leave as they happen.
 */
export function compression(): MiddlewareHandler {
  const gzip = compress({ encoding: 'gzip', threshold: 1024, contentTypeFilter: (type) => compressible(type) });
  return (c, next) => gzip(c, async () => {
    await next();
    // `Vary` set here on the answer's own headers: `compress` would set it with `c.header`, which re-wraps a finished
    // answer's body as a stream, so every answer not compressed (no Accept-Encoding) left in chunks too.
    const headers = c.res.headers;
    const vary = headers.get('vary');
    if (compressible(headers.get('content-type')) && vary !== '*' && !/(^|,)\s*accept-encoding\s*(,|$)/i.test(vary ?? '')) headers.append('vary', 'Accept-Encoding');
  });
}
