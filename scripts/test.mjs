#!/usr/bin/env node
// `npm test`: everything a reviewer needs to trust a change, one step after another — no `.only` left behind, type
// check, lint, Node tests, browser tests, stories, the Storybook build, and the consumer suite (the three packages
// packed, checked with publint and attw, and used from fresh apps outside the workspace). It ends with one line per
// step and a closing `N passed, N failed` for the whole run. Each check (tsc, eslint, a build) counts as one test;
// the test runners count their own tests, and skipped, todo and cancelled tests are printed, never hidden.
// `--only <step>` runs one step (typecheck, only, lint, node, browser, stories, build-storybook, visual, consumer, bench).
import { spawn, spawnSync } from 'node:child_process';
import { stripVTControlCharacters } from 'node:util';
import { existsSync, readFileSync, rmSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { tmpdir } from 'node:os';

const root = new URL('..', import.meta.url).pathname;
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
const wants = (step) => !only || only === step;

const chrome = process.env.CHROME_PATH ?? '/usr/bin/chromium';
if (['browser', 'stories', 'visual', 'consumer', 'bench'].some(wants) && !existsSync(chrome)) {
  console.error(`Chromium not found at ${chrome}: install it with \`apt-get install -y chromium\` or set CHROME_PATH to a Chromium binary.`);
  process.exit(1);
}

/** The working tree's changes (`git status --porcelain`): a test run must add none (no tracked file rewritten, no untracked output). */
const treeChanges = () => spawnSync('git', ['status', '--porcelain'], { cwd: root, encoding: 'utf8' }).stdout ?? '';
const treeBefore = treeChanges();

/** One entry per step that ran: what it counted, and how long it took. */
const steps = [];
// web-test-runner under tsx, so its config can mount the TypeScript reference backend (scripts/wtr-relink-backend.mjs).
const WTR = ['--conditions=@relink/source', '--import', 'tsx', 'node_modules/@web/test-runner/dist/bin.js'];

function run(cmd, args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...env } });
    let out = '';
    child.stdout.on('data', (chunk) => { out += chunk; process.stdout.write(chunk); });
    child.on('close', (code) => resolve({ code: code ?? 1, out }));
  });
}

function findFiles(dir, test, acc = []) {
  if (!existsSync(dir)) return acc;
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.') && name !== '.storybook') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) findFiles(path, test, acc);
    else if (test(name)) acc.push(relative(root, path));
  }
  return acc;
}

/** Runs one step: `count(code, out)` turns the runner's output into `{ passed, failed, skipped?, todo?, cancelled? }`. */
async function step(name, label, cmd, args, count, env = {}) {
  console.log(`\n▶ ${label}`);
  const started = performance.now();
  const { code, out } = await run(cmd, args, env);
  const result = { passed: 0, failed: 0, skipped: 0, todo: 0, cancelled: 0, ...count(code, stripVTControlCharacters(out)) };
  // A runner that exits non-zero without naming a failed test (a crash, a file that does not load) still fails.
  if (code !== 0 && result.failed === 0) result.failed = 1;
  steps.push({ name, seconds: (performance.now() - started) / 1000, ...result });
  if (result.failed > 0) console.log(`✗ ${label} failed`);
}

const oneCheck = (code) => (code === 0 ? { passed: 1 } : { failed: 1 });

/** node:test's closing counts (spec reporter): ℹ pass / fail / skipped / todo / cancelled. */
function nodeCounts(_code, out) {
  const n = (word) => Number(new RegExp(`^ℹ ${word} (\\d+)`, 'm').exec(out)?.[1] ?? 0);
  return { passed: n('pass'), failed: n('fail'), skipped: n('skipped'), todo: n('todo'), cancelled: n('cancelled') };
}

const NODE_TEST = ['--import', 'tsx', '--test', '--test-reporter=spec'];

