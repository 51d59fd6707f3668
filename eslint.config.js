// Lint the TypeScript sources and tests; type errors are tsc's job, so this stays on the fast, syntax-aware rules.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'storybook-static/**', '.relink/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['scripts/**', 'packages/server/src/node/**', 'demo/server.ts', 'test/e2e/**', 'test/consumer/**', 'examples/host/**', '**/*.config.*'],
    rules: { 'no-console': 'off' },
  },
  {
    // The SDK must stay framework-free: Lit belongs to the elements package only.
    files: ['packages/sdk/src/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'zod', message: "Browser code uses 'zod/mini' (full zod costs ~90 KiB gzip)." }],
        patterns: [
          { group: ['lit', 'lit/*', '@lit/*', '@lit-labs/*'], message: 'The SDK never imports Lit.' },
          { group: ['@relink/server', '@relink/elements'], message: 'Dependencies point elements → sdk and server → sdk only.' },
        ],
      }],
    },
  },
  {
    files: ['packages/elements/src/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'zod', message: "Browser code uses 'zod/mini'." }],
        patterns: [
          { group: ['@relink/server', '@relink/server/*'], message: 'Elements never import the server.' },
        ],
      }],
    },
  },
);
