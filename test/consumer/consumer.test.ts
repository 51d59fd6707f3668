// The packages as a stranger gets them: `npm pack` the three workspaces, check each tarball with publint and
// @arethetypeswrong/cli, then copy examples/ to a temporary folder outside the workspace, install into each app only
// the tarballs and public packages, build it (Vite + TypeScript strict, React 19, Vue 3 SFCs, Svelte 5; plain HTML
// needs no build), and run it in Chromium on its own origin against the reference backend started from the packed
// server's bin on another origin, allowed by RELINK_ALLOWED_ORIGINS. Each page must render the connections table,
// route `relink-manage` in the host framework, and show a revoke made through the API live.
//
// Run: node --import tsx --test test/consumer/consumer.test.ts   (npm test runs it as its "consumer" step;
// RELINK_CONSUMER_KEEP=1 leaves the temporary folder in place to look at)
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Locator, Page } from 'playwright-core';
import { axeViolations, freePort, launchBrowser, watch } from '../e2e/harness.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const PACKAGES = ['sdk', 'server', 'elements'] as const;
const APPS = { 'vite-ts': 'TypeScript', html: 'HTML', react: 'React', vue: 'Vue', svelte: 'Svelte' } as const;
type App = keyof typeof APPS;
/** Each page checked in Chromium: its app, its path, and the host framework its heading names. */
const PAGES: { app: App; path: string; framework: string }[] = [
  ...(Object.keys(APPS) as App[]).map((app) => ({ app, path: '/', framework: APPS[app] })),
  // The per-element modules with an import map instead of the single-file build.
  { app: 'html', path: '/import-map.html', framework: 'HTML \\(import map\\)' },
];
const TIMEOUT = 20_000;

interface Run { code: number | null; out: string }

function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (out += chunk));
    child.on('close', (code) => resolve({ code, out }));
  });
}

