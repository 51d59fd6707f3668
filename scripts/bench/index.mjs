#!/usr/bin/env node
// `npm run bench`: Relink side by side with plain baselines in one run, on this machine, and writes the figures to
// docs/PERFORMANCE.md. Ratios to a baseline measured in the same run are what count: a shared 2-core machine moves
// absolute times 2× between runs.
//
//   rendering   Debian Chromium through playwright-core: the connections table against plain Lit (`repeat`, and
//               @lit-labs/virtualizer) over the same seeded store, alternating, ≥ 15 samples each (fresh page per
//               sample), min / median / max; live changes; JS heap added by the view; a server-side change → badge
//               painted against the raw event's arrival on a bare stream in the same page
//   scale       a 100,000-connection workspace in the page, nothing loaded: the table's first rows painted against one
//               page request (+ a paint) in the same page, alternating; JS heap added by mounting the table at
//               100,000 against 10,000 (it must not grow with N); the runs list's first rows at 100,000 runs against
//               one runs page request (+ a paint), the same way. One page per size (seeding is slow), fresh store and
//               element per sample; --smoke seeds 2,000 and 20,000.
//   pagebytes   a connections page and an agency console built as a host's bundler builds them (scripts/host-bundle.mjs,
//               as `npm run size` does) twice: with the autoloader, and importing their elements; served gzip -9 beside
//               the reference backend (scripts/bench/pages-server.ts) and loaded in Chromium, fresh context per load,
//               alternating, over HTTP/1.1 and HTTP/2: KiB of script (and requests) finished before the table's first
//               rows were painted and once the network was quiet, the time to those rows, and loads that never painted
//               them (--waterfall prints each script's timing)
//   server      scripts/bench/server.mjs, when present (it owns its own output)
//   size        `npm run size`
//   lighthouse  mobile profile on the demo's agency console and client portal (`npm start`), through chrome-launcher
//
// Flags: --smoke (every case once, tiny samples, writes nothing: CI's check that it still runs; never fails on a
// timing), --samples N, --only rendering,live,scale,pagebytes,server,size,lighthouse, --rows 100,1000 (rendering sizes), --root DIR (bench another checkout of the repo
// with this harness, e.g. a `git archive` of an older commit with node_modules linked: a before/after in one harness).
// Exits non-zero only when a case cannot run.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { AGENCY_CONSOLE, CONNECTIONS_PAGE, buildPackages, bundleHost, elementImports, upFrontChunks } from '../host-bundle.mjs';

const here = new URL('../..', import.meta.url).pathname;
const argv = process.argv.slice(2);
const flag = (name) => argv.includes(`--${name}`);
const option = (name) => (argv.includes(`--${name}`) ? argv[argv.indexOf(`--${name}`) + 1] : undefined);
/** The checkout measured: this one, or `--root`. */
const root = option('root') ? resolve(option('root')) : here;
const smoke = flag('smoke');
const samples = smoke ? 1 : Math.max(1, Number(option('samples') ?? 15));
const only = option('only')?.split(',');
const wanted = (part) => !only || only.includes(part);
const chromePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const chromeFlags = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];

const log = (...args) => console.error('[bench]', ...args);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const stats = (xs) => ({ min: Math.min(...xs), median: median(xs), max: Math.max(...xs) });
const fmt = (x, unit = 'ms') => (unit === 'MB' ? `${x.toFixed(1)}` : x >= 100 ? x.toFixed(0) : x.toFixed(1));
const triple = (s, unit) => `${fmt(s.min, unit)} / **${fmt(s.median, unit)}** / ${fmt(s.max, unit)}`;

// ---------------------------------------------------------------------------------------------------------------
// The machine
async function output(command, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, ...options });
    let out = '';
    child.stdout?.on('data', (d) => (out += d));
    child.stderr?.on('data', (d) => (out += d));
    child.on('error', (error) => resolve({ code: -1, out: String(error) }));
    child.on('close', (code) => resolve({ code, out }));
  });
}
const chromiumVersion = (await output(chromePath, ['--version'])).out.split('\n').find((l) => /Chromium|Chrome/.test(l))?.trim() ?? 'unknown';
const machine = {
  cpu: `${cpus()[0]?.model ?? 'unknown'} × ${cpus().length}`,
  memory: `${(totalmem() / 2 ** 30).toFixed(0)} GiB`,
  node: process.version,
  chromium: chromiumVersion,
  load: loadavg().map((x) => x.toFixed(2)).join(' '),
};
log(`machine: ${machine.cpu}, ${machine.memory}, Node ${machine.node}, ${machine.chromium}, load ${machine.load}`);

// ---------------------------------------------------------------------------------------------------------------
// Rendering: fixture pages built with esbuild, served from 127.0.0.1, driven in Chromium.
const results = []; // { group, name, relink, baseline?, unit, budget, ratio }
let failures = 0;

