// Bad input gets a 4xx with the usual error body and changes nothing; never a 5xx. Run on PostgreSQL-shaped storage
// (embedded PGlite) as well as memory, because the database is what refuses NUL and lone surrogates.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { DEMO_SECRET_KEY } from '../src/demo/seed.js';
import { Browser, harness, type Harness } from './helpers.js';

const NUL = '\u0000';
const LONE = '\ud800';

function assertErrorBody(res: { status: number; body: unknown; text: string }, status: number): void {
  assert.equal(res.status, status, res.text.slice(0, 300));
  const error = (res.body as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
  assert.ok(error && typeof error.code === 'string' && typeof error.message === 'string', `error body: ${res.text.slice(0, 300)}`);
}

for (const database of ['memory', { pglite: 'memory' }] as const) {
  describe(`bad input (${typeof database === 'string' ? database : 'PGlite'})`, () => {
    let h: Harness;
    const setup = async () => (h ??= await harness({ database }));
    const cursorOf = (key: unknown) => Buffer.from(JSON.stringify(key)).toString('base64url');

    for (const bad of [NUL, LONE]) {
      const name = bad === NUL ? 'NUL' : 'a lone surrogate';
      it(`${name} in a body field, a query, a cursor or the callback state is a 400, not a 500`, async () => {
        await setup();
        const cases: [string, string, { token?: string; body?: unknown; headers?: Record<string, string> }][] = [
          ['POST', '/v1/connections/con_hubspot/reconnect', { token: h.agency, body: { returnTo: `http://x/${bad}` } }],
          ['POST', '/v1/connection-requests', { token: h.agency, body: { connectionId: 'con_quickbooks', note: `hi${bad}` } }],
          ['POST', '/v1/connections/con_mailchimp/credentials', { token: h.agency, body: { fields: { [`api${bad}`]: 'x' } } }],
          ['GET', `/v1/connections?app=${encodeURIComponent(`x${bad === NUL ? NUL : ''}`)}${bad === NUL ? '' : '%ED%A0%80'}`, { token: h.agency }],
          ['GET', `/v1/connections?cursor=${cursorOf([bad, 'x'])}`, { token: h.agency }],
          ['GET', `/v1/notifications?cursor=${cursorOf(['2026', bad])}`, { token: h.agency }],
          ['GET', `/v1/connect/callback?state=${bad === NUL ? '%00' : '%ED%A0%80'}`, {}],
          ['POST', '/v1/sessions', { headers: { authorization: `Bearer ${DEMO_SECRET_KEY}` }, body: { role: 'agency', principalId: `prn${bad}` } }],
        ];
        for (const [method, path, options] of cases) {
          const res = await h.request(method, path, options);
          assert.ok(res.status < 500, `${method} ${path}: ${res.status} ${res.text.slice(0, 200)}`);
          if (path.startsWith('/v1/connect/callback')) continue; // a browser page (see the callback test)
          if (res.status !== 404 && res.status !== 200) assertErrorBody(res, 400);
        }
      });
    }

    it('a body over the limit is a 413 with the error body, before it is parsed', async () => {
      await setup();
      const big = JSON.stringify({ connectionId: 'con_quickbooks', note: 'x'.repeat(200 * 1024) });
      const res = await h.request('POST', '/v1/connection-requests', { token: h.agency, body: big });
      assertErrorBody(res, 413);
      assert.equal(res.body.error.code, 'payload_too_large');
    });

    it('an Idempotency-Key reused with {} and then { } replays: the fingerprint is of the parsed body', async () => {
      await setup();
      const headers = { 'idempotency-key': `same-${Math.random()}` };
      const first = await h.request('POST', '/v1/runs/run_failed/replay', { token: h.agency, body: '{}', headers });
      const second = await h.request('POST', '/v1/runs/run_failed/replay', { token: h.agency, body: '{ }', headers });
      assert.equal(first.status, 201, first.text);
      assert.equal(second.status, 201, second.text);
      assert.equal(second.headers.get('idempotent-replayed'), 'true');
      assert.equal(second.body.id, first.body.id);
    });

    it('GET /v1/connect/callback?state=nope answers what the contract documents for it (an HTML page, 400)', async () => {
      await setup();
      const res = await h.request('GET', '/v1/connect/callback?state=nope');
      assert.equal(res.status, 400);
      const documented = (await h.request('GET', '/v1/openapi.json')).body.paths['/v1/connect/callback'].get.responses['400'].content;
      assert.ok(res.headers.get('content-type')?.startsWith('text/html'));
      assert.ok('text/html' in documented, `the contract documents ${Object.keys(documented).join(', ')}`);
    });
  });
}

describe('POST /v1/sessions is rate limited per client address', () => {
  it('counts failed attempts only: a host backend minting with the right key for every page load is never limited', async () => {
    const h = await harness({ sessionRateLimit: { limit: 5, windowMs: 60_000 } });
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await h.request('POST', '/v1/sessions', { headers: { authorization: `Bearer ${DEMO_SECRET_KEY}` }, body: { role: 'agency', principalId: 'prn_agency' } });
      statuses.push(res.status);
    }
    assert.deepEqual(statuses, Array(12).fill(201));
    // The failures still count from zero: the limit is theirs.
    const wrong = await h.request('POST', '/v1/sessions', { headers: { authorization: 'Bearer sk_guess' }, body: { role: 'agency', principalId: 'prn_agency' } });
    assert.equal(wrong.status, 401);
  });

  it('wrong secret keys from one address get 429 after the limit, with Retry-After', async () => {
    const h = await harness({ sessionRateLimit: { limit: 5, windowMs: 60_000 } });
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      const res = await h.request('POST', '/v1/sessions', { headers: { authorization: `Bearer sk_guess_${i}` }, body: { role: 'agency', principalId: 'prn_agency' } });
      statuses.push(res.status);
      if (res.status === 429) assert.ok(Number(res.headers.get('retry-after')) >= 1);
    }
    assert.deepEqual(statuses, [401, 401, 401, 401, 401, 429, 429, 429]);
    // Even the right key is refused until the window passes: a guess cannot be confirmed by a different answer.
    const right = await h.request('POST', '/v1/sessions', { headers: { authorization: `Bearer ${DEMO_SECRET_KEY}` }, body: { role: 'agency', principalId: 'prn_agency' } });
    assert.equal(right.status, 429);
    h.clock.advance(60_000);
    const later = await h.request('POST', '/v1/sessions', { headers: { authorization: `Bearer ${DEMO_SECRET_KEY}` }, body: { role: 'agency', principalId: 'prn_agency' } });
    assert.equal(later.status, 201);
  });
});

