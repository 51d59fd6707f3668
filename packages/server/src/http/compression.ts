import type { MiddlewareHandler } from 'hono';
import { COMPRESSIBLE_CONTENT_TYPE_REGEX, compress } from 'hono/compress';

/**
 * gzip (Hono's compress, on the platform's CompressionStream, so it runs in Node and in the page alike) for JSON and
 * text answers over 1 KiB when the client accepts it (a page of 100 connections: ~60 KiB of JSON). Never the event stream: a compressor buffers, and live events must leave as they happen.
 */
export function compression(): MiddlewareHandler {
  return compress({
    encoding: 'gzip',
    threshold: 1024,
    contentTypeFilter: (type) => !/^\s*text\/event-stream/i.test(type) && COMPRESSIBLE_CONTENT_TYPE_REGEX.test(type),
  });
}