async function buildFixtures(dir) {
  // The fixtures import the packages by name: for another checkout they are copied into it to resolve there.
  let fixtures = join(here, 'scripts/bench/fixtures');
  if (root !== here) cpSync(fixtures, (fixtures = join(root, '.relink-bench-fixtures')), { recursive: true });
  await build({
    entryPoints: ['relink', 'baseline', 'scale'].map((name) => join(fixtures, `${name}.ts`)),
    absWorkingDir: root,
    bundle: true,
    format: 'esm',
    splitting: true,
    minify: true,
    target: 'es2022',
    platform: 'browser',
    // Workspace packages from their TypeScript sources, as the tests and `npm run size` resolve them.
    conditions: ['@relink/source'],
    tsconfig: join(root, 'tsconfig.json'),
    outdir: dir,
    logLevel: 'error',
  });
  for (const name of ['relink', 'baseline', 'scale']) {
    writeFileSync(join(dir, `${name}.html`), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${name}</title></head><body><script type="module" src="./${name}.js"></script></body></html>`);
  }
}

function serve(dir) {
  const types = { '.html': 'text/html', '.js': 'text/javascript' };
  const server = createServer((req, res) => {
    const path = join(dir, new URL(req.url, 'http://x').pathname.replace(/\.\.+/g, ''));
    if (!existsSync(path)) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' }).end(readFileSync(path));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** One sample: a fresh page, `run(page)` after the page has seeded its data. */
async function sample(browser, url, run) {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => { if (!/ResizeObserver loop/.test(e.message)) errors.push(e.message); });
  try {
    await page.goto(url);
    await page.waitForFunction(() => window.benchReady === true || undefined, undefined, { timeout: 120_000, polling: 50 })
      .catch((e) => { throw new Error(`${url} did not get ready: ${errors.join('; ') || e.message}`); });
    // A case whose condition never holds (a changed page structure) must fail, not hang the run.
    let timer;
    const timeout = new Promise((_, reject) => (timer = setTimeout(() => reject(new NoFirstRows(`${url}: a case did not finish in 120 s`)), 120_000)));
    return await Promise.race([run(page), timeout]).finally(() => clearTimeout(timer));
  } finally {
    await page.close();
  }
}

/** JS heap in use after a full garbage collection, MB. */
async function heap(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize / 2 ** 20;
}

async function rendering(browser, base) {
  const sizes = option('rows')?.split(',').map(Number) ?? [100, 1000, 10_000];
  for (const n of sizes) {
    const view = n <= 200 ? 'repeat' : 'virtualizer';
    const pages = { relink: `${base}/relink.html?n=${n}`, baseline: `${base}/baseline.html?n=${n}&view=${view}` };
    const series = { relink: { first: [], heap: [], added: [], one: [], many: [] }, baseline: { first: [], heap: [], added: [], one: [], many: [] } };
    const big = n === 10_000;
    log(`first render${big ? ', heap and live changes' : ''} at ${n} rows: ${samples} alternating samples…`);
    for (let i = 0; i < samples; i++) {
      for (const side of i % 2 ? ['baseline', 'relink'] : ['relink', 'baseline']) {
        await sample(browser, pages[side], async (page) => {
          const before = big ? await heap(page) : 0;
          series[side].first.push(await page.evaluate(() => window.bench.firstRender()));
          if (!big) return;
          await page.evaluate(() => window.bench.settled());
          const after = await heap(page);
          series[side].heap.push(after);
          series[side].added.push(after - before);
          series[side].one.push(await page.evaluate(() => window.bench.liveChanges(1)));
          series[side].many.push(await page.evaluate((k) => window.bench.liveChanges(k), smoke ? 10 : 1000));
        });
      }
    }
    const against = view === 'repeat' ? 'plain Lit `repeat`' : 'plain Lit + virtualizer';
    const add = (name, key, budget, unit = 'ms') =>
      results.push({ group: 'Rendering', name, against, relink: stats(series.relink[key]), baseline: stats(series.baseline[key]), unit, budget });
    add(`table first render, ${n.toLocaleString('en')} rows`, 'first', 1.3);
    if (big) {
      add('JS heap in use after 10,000 rows (page)', 'heap', 1.2, 'MB');
      // Informative: the view's own share. Relink's includes its virtualizer chunk, loaded on demand during the mount.
      add('JS heap added by mounting the view, 10,000 rows', 'added', undefined, 'MB');
      add('one live status change at 10,000 → painted', 'one', 1.5);
      add(`${smoke ? 10 : '1,000'} live changes at 10,000 → painted`, 'many', 3);
    }
  }
}

async function live(browser, base) {
  const n = 10_000;
  log(`live: server-side change → badge painted vs raw event, ${n} connections: ${samples} samples…`);
  const raw = [];
  const painted = [];
  for (let i = 0; i < samples; i++) {
    await sample(browser, `${base}/relink.html?n=${n}&live=1`, async (page) => {
      await page.evaluate(() => window.bench.firstRender());
      await page.evaluate(() => window.bench.settled());
      const r = await page.evaluate(() => window.bench.liveServer(0));
      raw.push(r.raw);
      painted.push(r.painted);
    });
  }
  results.push({
    group: 'Live', name: 'server-side change → badge painted, 10,000 connections', against: 'raw event on a bare stream → text painted, same page',
    relink: stats(painted), baseline: stats(raw), unit: 'ms', budget: 1.1,
  });
}

async function scale(browser, base) {
  const sizes = smoke ? [2_000, 20_000] : [10_000, 100_000];
  const series = {};
  for (const n of sizes) {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => { if (!/ResizeObserver loop/.test(e.message)) errors.push(e.message); });
    try {
      log(`scale: seeding ${n.toLocaleString('en')} connections in the page…`);
      await page.goto(`${base}/scale.html?n=${n}`);
      await page.waitForFunction(() => window.benchReady === true || undefined, undefined, { timeout: 600_000, polling: 100 })
        .catch((e) => { throw new Error(`scale.html?n=${n} did not get ready: ${errors.join('; ') || e.message}`); });
      log(`scale: seeded in ${Math.round(await page.evaluate(() => window.bench.seeded))} ms; ${samples} alternating samples…`);
      const s = (series[n] = { first: [], page: [], added: [], runsFirst: [], runsPage: [] });
      for (let i = 0; i < samples; i++) {
        for (const side of i % 2 ? ['baseline', 'relink'] : ['relink', 'baseline']) {
          const before = await heap(page);
          if (side === 'baseline') {
            s.page.push(await page.evaluate(() => window.bench.onePage()));
            continue;
          }
          s.first.push(await page.evaluate(() => window.bench.mountTable()));
          await page.evaluate(() => window.bench.settled());
          s.added.push((await heap(page)) - before);
          const held = await page.evaluate(() => window.bench.held());
          if (held > 1000) throw new Error(`the table loaded ${held} connections into the store at ${n}`);
          await page.evaluate(() => window.bench.unmount());
        }
        // The runs list the same way: its first rows (the first page, counted) against that page asked for and painted.
        for (const side of i % 2 ? ['baseline', 'relink'] : ['relink', 'baseline']) {
          if (side === 'baseline') {
            s.runsPage.push(await page.evaluate(() => window.bench.onePageRuns()));
            continue;
          }
          s.runsFirst.push(await page.evaluate(() => window.bench.mountRuns()));
          await page.evaluate(() => window.bench.settled());
          const held = await page.evaluate(() => window.bench.held());
          if (held > 1000) throw new Error(`the runs list loaded ${held} runs into the store at ${n}`);
          await page.evaluate(() => window.bench.unmount());
        }
      }
      if (errors.length) throw new Error(errors.join('; '));
    } finally {
      await page.close();
    }
  }
  const [small, large] = sizes.map((n) => n.toLocaleString('en'));
  const [sn, ln] = sizes;
  results.push({
    group: 'Scale', name: `first rows painted, ${large} connections, nothing loaded`, against: 'one page request (limit 100) + a paint, same page',
    relink: stats(series[ln].first), baseline: stats(series[ln].page), unit: 'ms', budget: 1.2,
  });
  results.push({
    group: 'Scale', name: `first rows painted, ${small} connections, nothing loaded`, against: 'one page request (limit 100) + a paint, same page',
    relink: stats(series[sn].first), baseline: stats(series[sn].page), unit: 'ms', budget: 1.2,
  });
  results.push({
    group: 'Scale', name: `runs list first rows painted, ${large} runs, nothing loaded`, against: 'one page request (runs, limit 100) + a paint, same page',
    relink: stats(series[ln].runsFirst), baseline: stats(series[ln].runsPage), unit: 'ms', budget: 1.2,
  });
  results.push({
    group: 'Scale', name: `JS heap added by mounting the table, ${large} connections`, against: `the same at ${small}`,
    relink: stats(series[ln].added), baseline: stats(series[sn].added), unit: 'MB', budget: 1.2,
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Server throughput (scripts/bench/server.mjs, when present) and bytes (`npm run size`): their own output, verbatim.
const sections = {};

async function serverBench() {
  const script = join(root, 'scripts/bench/server.mjs');
  if (!existsSync(script)) return void (sections.server = 'scripts/bench/server.mjs is not in this tree yet: skipped.');
  log('server throughput: scripts/bench/server.mjs…');
  const { code, out } = await output(process.execPath, [script, ...(smoke ? ['--smoke'] : [])]);
  sections.server = out.trim() + (code ? `\n(exited ${code})` : '');
  if (code) failures++;
}

async function size() {
  log('bytes: npm run size…');
  // It exits 1 when an entry is over its budget: that is a figure to report here, not a failure of the bench.
  const { out } = await output(process.execPath, [join(root, 'scripts/size.mjs')]);
  sections.size = out.trim();
}

// ---------------------------------------------------------------------------------------------------------------
// Page bytes: the script a browser loads before a page's first rows are painted, a page using the autoloader against
// the same page importing its elements (what `npm run size` counts up front). The pages are built as `npm run size`
// bundles its scenarios (scripts/host-bundle.mjs) and served gzip -9 beside the reference backend
// (scripts/bench/pages-server.ts); fresh browser context (nothing cached) per load, alternating.
const PAGE_CONNECTIONS = 1_000; // the demo workspace grown to an agency's size: the table pages from the server
const FIRST_ROWS_TIMEOUT = 30_000;
const pages = [
  {
    name: 'connections page', slug: 'connections', elements: CONNECTIONS_PAGE, budget: 28.9,
    body: `<relink-provider base-url="/v1">
  <main>
    <h1>Connections</h1>
    <relink-connections-table manage-href="/connections/{id}"></relink-connections-table>
    <section id="detail"></section>
  </main>
  <relink-toaster></relink-toaster>
</relink-provider>`,
  },
  {
    name: 'agency console page', slug: 'console', elements: AGENCY_CONSOLE, budget: 34,
    body: `<relink-provider base-url="/v1">
  <header><strong>Northwind Automations</strong> <relink-notification-bell connection-href="/connections/{id}"></relink-notification-bell></header>
  <relink-reauth-banner href="/connections"></relink-reauth-banner>
  <main>
    <h1>Overview</h1>
    <section><h2>Connections</h2><relink-connections-table manage-href="/connections/{id}"></relink-connections-table></section>
    <section id="detail"></section>
    <section><h2>Workflow runs</h2><relink-runs-list connection-href="/connections/{id}" run-href="/runs/{id}"></relink-runs-list></section>
  </main>
  <relink-toaster></relink-toaster>
</relink-provider>`,
  },
];
const modes = { autoloaded: () => `import '@relink/elements/autoload.js';`, static: (page) => elementImports(page.elements) };

/** Builds each page both ways into `dir/<slug>-<mode>/` (index.html, entry.js, chunks); the probe as a script to inject. */
async function buildPages(dir) {
  log('page bytes: building the packages and the pages…');
  buildPackages(root, 'pipe');
  const hostCode = join(here, 'scripts/bench/fixtures/host-page.ts');
  for (const page of pages) {
    page.upFront = {};
    for (const [mode, imports] of Object.entries(modes)) {
      const outdir = join(dir, `${page.slug}-${mode}`);
      const { metafile } = await bundleHost(root, `${imports(page)}\nimport ${JSON.stringify(hostCode)};`, { outdir, write: true });
      // What `npm run size` counts for this page (the entry and its static imports, each gzipped), with the host's
      // code that mints the session token (about 0.3 KiB more than `npm run size`'s figure).
      page.upFront[mode] = [...upFrontChunks(metafile)].reduce((total, path) => total + gzipSync(readFileSync(join(root, path)), { level: 9 }).byteLength, 0);
      writeFileSync(join(outdir, 'index.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${page.name}</title><link rel="icon" href="data:,"><script type="module" src="./entry.js"></script></head><body>\n${page.body}\n</body></html>`);
    }
  }
  const probe = await build({ entryPoints: [join(here, 'scripts/bench/fixtures/first-rows-probe.ts')], bundle: true, format: 'iife', minify: true, write: false, logLevel: 'error' });
  return probe.outputFiles[0].text;
}

