import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RelinkEvent } from '@relink/sdk/schema';
import { harness, type Harness } from './helpers.js';

interface SseMessage { id?: string; event?: string; data?: string }

/** A tiny SSE reader over a fetch Response: collects messages until `until` says stop, then cancels. */
async function openStream(h: Harness, token: string, lastEventId?: string) {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (lastEventId) headers['last-event-id'] = lastEventId;
  const res = await h.app.request('http://relink.test/v1/events', { headers });
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /text\/event-stream/);
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const messages: SseMessage[] = [];
  const comments: string[] = [];
  const pump = async (until: (m: SseMessage[]) => boolean, timeoutMs = 1_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!until(messages)) {
      if (Date.now() > deadline) throw new Error(`timed out with ${messages.length} messages`);
      const chunk = await Promise.race([reader.read(), new Promise<{ done: true; value: undefined }>((r) => setTimeout(() => r({ done: true, value: undefined }), 50))]);
      if (chunk.value) buffer += decoder.decode(chunk.value, { stream: true });
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const msg: SseMessage = {};
        for (const line of block.split('\n')) {
          if (line.startsWith(':')) comments.push(line);
          else if (line.startsWith('id: ')) msg.id = line.slice(4);
          else if (line.startsWith('event: ')) msg.event = line.slice(7);
          else if (line.startsWith('data: ')) msg.data = (msg.data ?? '') + line.slice(6);
        }
        if (msg.data) messages.push(msg);
      }
    }
  };
  return { messages, comments, pump, headers: res.headers, close: () => reader.cancel() };
}

describe('SSE /v1/events', () => {
  it('streams changes as RelinkEvents with ids', async () => {
    const h = await harness();
    const stream = await openStream(h, h.agency);
    await stream.pump(() => stream.comments.includes(': connected'));
    await h.request('POST', '/v1/connections/con_linkedin/revoke', { token: h.agency });
    await stream.pump((m) => m.some((x) => x.event === 'run.updated'));
    const parsed = stream.messages.map((m) => RelinkEvent.parse(JSON.parse(m.data!)));
    assert.equal(parsed[0]?.type, 'connection.updated');
    assert.equal(parsed[0]?.type === 'connection.updated' && parsed[0].connection.status, 'revoked');
    assert.deepEqual(stream.messages.map((m) => m.id), parsed.map((e) => e.id));
    assert.ok(!stream.messages.some((m) => m.data?.includes('secrets')));
    await stream.close();
  });

  it('resumes with Last-Event-ID losing nothing and repeating nothing', async () => {
    const h = await harness();
    const first = await openStream(h, h.agency);
    await first.pump(() => first.comments.includes(': connected'));
    await h.request('POST', '/v1/connections/con_linkedin/revoke', { token: h.agency });
    await first.pump((m) => m.some((x) => x.event === 'run.updated'));
    const lastSeen = first.messages.at(-1)!.id!;
    await first.close();

    // While disconnected: a client revoke, an operator resume, a request cancelled.
    await h.request('POST', '/v1/connections/con_slack/revoke', { token: h.client });
    await h.request('POST', '/v1/runs/run_operator_reauth/resume', { token: h.agency });
    await h.request('POST', '/v1/connection-requests/req_salesforce/cancel', { token: h.agency });
    const missed = await h.app.relink.store.eventsSince('ws_northwind', Number(lastSeen));
    assert.ok(missed.length >= 3);

    const second = await openStream(h, h.agency, lastSeen);
    await second.pump((m) => m.length >= missed.length);
    await h.request('POST', '/v1/notifications/ntf_hubspot/read', { token: h.agency }); // and live after the replay
    await second.pump((m) => m.some((x) => x.event === 'notification.updated'));
    const ids = second.messages.map((m) => Number(m.id));
    assert.deepEqual(ids.slice(0, missed.length), missed.map((e) => e.id));
    assert.ok(ids.every((id, i) => i === 0 || id > ids[i - 1]!), 'strictly increasing, no duplicates');
    assert.ok(ids[0]! > Number(lastSeen));
    await second.close();
  });

  it('a client hears only its own connections and requests, never runs or agency connections', async () => {
    const h = await harness();
    const stream = await openStream(h, h.client, '0'); // replay the whole log, seed included
    await h.request('POST', '/v1/connections/con_linkedin/revoke', { token: h.agency }); // agency-owned: not for the client
    await h.request('POST', '/v1/connections/con_slack/revoke', { token: h.client });
    // A last change the client may see, as a marker: events arrive in id order, so once it is here everything the
    // stream would ever send before it is here too (no sleep before "nothing else arrived").
    await h.request('POST', '/v1/notifications/ntf_quickbooks/read', { token: h.client });
    await stream.pump((m) => m.some((x) => x.event === 'notification.updated' && x.data?.includes('ntf_quickbooks') && x.data.includes('"read":true')));
    assert.ok(stream.messages.some((x) => x.data?.includes('"status":"revoked"') && x.data.includes('con_slack')));
    const events = stream.messages.map((m) => RelinkEvent.parse(JSON.parse(m.data!)));
    assert.ok(events.length > 0);
    for (const e of events) {
      assert.notEqual(e.type, 'run.updated');
      if (e.type === 'connection.updated') assert.equal(e.connection.owner, 'client');
      if (e.type === 'notification.updated') assert.equal(e.notification.connectionId, 'con_quickbooks');
      if (e.type === 'connection_request.updated') assert.equal(e.request.requestedFor, 'prn_client');
    }
    await stream.close();
  });

  it('sends heartbeats on the clock and refuses a malformed Last-Event-ID', async () => {
    const h = await harness({ heartbeatMs: 15_000 });
    const stream = await openStream(h, h.agency);
    await stream.pump(() => stream.comments.includes(': connected'));
    h.clock.advance(15_000);
    await stream.pump(() => stream.comments.includes(': ping'));
    await stream.close();
    const bad = await h.request('GET', '/v1/events', { token: h.agency, headers: { 'last-event-id': 'abc' } });
    assert.equal(bad.status, 400);
  });
});

