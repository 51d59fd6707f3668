// Secrets at rest and keys that outlive a restart, on embedded PGlite on disk (one process at a time, as `npm start`).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { DEMO_AGENCY_ID, DEMO_WORKSPACE_ID } from '../src/demo/seed.js';
import { rotateSecrets } from '../src/node/rotate-secrets.js';
import { startNodeRelink, type RunningRelink } from '../src/node/server.js';
import { SecretBox } from '../src/store/secret-box.js';
import type { SqlStore } from '../src/store/sql/sql-store.js';

const dirs: string[] = [];
after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const freshDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'relink-secrets-'));
  dirs.push(dir);
  return dir;
};

const start = (dataDir: string, extra: { encryptionKeys?: string } = {}) =>
  startNodeRelink({ database: { dataDir }, demo: true, refresher: { autoStart: false }, ...extra });

async function rawSecrets(relink: RunningRelink): Promise<{ id: string; secrets: unknown }[]> {
  const db = (relink.store as SqlStore).db;
  return (await db.query<{ id: string; secrets: unknown }>("SELECT id, data->'secrets' AS secrets FROM connections ORDER BY id")).rows;
}

describe('secrets at rest', () => {
  it('provider tokens and API keys are sealed (AES-GCM, with the key id) in the database, and read back whole', async () => {
    const relink = await start(freshDir());
    try {
      const plain = await relink.store.getConnection(DEMO_WORKSPACE_ID, 'con_slack');
      assert.ok(plain?.secrets.refreshToken, 'the store hands out the opened secrets');
      const rows = await rawSecrets(relink);
      assert.ok(rows.length > 5);
      for (const row of rows) {
        const text = JSON.stringify(row.secrets);
        assert.match(text, /^\{"\$sealed":\{"ct":"[\w-]+","iv":"[\w-]+","kid":"generated-1"\}\}$/, `${row.id}: ${text}`);
      }
      assert.ok(!JSON.stringify(rows).includes(plain.secrets.refreshToken), 'no token in plain text');
    } finally {
      await relink.close();
    }
  });

  it('keys rotate: a new current key, rotateSecrets re-seals everything, then the old key can go', async () => {
    const dir = freshDir();
    const [k1, k2] = [SecretBox.generateKey(), SecretBox.generateKey()];
    let relink = await start(dir, { encryptionKeys: `k1:${k1}` });
    const before = (await relink.store.getConnection(DEMO_WORKSPACE_ID, 'con_slack'))!.secrets;
    assert.ok((await rawSecrets(relink)).every((r) => JSON.stringify(r.secrets).includes('"kid":"k1"')));
    await relink.close();

    // The rotation command, with the new key current and the old one still there to read with.
    const resealed = await rotateSecrets({ database: { dataDir: dir }, encryptionKeys: `k2:${k2},k1:${k1}` });
    assert.ok(resealed > 5, `re-sealed ${resealed}`);
    assert.equal(await rotateSecrets({ database: { dataDir: dir }, encryptionKeys: `k2:${k2},k1:${k1}` }), 0, 'nothing left on the old key');

    relink = await start(dir, { encryptionKeys: `k2:${k2}` });
    try {
      assert.ok((await rawSecrets(relink)).every((r) => JSON.stringify(r.secrets).includes('"kid":"k2"')));
      assert.deepEqual((await relink.store.getConnection(DEMO_WORKSPACE_ID, 'con_slack'))!.secrets, before);
    } finally {
      await relink.close();
    }
  });
});

describe('keys that survive a restart', () => {
  it('a session token and the provider signing key minted before a restart still hold after it (no secretKey given)', async () => {
    const dir = freshDir();
    let relink = await start(dir);
    const token = (await relink.app.relink.mintToken(DEMO_WORKSPACE_ID, 'agency', DEMO_AGENCY_ID)).token;
    const jwks = await (await fetch(`${relink.url}/provider/jwks`)).json() as { keys: { kid: string; n: string }[] };
    await relink.close();

    relink = await start(dir);
    try {
      const me = await relink.app.request(`${relink.url}/v1/me`, { headers: { authorization: `Bearer ${token}` } });
      assert.equal(me.status, 200, 'a session token minted before the restart still works');
      const after = await (await fetch(`${relink.url}/provider/jwks`)).json() as { keys: { kid: string; n: string }[] };
      assert.deepEqual(after.keys.map((k) => [k.kid, k.n]), jwks.keys.map((k) => [k.kid, k.n]), 'the same signing key');
    } finally {
      await relink.close();
    }
  });
});