/** The pages server (scripts/bench/pages-server.ts): `{ 'HTTP/1.1': url, 'HTTP/2': url }`, HTTP/2 when `tls` holds PEM files. */
async function startPagesServer(dir, tls) {
  const child = spawn(process.execPath, ['--conditions=@relink/source', '--import', 'tsx', join(here, 'scripts/bench/pages-server.ts'), dir, String(PAGE_CONNECTIONS), ...tls], {
    cwd: here, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const urls = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`pages-server did not start in 120 s:\n${out}`)), 120_000);
    const read = (d) => {
      out += d;
      const http1 = /pages-server (\S+)/.exec(out)?.[1];
      const http2 = /pages-server-h2 (\S+)/.exec(out)?.[1];
      if (http1 && (http2 || !tls.length)) { clearTimeout(timer); resolve({ 'HTTP/1.1': http1, ...(http2 ? { 'HTTP/2': http2 } : {}) }); }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`pages-server exited ${code}:\n${out}`)); });
  });
  return {
    urls,
    stop: async () => {
      child.removeAllListeners('exit');
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
    },
  };
}

/** A throwaway TLS key and self-signed certificate for 127.0.0.1 (browsers speak HTTP/2 only over TLS); none without openssl. */
async function certificate(dir) {
  const [key, cert] = [join(dir, 'key.pem'), join(dir, 'cert.pem')];
  const { code, out } = await output('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
    '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=127.0.0.1']);
  if (code !== 0) log(`page bytes: no HTTP/2 (openssl could not make a certificate: ${out.trim().split('\n')[0]})`);
  return code === 0 ? [key, cert] : [];
}

