// The response schemas load on demand (internal/on-demand.ts): the SDK is bundled here the way a host's bundler does it
// (esbuild, code splitting, chunks written to disk and imported from there), so the schemas really are a separate
// chunk, loaded by a real dynamic import. The answers come from the reference backend; only the broken body and the
// missing chunk are faults, because a healthy server and a healthy deploy never produce them.
import assert from 'node:assert/strict';
import { mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, describe, it } from 'node:test';
import { build, type Metafile } from 'esbuild';
import { createInPageRelink } from '@relink/server/browser';
import type * as Sdk from '@relink/sdk';

const root = new URL('../../../', import.meta.url).pathname;
const dirs: string[] = [];
const relink = createInPageRelink({ refresher: { autoStart: false } });
after(() => {
  relink.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** Bundles the SDK with splitting into a fresh directory: its own module instances, so its own schema cache. */
async function bundle(): Promise<{ dir: string; entry: string; metafile: Metafile; schemaChunk: string; windowChunk: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'relink-lazy-'));
  dirs.push(dir);
  const { metafile } = await build({
    stdin: { contents: `export * from '@relink/sdk';`, resolveDir: root, sourcefile: 'host.js' },
    absWorkingDir: root, bundle: true, splitting: true, format: 'esm', platform: 'neutral', mainFields: ['module', 'main'],
    outdir: dir, entryNames: 'entry', conditions: ['@relink/source'], metafile: true, logLevel: 'silent',
  });
  const outputs = Object.entries(metafile.outputs);
  const chunkOf = (source: string) => join(root, outputs.find(([, output]) => Object.keys(output.inputs).some((input) => input.endsWith(source)))![0]);
  return {
    dir, entry: join(root, outputs.find(([, output]) => output.entryPoint === 'host.js')![0]), metafile,
    schemaChunk: chunkOf('sdk/src/on-demand.ts'), windowChunk: chunkOf('sdk/src/store/connection-window.ts'),
  };
}

const token = await relink.mintToken('agency', 'prn_agency');

