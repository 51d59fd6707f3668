// Visual regression: every Storybook story photographed in Debian's Chromium in four looks — light, dark, Arabic
// (right to left while the play function runs, then switched to Arabic as a host would) and a 390 px phone — and compared with the PNGs committed under
// `test/visual/baselines/` (pixelmatch). A layout break (a crushed table, a word broken mid-word, a mirrored row that
// does not mirror) changes pixels and fails here; the diff is written next to the actual image, in a temporary folder.
//
//   node --conditions=@relink/source --import tsx --test test/visual/run.ts
//   RELINK_UPDATE_SCREENSHOTS=1 …same…        rewrites the baselines (review them in the diff before committing)
//   RELINK_VISUAL_STORIES=connections-table,runs-list …   only the stories whose id contains one of these
//   RELINK_STORYBOOK_DIR=storybook-static …   photographs an existing build instead of building one
//
// Deterministic by construction: the story's data comes from the in-page reference backend's fixed demo data, the
// clock is frozen at one instant (relative times read the same every run), animations and the caret are off, and
// the page uses the machine's system fonts (the preview loads no web font). Baselines are tied to the fonts
// installed with Debian's Chromium: regenerate them when the CI image changes fonts.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../e2e/harness.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const baselines = fileURLToPath(new URL('./baselines/', import.meta.url));
const updating = process.env.RELINK_UPDATE_SCREENSHOTS === '1';
/** Where failures leave actual and diff images (printed in the failure message). */
const failures = mkdtempSync(join(tmpdir(), 'relink-visual-'));

/** The instant the page's clock stands still at: relative times ("3 days ago") and expiry hints read the same. */
const FROZEN_AT = new Date('2026-03-02T09:30:00Z');
/** pixelmatch's per-pixel colour tolerance (0–1; anti-aliased edges are ignored on top of it). */
const COLOUR_THRESHOLD = 0.1;
/** How many pixels may differ before a shot fails: a few stray pixels of text rendering, never a moved element. */
const MAX_DIFF_PIXELS = 40;
/** Looks photographed at once (one page each): the machine is shared, and each story runs a database in its page. */
const CONCURRENCY = Number(process.env.RELINK_VISUAL_CONCURRENCY ?? 2);

interface Look {
  name: string;
  viewport: { width: number; height: number };
  /** Storybook globals (the preview's toolbar: theme, direction). */
  globals?: string;
  /** The page's language once the play function has run (it reads the story's English). */
  language?: string;
}

const LOOKS: Look[] = [
  { name: 'light', viewport: { width: 1024, height: 720 } },
  { name: 'dark', viewport: { width: 1024, height: 720 }, globals: 'relinkTheme:dark' },
  { name: 'ar', viewport: { width: 1024, height: 720 }, globals: 'relinkDir:rtl', language: 'ar' },
  { name: '390', viewport: { width: 390, height: 844 } },
];

const TYPES: Record<string, string> = {
  '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.json': 'application/json',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2', '.wasm': 'application/wasm', '.data': 'application/octet-stream',
};

/** A static server for the built catalog on localhost (the in-page backend needs a secure context for crypto.subtle). */
function serve(dir: string): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname)).replace(/^(\.\.[/\\])+/, '');
    let file = join(dir, path);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!file.startsWith(dir) || !existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    resolve({ server, url: `http://localhost:${typeof address === 'object' && address ? address.port : 0}` });
  }));
}

/** Builds the catalog into a temporary folder (about 15 s), unless RELINK_STORYBOOK_DIR names a build. */
function buildStorybook(): { dir: string; temporary: boolean } {
  const given = process.env.RELINK_STORYBOOK_DIR;
  if (given) return { dir: resolve(root, given), temporary: false };
  const dir = mkdtempSync(join(tmpdir(), 'relink-visual-storybook-'));
  const result = spawnSync('npx', ['storybook', 'build', '--quiet', '-o', dir], { cwd: root, encoding: 'utf8' });
  assert.equal(result.status, 0, `storybook build failed:\n${result.stderr}`);
  return { dir, temporary: true };
}