/**
 * One load of `url` in a fresh context: the time its table's first rows were painted (ms since navigation started)
 * and every request that finished by the time the network was quiet for a second after them (Resource Timing: the
 * body's encoded size, i.e. gzip, and when its response ended). The live event stream stays open and is in neither.
 */
async function loadPage(browser, url, probe) {
  const page = await browser.newPage({ ignoreHTTPSErrors: true }); // the HTTP/2 server's certificate is made for the run
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
  // Requests still open (Resource Timing lists only finished ones): what a page that never shows rows waits for.
  const open = new Set();
  page.on('request', (request) => open.add(request));
  for (const end of ['requestfinished', 'requestfailed']) page.on(end, (request) => open.delete(request));
  try {
    await page.addInitScript({ content: probe });
    await page.goto(url, { waitUntil: 'commit' });
    // A table that never shows rows (a broken page, a changed row structure) is reported, never waited for forever.
    let timer;
    const timeout = new Promise((_, reject) => (timer = setTimeout(() => reject(new NoFirstRows(
      `${url}: the table's first rows were not painted in ${FIRST_ROWS_TIMEOUT / 1000} s${errors.length ? ` (${[...new Set(errors)].join('; ')})` : ''}`)), FIRST_ROWS_TIMEOUT)));
    const firstRows = await Promise.race([page.evaluate(() => window.benchFirstRows), timeout]).finally(() => clearTimeout(timer))
      .catch(async (error) => {
        // What the page shows instead, to tell a broken page from a slow one.
        const state = await page.evaluate(() => {
          const table = document.querySelector('relink-connections-table');
          const tags = [...new Set([...document.querySelectorAll('*')].map((e) => e.localName).filter((tag) => tag.startsWith('relink-')))];
          return `defined: ${tags.filter((tag) => customElements.get(tag)).join(' ') || 'none'}; undefined: ${tags.filter((tag) => !customElements.get(tag)).join(' ') || 'none'}; `
            + `table shows: ${JSON.stringify(table?.shadowRoot?.textContent?.replace(/\s+/g, ' ').slice(0, 200) ?? '(no shadow root)')}; `
            + `requests: ${performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname.split('/').pop()).join(' ')}`;
        }).catch((e) => `(page state unreadable: ${e.message})`);
        const waiting = [...open].map((request) => new URL(request.url()).pathname.split('/').pop()).join(' ') || 'none';
        if (error instanceof NoFirstRows) error.message += `\n  ${state}\n  still open: ${waiting}`;
        throw error;
      });
    const finished = () => page.evaluate(() => performance.getEntriesByType('resource')
      .map((e) => ({ url: e.name, start: e.startTime, end: e.responseEnd, encoded: e.encodedBodySize, type: e.initiatorType })));
    let entries = await finished();
    const quietFor = 1000;
    const deadline = Date.now() + 15_000;
    for (let since = Date.now(); Date.now() - since < quietFor && Date.now() < deadline;) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const now = await finished();
      if (now.length !== entries.length) [entries, since] = [now, Date.now()];
    }
    if (errors.length) throw new Error(`${url}: ${[...new Set(errors)].join('; ')}`);
    return { firstRows, entries, nextHop: await page.evaluate(() => performance.getEntriesByType('navigation')[0]?.nextHopProtocol) };
  } finally {
    await page.close();
  }
}

