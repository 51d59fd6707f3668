// `@relink/elements/bundle.js` (dist/bundle/relink.js): the whole kit — every element, the SDK, lit, ky, zod/mini —
// as one minified ES module, for pages with no bundler: `<script type="module" src=".../bundle.js">`.
// Built from tsc's output (dist/index.js), so it is the same code the per-element modules ship.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  configFile: false,
  logLevel: 'warn',
  // Published code only: the workspace's source condition must not leak into the bundle.
  resolve: { conditions: ['module', 'browser', 'production'] },
  // Lib mode leaves `process.env.NODE_ENV` to the consumer's bundler; a script tag has none.
  define: { 'process.env.NODE_ENV': '"production"' },
  build: {
    outDir: here('./dist/bundle'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    reportCompressedSize: false,
    copyPublicDir: false,
    lib: { entry: here('./dist/index.js'), formats: ['es'], fileName: () => 'relink.js' },
    // One file for one script tag: the lazily loaded parts (virtualizer, consent flow) are inlined too.
    rolldownOptions: { output: { minify: true, codeSplitting: false } },
  },
});