if (wants('only')) {
  // A focused test (`test.only`, `describe.only`, `it.only`, `{ only: true }`) silently skips the rest: never in a commit.
  console.log('\n▶ no focused tests (.only)');
  const started = performance.now();
  const files = ['packages', 'test', 'stories'].flatMap((dir) => findFiles(join(root, dir), (name) => /\.(test|stories)\.tsx?$/.test(name)));
  const focused = files.filter((file) => /\b(?:describe|it|test|suite)\.only\s*\(|\bonly:\s*true\b/.test(readFileSync(join(root, file), 'utf8')));
  for (const file of focused) console.log(`  ${file} holds a focused test`);
  steps.push({ name: 'no .only', seconds: (performance.now() - started) / 1000, passed: focused.length ? 0 : 1, failed: focused.length, skipped: 0, todo: 0, cancelled: 0 });
}

if (wants('typecheck')) await step('typecheck', 'type check (tsc)', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit'], oneCheck);
if (wants('lint')) await step('lint', 'lint (eslint)', 'npx', ['eslint', '.', '--max-warnings=0'], oneCheck);

if (wants('node')) {
  // The consumer suite runs as its own step below.
  const files = ['packages', 'test'].flatMap((dir) => findFiles(join(root, dir), (name) => name.endsWith('.node.test.ts')));
  await step('node', `node tests (${files.length} files)`, 'node', ['--conditions=@relink/source', ...NODE_TEST, ...files], nodeCounts);
}

if (wants('browser')) {
  const countsFile = join(tmpdir(), `relink-wtr-${process.pid}.json`);
  await step('browser', 'browser tests (web-test-runner, Chromium)', 'node', WTR, () => {
    if (!existsSync(countsFile)) {
      console.log('✗ web-test-runner did not report its results');
      return { failed: 1 };
    }
    const counts = JSON.parse(readFileSync(countsFile, 'utf8'));
    rmSync(countsFile);
    return counts;
  }, { RELINK_WTR_COUNTS: countsFile });
}

if (wants('stories')) {
  // Every Storybook story rendered in Chromium with its play function and an axe check (addon-vitest).
  await step('stories', 'stories (Storybook + addon-vitest, Chromium, axe)', 'node', ['node_modules/vitest/vitest.mjs', 'run', '--config', '.storybook/vitest.config.ts'], (code, out) => {
    const line = /^\s*Tests\s+(.*)$/m.exec(out)?.[1] ?? '';
    const n = (word) => Number(new RegExp(`(\\d+) ${word}`).exec(line)?.[1] ?? 0);
    const counts = { passed: n('passed'), failed: n('failed'), skipped: n('skipped'), todo: n('todo') };
    // No story ran at all is a failure, not a pass.
    if (counts.passed === 0 && counts.failed === 0) counts.failed = 1;
    return counts;
  });
}

if (wants('build-storybook') || wants('visual')) {
  // A catalog that does not build fails CI. The visual step photographs that same build; it is removed afterwards.
  const out = join(tmpdir(), `relink-storybook-${process.pid}`);
  if (wants('build-storybook')) await step('build-storybook', 'Storybook build', 'npx', ['storybook', 'build', '--quiet', '-o', out], oneCheck);
  if (wants('visual')) {
    // Every story in light, dark, Arabic and 390 px against committed screenshots, and the demo's layout shift.
    await step('visual', 'visual regression (story screenshots) and demo layout shift, Chromium', 'node',
      ['--conditions=@relink/source', ...NODE_TEST, 'test/visual/run.ts', 'test/visual/layout-shift.ts'], nodeCounts,
      existsSync(out) ? { RELINK_STORYBOOK_DIR: out } : {});
  }
  rmSync(out, { recursive: true, force: true });
}

if (wants('consumer')) {
  // The packages as a stranger installs them (test/consumer/consumer.test.ts): pack, publint, attw, fresh apps.
  await step('consumer', 'consumer suite (pack, publint, attw, apps outside the workspace, Chromium)', 'node', [...NODE_TEST, 'test/consumer/consumer.test.ts'], nodeCounts);
}

if (wants('bench')) {
  // `npm run bench --smoke`: every benchmark case once, so the harness keeps working; never a check on timing.
  await step('bench', 'bench smoke run (every case once; never a timing check)', 'node', ['scripts/bench/index.mjs', '--smoke'], oneCheck);
}

{
  const before = new Set(treeBefore.split('\n').filter(Boolean));
  const added = treeChanges().split('\n').filter((line) => line && !before.has(line));
  if (added.length) console.log(`\n✗ the run changed the working tree:\n  ${added.join('\n  ')}`);
  steps.push({ name: 'clean tree', seconds: 0, passed: added.length ? 0 : 1, failed: added.length ? 1 : 0, skipped: 0, todo: 0, cancelled: 0 });
}

const total = (key) => steps.reduce((sum, s) => sum + s[key], 0);
console.log('\nSteps:');
for (const s of steps) {
  const extra = ['skipped', 'todo', 'cancelled'].filter((key) => s[key] > 0).map((key) => `, ${s[key]} ${key}`).join('');
  console.log(`  ${s.failed > 0 ? '✗' : '✓'} ${s.name.padEnd(16)} ${s.passed} passed, ${s.failed} failed${extra}  (${s.seconds.toFixed(0)} s)`);
}
const unrun = ['skipped', 'todo', 'cancelled'].map((key) => [key, total(key)]).filter(([, n]) => n > 0);
if (unrun.length) console.log(`Not run: ${unrun.map(([key, n]) => `${n} ${key}`).join(', ')}`);
// Cancelled tests did not finish: they fail the run like failed ones.
const failed = total('failed') + total('cancelled');
console.log(`\n${total('passed')} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
