// Cumulative layout shift of the demo's pages as they load, on a 390×844 phone and a 1280×800 laptop: `npm start`'s
// real server (test/e2e/harness.ts), Debian's Chromium, a `PerformanceObserver('layout-shift')` installed before
// the page's first byte. Everything that arrives late (the reauth banner, the tables, the bell's count) must land
// in space reserved for it: the agency console stays at or under CLS 0.02 (issue 15).
//
//   node --conditions=@relink/source --import tsx --test test/visual/layout-shift.ts
//   RELINK_DEMO_URL=http://127.0.0.1:4000 …same…   measures a running `npm start` instead of starting one
//
// The figure is Lighthouse's: the largest session window (shifts less than 1 s apart, at most 5 s long), over the
// page's load until its data has arrived and 2 s more have passed with no shift. Shifts right after input do not count.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { launchBrowser, startDemo, type Demo } from '../e2e/harness.js';

/** Lighthouse's "good" is 0.1; issue 15 asks for 0.02 on the agency console. */
const BUDGET = 0.02;

const VIEWPORTS = [
  { name: 'phone', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 3 },
  { name: 'laptop', viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false, deviceScaleFactor: 1 },
];

const PAGES = [
  { name: 'agency console', path: '/', ready: 'relink-runs-list' },
  { name: 'client portal', path: '/portal/connections', ready: 'relink-connections-table' },
];

interface Shift { value: number; at: number; sources: string[] }

let demo: Pick<Demo, 'url' | 'stop'>;
let browser: Browser;

before(async () => {
  // RELINK_DEMO_URL: measure a server that already runs (`npm start`), e.g. when the machine is too busy for the
  // harness to start one within its minute.
  const running = process.env.RELINK_DEMO_URL;
  [demo, browser] = await Promise.all([running ? { url: running, stop: async () => {} } : startDemo(), launchBrowser()]);
});

after(async () => {
  await browser?.close();
  await demo?.stop();
});

/** Loads `path` and returns every layout shift until the page's data is in and it held still for 2 s. */
async function shiftsOf(path: string, ready: string, look: (typeof VIEWPORTS)[number]): Promise<Shift[]> {
  const { name: _name, ...options } = look;
  const context = await browser.newContext(options);
  try {
    const page = await context.newPage();
    // No named functions inside: tsx compiles them with a `__name` helper the page does not have.
    await page.addInitScript(() => {
      const store: unknown[] = [];
      (window as unknown as { __shifts: unknown[] }).__shifts = store;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as Array<PerformanceEntry & { value: number; hadRecentInput: boolean; sources?: Array<{ node?: Node | null }> }>) {
          if (entry.hadRecentInput) continue;
          store.push({
            value: entry.value,
            at: Math.round(entry.startTime),
            // What moved, named by its element (and the Relink element whose shadow root holds it).
            sources: (entry.sources ?? []).map(({ node }) => {
              if (!(node instanceof Element)) return node?.nodeName ?? '?';
              const root = node.getRootNode();
              const part = node.getAttribute('part');
              return `${root instanceof ShadowRoot ? `${root.host.localName} › ` : ''}${node.localName}${part ? `[part=${part}]` : node.classList[0] ? `.${node.classList[0]}` : ''}`;
            }),
          });
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(`${demo.url}${path}`, { waitUntil: 'load' });
    // Data is in when the element has left its loading state (no aria-busy="true" left in its shadow root).
    await page.waitForFunction((tag) => {
      const el = document.querySelector(tag);
      return !!el?.shadowRoot?.querySelector('[part~="base"]') && !el.shadowRoot.querySelector('[aria-busy="true"]');
    }, ready, { timeout: 30_000 });
    // Then quiet: 2 s without a new shift (the live stream and the bell may still settle).
    let count = -1;
    for (let quiet = 0; quiet < 4;) {
      await page.waitForTimeout(500);
      const now = await page.evaluate(() => (window as unknown as { __shifts: unknown[] }).__shifts.length);
      quiet = now === count ? quiet + 1 : 0;
      count = now;
    }
    return await page.evaluate(() => (window as unknown as { __shifts: Shift[] }).__shifts);
  } finally {
    await context.close();
  }
}

/** Lighthouse's CLS: the largest sum of a session window (gaps under 1 s, windows at most 5 s). */
export function cumulativeLayoutShift(shifts: Shift[]): number {
  let worst = 0;
  let sum = 0;
  let first = -Infinity;
  let last = -Infinity;
  for (const shift of shifts) {
    if (shift.at - last >= 1000 || shift.at - first >= 5000) {
      sum = 0;
      first = shift.at;
    }
    sum += shift.value;
    last = shift.at;
    worst = Math.max(worst, sum);
  }
  return worst;
}

describe('layout shift while the demo loads', () => {
  for (const { name, path, ready } of PAGES) {
    for (const look of VIEWPORTS) {
      test(`${name}, ${look.name} (${look.viewport.width}×${look.viewport.height}): CLS ≤ ${BUDGET}`, async (t) => {
        const shifts = await shiftsOf(path, ready, look);
        const cls = cumulativeLayoutShift(shifts);
        const detail = shifts.map((s) => `${s.value.toFixed(4)} at ${s.at} ms: ${s.sources.join(', ')}`).join('\n  ');
        t.diagnostic(`${name}, ${look.name}: CLS ${cls.toFixed(4)} (${shifts.length} shifts)${detail ? `\n  ${detail}` : ''}`);
        assert.ok(cls <= BUDGET, `CLS ${cls.toFixed(4)} > ${BUDGET}:\n  ${detail}`);
      });
    }
  }
});
