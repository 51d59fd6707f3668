import type { Handler, Hono } from 'hono';
import type { z } from 'zod/mini';
import type { AppEnv } from '../context.js';

export interface RouteDoc {
  method: 'get' | 'post' | 'put' | 'delete';
  /** OpenAPI style, with the `/v1` prefix: `/v1/connections/{id}`. */
  path: string;
  summary: string;
  tag: string;
  /** `session`: Bearer session token; `secret`: Bearer workspace secret key; `none`: public (the OAuth callback). */
  auth: 'session' | 'secret' | 'none';
  query?: z.ZodMiniType;
  body?: z.ZodMiniType;
  response: { status: number; schema?: z.ZodMiniType; contentType?: string; description: string };
  /** Error statuses this route answers besides 401/429/500 (which every session route may). */
  errors?: number[];
  /**
   * Browser-facing routes (the OAuth callback) answer their own failures as an HTML page; only a malformed request
   * (bad bytes, a body too large) still gets the JSON error body.
   */
  errorPages?: boolean;
}

/** The list `/openapi.json` is generated from. Routes register here as they register with Hono. */
export class RouteRegistry {
  readonly docs: RouteDoc[] = [];
}

/** Register a route on the `/v1` sub-app and document it in one step, so the two cannot drift apart silently. */
export function route(app: Hono<AppEnv>, registry: RouteRegistry, doc: RouteDoc, handler: Handler<AppEnv>): void {
  registry.docs.push(doc);
  const honoPath = doc.path.replace(/^\/v1/, '').replace(/\{(\w+)\}/g, ':$1');
  if (doc.method === 'get') app.get(honoPath, handler);
  else if (doc.method === 'delete') app.delete(honoPath, handler);
  else if (doc.method === 'put') app.put(honoPath, handler);
  else app.post(honoPath, handler);
}