async function mustRun(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<string> {
  const { code, out } = await run(cmd, args, cwd, env);
  if (code !== 0) throw new Error(`${cmd} ${args.join(' ')} (in ${cwd}) exited with ${code}:\n${out}`);
  return out;
}

/** Starts a long-running process and resolves once its output matches `ready`. */
function startProcess(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, ready: RegExp): Promise<{ child: ChildProcess; output: () => string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const timer = setTimeout(() => reject(new Error(`${cmd} did not start in 90 s:\n${out}`)), 90_000);
    const onData = (chunk: Buffer) => {
      out += chunk;
      if (ready.test(out)) {
        clearTimeout(timer);
        resolve({ child, output: () => out });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${cmd} exited with ${code}:\n${out}`));
    });
  });
}

/** SIGTERM, then SIGKILL if it is still there after 5 s. */
async function stop(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

const tmp = mkdtempSync(join(tmpdir(), 'relink-consumer-'));
const tarballs = join(tmp, 'tarballs');
const tarball: Record<(typeof PACKAGES)[number], string> = { sdk: '', server: '', elements: '' };
const timings: string[] = [];
const packageChecks: Partial<Record<(typeof PACKAGES)[number], Promise<void>>> = {};
let backend: { child: ChildProcess; url: string } | undefined;
const hosts: Partial<Record<App, { child: ChildProcess; url: string }>> = {};
let browser: Browser | undefined;

/** The app's package.json, with our packages taken from the tarballs (the SDK also for their own dependency on it). */
function useTarballs(dir: string, extra: Record<string, string> = {}): void {
  const file = join(dir, 'package.json');
  const pkg = JSON.parse(readFileSync(file, 'utf8')) as { dependencies?: Record<string, string>; overrides?: Record<string, string> };
  pkg.dependencies = { ...pkg.dependencies, ...extra };
  for (const name of Object.keys(pkg.dependencies)) {
    const short = name.replace('@relink/', '') as (typeof PACKAGES)[number];
    if (name.startsWith('@relink/')) pkg.dependencies[name] = `file:${tarball[short]}`;
  }
  pkg.dependencies['@relink/sdk'] = `file:${tarball.sdk}`;
  pkg.overrides = { '@relink/sdk': `file:${tarball.sdk}` };
  writeFileSync(file, JSON.stringify(pkg, null, 2));
}

const install = (dir: string) => mustRun('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], dir);

/** A token as the host's backend mints it, and an agency call to the API with it. */
async function agencyApi(app: App, path: string): Promise<void> {
  const session = await fetch(`${hosts[app]!.url}/host/session?role=agency`, { method: 'POST' });
  assert.ok(session.ok, `/host/session answered ${session.status}`);
  const { token } = (await session.json()) as { token: string };
  const response = await fetch(`${backend!.url}/v1/${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
  assert.ok(response.ok, `${path} answered ${response.status}`);
}

const row = (page: Page, app: string): Locator => page.getByRole('row', { name: new RegExp(`^${app} `) });

describe('consumer: the packed packages in fresh apps outside the workspace', { timeout: 900_000 }, () => {
  before(async () => {
    let started = performance.now();
    mkdirSync(tarballs);
    await mustRun('npm', ['pack', '--pack-destination', tarballs, ...PACKAGES.flatMap((p) => ['-w', `packages/${p}`])], root);
    for (const file of readdirSync(tarballs)) {
      const name = /^relink-(sdk|server|elements)-/.exec(file)?.[1] as (typeof PACKAGES)[number] | undefined;
      if (name) tarball[name] = join(tarballs, file);
    }
    timings.push(`pack (builds the three): ${seconds(started)}`);
    // publint and attw read only the tarballs: they run while the apps install and build.
    for (const name of PACKAGES) {
      const checkStarted = performance.now();
      packageChecks[name] = (async () => {
        await mustRun(process.execPath, [join(root, 'node_modules/publint/src/cli.js'), 'run', '--strict', tarball[name]], root);
        await mustRun(process.execPath, [join(root, 'node_modules/@arethetypeswrong/cli/dist/index.js'), tarball[name], '--profile', 'esm-only', '--format', 'table-flipped'], root);
        timings.push(`publint + attw @relink/${name} (alongside): ${seconds(checkStarted)}`);
      })();
      packageChecks[name].catch(() => {}); // reported by its test
    }

    started = performance.now();
    cpSync(join(root, 'examples'), tmp, { recursive: true, filter: (src) => !/node_modules|[/\\]dist$/.test(src) });
    // The reference backend as an operator installs it: the server tarball (and the SDK it depends on), nothing else.
    const backendDir = join(tmp, 'backend');
    mkdirSync(backendDir);
    const apps = Object.keys(APPS) as App[];
    for (const app of apps) useTarballs(join(tmp, app));
    writeFileSync(join(tmp, 'backend', 'package.json'), JSON.stringify({ name: 'relink-backend', private: true, type: 'module' }));
    useTarballs(backendDir, { '@relink/server': '' });
    await Promise.all([backendDir, ...apps.map((app) => join(tmp, app))].map(install));
    timings.push(`npm install (backend + ${apps.length} apps, in parallel): ${seconds(started)}`);

    started = performance.now();
    // Two builds at a time: this machine has two cores.
    const queue = [...apps];
    await Promise.all([0, 1].map(async () => {
      for (let app = queue.shift(); app; app = queue.shift()) await mustRun('npm', ['run', 'build'], join(tmp, app));
    }));
    timings.push(`build (tsc strict + vite build where the app has them, two at a time): ${seconds(started)}`);

    started = performance.now();
    const ports = Object.fromEntries(await Promise.all(apps.map(async (app) => [app, await freePort()] as const))) as Record<App, number>;
    const origins = apps.map((app) => `http://127.0.0.1:${ports[app]}`);
    const dataDir = join(tmp, 'relink-data');
    const server = await startProcess(join(backendDir, 'node_modules/.bin/relink-server'), [], backendDir, {
      PORT: String(await freePort()), HOST: '127.0.0.1', RELINK_DATA_DIR: dataDir, RELINK_DEMO: 'on', RELINK_ALLOWED_ORIGINS: origins.join(','),
    }, /Ctrl-C to stop/);
    backend = { child: server.child, url: /API\s+(http:\/\/\S+)\/v1/.exec(server.output())![1]! };
    for (const app of apps) {
      const dir = app === 'html' ? '.' : 'dist';
      const host = await startProcess(process.execPath, ['../host/serve.mjs', dir], join(tmp, app), { PORT: String(ports[app]), RELINK_URL: backend.url }, /Host app on/);
      hosts[app] = { child: host.child, url: `http://127.0.0.1:${ports[app]}` };
    }
    browser = await launchBrowser();
    timings.push(`start the backend from its tarball and ${apps.length} hosts: ${seconds(started)}`);
  });

  after(async () => {
    console.log(`consumer timings:\n  ${timings.join('\n  ')}`);
    await Promise.race([browser?.close(), new Promise((resolve) => setTimeout(resolve, 10_000).unref())]);
    await Promise.all([...Object.values(hosts).map((host) => stop(host.child)), stop(backend?.child)]);
    if (!process.env.RELINK_CONSUMER_KEEP) rmSync(tmp, { recursive: true, force: true });
  });

  for (const name of PACKAGES) {
    test(`@relink/${name}: publint and @arethetypeswrong/cli (esm-only) pass on the tarball`, () => packageChecks[name]);
  }

  test('the tarballs hold what was promised and nothing of the workspace', async () => {
    const list = async (name: (typeof PACKAGES)[number]) => (await mustRun('tar', ['tzf', tarball[name]], tmp)).split('\n').filter(Boolean);
    const server = await list('server');
    assert.ok(server.includes('package/dist/node/bin.js'), 'the server bin');
    assert.ok(server.some((f) => f.startsWith('package/migrations/')), 'the migrations');
    assert.ok(!server.some((f) => /\/test\/|fixtures/.test(f)), 'no tests or fixtures');
    const elements = await list('elements');
    for (const file of ['custom-elements.json', 'dist/bundle/relink.js', 'dist/index.d.ts', 'dist/react/connections-table.js', 'dist/components/connections-table/connections-table.js.map',
      'dist/ide/vscode.html-custom-data.json', 'dist/ide/web-types.json', 'dist/types/jsx.d.ts', 'dist/types/vue.d.ts']) {
      assert.ok(elements.includes(`package/${file}`), `elements ships ${file}`);
    }
    for (const name of PACKAGES) {
      const pkg = JSON.parse(await mustRun('tar', ['xzf', tarball[name], '-O', 'package/package.json'], tmp)) as Record<string, unknown>;
      assert.equal(pkg.private, undefined, `${name} is not private`);
      assert.equal(pkg.version, '0.2.0');
      if (name !== 'sdk') assert.equal((pkg.dependencies as Record<string, string>)['@relink/sdk'], '^0.2.0', `${name} declares @relink/sdk`);
    }
  });

  test('the single-file build is one ES module with no import left to resolve', () => {
    const bundle = readFileSync(join(tmp, 'html/node_modules/@relink/elements/dist/bundle/relink.js'), 'utf8');
    assert.doesNotMatch(bundle, /\bimport\s*(?:[\w{}*\s,$]+from\s*)?["'][^"'./]/, 'a bare import left in the bundle');
    assert.doesNotMatch(bundle, /\bimport\(/, 'a dynamic import left in the bundle');
    assert.match(bundle, /relink-connections-table/);
  });

  for (const { app, path, framework } of PAGES) {
    test(`${app}${path === '/' ? '' : path}: the table from another origin, "Manage" routed by the host, a revoke shown live`, async () => {
      await agencyApi(app, 'demo/reset');
      const context = await browser!.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
      const errors: string[] = [];
      const urls: string[] = [];
      try {
        const page = await context.newPage();
        page.setDefaultTimeout(TIMEOUT);
        watch(page, errors);
        page.on('request', (request) => urls.push(request.url()));
        // The session tokens the host's backend handed this page, to look for them where they must not be.
        const tokens: string[] = [];
        page.on('response', (response) => {
          if (new URL(response.url()).pathname === '/host/session') void response.json().then((body: { token: string }) => tokens.push(body.token), () => {});
        });
        const url = `${hosts[app]!.url}${path}`;
        // The API is on the backend's origin, and its CORS answer names this page's origin (not `*`).
        const list = page.waitForResponse((r) => r.url().startsWith(`${backend!.url}/v1/connections`) && r.request().method() === 'GET');
        const live = page.waitForResponse((r) => new URL(r.url()).pathname === '/v1/events' && r.status() === 200);
        await page.goto(url);
        assert.equal((await list).headers()['access-control-allow-origin'], hosts[app]!.url);

        await page.getByRole('heading', { level: 1, name: new RegExp(`· ${framework}$`) }).waitFor();
        await row(page, 'Slack').waitFor();
        await row(page, 'HubSpot').waitFor();

        // "Manage" is a real link; the host cancels relink-manage and shows it in its own state instead.
        await row(page, 'Slack').getByRole('link', { name: 'Manage' }).click();
        await page.getByRole('status').filter({ hasText: 'Managing Slack' }).waitFor();
        assert.equal(page.url(), url, 'the link did not navigate');

        // A change made elsewhere (the API) arrives over the live stream: no reload.
        await live;
        await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
        await agencyApi(app, 'connections/con_slack/revoke');
        await row(page, 'Slack').getByText('Revoked').waitFor();
        assert.equal(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded), true, 'the page was not reloaded');

        // The session token stays in memory: not in a URL, not in storage.
        assert.ok(tokens.length > 0, 'the page asked its host for a session');
        assert.deepEqual(urls.filter((u) => tokens.some((token) => u.includes(token) || u.includes(encodeURIComponent(token)))), [], 'a token in a URL');
        assert.deepEqual(await page.evaluate(() => [localStorage.length, sessionStorage.length]), [0, 0], 'something in storage');
        assert.deepEqual(await axeViolations(page), [], 'axe violations');
        assert.deepEqual(errors, [], 'console errors');
      } finally {
        await context.close();
      }
    });
  }
});
