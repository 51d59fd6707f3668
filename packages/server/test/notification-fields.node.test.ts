// The fields a client needs to say a notification in its own language (issue 15): the server's `title` and `body`
// stay English for API users; `appName`, `connectionLabel` and `expiresAt` let the kit write its own.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Notification } from '@relink/sdk/schema';
import { harness, type Harness } from './helpers.js';

const DAY = 86_400_000;

async function notificationsOf(h: Harness, connectionId: string, kind: Notification['kind']): Promise<Notification[]> {
  const { token } = await h.app.relink.mintToken('ws_northwind', 'agency', 'prn_agency');
  const res = await h.request('GET', '/v1/notifications?limit=100', { token });
  assert.equal(res.status, 200);
  return (res.body.data as Notification[]).filter((n) => n.kind === kind && n.connectionId === connectionId && !n.resolvedAt);
}

describe('notification fields for clients that speak other languages', () => {
  it('reauth_required names the app and the connection label; title and body stay as before', async () => {
    const h = await harness();
    assert.equal((await h.request('POST', '/v1/demo/connections/con_linkedin/expire', { token: h.agency })).status, 200);
    const [n] = await notificationsOf(h, 'con_linkedin', 'reauth_required');
    assert.ok(n);
    const connection = (await h.app.relink.store.getConnection('ws_northwind', 'con_linkedin'))!;
    assert.deepEqual([n.appName, n.connectionLabel, n.expiresAt], ['LinkedIn', connection.label, undefined]);
    assert.equal(n.title, 'LinkedIn reauth required');
    assert.equal(n.body, `${connection.label}: reconnect LinkedIn to resume the workflows that use it.`);
  });

  it('expiring_soon carries the connection label and the expiry the days are counted to', async () => {
    const h = await harness();
    const store = h.app.relink.store;
    const seeded = (await store.getNotification('ws_northwind', 'ntf_linkedin_expiring'))!;
    await store.putNotification({ ...seeded, resolvedAt: h.clock.now().toISOString() });
    const linkedin = (await store.getConnection('ws_northwind', 'con_linkedin'))!;
    const expiresAt = new Date(h.clock.now().getTime() + 10 * DAY).toISOString();
    await store.putConnection({ ...linkedin, expiresAt });
    assert.equal((await h.app.relink.refresher.runDue()).filter((o) => o.outcome === 'expiring_soon').length, 1);
    const [n] = await notificationsOf(h, 'con_linkedin', 'expiring_soon');
    assert.ok(n);
    assert.deepEqual([n.appName, n.connectionLabel, n.expiresAt], ['LinkedIn', linkedin.label, expiresAt]);
    assert.equal(n.body, `${linkedin.label}: reconnect within 10 days to keep workflows running.`);
  });

  it('the demo seed sets them too, so the demo\'s bell speaks the page\'s language', async () => {
    const h = await harness();
    const [hubspot] = await notificationsOf(h, 'con_hubspot', 'reauth_required');
    const [linkedin] = await notificationsOf(h, 'con_linkedin', 'expiring_soon');
    assert.deepEqual([hubspot?.appName, hubspot?.connectionLabel], ['HubSpot', 'Northwind CRM']);
    const connection = (await h.app.relink.store.getConnection('ws_northwind', 'con_linkedin'))!;
    assert.deepEqual([linkedin?.connectionLabel, linkedin?.expiresAt], ['Northwind company page', connection.expiresAt]);
  });
});