type StoryPhase = 'completed' | 'afterEach' | 'finished' | 'errored' | 'aborted';

/**
 * One page per look, kept open from story to story: Storybook's preview switches stories in place (its
 * `setCurrentStory` channel event, as the manager does), so the catalog's bundle and the database's WebAssembly load
 * once per element and look instead of once per shot (about 0.6 s a shot instead of 4 on this machine). A page
 * that fails is replaced before the next story.
 */
class Photographer {
  private page: Page | undefined;
  /** The element whose stories the page shows (the story id before \`--\`). */
  private element = '';
  private errors: string[] = [];

  constructor(private readonly browser: Browser, private readonly url: string, readonly look: Look) {}

  private async open(id: string): Promise<Page> {
    const look = this.look;
    const context = await this.browser.newContext({ viewport: look.viewport, deviceScaleFactor: 1, reducedMotion: 'reduce', locale: 'en-US', timezoneId: 'UTC' });
    const page = await context.newPage();
    await page.clock.setFixedTime(FROZEN_AT);
    page.on('pageerror', (error) => this.errors.push(error.message));
    const query = new URLSearchParams({ id, viewMode: 'story', ...(look.globals ? { globals: look.globals } : {}) });
    await page.goto(`${this.url}/iframe.html?${query}`);
    return page;
  }

  /** Shows story `id` and waits until Storybook says its play function has finished; then photographs the page. */
  async shoot(id: string): Promise<Buffer> {
    this.errors = [];
    try {
      // A fresh page for each element's stories: a request a previous element's story left running (a refresh that
      // times out) would otherwise toast into the next one.
      const element = id.split('--')[0] ?? id;
      if (this.page && element !== this.element) {
        await this.page.context().close();
        this.page = undefined;
      }
      this.element = element;
      if (!this.page) this.page = await this.open(id);
      else await this.page.evaluate((storyId) => (window as unknown as { __STORYBOOK_ADDONS_CHANNEL__: { emit: (event: string, data: unknown) => void } })
        .__STORYBOOK_ADDONS_CHANNEL__.emit('setCurrentStory', { storyId, viewMode: 'story' }), id);
      const phase = await this.page.waitForFunction((storyId) => {
        const render = (window as unknown as { __STORYBOOK_PREVIEW__?: { currentRender?: { id?: string; phase?: string } } }).__STORYBOOK_PREVIEW__?.currentRender;
        const done: string[] = ['completed', 'afterEach', 'finished', 'errored', 'aborted'];
        return render?.id === storyId && render.phase && done.includes(render.phase) ? render.phase : false;
      }, id, { timeout: 45_000, polling: 50 });
      const reached = (await phase.jsonValue()) as StoryPhase;
      if (reached === 'errored' || reached === 'aborted') throw new Error(`the story ${reached}${this.errors.length ? `: ${this.errors.join('; ')}` : ''}`);
      // Then the look's language, switched as a host would; it arrives as its own chunk, waited for.
      if (this.look.language) {
        await this.page.evaluate((code) => (window as unknown as { relinkShowLanguage: (code: string) => Promise<void> }).relinkShowLanguage(code), this.look.language);
      }
      // Storybook pauses animations for tests only: finish them (a toast fading in) and hide the caret.
      return await this.page.screenshot({ fullPage: true, animations: 'disabled', caret: 'hide' });
    } catch (error) {
      await this.page?.context().close();
      this.page = undefined;
      throw error;
    }
  }

  async close(): Promise<void> {
    await this.page?.context().close();
  }
}

