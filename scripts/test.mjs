#!/usr/bin/env node
// `npm test`: everything a reviewer needs to trust a change — type check, lint, Node tests, browser tests, stories —
// then one closing line `N passed, N failed` for the whole run. Each check (tsc, eslint) counts as one test;
// the test runners count their own tests.
import { spawn } from 'node:child_process';
import { stripVTControlCharacters } from 'node:util';
import { existsSync, readFileSync, rmSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { tmpdir } from 'node:os';

const root = new URL('..', import.meta.url).pathname;
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
const wants = (step) => !only || only === step;

const chrome = process.env.CHROME_PATH ?? '/usr/bin/chromium';
if (wants('browser') && !existsSync(chrome)) {
  console.error(`Chromium not found at ${chrome}: install it with \`apt-get install -y chromium\` or set CHROME_PATH to a Chromium binary.`);
  process.exit(1);
}

const totals = { passed: 0, failed: 0 };
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

function findTests(dir, suffix, acc = []) {
  if (!existsSync(dir)) return acc;
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) findTests(path, suffix, acc);
    else if (name.endsWith(suffix)) acc.push(relative(root, path));
  }
  return acc;
}

async function check(label, cmd, args) {
  console.log(`\n▶ ${label}`);
  const { code } = await run(cmd, args);
  if (code === 0) totals.passed += 1; else { totals.failed += 1; console.log(`✗ ${label} failed`); }
}

if (wants('typecheck')) await check('type check (tsc)', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']);
if (wants('lint')) await check('lint (eslint)', 'npx', ['eslint', '.', '--max-warnings=0']);

if (wants('node')) {
  const files = ['packages', 'test'].flatMap((dir) => findTests(join(root, dir), '.node.test.ts'));
  if (files.length > 0) {
    console.log(`\n▶ node tests (${files.length} files)`);
    const { code, out } = await run('node', ['--conditions=@relink/source', '--import', 'tsx', '--test', '--test-reporter=spec', ...files]);
    const pass = Number(/^ℹ pass (\d+)/m.exec(out)?.[1] ?? 0);
    const fail = Number(/^ℹ fail (\d+)/m.exec(out)?.[1] ?? 0);
    totals.passed += pass;
    // A runner that exits non-zero without naming a failed test (a crash, a file that does not load) still fails.
    totals.failed += fail > 0 ? fail : (code !== 0 ? 1 : 0);
  }
}

if (wants('browser')) {
  console.log('\n▶ browser tests (web-test-runner, Chromium)');
  const countsFile = join(tmpdir(), `relink-wtr-${process.pid}.json`);
  const { code } = await run('node', WTR, { RELINK_WTR_COUNTS: countsFile });
  if (existsSync(countsFile)) {
    const counts = JSON.parse(readFileSync(countsFile, 'utf8'));
    rmSync(countsFile);
    totals.passed += counts.passed;
    totals.failed += counts.failed > 0 ? counts.failed : (code !== 0 ? 1 : 0);
  } else {
    totals.failed += 1;
    console.log('✗ web-test-runner did not report its results');
  }
}

if (wants('stories')) {
  // Every Storybook story rendered in Chromium with its play function and an axe check (addon-vitest).
  console.log('\n▶ stories (Storybook + addon-vitest, Chromium, axe)');
  const { code, out } = await run('node', ['node_modules/vitest/vitest.mjs', 'run', '--config', '.storybook/vitest.config.ts']);
  const plain = stripVTControlCharacters(out);
  const line = /^\s*Tests\s+(.*)$/m.exec(plain)?.[1] ?? '';
  const pass = Number(/(\d+) passed/.exec(line)?.[1] ?? 0);
  const fail = Number(/(\d+) failed/.exec(line)?.[1] ?? 0);
  totals.passed += pass;
  totals.failed += fail > 0 ? fail : (code !== 0 || pass === 0 ? 1 : 0);
}

console.log(`\n${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed > 0 ? 1 : 0);