describe('response schemas loaded on demand', () => {
  it('are not in the entry\'s static imports, and still turn a body that breaks them into a RelinkResponseError', async () => {
    const { entry, metafile } = await bundle();
    // The entry and what it imports statically: no zod.
    const entryKey = Object.keys(metafile.outputs).find((key) => metafile.outputs[key]!.entryPoint === 'host.js')!;
    const upFront = new Set([entryKey]);
    for (const key of upFront) for (const imported of metafile.outputs[key]!.imports) if (imported.kind === 'import-statement') upFront.add(imported.path);
    const upFrontInputs = [...upFront].flatMap((key) => Object.keys(metafile.outputs[key]!.inputs));
    assert.deepEqual(upFrontInputs.filter((input) => input.includes('node_modules/zod/')), []);
    // The store's writes are up front: code loaded at the moment of a write would turn an outage into "part of this
    // page did not load" (the page's server is down too), and a reconnect the server completed into a failure.
    assert.ok(upFrontInputs.some((input) => input.endsWith('sdk/src/store/writes.ts')), 'store writes up front');
    // What the chunk uses of the up-front code (errors, backoff, transport) is handed to it (internal/kit.ts), not
    // imported, so it stays in the entry rather than in a chunk split out for both to load. The one module they share
    // is the run statuses, which the schemas read as they load.
    const schemaKey = Object.keys(metafile.outputs).find((key) => Object.keys(metafile.outputs[key]!.inputs).some((input) => input.endsWith('sdk/src/on-demand.ts')))!;
    const shared = metafile.outputs[schemaKey]!.imports
      .filter((imported) => imported.kind === 'import-statement')
      .flatMap((imported) => Object.keys(metafile.outputs[imported.path]!.inputs));
    assert.deepEqual(shared.map((input) => input.replace(/.*sdk\/src\//, '')), ['schema/run-statuses.ts']);

    const sdk = (await import(pathToFileURL(entry).href)) as typeof Sdk;
    let breakBody = false;
    const client = sdk.createRelinkClient({
      baseUrl: relink.baseUrl,
      token,
      retry: 0,
      fetch: async (input, init) => {
        const response = await relink.fetch(input, init);
        if (!breakBody) return response;
        const body = (await response.json()) as { data: Record<string, unknown>[] };
        return Response.json({ ...body, data: [{ ...body.data[0], status: 'expired' }] }, { status: response.status });
      },
    });
    const page = await client.connections.list();
    assert.ok(page.data.length > 0);
    breakBody = true;
    const error = await client.connections.list().then(() => assert.fail('expected a RelinkResponseError'), (caught: unknown) => caught);
    assert.ok(error instanceof sdk.RelinkResponseError, String(error));
    assert.deepEqual(error.issues.map((issue) => issue.path), [['data', 0, 'status']]);
    assert.match(error.message, /^Unexpected response to GET connections: data\[0\]\.status: /);
  });

  it('a chunk that fails to load is a RelinkChunkLoadError for a read, a window and live events, a RelinkResponseError for a write that was done, and the next call loads it', async () => {
    const { entry, schemaChunk, windowChunk } = await bundle();
    assert.notEqual(windowChunk, schemaChunk);
    const sdk = (await import(pathToFileURL(entry).href)) as typeof Sdk;
    const client = sdk.createRelinkClient({ baseUrl: relink.baseUrl, token, retry: 0, fetch: relink.fetch });
    renameSync(schemaChunk, `${schemaChunk}.gone`); // a deploy removed it, or the network dropped it
    const error = await client.viewer.get().then(() => assert.fail('expected a RelinkChunkLoadError'), (caught: unknown) => caught);
    assert.ok(error instanceof sdk.RelinkChunkLoadError, String(error));
    assert.equal(sdk.errorKind(error), 'chunk');
    assert.match(error.message, /^Could not load the SDK's response schemas to read the answer: GET me$/);
    // The cause is the runtime's own error for the import, not the SDK's wrapper around it.
    assert.ok(error.cause instanceof Error && !sdk.isRelinkError(error.cause), String(error.cause));
    // An error answer needs the schemas too (its body is validated): the same typed failure, not an unparsed body.
    const notFound = await client.connections.get('con_nope').then(() => assert.fail('expected a failure'), (caught: unknown) => caught);
    assert.ok(notFound instanceof sdk.RelinkChunkLoadError, String(notFound));

    // A write the server did: its answer cannot be read, but the SDK's code not loading must not read as "nothing was
    // changed": the success status stays, the load failure is its cause.
    const revoked = await client.connections.revoke('con_slack').then(() => assert.fail('expected a failure'), (caught: unknown) => caught);
    assert.ok(revoked instanceof sdk.RelinkResponseError, String(revoked));
    assert.match(revoked.message, /^Could not load the SDK's response schemas to read the answer: POST connections\/con_slack\/revoke$/);
    assert.equal(revoked.status, 200);
    assert.ok(sdk.isChunkLoadError(revoked.cause), String(revoked.cause));

    // The store's windows load on demand too: their chunk's failure is the same typed error.
    const store = sdk.createRelinkStore(client);
    renameSync(windowChunk, `${windowChunk}.gone`);
    const opening = await store.connections.window().then(() => assert.fail('expected a failure'), (caught: unknown) => caught);
    assert.ok(sdk.isChunkLoadError(opening), String(opening));
    assert.match((opening as Error).message, /^Could not load the SDK's connections window\.$/);
    renameSync(`${windowChunk}.gone`, windowChunk);
    (await store.connections.window()).close();

    // Live events come with the schemas: without them the store stays off live, with no unhandled rejection, and a
    // later start, once the chunk is back, opens the stream.
    const rejections: unknown[] = [];
    const record = (reason: unknown) => rejections.push(reason);
    process.on('unhandledRejection', record);
    const stopFirst = store.startLive();
    assert.equal(store.getSnapshot().live, 'connecting'); // trying while the code loads
    // Back to off once the load has failed: the failure was handled (waiting for it, not for a fixed time).
    for (let i = 0; i < 500 && store.getSnapshot().live !== 'off'; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    assert.equal(store.getSnapshot().live, 'off');
    await new Promise((resolve) => setImmediate(resolve)); // an unhandled rejection is reported after the microtasks
    process.off('unhandledRejection', record);
    assert.deepEqual(rejections, []);
    stopFirst();

    renameSync(`${schemaChunk}.gone`, schemaChunk);
    assert.equal((await client.connections.get('con_slack')).status, 'revoked');
    assert.equal((await client.connections.get('con_linkedin')).status, 'active');
    // With the chunk back, the store's write is done and shown.
    assert.equal((await store.revoke('con_linkedin')).status, 'revoked');
    assert.equal(store.getSnapshot().connections.byId.get('con_linkedin')?.status, 'revoked');
    const viewer = await client.viewer.get();
    assert.equal(viewer.role, 'agency');
    assert.ok(sdk.isNotFound(await client.connections.get('con_nope').catch((caught: unknown) => caught)));
    const stop = store.startLive();
    for (let i = 0; i < 500 && store.getSnapshot().live !== 'open'; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    assert.equal(store.getSnapshot().live, 'open');
    stop();
  });
});
