// CORS on actual requests is set once the route has answered (src/http/cors.ts), and Vary for compression likewise
// (src/http/compression.ts): the route's own Response is what leaves, not a copy whose body was re-wrapped as a
// stream (which sent a 100-row page through a web stream on every request).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Hono } from 'hono';
import type { AppEnv } from '../src/context.js';
import { ApiError } from '../src/errors.js';
import { compression } from '../src/http/compression.js';
import { cors } from '../src/http/cors.js';
import { requestId } from '../src/http/request-id.js';
import { securityHeaders } from '../src/http/security-headers.js';
import { harness } from './helpers.js';

const ALLOWED = 'https://console.example.test';

/** The app's middleware stack, in the app's order, around one route that answers with a page-sized JSON body. */
function stack(origins: string[] | undefined) {
  const answered: Response[] = [];
  const app = new Hono<AppEnv>();
  app.use('*', compression());
  app.use('*', requestId());
  app.use('*', securityHeaders());
  app.use('*', cors({ origins, allowHeaders: ['authorization'], exposeHeaders: ['x-request-id'], maxAge: 600 }));
  app.get('/page', (c) => {
    const res = c.json({ data: Array.from({ length: 100 }, (_, i) => ({ id: `con_${i}`, label: `Connection ${i}` })) });
    answered.push(res);
    return res;
  });
  app.get('/fail', () => {
    throw new ApiError(404, 'not_found', 'No such thing.');
  });
  app.onError((error, c) => c.json({ error: { code: (error as ApiError).code } }, (error as ApiError).status));
  return { app, answered };
}

describe('CORS and Vary on answers', () => {
  it('leaves the route\'s own answer untouched but for its headers', async () => {
    const { app, answered } = stack(undefined);
    const res = await app.request('/page', { headers: { origin: 'http://elsewhere.test' } });
    assert.equal(res, answered[0], 'the answer was copied on its way out');
    assert.equal(res.headers.get('access-control-allow-origin'), '*');
    assert.equal(res.headers.get('access-control-expose-headers'), 'x-request-id');
    assert.match(res.headers.get('vary') ?? '', /accept-encoding/i);
    assert.match(res.headers.get('x-request-id') ?? '', /^req_/);
    assert.equal(res.headers.get('x-frame-options'), 'DENY');
    assert.equal((await res.json() as { data: unknown[] }).data.length, 100);
  });

  it('names an allowed origin (and varies by it), not another one, on answers and errors alike', async () => {
    const { app } = stack([ALLOWED]);
    for (const path of ['/page', '/fail']) {
      const allowed = await app.request(path, { headers: { origin: ALLOWED } });
      assert.equal(allowed.headers.get('access-control-allow-origin'), ALLOWED, path);
      assert.match(allowed.headers.get('vary') ?? '', /(^|,\s*)origin(,|$)/i, path);
      assert.match(allowed.headers.get('vary') ?? '', /accept-encoding/i, path);
      const other = await app.request(path, { headers: { origin: 'http://evil.example.test' } });
      assert.equal(other.headers.get('access-control-allow-origin'), null, path);
    }
    const preflight = await app.request('/page', { method: 'OPTIONS', headers: { origin: ALLOWED, 'access-control-request-method': 'GET' } });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-origin'), ALLOWED);
    assert.equal(preflight.headers.get('access-control-allow-headers'), 'authorization');
    assert.equal(preflight.headers.get('access-control-max-age'), '600');
  });

  it('the server answers a cross-origin list and its errors with the configured origin', async () => {
    const h = await harness({ allowedOrigins: [ALLOWED] });
    const list = await h.request('GET', '/v1/connections', { token: h.agency, headers: { origin: ALLOWED } });
    assert.equal(list.status, 200);
    assert.equal(list.headers.get('access-control-allow-origin'), ALLOWED);
    assert.match(list.headers.get('access-control-expose-headers') ?? '', /relink-event-id/);
    const denied = await h.request('GET', '/v1/connections', { token: 'nope', headers: { origin: ALLOWED } });
    assert.equal(denied.status, 401);
    assert.equal(denied.headers.get('access-control-allow-origin'), ALLOWED);
  });
});
