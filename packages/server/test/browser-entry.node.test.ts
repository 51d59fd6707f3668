import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { build } from 'esbuild';
import { createInPageRelink, type InPageRelink } from '../src/browser.js';

const entry = new URL('../src/browser.ts', import.meta.url).pathname;

describe('browser entry', () => {
  it('bundles for the browser with no node: imports, and the bundle serves the API', async () => {
    const result = await build({
      entryPoints: [entry], bundle: true, format: 'esm', platform: 'browser', write: false, metafile: true,
      conditions: ['@relink/source'], logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    const imports = Object.values(result.metafile.inputs).flatMap((i) => i.imports.map((x) => x.path));
    assert.deepEqual(imports.filter((p) => p.startsWith('node:')), []);
    assert.ok(!inputs.some((p) => p.includes('@hono/node-server')));
    const dir = mkdtempSync(join(tmpdir(), 'relink-browser-'));
    try {
      const file = join(dir, 'relink.mjs');
      writeFileSync(file, result.outputFiles[0]!.text);
      const bundled = (await import(pathToFileURL(file).href)) as { createInPageRelink: typeof createInPageRelink };
      const relink: InPageRelink = bundled.createInPageRelink({ refresher: { autoStart: false } });
      const token = await relink.mintToken('client', 'prn_client');
      const res = await relink.fetch(`${relink.baseUrl}/connections`, { headers: { authorization: `Bearer ${token}` } });
      assert.equal(res.status, 200);
      const body = (await res.json()) as { data: { id: string }[] };
      assert.equal(body.data.length, 4);
      relink.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('createInPageRelink: fetch accepts a Request (as ky sends), tokens per role, reset', async () => {
    const relink = createInPageRelink({ refresher: { autoStart: false } });
    assert.equal(relink.baseUrl, 'https://relink.invalid/v1');
    const agency = await relink.mintToken('agency', 'prn_agency');
    const revoke = await relink.fetch(new Request(`${relink.baseUrl}/connections/con_linkedin/revoke`, { method: 'POST', headers: { authorization: `Bearer ${agency}` } }));
    assert.equal(revoke.status, 200);
    await relink.reset();
    const linkedin = await relink.fetch(`${relink.baseUrl}/connections/con_linkedin`, { headers: { authorization: `Bearer ${agency}` } });
    assert.equal(((await linkedin.json()) as { status: string }).status, 'active');
    await assert.rejects(relink.mintToken('agency', 'prn_client'));
    relink.close();
  });
});
