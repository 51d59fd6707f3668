import { defineConfig } from 'vite';

// Builds the demo host app (`demo/`) that `npm start` serves next to the reference backend. Workspace packages
// resolve to their TypeScript sources through the `@relink/source` export condition, as in tests and type checks.
export default defineConfig({
  root: 'demo',
  resolve: { conditions: ['@relink/source', 'module', 'browser', 'development|production'] },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    // What the page's script imports statically is one chunk: Rolldown's automatic splitting cuts it into ~20
    // small chunks shared with the routes' on-demand elements, each a request the first screen waits for.
    rolldownOptions: { output: { codeSplitting: { groups: [{ name: 'first-screen', tags: ['$initial'] }] } } },
  },
});
