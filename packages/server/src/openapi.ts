import { z } from 'zod/mini';
import { ErrorBody } from '@relink/sdk/schema';
import type { Context } from 'hono';
import type { RouteRegistry } from './http/route.js';
import { sha256Base64url } from './internal/ids.js';

type Json = Record<string, unknown>;

const toSchema = (schema: z.ZodMiniType, io: 'input' | 'output'): Json =>
  z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Json;

const STATUS_TEXT: Record<number, string> = {
  302: 'Redirect (redirect mode, or to the OAuth client)',
  400: 'Bad request or validation failed',
  401: 'Missing, invalid or expired token',
  403: 'Forbidden for this role',
  404: 'Not found (also for ids in another workspace)',
  409: 'Conflict with the resource state',
  422: 'Invalid credentials, with field errors',
  429: 'Rate limited; see Retry-After',
  503: 'Provider temporarily unavailable; see Retry-After',
};

/** OpenAPI 3.1 from the route registry and the contract's zod schemas — the same schemas that validate and serialise. */
export function buildOpenApi(registry: RouteRegistry, publicUrl: string): Json {
  const paths: Record<string, Record<string, Json>> = {};
  for (const doc of registry.docs) {
    const params: Json[] = [];
    for (const [, name] of doc.path.matchAll(/\{(\w+)\}/g)) {
      params.push({ name, in: 'path', required: true, schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,64}$' } });
    }
    if (doc.query) {
      const q = toSchema(doc.query, 'input') as { properties?: Record<string, Json>; required?: string[] };
      for (const [name, schema] of Object.entries(q.properties ?? {})) {
        params.push({ name, in: 'query', required: q.required?.includes(name) ?? false, schema });
      }
    }
    const responses: Record<string, Json> = {
      [String(doc.response.status)]: {
        description: doc.response.description,
        ...(doc.response.schema || doc.response.contentType
          ? { content: { [doc.response.contentType ?? 'application/json']: doc.response.schema ? { schema: toSchema(doc.response.schema, 'output') } : {} } }
          : {}),
      },
    };
    const errors = new Set([...(doc.errors ?? []), ...(doc.auth === 'none' ? [] : [401]), ...(doc.method !== 'get' && doc.auth === 'session' ? [429] : [])]);
    for (const status of [...errors].sort()) {
      responses[String(status)] = status === 302
        ? { description: STATUS_TEXT[302] }
        : {
            description: `${STATUS_TEXT[status] ?? 'Error'}${doc.errorPages ? ': an HTML page that says what happened (JSON only for a malformed request)' : ''}`,
            content: {
              ...(doc.errorPages ? { 'text/html': {} } : {}),
              'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } },
            },
          };
    }
    paths[doc.path] ??= {};
    paths[doc.path]![doc.method] = {
      summary: doc.summary,
      tags: [doc.tag],
      operationId: `${doc.method}${doc.path.replace(/\/v1/, '').replace(/[{}]/g, '').replace(/[/-](\w)/g, (_, ch: string) => ch.toUpperCase())}`,
      ...(params.length ? { parameters: params } : {}),
      ...(doc.body ? { requestBody: { required: false, content: { 'application/json': { schema: toSchema(doc.body, 'input') } } } } : {}),
      ...(doc.auth === 'none' ? { security: [] } : doc.auth === 'secret' ? { security: [{ secretKey: [] }] } : {}),
      ...(doc.method === 'post' && doc.auth === 'session'
        ? { parameters: [...params, { name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string', maxLength: 255 } }] }
        : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Relink API', version: '1.0.0', description: 'Connection health: connections, consent flows, requests, notifications, runs and live events.' },
    servers: [{ url: publicUrl }],
    security: [{ sessionToken: [] }],
    components: {
      securitySchemes: {
        sessionToken: { type: 'http', scheme: 'bearer', description: 'A short-lived session token from POST /v1/sessions' },
        secretKey: { type: 'http', scheme: 'bearer', description: "The workspace's secret key (server to server only)" },
      },
      schemas: { ErrorBody: toSchema(ErrorBody, 'output') },
    },
    paths,
  };
}

/**
 * `GET /v1/openapi.json` for one app: the document is built on the first request (every route has registered by
 * then) and kept as its JSON text with a strong ETag, so a request costs a string send, and a client that already
 * holds this version (`If-None-Match`) gets a 304 with no body.
 */
export function openApiRoute(registry: RouteRegistry, publicUrl: string): (c: Context) => Promise<Response> {
  let built: Promise<{ body: string; etag: string }> | undefined;
  const document = () => (built ??= (async () => {
    const body = JSON.stringify(buildOpenApi(registry, publicUrl));
    return { body, etag: `"${await sha256Base64url(body)}"` };
  })());
  return async (c) => {
    const { body, etag } = await document();
    const headers = { etag, 'cache-control': 'no-cache' };
    const held = c.req.header('if-none-match');
    if (held && held.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag || tag.trim() === '*')) return c.body(null, 304, headers);
    return c.body(body, 200, { ...headers, 'content-type': 'application/json; charset=UTF-8' });
  };
}