/** A load whose table never painted its first rows: counted and reported, not a figure. */
class NoFirstRows extends Error {}

async function pageBytes(browser, bases, probe, dir) {
  const rows = [];
  const kibOf = (list) => list.reduce((total, e) => total + e.encoded, 0) / 1024;
  for (const page of pages) {
    for (const [protocol, base] of Object.entries(bases)) {
      const series = { autoloaded: [], static: [] };
      const missed = { autoloaded: 0, static: 0 };
      log(`page bytes: ${page.name} over ${protocol}, autoloaded and static: ${samples} alternating loads each…`);
      for (let i = 0; i < samples; i++) {
        for (const mode of i % 2 ? ['static', 'autoloaded'] : ['autoloaded', 'static']) {
          let load;
          try {
            load = await loadPage(browser, `${base}/${page.slug}-${mode}/index.html`, probe);
          } catch (error) {
            if (!(error instanceof NoFirstRows)) throw error;
            missed[mode]++;
            log(`  ${error.message}`);
            continue;
          }
          const { firstRows, entries, nextHop } = load;
          if (protocol === 'HTTP/2' && nextHop !== 'h2') throw new Error(`${base}: the page came over ${nextHop}, not HTTP/2`);
          const scripts = entries.filter((e) => new URL(e.url).pathname.endsWith('.js'));
          for (const script of scripts) {
            // The browser's count must be the file's gzip -9, the figure `npm run size` adds up.
            const file = join(dir, new URL(script.url).pathname);
            const expected = gzipSync(readFileSync(file), { level: 9 }).byteLength;
            if (script.encoded !== expected) throw new Error(`${script.url}: the browser counted ${script.encoded} bytes, gzip -9 of the file is ${expected}`);
          }
          const before = scripts.filter((e) => e.end <= firstRows);
          series[mode].push({ firstRows, before: kibOf(before), beforeCount: before.length, idle: kibOf(scripts), idleCount: scripts.length, scripts });
        }
      }
      // A page that never paints its rows is a bug of the kit (or of this harness), not a figure: the part cannot run.
      // It caught the autoloader's upgrade-order race (a table defined before its provider waited forever), fixed by
      // the elements' ContextRoot.
      for (const mode of Object.keys(modes)) {
        if (missed[mode] > 0) throw new Error(`${page.name}, ${mode}, ${protocol}: the table's first rows were not painted in ${missed[mode]} of ${samples} loads`);
      }
      // --waterfall: each script of the first load of each mode, when it was asked for and when it was all here.
      for (const mode of flag('waterfall') ? Object.keys(modes).filter((m) => series[m].length) : []) {
        const [{ scripts, firstRows }] = series[mode];
        log(`  ${page.name}, ${mode}, ${protocol}: first rows painted at ${firstRows.toFixed(0)} ms`);
        for (const e of scripts) {
          log(`    ${new URL(e.url).pathname.split('/').pop().padEnd(32)} ${e.start.toFixed(0).padStart(5)}–${e.end.toFixed(0).padStart(5)} ms ${(e.encoded / 1024).toFixed(2).padStart(6)} KiB${e.end <= firstRows ? '' : '  after first rows'}`);
        }
      }
      const range = (list, key, digits) => {
        if (!list.length) return '—';
        const s = stats(list.map((x) => x[key]));
        return s.min === s.max ? s.median.toFixed(digits) : `${s.median.toFixed(digits)} (${s.min.toFixed(digits)}–${s.max.toFixed(digits)})`;
      };
      for (const mode of Object.keys(modes)) {
        const list = series[mode];
        rows.push(`| ${page.name} | ${mode === 'static' ? 'static imports' : 'autoloader'} | ${protocol} | ${range(list, 'before', 2)} | ${range(list, 'beforeCount', 0)} | ${range(list, 'idle', 2)} | ${range(list, 'idleCount', 0)} | ${list.length ? triple(stats(list.map((x) => x.firstRows))) : '—'} | ${missed[mode] ? `**${missed[mode]} of ${samples}**` : '0'} | ${(page.upFront[mode] / 1024).toFixed(2)} | ${page.budget} |`);
      }
      if (series.autoloaded.length) results.push({
        group: 'Page bytes', name: `${page.name} with the autoloader, ${protocol}: navigation → table's first rows painted`, against: 'the same page importing its elements',
        relink: stats(series.autoloaded.map((x) => x.firstRows)), baseline: stats(series.static.map((x) => x.firstRows)), unit: 'ms',
      });
    }
  }
  sections.pagebytes = [
    `${samples} loads per page, mode and protocol, alternating; ${PAGE_CONNECTIONS.toLocaleString('en')} connections more than the demo workspace's. KiB of script, gzip -9 as served: median (min–max when loads differ).`,
    '',
    '| page | elements | protocol | KiB before first rows | scripts before | KiB at idle | scripts at idle | first rows painted, ms min / **median** / max | loads that never painted rows | up front as `npm run size` counts it, with the host code (KiB) | budget (up front) |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

async function pageBytesRun() {
  const dir = mkdtempSync(join(tmpdir(), 'relink-bench-pages-'));
  let server;
  try {
    const probe = await buildPages(dir);
    server = await startPagesServer(dir, await certificate(dir));
    const browser = await chromium.launch({ executablePath: chromePath, args: chromeFlags.filter((f) => !f.startsWith('--headless')) });
    try {
      await pageBytes(browser, server.urls, probe, dir);
    } finally {
      await browser.close();
    }
  } catch (error) {
    failures++;
    log('page bytes failed:', error);
    sections.pagebytes = `could not run: ${String(error.message ?? error).split('\n').slice(0, 3).join(' ')}`;
  } finally {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Lighthouse on the demo (`npm start`): a throwaway data directory, a free port, stopped afterwards.
async function startDemo() {
  const dataDir = mkdtempSync(join(tmpdir(), 'relink-bench-demo-'));
  const child = spawn(process.execPath, [join(root, 'scripts/start.mjs')], {
    cwd: root, env: { ...process.env, PORT: '0', HOST: '127.0.0.1', RELINK_DATA_DIR: dataDir }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start did not print its URL in 300 s:\n${out}`)), 300_000);
    const read = (d) => {
      out += d;
      const match = /Agency console\s+(\S+)/.exec(out);
      if (match) { clearTimeout(timer); resolve(match[1].replace(/\/$/, '')); }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('exit', (code) => reject(new Error(`npm start exited ${code}:\n${out}`)));
  });
  return {
    url,
    stop: async () => {
      child.removeAllListeners('exit');
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function lighthouseRun() {
  let lighthouse, launch;
  try {
    lighthouse = (await import('lighthouse')).default;
    ({ launch } = await import('chrome-launcher'));
  } catch (error) {
    sections.lighthouse = `skipped: lighthouse is not installed (${error.message.split('\n')[0]}).`;
    return;
  }
  let demo;
  const rows = [];
  try {
    log('lighthouse: starting the demo…');
    demo = await startDemo();
    const chrome = await launch({ chromePath, chromeFlags });
    try {
      for (const [name, path] of [['agency console', '/'], ['client portal', '/portal/connections']]) {
        log(`lighthouse: ${name} (mobile)…`);
        // The pages hold an event stream open, so the network never goes quiet: cap the wait for it.
        const result = await lighthouse(`${demo.url}${path}`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] },
          { extends: 'lighthouse:default', settings: { maxWaitForLoad: smoke ? 15_000 : 30_000, formFactor: 'mobile' } });
        const lhr = result.lhr;
        const audit = (id) => lhr.audits[id]?.displayValue ?? '–';
        rows.push({ name, path, score: Math.round((lhr.categories.performance.score ?? 0) * 100), fcp: audit('first-contentful-paint'),
          lcp: audit('largest-contentful-paint'), tbt: audit('total-blocking-time'), cls: audit('cumulative-layout-shift'),
          warnings: lhr.runWarnings.length });
      }
    } finally {
      await chrome.kill();
    }
    sections.lighthouseRows = rows;
  } catch (error) {
    sections.lighthouse = `skipped: ${String(error.message ?? error).split('\n').slice(0, 3).join(' ')}`;
  } finally {
    await demo?.stop();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Run, print, write.
const started = Date.now();
if (wanted('rendering') || wanted('live') || wanted('scale')) {
  const dir = mkdtempSync(join(tmpdir(), 'relink-bench-'));
  await buildFixtures(dir);
  const server = await serve(dir);
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({ executablePath: chromePath, args: chromeFlags.filter((f) => !f.startsWith('--headless')) });
  try {
    if (wanted('rendering')) await rendering(browser, base).catch((e) => { failures++; log('rendering failed:', e); });
    if (wanted('live')) await live(browser, base).catch((e) => { failures++; log('live failed:', e); });
    if (wanted('scale')) await scale(browser, base).catch((e) => { failures++; log('scale failed:', e); });
  } finally {
    await browser.close();
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
if (wanted('pagebytes')) await pageBytesRun();
if (wanted('server')) await serverBench();
if (wanted('size')) await size();
if (wanted('lighthouse')) await lighthouseRun();

for (const r of results) r.ratio = r.relink.median / r.baseline.median;
const table = [
  '| case | Relink min / **median** / max | baseline (in this run) min / **median** / max | ratio | budget |',
  '|---|---|---|---|---|',
  ...results.map((r) => `| ${r.name} (${r.unit}) | ${triple(r.relink, r.unit)} | ${r.against}: ${triple(r.baseline, r.unit)} | ${r.ratio.toFixed(2)}× | ${r.budget === undefined ? '—' : `≤ ${r.budget}× ${r.ratio <= r.budget ? '✓' : '✗'}`} |`),
].join('\n');
const lighthouseText = sections.lighthouseRows
  ? ['| page | performance (mobile) | FCP | LCP | TBT | CLS | budget |', '|---|---|---|---|---|---|---|',
    ...sections.lighthouseRows.map((r) => `| ${r.name} \`${r.path}\` | ${r.score} | ${r.fcp} | ${r.lcp} | ${r.tbt} | ${r.cls} | ≥ 90 ${r.score >= 90 ? '✓' : '✗'} |`)].join('\n')
  : sections.lighthouse ?? 'not run (--only).';
const seconds = Math.round((Date.now() - started) / 1000);

console.log(`\nRelink bench — ${smoke ? 'SMOKE (1 sample each: the figures mean nothing)' : `${samples} alternating samples per side`}, ${seconds} s`);
console.log(`machine: ${machine.cpu}, ${machine.memory}, Node ${machine.node}, ${machine.chromium}, load at start ${machine.load}\n`);
if (results.length) console.log(table, '\n');
if (sections.server) console.log(`Server throughput (scripts/bench/server.mjs):\n${sections.server}\n`);
if (sections.size) console.log(`Bytes (npm run size):\n${sections.size}\n`);
if (sections.pagebytes) console.log(`Page bytes in Chromium:\n${sections.pagebytes}\n`);
if (wanted('lighthouse')) console.log(`Lighthouse, mobile:\n${lighthouseText}\n`);

if (!smoke && !only && root === here) {
  const doc = `# Performance

Written by \`npm run bench\` (scripts/bench/index.mjs) on ${new Date().toISOString().slice(0, 10)}; rerun it to refresh this page.
Budgets come from issue 17. Ratios are to a baseline measured **in the same run**, alternating with Relink sample by
sample: on a shared machine absolute times move 2× between runs, ratios much less.

## Machine

| | |
|---|---|
| CPU | ${machine.cpu} |
| memory | ${machine.memory} |
| Node | ${machine.node} |
| browser | ${machine.chromium}, headless |
| load average at start | ${machine.load} |

## Rendering and live updates (${samples} samples per side, ms unless noted)

${table}

- **First render**: from appending the element (over a store that already holds the rows) to the frame that shows the
  first row's status, painted (a message posted from \`requestAnimationFrame\`). Fresh page per sample, so first-use
  costs (\`Intl\` formatters, the virtualizer's on-demand chunk for Relink) count. 100 rows are below the table's
  virtualize threshold (200), so the baseline is \`repeat\` into a \`<table>\` showing what Relink's rows show (the app's letter tile, the
  status word with its icon on its tint, "Reconnect within N days" and a plain Reconnect \`<button>\` on the expiring
  rows, where Relink renders its full reconnect element); 1,000 and
  10,000 use the virtualizer.
  Relink's first paint of a big list is its first 12 rows in a plain table while the virtualizer chunk loads (then
  the virtualizer takes over); the baseline's is the virtualizer's first window.
- **Heap**: JS heap in use after a forced GC once the view has settled: the whole page (the budget; the seeded store
  and in-page server are the same on both sides), and what mounting the view added (Relink's share includes its
  virtualizer chunk, which it loads on demand during the mount while the baseline imports it up front).
- **Live changes**: \`connection.updated\` events applied through the store (\`store.apply\`, as the event stream does) vs
  the baseline replacing the item in its array, the page's first live changes; from the first event to the frame that
  paints the last one's row. The events are applied at the start of a frame (a \`requestAnimationFrame\` callback) on
  both sides, so the time is each side's own work to that paint: applied at a random moment they also waited 0 to
  16.7 ms for the next frame, which moved a 15-sample median by ±2 ms and one change's ratio between 0.6× and 1.9×.
- **Live (server)**: the reference backend running in the page, live stream on; a revoke through the API, timed to a
  bare handler on a second, raw \`/v1/events\` stream in the same page painting the new status as plain text (the
  raw event's arrival plus one frame), and to the table painting the row's new badge.
  Both resolve to painted frames, so a ratio of 1.00 means the badge was painted in the same frame as the raw text.
- Data: the demo workspace grown to N connections (copies of its nine, new ids and labels), loaded by the SDK store
  from the reference backend in the page (scripts/bench/fixtures/seed.ts). Both sides render the same four cells per row.

## Server throughput

${'```'}
${sections.server ?? 'not run'}
${'```'}

## Bytes (\`npm run size\`)

${'```'}
${sections.size ?? 'not run'}
${'```'}

## Page bytes in Chromium: the autoloader against static imports

${sections.pagebytes ?? 'not run'}

What \`npm run size\` cannot see: what a browser loads before a page can show its rows. Each page is built the way
\`npm run size\` bundles its scenarios (scripts/host-bundle.mjs: the built packages, esbuild, ESM, minified, code
splitting) from the host's markup and a little host code (scripts/bench/fixtures/host-page.ts: a session token from
the host's backend, and "Manage" opening the connection's detail, which is not on screen at first paint), twice: with
\`@relink/elements/autoload.js\` (each element loads when its tag appears), and importing the page's elements
statically (\`npm run size\`'s scenario, whose up-front figure is in the table, host code included). The connections
page shows a provider with the connections table and the toaster; its static imports add the badge, the detail and
the refresh, revoke and reconnect buttons. The agency console adds the reauth banner, the notification bell and the
runs list. The reference backend runs on 127.0.0.1 (PGlite in memory, demo mode, the demo workspace grown by
${PAGE_CONNECTIONS.toLocaleString('en')} connections, so the table pages from the server) with the demo's host routes
(demo/host.ts), and serves the pages on the same origin, every file gzip -9, never cached, over HTTP/1.1 (six
connections, so many chunks queue) and over HTTP/2 through a proxy in front of it, as a CDN serves a page (TLS with a
certificate openssl makes for the run; without openssl, HTTP/1.1 only). Each load is a fresh browser context.

- **KiB before first rows**: the encoded (gzip) bodies of the scripts (\`.js\` responses: the entry, its chunks,
  on-demand chunks) whose response ended before the frame that painted the table's first rows (a row with its
  \`data-id\`, as the scale case detects it), from Resource Timing in the page; checked against gzip -9 of each file.
  A chunk asked for before that frame and still arriving is not counted. What a page loads before its rows depends on
  how long they take: a slower first paint lets on-demand chunks (the virtualizer) finish before it.
- **KiB at idle**: every script that finished once no request had finished for a second after the first rows (the
  live event stream stays open and is never counted). **scripts**: how many script responses each is.
- **loads that never painted rows**: loads whose table showed no row within ${FIRST_ROWS_TIMEOUT / 1000} s (the log says what it
  showed and which requests were still open), and then the part fails: a page that never shows its rows is a bug.
  It found one: with the autoloader a load could stay on "Loading connections…" for good (about one in seven), when
  the table's module defined it before the provider's and it asked for its context before any provider listened
  (importing the table before the provider did the same with static imports); the elements now keep such requests
  until a provider appears (Lit's \`ContextRoot\`).
- **first rows painted**: ms from navigation start to that frame, also in the table above (autoloaded as "Relink",
  static imports as the baseline); the autoloader adds a waterfall (entry → element chunk → its shared chunks).
- Not counted: the HTML, the API's JSON, the probe that detects the rows (injected by Playwright, no request).

## Lighthouse (mobile profile, performance)

${lighthouseText}

The demo (\`npm start\`, PGlite in a throwaway directory) on 127.0.0.1, Lighthouse ${(await import('lighthouse/package.json', { with: { type: 'json' } }).catch(() => ({ default: { version: '?' } }))).default.version}'s default mobile
emulation and throttling, Chromium through chrome-launcher. The pages hold an event stream open, so the wait for a quiet
network is capped.

## Rerun

${'```'}
npm run bench                          # everything, 15 samples per side (about 10–15 minutes here)
npm run bench -- --samples 25          # more samples
npm run bench -- --only rendering,live # one part: rendering, live, scale, pagebytes, server, size, lighthouse
npm run bench -- --only pagebytes --waterfall # page bytes, with each script's timing in the log
npm run bench -- --smoke               # every case once, writes nothing (CI)
${'```'}
`;
  writeFileSync(join(root, 'docs/PERFORMANCE.md'), doc);
  log('wrote docs/PERFORMANCE.md');
}
if (failures) {
  log(`${failures} part(s) could not run`);
  process.exit(1);
}
