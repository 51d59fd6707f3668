// Responses leave compressed when the client accepts it (issue 17): the API's JSON (gzip, src/http/compression.ts)
// and the host's built files (brotli or gzip, demo/host.ts), which also carry cache headers — hashed assets
// immutable, pages revalidated. Never the event stream: a compressor would hold live events back.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, it } from 'node:test';
import { Hono } from 'hono';
import { compression } from '../src/http/compression.js';
import { harness } from './helpers.js';

/** A raw GET (fetch would decode for us and hide what was on the wire). */
function get(port: number, path: string, headers: Record<string, string>): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject).end();
  });
}

describe('compression', () => {
  it('gzips a page of connections for a client that accepts it, and leaves the event stream alone', async () => {
    const h = await harness();
    // Mounted as the app mounts it: outermost, around every route.
    const app = new Hono();
    app.use('*', compression());
    app.route('/', h.app);
    const auth = { authorization: `Bearer ${h.agency}` };
    const plain = await app.request('http://relink.test/v1/connections?limit=100', { headers: auth });
    const zipped = await app.request('http://relink.test/v1/connections?limit=100', { headers: { ...auth, 'accept-encoding': 'gzip, deflate, br' } });
    assert.equal(plain.headers.get('content-encoding'), null);
    assert.equal(zipped.headers.get('content-encoding'), 'gzip');
    assert.match(zipped.headers.get('vary') ?? '', /accept-encoding/i);
    const wire = Buffer.from(await zipped.arrayBuffer());
    const text = await plain.text();
    assert.equal(gunzipSync(wire).toString(), text);
    assert.ok(wire.length < text.length / 3, `${wire.length} of ${text.length} bytes`);

    const events = await app.request('http://relink.test/v1/events', { headers: { ...auth, 'accept-encoding': 'gzip' } });
    assert.match(events.headers.get('content-type') ?? '', /^text\/event-stream/);
    assert.equal(events.headers.get('content-encoding'), null);
    // The first event arrives at once, not when a compressor's buffer fills.
    const reader = events.body!.getReader();
    const { value } = await reader.read();
    assert.ok(value && value.length > 0);
    await reader.cancel();
  });

  it('serves the host\'s files compressed (brotli, else gzip), hashed assets immutable and pages revalidated', async () => {
    const h = await harness();
    const { hostListener, serveFile } = await import('../../../demo/host.js');
    const root = mkdtempSync(join(tmpdir(), 'relink-host-'));
    mkdirSync(join(root, 'assets'));
    const script = `export const rows = ${JSON.stringify(Array.from({ length: 200 }, (_, i) => `row ${i}`))};\n`;
    writeFileSync(join(root, 'assets', 'app-1a2b3c.js'), script);
    writeFileSync(join(root, 'index.html'), `<!doctype html><title>Relink</title>${'<p>hello</p>'.repeat(50)}`);
    const { createServer } = await import('node:http');
    const server = createServer(hostListener(h.running, h.url, (path, _req, res) => serveFile(res, root, path)));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const port = (server.address() as AddressInfo).port;
      const br = await get(port, '/assets/app-1a2b3c.js', { 'accept-encoding': 'gzip, br' });
      assert.equal(br.headers['content-encoding'], 'br');
      assert.equal(brotliDecompressSync(br.body).toString(), script);
      assert.equal(br.headers['cache-control'], 'public, max-age=31536000, immutable');
      assert.equal(br.headers.vary, 'accept-encoding');
      const gz = await get(port, '/assets/app-1a2b3c.js', { 'accept-encoding': 'gzip, br;q=0' });
      assert.equal(gz.headers['content-encoding'], 'gzip');
      assert.equal(gunzipSync(gz.body).toString(), script);
      const identity = await get(port, '/assets/app-1a2b3c.js', {});
      assert.equal(identity.headers['content-encoding'], undefined);
      assert.equal(identity.body.toString(), script);
      const page = await get(port, '/portal/connections', { 'accept-encoding': 'br' });
      assert.equal(page.headers['cache-control'], 'no-cache');
      assert.match(brotliDecompressSync(page.body).toString(), /<title>Relink<\/title>/);
    } finally {
      server.close();
      rmSync(root, { recursive: true, force: true });
    }
  });
});
