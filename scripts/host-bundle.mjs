// How a host's bundler builds a page that uses Relink, shared by `npm run size` (scripts/size.mjs: bytes of the
// bundle) and the bench's page-bytes part (scripts/bench/index.mjs: what a browser loads from it before the first rows).
//
// Built from the built packages (packages/*/dist, what npm publishes), not from the sources through the
// `@relink/source` condition: the published files are what a host's bundler sees (tsc's decorator and tslib output,
// the package.json `exports` and `sideEffects`), and esbuild compiling the sources itself would build a different
// program. The bundle is an app bundler's: esbuild, ESM, minified, browser, `splitting: true`, nothing external; the
// elements' css`` templates as their build ships them (collapsed by packages/elements/scripts/minify-css.mjs, as
// Lit's production builds do).
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';

/** The elements a connections page and an agency console use (issue 17). */
export const CONNECTIONS_PAGE = ['provider', 'connections-table', 'status-badge', 'connection-detail', 'refresh-button', 'revoke-dialog', 'reconnect-button', 'toaster'];
export const AGENCY_CONSOLE = [...CONNECTIONS_PAGE, 'reauth-banner', 'notification-bell', 'runs-list'];

/** A host module's static imports of `names` (`@relink/elements/<name>.js` each). */
export const elementImports = (names) => names.map((name) => `import '@relink/elements/${name}.js';`).join('\n');

/** Builds the SDK and the elements as `npm publish` would (tsc, then the elements' stylesheet collapsing) in `root`. */
export function buildPackages(root, stdio = 'inherit') {
  for (const pkg of ['sdk', 'elements']) execFileSync('npx', ['tsc', '-p', `packages/${pkg}/tsconfig.build.json`], { cwd: root, stdio });
  // The elements' build collapses their stylesheets after tsc; measure what it publishes.
  execFileSync('node', ['packages/elements/scripts/minify-css.mjs'], { cwd: root, stdio });
}

/**
 * Bundles `contents` (a host module, resolved from `root`) as a host's bundler does. The entry chunk is `entry.js`;
 * `options` adds esbuild options (`outdir`, `write`, …). Resolves to esbuild's result, with its metafile.
 */
export function bundleHost(root, contents, options = {}) {
  return build({
    stdin: { contents, resolveDir: root, sourcefile: 'host.js', loader: 'js' },
    absWorkingDir: root,
    bundle: true,
    splitting: true,
    outdir: 'size-out',
    entryNames: 'entry',
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
    metafile: true,
    legalComments: 'none',
    logLevel: 'error',
    ...options,
  });
}

/** The output chunks a page loads up front: the entry and, transitively, every chunk it imports statically. */
export function upFrontChunks(metafile) {
  const entry = Object.keys(metafile.outputs).find((path) => metafile.outputs[path].entryPoint === 'host.js');
  const upFront = new Set([entry]);
  for (const path of upFront) {
    for (const imported of metafile.outputs[path].imports) if (imported.kind === 'import-statement') upFront.add(imported.path);
  }
  return upFront;
}
