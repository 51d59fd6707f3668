// Live events across restarts on embedded PGlite on disk: a client resuming with Last-Event-ID after a restart gets
// exactly what it missed; a client whose cursor is from the future (the data dir was recreated under it) gets the
// new log instead of silence.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { DEMO_AGENCY_ID, DEMO_WORKSPACE_ID } from '../src/demo/seed.js';
import { startNodeRelink, type RunningRelink } from '../src/node/server.js';

const dirs: string[] = [];
after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const freshDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'relink-sse-'));
  dirs.push(dir);
  return dir;
};
const start = (dataDir: string) => startNodeRelink({ database: { dataDir }, secretKey: 'sse-restart-secret-0123456789', demo: true, refresher: { autoStart: false } });

async function agency(relink: RunningRelink): Promise<string> {
  return (await relink.app.relink.mintToken(DEMO_WORKSPACE_ID, 'agency', DEMO_AGENCY_ID)).token;
}

/** Open the stream and read SSE ids until `until` holds (the stream is then cancelled). */
async function readIds(relink: RunningRelink, lastEventId: string, until: (ids: number[], text: string) => boolean): Promise<{ ids: number[]; text: string }> {
  const res = await relink.app.request(`${relink.url}/v1/events`, { headers: { authorization: `Bearer ${await agency(relink)}`, 'last-event-id': lastEventId } });
  assert.equal(res.status, 200);
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let ids: number[] = [];
  while (!until(ids, text)) {
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
    ids = [...text.matchAll(/^id: (\d+)$/gm)].map((m) => Number(m[1]));
  }
  await reader.cancel();
  return { ids, text };
}

const revoke = async (relink: RunningRelink, id: string) => {
  const res = await relink.app.request(`${relink.url}/v1/connections/${id}/revoke`, { method: 'POST', headers: { authorization: `Bearer ${await agency(relink)}` } });
  assert.equal(res.status, 200);
};

describe('SSE across restarts', () => {
  it('resumes after a restart with exactly the events it missed, and a cursor from the future replays the new log', { timeout: 180_000 }, async () => {
    const dir = freshDir();
    let relink = await start(dir);
    await revoke(relink, 'con_linkedin');
    const seen = await relink.store.latestEventId();
    await relink.close();

    relink = await start(dir);
    await revoke(relink, 'con_slack');
    const latest = await relink.store.latestEventId();
    const missed = (await relink.store.eventsSince(DEMO_WORKSPACE_ID, seen, 1000)).map((e) => e.id);
    assert.ok(missed.length > 0);
    const resumed = await readIds(relink, String(seen), (ids) => ids.includes(latest));
    assert.deepEqual(resumed.ids, missed, 'exactly what happened while it was away, in order, once');
    await relink.close();

    // A new data dir under the same client: its cursor (`latest`) is from the future for the new log.
    relink = await start(freshDir());
    try {
      await revoke(relink, 'con_hubspot');
      const fresh = await relink.store.latestEventId();
      assert.ok(fresh < latest, 'the new log starts below the old cursor');
      const replay = await readIds(relink, String(latest), (_ids, text) => /"id":"con_hubspot"[^\n]*"status":"revoked"|"status":"revoked"[^\n]*"id":"con_hubspot"/.test(text));
      assert.ok(replay.ids.length > 0 && replay.ids.every((id) => id <= fresh), 'the new log, not silence');
    } finally {
      await relink.close();
    }
  });
});
