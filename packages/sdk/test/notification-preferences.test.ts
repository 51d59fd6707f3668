// Issue 16 item 6 in the SDK, against the reference backend in the page: notificationPreferences.get/update, the
// server's refusal as a typed error, and the store reloading the bell's list after a change.
import { expect } from '@open-wc/testing';
import type { InPageRelink } from '@relink/server/browser';
import { inPageClients } from './support/in-page.js';
import { createRelinkStore, isPreferenceLocked, isRelinkApiError, type RelinkClient } from '@relink/sdk';

let server: InPageRelink;
let agency: RelinkClient;
let client: RelinkClient;

describe('notification preferences through the SDK', () => {
  beforeEach(async () => {
    ({ server, agency, client } = await inPageClients());
  });
  afterEach(() => server.close());

  it('get: one entry per kind, parsed; the agency’s reauth kind is locked', async () => {
    const { data } = await agency.notificationPreferences.get();
    expect(data.map((p) => [p.kind, p.enabled, p.locked])).to.deep.equal([
      ['reauth_required', true, 'reauth_always_on'],
      ['run_failed', true, undefined],
      ['connection_revoked', true, undefined],
      ['expiring_soon', true, undefined],
    ]);
  });

  it('update: sends a PUT with the changes and answers every kind after it', async () => {
    const after = await client.notificationPreferences.update([{ kind: 'expiring_soon', enabled: false }, { kind: 'reauth_required', enabled: false }]);
    expect(after.data.filter((p) => !p.enabled).map((p) => p.kind)).to.deep.equal(['reauth_required', 'expiring_soon']);
    expect((await client.notificationPreferences.get()).data.filter((p) => !p.enabled).length).to.equal(2);
  });

  it('update: the agency turning reauth alerts off rejects with RelinkApiError 409 preference_locked', async () => {
    const error = await agency.notificationPreferences.update([{ kind: 'reauth_required', enabled: false }]).then(() => expect.fail('expected a rejection'), (e: unknown) => e);
    expect(isRelinkApiError(error) && [error.status, error.code]).to.deep.equal([409, 'preference_locked']);
    expect(isPreferenceLocked(error)).to.equal(true);
  });

  it('store.updateNotificationPreferences reloads a loaded notification list: a kind turned off leaves it', async () => {
    const store = createRelinkStore(agency);
    await store.notifications.load();
    expect(store.getSnapshot().notifications.items.some((n) => n.kind === 'expiring_soon')).to.equal(true);
    await store.updateNotificationPreferences([{ kind: 'expiring_soon', enabled: false }]);
    expect(store.getSnapshot().notifications.items.some((n) => n.kind === 'expiring_soon')).to.equal(false);
    expect(store.getSnapshot().notifications.items.some((n) => n.kind === 'reauth_required')).to.equal(true);
    // Concurrent loads share one request.
    const [a, b] = await Promise.all([store.loadNotificationPreferences(), store.loadNotificationPreferences()]);
    expect(a).to.equal(b);
  });
});
