// Browser tests run in real headless Chromium from the OS (Debian's package) or CHROME_PATH; nothing is downloaded.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { countingReporter } from './scripts/wtr-counting-reporter.mjs';
import { defaultReporter } from '@web/test-runner';
import { relinkBackendMiddleware } from './scripts/wtr-relink-backend.mjs';
import { refuseModulesMiddleware } from './scripts/wtr-refuse-modules.mjs';
import { build } from 'esbuild';

const executablePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';

// CommonJS-only test dependencies, served to the browser as ES modules bundled by esbuild (wtr resolves bare imports
// but does not convert CommonJS). Each entry lists the named exports to re-export beside the default one.
const commonjsPackages = { '@sinonjs/fake-timers': ['withGlobal', 'install', 'createClock', 'timers'] };
function commonjsAsEsm(packages) {
  const bundles = new Map();
  const bundle = (name) => build({
    stdin: {
      contents: `import m from '${name}'; export default m; export const { ${packages[name].join(', ')} } = m;`,
      resolveDir: process.cwd(),
    },
    bundle: true, format: 'esm', platform: 'browser', write: false, logLevel: 'silent',
    // Node built-ins that the package only `require`s inside try/catch when running in Node.
    external: ['timers', 'timers/promises', 'perf_hooks', 'util'],
  }).then((result) => result.outputFiles[0].text);
  return {
    name: 'relink-commonjs-as-esm',
    async serve(context) {
      const name = Object.keys(packages).find((key) => context.path.includes(`/node_modules/${key}/`));
      if (!name) return undefined;
      if (!bundles.has(name)) bundles.set(name, bundle(name));
      return { body: await bundles.get(name), type: 'js' };
    },
  };
}

export default {
  // `*.node.test.ts` files run under node's own test runner (scripts/test.mjs), everything else here.
  // The consumer suite (test/consumer) runs under node as its own step of scripts/test.mjs.
  files: ['packages/*/test/**/*.test.ts', 'test/**/*.test.ts', '!**/*.node.test.ts', '!test/consumer/**'],
  nodeResolve: { exportConditions: ['@relink/source', 'browser', 'development'] },
  concurrency: 2,
  testFramework: { config: { timeout: 10000 } },
  middleware: [refuseModulesMiddleware(), relinkBackendMiddleware()],
  plugins: [commonjsAsEsm(commonjsPackages), esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' })],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: {
        executablePath,
        args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
          '--disable-component-update', '--disable-sync', '--no-first-run'],
      },
    }),
  ],
  reporters: [defaultReporter(), countingReporter()],
};
