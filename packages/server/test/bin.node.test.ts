// `relink-server` as an operator runs it: each bad setting stops it at once with one line that names the variable,
// a non-zero exit code and no stack trace; good settings start it, and CORS answers only the origins allowed.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readConfig } from '../src/node/config.js';

const bin = fileURLToPath(new URL('../src/node/bin.ts', import.meta.url));
const SECRET = 'a-signing-secret-of-at-least-32-characters';

interface Exit { code: number | null; stdout: string; stderr: string }

/** Runs the bin from source with exactly `env` (plus PATH), until it exits. */
function runBin(env: Record<string, string>, args: string[] = []): Promise<Exit> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--conditions=@relink/source', '--import', 'tsx', bin, ...args], {
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function assertOneLine(result: Exit, mentions: RegExp): void {
  assert.notEqual(result.code, 0, 'exits with a non-zero code');
  assert.equal(result.stdout, '', 'prints nothing on stdout');
  const lines = result.stderr.trim().split('\n');
  assert.equal(lines.length, 1, `one line, got:\n${result.stderr}`);
  assert.match(lines[0]!, /^relink-server: /);
  assert.match(lines[0]!, mentions);
  assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
}

describe('relink-server: bad configuration stops it with one clear line', { timeout: 60_000 }, () => {
  const cases: [string, Record<string, string>, RegExp][] = [
    ['an unparseable DATABASE_URL', { DATABASE_URL: 'postgres//relink@localhost/relink' }, /^relink-server: DATABASE_URL must be a PostgreSQL URL/],
    ['a DATABASE_URL for another database', { DATABASE_URL: 'mysql://root@127.0.0.1/relink' }, /DATABASE_URL must be a PostgreSQL URL/],
    ['no signing secret outside demo mode', { RELINK_DEMO: 'off' }, /RELINK_SIGNING_SECRET is required when RELINK_DEMO=off/],
    ['a short signing secret', { RELINK_SIGNING_SECRET: 'short' }, /RELINK_SIGNING_SECRET is 5 characters long/],
    ['a malformed origin list', { RELINK_ALLOWED_ORIGINS: 'https://app.example.com,app.example.org' }, /RELINK_ALLOWED_ORIGINS must be .*"app\.example\.org" is not one/],
    ['an origin with a path', { RELINK_ALLOWED_ORIGINS: 'https://app.example.com/console' }, /"https:\/\/app\.example\.com\/console" is not one/],
    ['any origin outside demo mode', { RELINK_DEMO: 'off', RELINK_SIGNING_SECRET: SECRET, RELINK_ALLOWED_ORIGINS: '*' }, /RELINK_ALLOWED_ORIGINS=\* .* only in demo mode/],
    ['a port that is not a number', { PORT: 'http' }, /PORT must be a whole number from 0 to 65535, not "http"/],
    ['a port out of range', { PORT: '65536' }, /PORT must be a whole number/],
    ['a demo switch that is neither on nor off', { RELINK_DEMO: 'maybe' }, /RELINK_DEMO must be on or off/],
    ['a prepared-statements switch that is neither on nor off', { RELINK_PREPARED_STATEMENTS: 'pgbouncer' }, /RELINK_PREPARED_STATEMENTS must be on or off, not "pgbouncer"/],
    ['a public URL that is not http(s)', { RELINK_PUBLIC_URL: 'relink.example.com' }, /RELINK_PUBLIC_URL must be an http\(s\) URL/],
    ['encryption keys without a key id', { RELINK_ENCRYPTION_KEYS: 'c2VjcmV0' }, /RELINK_ENCRYPTION_KEYS: Encryption keys are "kid:base64key" entries/],
    ['an encryption key that is not 32 bytes', { RELINK_ENCRYPTION_KEYS: 'k1:c2hvcnQ' }, /RELINK_ENCRYPTION_KEYS: Encryption key "k1" must be 32 bytes/],
  ];
  for (const [name, env, mentions] of cases) {
    test(name, async () => assertOneLine(await runBin(env), mentions));
  }
  test('an unknown command', async () => assertOneLine(await runBin({}, ['serve-everything']), /unknown command "serve-everything"/));
  test('rotate-secrets without keys', async () => assertOneLine(await runBin({}, ['rotate-secrets']), /rotate-secrets needs RELINK_ENCRYPTION_KEYS/));
});

test('RELINK_PREPARED_STATEMENTS=off reaches the PostgreSQL settings (on by default; PGlite has none)', () => {
  const url = 'postgres://relink@127.0.0.1/relink';
  assert.deepEqual(readConfig({ DATABASE_URL: url }).database, { url, preparedStatements: true });
  assert.deepEqual(readConfig({ DATABASE_URL: url, RELINK_PREPARED_STATEMENTS: 'off' }).database, { url, preparedStatements: false });
  assert.ok('dataDir' in readConfig({ RELINK_PREPARED_STATEMENTS: 'off' }).database);
});

describe('relink-server rotate-secrets', { timeout: 120_000 }, () => {
  test('re-seals the stored secrets with the first key and says how many', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'relink-rotate-'));
    try {
      const key = (byte: number) => Buffer.alloc(32, byte).toString('base64');
      const result = await runBin({ RELINK_DATA_DIR: dataDir, RELINK_ENCRYPTION_KEYS: `k2:${key(2)},k1:${key(1)}` }, ['rotate-secrets']);
      assert.equal(result.code, 0, result.stderr);
      assert.match(result.stdout, /^relink-server: re-sealed \d+ record\(s\) with key "k2"\.$/m);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('relink-server: good configuration', { timeout: 120_000 }, () => {
  test('starts on the port and host given, with PGlite in RELINK_DATA_DIR, and CORS only for the listed origins', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'relink-bin-'));
    const allowed = 'http://app.example.test:5173';
    const child = spawn(process.execPath, ['--conditions=@relink/source', '--import', 'tsx', bin], {
      env: { PATH: process.env.PATH ?? '', PORT: '0', HOST: '127.0.0.1', RELINK_DATA_DIR: dataDir, RELINK_DEMO: 'off', RELINK_SIGNING_SECRET: SECRET, RELINK_ALLOWED_ORIGINS: allowed },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let out = '';
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (chunk) => {
          out += chunk;
          const found = /API\s+(http:\/\/127\.0\.0\.1:\d+)\/v1/.exec(out);
          if (found && out.includes('Ctrl-C')) resolve(found[1]!);
        });
        child.on('exit', (code) => reject(new Error(`exited with ${code} before it was ready`)));
      });
      assert.match(out, new RegExp(`embedded PGlite in ${dataDir}`));
      assert.match(out, new RegExp(`CORS\\s+${allowed}`));
      assert.doesNotMatch(out, /demo mode/);

      const preflight = (origin: string) =>
        fetch(`${url}/v1/connections`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' } });
      assert.equal((await preflight(allowed)).headers.get('access-control-allow-origin'), allowed);
      const other = (await preflight('http://evil.example.test')).headers.get('access-control-allow-origin');
      assert.ok(other !== '*' && other !== 'http://evil.example.test', `an unlisted origin is not allowed (got ${other})`);
    } finally {
      const exited = new Promise((resolve) => child.on('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
