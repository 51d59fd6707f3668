import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { html } from 'lit';
import '../src/components/notification-settings/notification-settings.js';
import type { RelinkNotificationSettings } from '../src/components/notification-settings/notification-settings.js';
import type { RelinkNotificationPreferencesChangeEvent } from '../src/events/notification-preferences-change.js';
import { part } from './helpers.js';
import { deepActive, demo, inProvider, type Demo } from './relink.js';

const items = (el: RelinkNotificationSettings) => [...el.shadowRoot!.querySelectorAll<HTMLElement>("[part~='item']")];
const box = (el: RelinkNotificationSettings, kind: string) => el.shadowRoot!.querySelector<HTMLInputElement>(`#kind-${kind}`)!;
const labels = (el: RelinkNotificationSettings) => items(el).map((i) => i.querySelector("[part='label']")!.textContent);

async function settings(role: 'agency' | 'client', d?: Demo) {
  d ??= await demo(role);
  const { el, provider } = await inProvider<RelinkNotificationSettings>(d.client, html`<relink-notification-settings></relink-notification-settings>`, 'relink-notification-settings');
  await waitUntil(() => part(el, 'list'), 'preferences loaded');
  return { el, provider, store: provider.resolvedStore!, ...d };
}

describe('relink-notification-settings', () => {
  it('a client: every kind with its label and description, all on and all changeable; accessible', async () => {
    const { el } = await settings('client');
    expect(part(el, 'legend')!.textContent).to.equal('Notifications');
    expect(labels(el)).to.deep.equal(['Reauthorization needed', 'Run failed', 'Connection revoked', 'Connection expiring soon']);
    expect(items(el)[1]!.querySelector("[part='kind-description']")!.textContent).to.equal('A workflow run failed because of one of its connections.');
    for (const kind of ['reauth_required', 'run_failed', 'connection_revoked', 'expiring_soon']) {
      expect([box(el, kind).checked, box(el, kind).disabled], kind).to.deep.equal([true, false]);
    }
    expect(part(el, 'locked-reason')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it("the agency's reauth alerts: checked, disabled, and the server's reason read with the box", async () => {
    const { el } = await settings('agency');
    const reauth = box(el, 'reauth_required');
    expect([reauth.checked, reauth.disabled]).to.deep.equal([true, true]);
    const reason = part(el, 'locked-reason')!;
    expect(reason.textContent).to.equal('Always on for your agency: the reauthorization banner counts these alerts.');
    expect(reauth.getAttribute('aria-describedby')!.split(' ')).to.include(reason.id);
    expect(items(el)[0]!.getAttribute('part')).to.equal('item locked');
    expect(box(el, 'run_failed').disabled).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('keyboard: Space on a box saves the change at once ("Saving…", then "saved"); the server has it and the bell drops the kind', async () => {
    const { el, store, client } = await settings('agency');
    await store.notifications.load();
    expect(store.getSnapshot().notifications.items.some((n) => n.kind === 'expiring_soon')).to.equal(true);
    box(el, 'run_failed').focus();
    await sendKeys({ press: 'Tab' }); // Tab moves on to the next box
    expect(deepActive()).to.equal(box(el, 'connection_revoked'));
    await sendKeys({ press: 'Tab' });
    expect(deepActive()).to.equal(box(el, 'expiring_soon'));
    const saved = oneEvent(el, 'relink-notification-preferences-change') as Promise<RelinkNotificationPreferencesChangeEvent>;
    // What the status and the list said at each render (the in-page server answers fast: "Saving…" is brief).
    const said: string[] = [];
    const observer = new MutationObserver(() => said.push(`${part(el, 'status')!.textContent} busy=${part(el, 'list')!.getAttribute('aria-busy')}`));
    observer.observe(el.shadowRoot!, { subtree: true, childList: true, characterData: true, attributes: true });
    await sendKeys({ press: 'Space' });
    expect(box(el, 'expiring_soon').checked).to.equal(false);
    const event = await saved;
    await waitUntil(() => said.some((s) => s.startsWith('Notification settings saved.')), 'saved said');
    observer.disconnect();
    expect(said[0]).to.equal('Saving… busy=true');
    expect(event.detail.preferences.data.find((p) => p.kind === 'expiring_soon')!.enabled).to.equal(false);
    await waitUntil(() => part(el, 'status')!.textContent === 'Notification settings saved.', 'saved announced');
    expect(part(el, 'list')!.getAttribute('aria-busy')).to.equal('false');
    expect(deepActive(), 'focus stays on the box').to.equal(box(el, 'expiring_soon'));
    expect((await client.notificationPreferences.get()).data.find((p) => p.kind === 'expiring_soon')!.enabled).to.equal(false);
    // The server filters the list now: the store reloaded it, so the bell no longer lists LinkedIn's warning.
    expect(store.getSnapshot().notifications.items.some((n) => n.kind === 'expiring_soon')).to.equal(false);
    expect(store.getSnapshot().notifications.items.some((n) => n.kind === 'reauth_required')).to.equal(true);
  });

  it('several quick changes are saved in order, the box never flickers back meanwhile, and the last one wins', async () => {
    const { el, client } = await settings('client');
    const shown: boolean[] = [];
    const observer = new MutationObserver(() => shown.push(box(el, 'run_failed').checked));
    observer.observe(el.shadowRoot!, { subtree: true, childList: true, characterData: true, attributes: true });
    box(el, 'run_failed').click();
    box(el, 'run_failed').click();
    box(el, 'run_failed').click();
    await waitUntil(() => part(el, 'status')!.textContent === 'Notification settings saved.', 'saved');
    observer.disconnect();
    expect(shown.every((checked) => !checked), `the box showed ${JSON.stringify(shown)}`).to.equal(true);
    await waitUntil(() => part(el, 'status')!.textContent === 'Notification settings saved.', 'saved');
    expect(box(el, 'run_failed').checked).to.equal(false);
    expect((await client.notificationPreferences.get()).data.find((p) => p.kind === 'run_failed')!.enabled).to.equal(false);
  });

  it('a save the network drops: the box goes back, and the alert says why in the kit’s words', async () => {
    const d = await demo('client', 'prn_client', (f) => async (input, init) => {
      if ((input instanceof Request ? input.method : init?.method) === 'PUT') throw new TypeError('offline');
      return f(input, init);
    });
    const { el, client } = await settings('client', d);
    box(el, 'run_failed').click();
    await waitUntil(() => part(el, 'save-error'), 'save error shown');
    expect(part(el, 'save-error')!.getAttribute('role')).to.equal('alert');
    expect(part(el, 'save-error')!.textContent).to.equal('Could not save your notification settings. The service cannot be reached right now. Nothing was changed.');
    await waitUntil(() => box(el, 'run_failed').checked, 'the box is back on');
    expect(part(el, 'status')!.textContent).to.equal('');
    expect((await client.notificationPreferences.get()).data.every((p) => p.enabled)).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('loading, then a failed load says why with "Try again", which loads it', async () => {
    let fail = true;
    const d = await demo('client', 'prn_client', (f) => (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      return fail && url.includes('/notification-preferences') ? Promise.reject(new TypeError('offline')) : f(input, init);
    });
    const { el } = await inProvider<RelinkNotificationSettings>(d.client, html`<relink-notification-settings></relink-notification-settings>`, 'relink-notification-settings');
    await waitUntil(() => part(el, 'error'), 'error shown');
    expect(part(el, 'error')!.getAttribute('role')).to.equal('alert');
    expect(part(el, 'error')!.textContent).to.contain('The service cannot be reached right now.');
    fail = false;
    part(el, 'retry')!.click();
    await waitUntil(() => items(el).length === 4, 'loaded after Try again');
  });

  it('says everything in the page language (ja), the lock reason too', async () => {
    const { el } = await settings('agency');
    el.lang = 'ja';
    await waitUntil(() => part(el, 'legend')!.textContent === '通知', 'Japanese');
    expect(labels(el)).to.deep.equal(['再認証が必要', '実行の失敗', '接続の取り消し', '接続の有効期限が間近']);
    expect(part(el, 'locked-reason')!.textContent).to.equal('代理店では常にオンです。再認証バナーがこのアラートを数えるためです。');
  });
});
