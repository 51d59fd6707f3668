// A PostgreSQL database for tests: TEST_DATABASE_URL when set (CI: .ci/run starts Debian's server and exports it),
// otherwise a throwaway cluster started here from the postgres binaries on this machine (initdb into a temp dir,
// a random port, run as a non-root user when we are root), stopped when the process exits. Neither → a clear error;
// these tests never skip.
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

function findBin(name: string): string | undefined {
  const dirs = [...(process.env.PATH ?? '').split(':'), '/usr/local/bin', '/usr/bin'];
  if (existsSync('/usr/lib/postgresql')) {
    for (const v of readdirSync('/usr/lib/postgresql').sort().reverse()) dirs.push(`/usr/lib/postgresql/${v}/bin`);
  }
  return dirs.map((d) => join(d, name)).find((p) => existsSync(p));
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

let cluster: Promise<string> | undefined;

/** Start (once per process) a private cluster; resolves to an admin URL. */
async function startCluster(): Promise<string> {
  const initdb = findBin('initdb');
  const pgCtl = findBin('pg_ctl');
  if (!initdb || !pgCtl) {
    throw new Error('PostgreSQL tests need TEST_DATABASE_URL or the postgres server binaries (initdb, pg_ctl): apt-get install -y postgresql');
  }
  const dir = mkdtempSync(join(tmpdir(), 'relink-pg-'));
  const data = join(dir, 'data');
  const port = await freePort();
  // postgres refuses to run as root: run it as the `postgres` user (Debian's package creates it) or `nobody`.
  let asUser: string[] = [];
  if (process.getuid?.() === 0) {
    const user = spawnSync('id', ['-u', 'postgres']).status === 0 ? 'postgres' : 'nobody';
    const uid = Number(execFileSync('id', ['-u', user]).toString().trim());
    const gid = Number(execFileSync('id', ['-g', user]).toString().trim());
    chownSync(dir, uid, gid);
    asUser = ['runuser', '-u', user, '--'];
  }
  const run = (args: string[]) => {
    const [cmd, ...rest] = [...asUser, ...args];
    const result = spawnSync(cmd!, rest, { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${args[0]} failed: ${result.stderr || result.stdout}`);
  };
  run([initdb, '-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
  run([pgCtl, '-D', data, '-l', join(dir, 'log'), '-w', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`, 'start']);
  process.once('exit', () => {
    spawnSync(asUser[0] ?? pgCtl, [...asUser.slice(1), ...(asUser.length ? [pgCtl] : []), '-D', data, '-m', 'immediate', 'stop']);
    rmSync(dir, { recursive: true, force: true });
  });
  return `postgres://postgres@127.0.0.1:${port}/postgres`;
}

/** A fresh, empty database for one test file (dropped at exit only with a throwaway cluster). */
export async function freshDatabase(): Promise<string> {
  const admin = process.env.TEST_DATABASE_URL ?? (await (cluster ??= startCluster()));
  const name = `relink_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return url.toString();
}
