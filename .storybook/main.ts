import type { StorybookConfig } from '@storybook/web-components-vite';
import { defaultClientConditions } from 'vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-a11y', '@storybook/addon-vitest'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true },
  async viteFinal(config) {
    // Workspace packages resolve to their TypeScript sources (the `@relink/source` export condition), as in tests.
    // Legacy decorators need no plugin: Vite 8 compiles them (TOOLCHAIN.md).
    config.resolve = { ...config.resolve, conditions: ['@relink/source', ...defaultClientConditions] };
    return config;
  },
};

export default config;