describe('security headers', () => {
  it('a strict CSP, nosniff and no framing on the API, the event stream, the callback page, its script and the consent page', async () => {
    const h = await harness();
    const start = await h.request('POST', '/v1/connections/con_hubspot/reconnect', { token: h.agency });
    const { res: consentRes } = await new Browser().follow(start.body.connectUrl);
    assert.equal(consentRes?.status, 200);
    const consent = consentRes!;
    assert.match(await consent.text(), /Approve/);
    const events = await h.app.request(`${h.url}/v1/events`, { headers: { authorization: `Bearer ${h.agency}` } });
    await events.body?.cancel();
    const answers: [string, Headers][] = [
      ['API JSON', (await h.request('GET', '/v1/connections', { token: h.agency })).headers],
      ['API error', (await h.request('GET', '/v1/connections')).headers],
      ['event stream', events.headers],
      ['callback page', (await h.request('GET', '/v1/connect/callback?state=nope')).headers],
      ['callback script', (await h.request('GET', '/v1/connect/callback.js')).headers],
      ['consent page', consent.headers],
    ];
    for (const [what, headers] of answers) {
      const csp = headers.get('content-security-policy') ?? '';
      assert.match(csp, /default-src 'none'/, `${what}: ${csp}`);
      assert.match(csp, /frame-ancestors 'none'/, what);
      assert.doesNotMatch(csp, /script-src[^;]*'unsafe-inline'/, what);
      assert.equal(headers.get('x-frame-options'), 'DENY', what);
      assert.equal(headers.get('x-content-type-options'), 'nosniff', what);
    }
    // CORS stays as configured: any origin by default.
    const cors = await h.app.request(`${h.url}/v1/connections`, { headers: { origin: 'http://elsewhere.test', authorization: `Bearer ${h.agency}` } });
    assert.equal(cors.headers.get('access-control-allow-origin'), '*');
  });
});

describe('the demo host', () => {
  it('GET /% and a NUL path are a 4xx, not an uncaught URIError that ends the process', async () => {
    const h = await harness();
    const { hostListener, serveFile } = await import('../../../demo/host.js');
    const root = mkdtempSync(join(tmpdir(), 'relink-host-'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>x</title>');
    const server = createServer(hostListener(h.running, h.url, (path, _req, res) => serveFile(res, root, path)));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const port = (server.address() as AddressInfo).port;
      for (const path of ['/%', '/%E0%A4%A', '/a%00b.js']) {
        const status = await new Promise<number>((resolve, reject) => {
          request({ host: '127.0.0.1', port, path }, (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          }).on('error', reject).end();
        });
        assert.ok(status >= 400 && status < 500, `${path}: ${status}`);
      }
      const page = await fetch(`http://127.0.0.1:${port}/portal`);
      assert.equal(page.status, 200, 'still serving');
      assert.equal(page.headers.get('x-frame-options'), 'DENY');
      assert.match(page.headers.get('content-security-policy') ?? '', /frame-ancestors 'none'/);
    } finally {
      server.close();
      rmSync(root, { recursive: true, force: true });
    }
  });
});
