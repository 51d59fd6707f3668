#!/usr/bin/env node
// Server throughput (issue 17's budget: `GET /v1/connections?limit=100` at 10,000 connections ≥ 25% of `GET /v1/me`).
// Starts the reference backend on 127.0.0.1 with 10,000 connections in the demo workspace, on embedded PGlite and on
// PostgreSQL (TEST_DATABASE_URL, or a throwaway cluster from the machine's postgres binaries), and drives both routes
// with autocannon in alternating rounds. Prints min/median/max requests per second and the ratio of the medians, and
// this process's CPU time per request (steadier than throughput when other work shares the machine); a smoke run,
// never a pass/fail timing test (ratios are what count on a shared machine).
//
//   node scripts/bench/server.mjs [--rounds 3] [--seconds 5] [--connections 10000] [--only pglite|postgres]
//                                 [--gzip] [--json out.json]
//
// --gzip sends `Accept-Encoding: gzip` as a browser does (responses are then compressed). --json writes the figures
// for the bench report.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// The backend is TypeScript: run again under tsx with the workspace's source condition (as the tests do).
if (!process.env.RELINK_BENCH_CHILD) {
  const child = spawnSync(process.execPath, ['--conditions=@relink/source', '--import', 'tsx', fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, RELINK_BENCH_CHILD: '1' },
    cwd: fileURLToPath(new URL('../..', import.meta.url)),
  });
  process.exit(child.status ?? 1);
}

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
// --smoke (npm test's bench step): one short round over fewer rows, only to prove every part still runs.
const SMOKE = process.argv.includes('--smoke');
const ROUNDS = Number(arg('rounds', SMOKE ? 1 : 3));
const SECONDS = Number(arg('seconds', SMOKE ? 1 : 5));
const N = Number(arg('connections', SMOKE ? 1_000 : 10_000));
const ONLY = arg('only', undefined);
const GZIP = process.argv.includes('--gzip');
const JSON_OUT = arg('json', undefined);

const { default: autocannon } = await import('autocannon');
const { startNodeRelink } = await import('../../packages/server/src/node/server.ts');
const { DEMO_AGENCY_ID, DEMO_WORKSPACE_ID } = await import('../../packages/server/src/demo/seed.ts');
const { growWorkspace } = await import('./grow-workspace.ts');

/** One autocannon run: requests per second, and this process's CPU time per request (server, PGlite and client alike). */
function cannon(url, token) {
  return new Promise((resolve, reject) => {
    const cpu = process.cpuUsage();
    autocannon({
      url, connections: 10, duration: SECONDS,
      headers: { authorization: `Bearer ${token}`, ...(GZIP ? { 'accept-encoding': 'gzip' } : {}) },
    }, (error, result) => {
      if (error) return reject(error);
      const bad = result.non2xx + result.errors + result.timeouts;
      if (bad > 0) return reject(new Error(`${url}: ${bad} failed requests of ${result.requests.total}`));
      const used = process.cpuUsage(cpu);
      resolve({ rps: result.requests.average, cpuMs: (used.user + used.system) / 1000 / result.requests.total });
    });
  });
}

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return { min: s[0], median: s[Math.floor(s.length / 2)], max: s[s.length - 1] };
};

async function measure(name, database) {
  const started = performance.now();
  const relink = await startNodeRelink({ database, demo: true, rateLimit: false, refresher: { autoStart: false }, secretKey: 'bench-signing-secret-0123456789' });
  try {
    await growWorkspace(relink.store, N);
    // What autovacuum does on PostgreSQL a minute after a bulk load (PGlite's store does it itself as tables grow):
    // without statistics the planner sorts every row instead of walking the keyset index.
    if (relink.store.db) await relink.store.db.exec('ANALYZE');
    const seeded = (performance.now() - started) / 1000;
    process.stdout.write(`  started and seeded in ${seeded.toFixed(1)} s\n`);
    const { token } = await relink.app.relink.mintToken(DEMO_WORKSPACE_ID, 'agency', DEMO_AGENCY_ID, 3600);
    const routes = { me: `${relink.url}/v1/me`, connections: `${relink.url}/v1/connections?limit=100` };
    const samples = { me: [], connections: [] };
    await cannon(routes.me, token); // warm up both routes (JIT, database caches) before counting
    await cannon(routes.connections, token);
    for (let round = 0; round < ROUNDS; round++) {
      // Alternate which goes first, so a machine that slows down mid-run hurts both alike.
      const order = round % 2 === 0 ? ['me', 'connections'] : ['connections', 'me'];
      for (const key of order) samples[key].push(await cannon(routes[key], token));
    }
    const me = stats(samples.me.map((s) => s.rps));
    const connections = stats(samples.connections.map((s) => s.rps));
    // CPU per request moves far less than throughput when other work shares the machine.
    const cpu = { me: stats(samples.me.map((s) => s.cpuMs)), connections: stats(samples.connections.map((s) => s.cpuMs)) };
    return { name, seeded, me, connections, ratio: connections.median / me.median, cpu, cpuRatio: cpu.me.median / cpu.connections.median };
  } finally {
    await relink.close();
  }
}

const backends = [];
if (ONLY !== 'postgres') backends.push(['PGlite', async () => ({ pglite: 'memory' })]);
if (ONLY !== 'pglite') {
  backends.push(['PostgreSQL', async () => {
    const { freshDatabase } = await import('../../packages/server/test/postgres.ts');
    return { url: await freshDatabase() };
  }]);
}

const results = [];
for (const [name, database] of backends) {
  process.stdout.write(`${name}: seeding ${N.toLocaleString('en')} connections, then ${ROUNDS} rounds of ${SECONDS} s per route…\n`);
  results.push(await measure(name, await database()));
}

const fmt = (n) => n.toFixed(0).padStart(6);
console.log(`\nServer throughput, req/s (autocannon, 10 connections, ${SECONDS} s × ${ROUNDS} rounds, ${N.toLocaleString('en')} connections${GZIP ? ', gzip' : ''})`);
console.log('backend     route                          min    median  max     ratio of medians');
for (const r of results) {
  console.log(`${r.name.padEnd(11)} GET /v1/me                   ${fmt(r.me.min)}  ${fmt(r.me.median)}  ${fmt(r.me.max)}`);
  console.log(`${''.padEnd(11)} GET /v1/connections?limit=100 ${fmt(r.connections.min)}  ${fmt(r.connections.median)}  ${fmt(r.connections.max)}   ${(r.ratio * 100).toFixed(0)}% of /v1/me (budget ≥ 25%)`);
}
console.log('\nCPU time of this process per request, ms (server and client; a PostgreSQL server\'s own time is not in it)');
console.log('backend     route                          min    median  max     /v1/me ÷ list (median)');
const ms = (n) => n.toFixed(2).padStart(6);
for (const r of results) {
  console.log(`${r.name.padEnd(11)} GET /v1/me                   ${ms(r.cpu.me.min)}  ${ms(r.cpu.me.median)}  ${ms(r.cpu.me.max)}`);
  console.log(`${''.padEnd(11)} GET /v1/connections?limit=100 ${ms(r.cpu.connections.min)}  ${ms(r.cpu.connections.median)}  ${ms(r.cpu.connections.max)}   ${(r.cpuRatio * 100).toFixed(0)}%`);
}
if (JSON_OUT) writeFileSync(JSON_OUT, JSON.stringify({ connections: N, seconds: SECONDS, rounds: ROUNDS, gzip: GZIP, results }, null, 2));
process.exit(0);