/** Compares `actual` with the committed baseline; writes actual + diff on a mismatch. Returns the failure or ''. */
function compare(name: string, actual: Buffer): string {
  const file = join(baselines, `${name}.png`);
  if (updating || !existsSync(file)) {
    if (!updating) return `no baseline ${file} (RELINK_UPDATE_SCREENSHOTS=1 writes it)`;
    mkdirSync(baselines, { recursive: true });
    writeFileSync(file, actual);
    return '';
  }
  const expected = PNG.sync.read(readFileSync(file));
  const got = PNG.sync.read(actual);
  // Compared on the larger of the two canvases, so a page that grew (a table wider than the phone) shows where.
  const width = Math.max(expected.width, got.width);
  const height = Math.max(expected.height, got.height);
  const diff = new PNG({ width, height });
  const changed = pixelmatch(pad(expected, width, height), pad(got, width, height), diff.data, width, height, { threshold: COLOUR_THRESHOLD });
  const resized = expected.width !== got.width || expected.height !== got.height;
  if (changed <= MAX_DIFF_PIXELS && !resized) return '';
  writeFileSync(join(failures, `${name}.actual.png`), actual);
  writeFileSync(join(failures, `${name}.diff.png`), PNG.sync.write(diff));
  const size = resized ? `size ${got.width}×${got.height}, baseline ${expected.width}×${expected.height}; ` : '';
  return `${name}: ${size}${changed} pixels differ (diff: ${join(failures, `${name}.diff.png`)})`;
}

/** `image`'s pixels on a `width`×`height` canvas, the rest transparent. */
function pad(image: PNG, width: number, height: number): Buffer {
  if (image.width === width && image.height === height) return image.data;
  const canvas = new PNG({ width, height });
  PNG.bitblt(image, canvas, 0, 0, image.width, image.height, 0, 0);
  return canvas.data;
}

/** Runs `work` over `items`, `limit` at a time. */
async function pool<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  await Promise.all(Array.from({ length: Math.min(limit, queue.length) }, async () => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item);
  }));
}

const built = buildStorybook();
const index = JSON.parse(readFileSync(join(built.dir, 'index.json'), 'utf8')) as { entries: Record<string, { id: string; type: string }> };
const only = process.env.RELINK_VISUAL_STORIES?.split(',').filter(Boolean);
const stories = Object.values(index.entries)
  .filter((entry) => entry.type === 'story' && (!only || only.some((part) => entry.id.includes(part))))
  .map((entry) => entry.id);

let browser: Browser;
let site: { server: Server; url: string };
/** Each story's outcome over every look; its test awaits it. */
const results = new Map<string, Promise<string[]>>();
let shooting: Promise<void> | undefined;

before(async () => {
  site = await serve(built.dir);
  browser = await launchBrowser();
  const outcomes = new Map(stories.map((id) => [id, [] as string[]]));
  const pending = new Map(stories.map((id) => [id, LOOKS.length]));
  const settle = new Map<string, (problems: string[]) => void>();
  for (const id of stories) results.set(id, new Promise((resolve) => settle.set(id, resolve)));
  // Looks run side by side, each walking the stories in order; a story's test settles when every look shot it.
  shooting = pool(LOOKS, CONCURRENCY, async (look) => {
    const photographer = new Photographer(browser, site.url, look);
    for (const id of stories) {
      const name = `${id}.${look.name}`;
      try {
        outcomes.get(id)!.push(compare(name, await photographer.shoot(id)));
      } catch (error) {
        outcomes.get(id)!.push(`${name}: ${(error as Error).message.split('\n')[0]}`);
      }
      pending.set(id, pending.get(id)! - 1);
      if (pending.get(id) === 0) settle.get(id)!(outcomes.get(id)!.filter(Boolean));
    }
    await photographer.close();
  });
});

after(async () => {
  await shooting;
  await browser?.close();
  site?.server.close();
  if (built.temporary) rmSync(built.dir, { recursive: true, force: true });
  if (!readdirSync(failures).length) rmSync(failures, { recursive: true });
});

describe(`story screenshots (${LOOKS.map((look) => look.name).join(', ')})`, () => {
  for (const id of stories) {
    test(id, async () => {
      const problems = await results.get(id)!;
      assert.deepEqual(problems, [], problems.join('\n'));
    });
  }
});
