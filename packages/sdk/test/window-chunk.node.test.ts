// A long list opens its window once the window's code is here (issue 17: its first rows within 1.2× of one page
// request). The SDK is bundled as a host's bundler does it (esbuild, code splitting, nothing written): the windows'
// code must be one chunk that needs nothing but what the page loaded up front, so it arrives in one round trip, not a
// chunk that names another chunk the browser asks for only once the first has arrived.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { build } from 'esbuild';

const root = new URL('../../../', import.meta.url).pathname;

describe("the list windows' code", () => {
  it('is one on-demand chunk whose static imports are all loaded up front', async () => {
    const { metafile } = await build({
      stdin: { contents: `export * from '@relink/sdk';`, resolveDir: root, sourcefile: 'host.js' },
      absWorkingDir: root, bundle: true, splitting: true, format: 'esm', platform: 'browser', minify: true,
      outdir: 'out', entryNames: 'entry', conditions: ['@relink/source'], metafile: true, write: false, logLevel: 'silent',
    });
    const outputs = metafile.outputs;
    const entry = Object.keys(outputs).find((key) => outputs[key]!.entryPoint === 'host.js')!;
    const upFront = new Set([entry]);
    for (const key of upFront) for (const imported of outputs[key]!.imports) if (imported.kind === 'import-statement') upFront.add(imported.path);
    const chunkOf = (source: string) => Object.keys(outputs).find((key) => Object.keys(outputs[key]!.inputs).some((input) => input.endsWith(source)))!;

    const windows = chunkOf('sdk/src/store/connection-window.ts');
    assert.ok(!upFront.has(windows), 'the windows are loaded on demand');
    for (const part of ['list-window.ts', 'run-window.ts', 'window-rows.ts']) assert.equal(chunkOf(`sdk/src/store/${part}`), windows, `${part} is in the windows' chunk`);
    const later = outputs[windows]!.imports.filter((imported) => imported.kind === 'import-statement' && !upFront.has(imported.path));
    assert.deepEqual(later.map((imported) => imported.path), [], 'every chunk the windows import statically is loaded up front');
  });
});