for (const [name, database] of [['memory', 'memory'], ['PGlite', { pglite: 'memory' }]] as const) {
  describe(`list, then watch (${name})`, () => {
    it("a page's eventId, sent as Last-Event-ID, replays what changed after the list; a stream opened without one says where it starts", async () => {
      const h = await harness({ database });
      const listed = (await h.request('GET', '/v1/connections?limit=100', { token: h.agency })).body;
      assert.match(listed.eventId, /^\d+$/);
      // Changed after the list was read, before any stream opened.
      await h.request('POST', '/v1/connections/con_linkedin/revoke', { token: h.agency });
      const stream = await openStream(h, h.agency, listed.eventId);
      await stream.pump((m) => m.some((x) => x.data?.includes('"id":"con_linkedin"') && x.data.includes('"status":"revoked"')));
      assert.ok(stream.messages.every((m) => Number(m.id) > Number(listed.eventId)));
      await stream.close();

      const now = (await h.request('GET', '/v1/runs?limit=1', { token: h.agency })).body.eventId;
      assert.ok(Number(now) > Number(listed.eventId));
      const fresh = await openStream(h, h.agency);
      assert.equal(fresh.headers.get('relink-event-id'), now);
      // No HTTP/1.1 connection headers (HTTP/2, through Node's compatibility layer, refuses a response with them), and
      // a stream no cache may keep.
      assert.equal(fresh.headers.get('transfer-encoding'), null);
      assert.equal(fresh.headers.get('connection'), null);
      assert.equal(fresh.headers.get('cache-control'), 'no-store');
      await fresh.pump(() => fresh.comments.includes(': connected'));
      await fresh.close();
    });
  });
}
