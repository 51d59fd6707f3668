import type { StorybookConfig } from '@storybook/web-components-vite';
import { defaultClientConditions } from 'vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true },
  async viteFinal(config) {
    // Workspace packages resolve to their TypeScript sources (the `@relink/source` export condition), as in tests.
    // Legacy decorators need no plugin: Vite 8 compiles them (TOOLCHAIN.md).
    config.resolve = { ...config.resolve, conditions: ['@relink/source', ...defaultClientConditions] };
    // Pre-bundle what the elements import lazily (and axe, which the language checks in stories/support/locale.ts
    // import), so a cold cache does not make Vite reload mid-run.
    config.optimizeDeps = {
      ...config.optimizeDeps,
      include: [...(config.optimizeDeps?.include ?? []), 'lit/static-html.js', '@lit-labs/virtualizer/virtualize.js', 'axe-core'],
    };
    // The catalog bundles axe and the docs blocks (about 0.9 MB for the preview iframe); it is never shipped to hosts.
    config.build = { ...config.build, chunkSizeWarningLimit: 1024 };
    return config;
  },
};

export default config;
