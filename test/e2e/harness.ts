// End-to-end harness: runs `npm start`'s real server (reference backend + demo host app) on a free port with its
// own embedded database, and drives Debian's Chromium through playwright-core, by visible text and ARIA roles.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const root = new URL('../../', import.meta.url).pathname;
const require = createRequire(import.meta.url);

/** A port nothing listens on now, on 127.0.0.1. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface Demo {
  url: string;
  /** Stops the server (SIGTERM), keeping its port and data directory, as an operator's restart does. */
  halt(): Promise<void>;
  /** Starts it again on the same port and data directory; resolves once it serves. */
  resume(): Promise<void>;
  stop(): Promise<void>;
  output(): string;
}

/** One `scripts/start.mjs` process; resolves once it prints its URLs. */
async function launch(port: number, dataDir: string, log: (text: string) => void): Promise<ChildProcess> {
  const child: ChildProcess = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), RELINK_DATA_DIR: dataDir, RELINK_SKIP_BUILD: process.env.RELINK_SKIP_BUILD ?? '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let seen = '';
  await new Promise<void>((resolve, reject) => {
    // Generous: a first start builds the host app, and a loaded machine can take minutes (a start is not what is tested).
    const timer = setTimeout(() => reject(new Error(`npm start did not come up in 180 s:\n${seen}`)), 180_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      log(chunk.toString());
      if (seen.includes('Ctrl-C to stop')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => log(chunk.toString()));
    child.once('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${seen}`)));
  });
  return child;
}

const halt = (child: ChildProcess | undefined): Promise<void> =>
  new Promise<void>((resolve) => {
    if (!child || child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });

/** `npm start` as a user runs it, on its own port and data directory; resolves once it prints its URLs. */
export async function startDemo(): Promise<Demo> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'relink-e2e-'));
  let output = '';
  const log = (text: string) => (output += text);
  let child: ChildProcess | undefined = await launch(port, dataDir, log);
  return {
    url: `http://127.0.0.1:${port}`,
    output: () => output,
    halt: async () => {
      await halt(child);
      child = undefined;
    },
    resume: async () => {
      child ??= await launch(port, dataDir, log);
    },
    stop: async () => {
      await halt(child);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** A page that records console errors and uncaught exceptions: a flow fails on any of them. */
export async function openPage(context: BrowserContext): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  watch(page, errors);
  return { page, errors };
}

export function watch(page: Page, errors: string[]): void {
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    // Chromium logs every 4xx fetch as "Failed to load resource". A 4xx from the API is an answer the UI shows
    // (a 422's field errors, a 409's auth-config message), not a page error; anything else still fails the flow.
    const source = message.location().url;
    if (/status of 4\d\d/.test(message.text()) && new URL(source || page.url()).pathname.startsWith('/v1/')) return;
    errors.push(`${page.url()}: ${message.text()} ${source}`);
  });
  page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 500) errors.push(`${response.url()}: HTTP ${response.status()}`);
  });
}

/** axe-core on the whole page, shadow roots included; returns the violations as readable lines. */
export async function axeViolations(page: Page): Promise<string[]> {
  // Colours are measured as painted: let entry animations (a toast's fade) finish first.
  await page.evaluate(() => Promise.all(document.getAnimations().map((animation) => animation.finished.catch(() => undefined))));
  // Evaluated through the debugging protocol, not added as a <script>: the pages' CSP (script-src 'self') forbids
  // inline scripts, and a test must not weaken it.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  const violations = await page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run: (context: Document) => Promise<{ violations: Array<{ id: string; nodes: Array<{ target: unknown }> }> }> } }).axe.run(document);
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
  });
  return violations;
}
