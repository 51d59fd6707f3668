// A long list opens its window once the window's code is here (issue 17: its first rows within 1.2× of one page
// request). The SDK is bundled as a host's bundler does it (esbuild, code splitting, nothing written): the windows'
// code must be one chunk that needs nothing but what the page loaded up front, so it arrives in one round trip, not a
// chunk that names another chunk the browser asks for only once the first has arrived.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Metafile } from 'esbuild';
// @ts-expect-error -- a plain .mjs script, no types (the size script and the bench bundle hosts with it too)
import { bundleHost, upFrontChunks } from '../../../scripts/host-bundle.mjs';

const root = new URL('../../../', import.meta.url).pathname;

describe("the list windows' code", () => {
  it('is one on-demand chunk that imports no other chunk', async () => {
    // From the sources (`@relink/source`), so the test needs no build first.
    const { metafile } = (await bundleHost(root, `export * from '@relink/sdk';`, { conditions: ['@relink/source'] })) as { metafile: Metafile };
    const outputs = metafile.outputs;
    const upFront = upFrontChunks(metafile) as Set<string>;
    const chunkOf = (source: string) => Object.keys(outputs).find((key) => Object.keys(outputs[key]!.inputs).some((input) => input.endsWith(source)))!;

    const windows = chunkOf('sdk/src/store/connection-window.ts');
    assert.ok(!upFront.has(windows), 'the windows are loaded on demand');
    for (const part of ['list-window.ts', 'run-window.ts', 'window-rows.ts']) assert.equal(chunkOf(`sdk/src/store/${part}`), windows, `${part} is in the windows' chunk`);
    const later = outputs[windows]!.imports.filter((imported) => imported.kind === 'import-statement' && !upFront.has(imported.path));
    assert.deepEqual(later.map((imported) => imported.path), [], 'every chunk the windows import statically is loaded up front');
    // What they use of the store's code is handed to them (store/window-kit.ts): they import no chunk at all, so none of
    // the store's modules is split out of the entry into a chunk both load.
    assert.deepEqual(outputs[windows]!.imports.filter((imported) => imported.kind === 'import-statement'), []);
  });
});
