import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import '../src/components/connection-detail/connection-detail.js';
import type { RelinkConnectionDetail } from '../src/components/connection-detail/connection-detail.js';
import type { RelinkNavigateEvent } from '../src/events/navigate.js';
import { part } from './helpers.js';
import { deepActive, demo, inProvider, text, toastTitled } from './relink.js';

const CONTACT = 'Contact your agency if this integration needs to be reconnected.';

async function detail(id: string, role: 'client' | 'agency' = 'client') {
  const d = await demo(role);
  const { el, provider } = await inProvider<RelinkConnectionDetail>(d.client, html`<relink-connection-detail connection-id=${id}></relink-connection-detail>`, 'relink-connection-detail');
  await waitUntil(() => part(el, 'title'), `detail of ${id}`);
  await el.updateComplete;
  return { el, provider, ...d };
}

const inner = (el: Element, tag: string) => el.shadowRoot!.querySelector(tag);
const badgeText = (el: Element) => {
  const badge = inner(el, 'relink-status-badge')!;
  return ['label', 'description', 'hint'].map((name) => part(badge, name)?.textContent).filter(Boolean).join(' ');
};

describe('relink-connection-detail', () => {
  it('Slack (client): app, label, badge with description, account, Last refreshed as <time>, Refresh + Revoke', async () => {
    const { el } = await detail('con_slack');
    expect(part(el, 'title')!.textContent).to.equal('Slack');
    expect(part(el, 'label')!.textContent).to.equal('Acme team workspace');
    expect(part(el, 'logo')!.textContent).to.equal('S');
    expect(badgeText(el)).to.equal('active Connected and working.');
    expect([...part(el, 'facts')!.children].map((c) => c.textContent!.trim())).to.deep.include.members(['Account', 'ada@acmebakery.example']);
    const time = part(el, 'last-refreshed') as HTMLTimeElement;
    expect(time.textContent).to.equal('5 minutes ago');
    expect(Date.parse(time.dateTime)).to.be.greaterThan(Date.now() - 6 * 60_000);
    expect(time.title).to.match(/\d{4}/);
    expect(text(part(el, 'facts'))).to.contain('Last refreshed');
    expect(inner(el, 'relink-refresh-button')).to.not.equal(null);
    expect(inner(el, 'relink-revoke-dialog')).to.not.equal(null);
    expect(inner(el, 'relink-reconnect-button')).to.equal(null);
    expect(part(el, 'notice')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('Facebook Pages (client, revoked, not refreshable): "revoked", the contact-your-agency line, no Refresh, no Revoke', async () => {
    const { el } = await detail('con_facebook');
    expect(badgeText(el)).to.equal('revoked This connection was revoked. Reconnect to keep workflows running.');
    expect(part(el, 'notice')!.textContent).to.equal(CONTACT);
    await (inner(el, 'relink-refresh-button') as HTMLElement & { updateComplete: Promise<boolean> }).updateComplete;
    expect(inner(el, 'relink-refresh-button')!.shadowRoot!.querySelector('button')).to.equal(null);
    expect(inner(el, 'relink-revoke-dialog')!.shadowRoot!.querySelector("[part='trigger']")).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('Google Drive (client, pending): "Waiting for the first sync.", the granted account and "Never" refreshed', async () => {
    const { el } = await detail('con_gdrive');
    expect(badgeText(el)).to.equal('pending Waiting for the first sync.');
    // Pending with a grant (its first sync runs on its own): the account it was granted for is known already.
    expect([...part(el, 'facts')!.children].map((c) => c.textContent!.trim())).to.deep.equal(['Account', 'ada@acmebakery.example', 'Last refreshed', 'Never']);
  });

  it('GoHighLevel (invalid) and Follow Up Boss (missing): the auth config state, not "Waiting for the first sync."', async () => {
    const { el } = await detail('con_ghl', 'agency');
    await (inner(el, 'relink-status-badge') as HTMLElement & { updateComplete: Promise<boolean> }).updateComplete;
    expect(badgeText(el)).to.equal('pending');
    const [what, who] = [...part(el, 'auth-config')!.querySelectorAll('p')].map((p) => p.textContent);
    expect(what).to.equal('GoHighLevel needs a managed auth config, and it is invalid: the connection cannot start.');
    expect(who).to.equal('Ask your administrator or support to set up the auth config for this app, then reconnect.');
    await expect(el).to.be.accessible();
    const { el: fub } = await detail('con_fub', 'agency');
    expect(part(fub, 'auth-config')!.querySelector('p')!.textContent).to.equal('Follow Up Boss needs a managed auth config, and it is missing: the connection cannot start.');
    const { el: drive } = await detail('con_gdrive');
    expect(part(drive, 'auth-config'), 'an ordinary pending app').to.equal(null);
  });

  it('QuickBooks (client, error): the provider error, Refresh shown, no Reconnect for a client', async () => {
    const { el } = await detail('con_quickbooks');
    expect(badgeText(el)).to.equal('error Reconnection needed.');
    expect(part(el, 'last-error')!.textContent).to.equal('The provider rejected the stored refresh token.');
    expect(inner(el, 'relink-reconnect-button')).to.equal(null);
    expect(part(el, 'notice')).to.equal(null);
  });

  it('agency: HubSpot gets Reconnect; client-owned QuickBooks gets "Send reconnection request"', async () => {
    const { el, provider } = await detail('con_hubspot', 'agency');
    const reconnect = inner(el, 'relink-reconnect-button')!;
    await waitUntil(() => text(reconnect).includes('Reconnect'));
    el.connectionId = 'con_quickbooks';
    await waitUntil(() => part(el, 'title')!.textContent === 'QuickBooks');
    await provider.updateComplete;
    const request = inner(el, 'relink-reconnect-button')!;
    await waitUntil(() => text(request).includes('Send reconnection request'));
    await expect(el).to.be.accessible();
  });

  it('agency: LinkedIn shows the "Reconnect within 5 days" hint', async () => {
    const { el } = await detail('con_linkedin', 'agency');
    expect(badgeText(el)).to.equal('active Connected and working. Reconnect within 5 days');
  });

  it('no expiry hint on a connection that is not active (revoked LinkedIn), as in the table', async () => {
    const { el, provider } = await detail('con_linkedin', 'agency');
    const store = provider.resolvedStore!;
    await store.revoke('con_linkedin');
    await waitUntil(() => badgeText(el).startsWith('revoked'), 'revoked shown');
    expect(store.getSnapshot().connections.byId.get('con_linkedin')!.expiresAt, 'still has a hard expiry').to.be.a('string');
    expect(badgeText(el)).to.not.contain('Reconnect within');
    // The one expiry rule (the SDK's expiryHintDays) gives no hint for it: the badge is not even handed one.
    expect(inner(el, 'relink-status-badge')!.hasAttribute('expires-in-days')).to.equal(false);
  });

  it('refresh on Slack updates Last refreshed to now', async () => {
    const { el } = await detail('con_slack');
    const button = inner(el, 'relink-refresh-button')!;
    await waitUntil(() => button.shadowRoot!.querySelector('button'));
    button.shadowRoot!.querySelector('button')!.click();
    await toastTitled('Connection refreshed.');
    await waitUntil(() => part(el, 'last-refreshed')!.textContent === 'now', `saw ${part(el, 'last-refreshed')!.textContent}`);
  });

  it('after a revoke, the badge reads revoked, Revoke is gone and focus moves to the title', async () => {
    const { el } = await detail('con_slack');
    const revoke = inner(el, 'relink-revoke-dialog') as HTMLElement & { show(): Promise<void> };
    await revoke.show();
    revoke.shadowRoot!.querySelector<HTMLElement>("[part='confirm']")!.click();
    await toastTitled('Connection revoked');
    await waitUntil(() => badgeText(el).startsWith('revoked'));
    await waitUntil(() => el.shadowRoot!.activeElement === part(el, 'title'), 'focus on the title');
    expect(revoke.shadowRoot!.querySelector("[part='trigger']")).to.equal(null);
  });

  it('follows a live change from another client without a reload', async () => {
    const d = await demo('client');
    const { el } = await inProvider<RelinkConnectionDetail>(d.client, html`<relink-connection-detail connection-id="con_slack"></relink-connection-detail>`, 'relink-connection-detail', { live: true });
    await waitUntil(() => part(el, 'title'));
    await (await d.other('client')).connections.revoke('con_slack');
    await waitUntil(() => badgeText(el).startsWith('revoked'), 'live revoked');
  });

  it('shows "This connection was not found." for an unknown id, with no "Try again" (as the run detail)', async () => {
    const d = await demo('client');
    const { el } = await inProvider<RelinkConnectionDetail>(d.client, html`<relink-connection-detail connection-id="con_nope"></relink-connection-detail>`, 'relink-connection-detail');
    await waitUntil(() => part(el, 'error'));
    expect(text(part(el, 'error'))).to.equal('This connection was not found.');
    expect(part(el, 'error')!.getAttribute('role')).to.equal('alert');
    expect(part(el, 'retry')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('a failed load for an id it no longer shows does not land: the new id renders', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const d = await demo('client', undefined, (f) => async (input, init) => {
      const request = new Request(input, init);
      if (request.url.endsWith('/connections/con_nope')) await gate;
      return f(request);
    });
    const { el, provider } = await inProvider<RelinkConnectionDetail>(d.client, html`<relink-connection-detail></relink-connection-detail>`, 'relink-connection-detail');
    const store = provider.resolvedStore!;
    const get = store.connections.get;
    let stale: Promise<unknown> | undefined;
    store.connections.get = (id: string) => {
      const pending = get(id);
      if (id === 'con_nope') stale = pending;
      return pending;
    };
    el.connectionId = 'con_nope';
    await waitUntil(() => stale && part(el, 'loading'), 'loading con_nope');
    el.connectionId = 'con_slack';
    await waitUntil(() => part(el, 'title'), 'con_slack shown');
    release();
    await stale!.catch(() => undefined);
    // Every reaction to the 404 has run once a task queued after it runs.
    await new Promise((resolve) => setTimeout(resolve));
    await el.updateComplete;
    expect(part(el, 'error')).to.equal(null);
    expect(text(part(el, 'title'))).to.equal('Slack');
  });

  it('renders hostile labels as text', async () => {
    const { el, provider } = await detail('con_slack');
    const store = provider.resolvedStore!;
    const hostile = '<img src=x onerror="window.__pwned=1">';
    const current = store.getSnapshot().connections.byId.get('con_slack')!;
    store.apply({ id: 'evt_x', type: 'connection.updated', at: new Date().toISOString(), connection: { ...current, label: hostile } } as Parameters<typeof store.apply>[0]);
    await waitUntil(() => part(el, 'label')!.textContent === hostile);
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
  });

  describe('Remove', () => {
    type Dialog = HTMLElement & { show(): Promise<void>; updateComplete: Promise<boolean> };
    const removeDialog = async (el: Element) => {
      const dialog = inner(el, 'relink-remove-dialog') as Dialog;
      await dialog.updateComplete;
      return dialog;
    };

    it('is offered beside Revoke (a client on its own connection, the agency on a client-owned one), as its own button', async () => {
      for (const [id, role] of [['con_slack', 'client'], ['con_quickbooks', 'agency'], ['con_facebook', 'client']] as const) {
        const { el } = await detail(id, role);
        const trigger = part(await removeDialog(el), 'trigger')!;
        expect(trigger.textContent, `${id} as ${role}`).to.equal('Remove');
        // Revoke stays a different action (gone once revoked: Facebook), Remove is still there.
        const revoke = (inner(el, 'relink-revoke-dialog') as Dialog);
        await revoke.updateComplete;
        expect(Boolean(part(revoke, 'trigger')), `${id}: Revoke`).to.equal(id !== 'con_facebook');
      }
    });

    it('removing it here: "Slack was removed", what it means, the link back (relink-navigate), focus on the title; no record, no error', async () => {
      const d = await demo('client');
      const { el, provider } = await inProvider<RelinkConnectionDetail>(d.client,
        html`<relink-connection-detail connection-id="con_slack" list-href="/portal/connections"></relink-connection-detail>`, 'relink-connection-detail');
      await waitUntil(() => part(el, 'title'));
      const dialog = await removeDialog(el);
      await dialog.show();
      part(dialog, 'confirm')!.click();
      await toastTitled('Connection removed');
      await waitUntil(() => part(el, 'removed-body'), 'removed state');
      expect(text(part(el, 'title'))).to.equal('Slack was removed');
      expect(part(el, 'base')!.getAttribute('part')).to.equal('base removed');
      expect(text(part(el, 'removed-body'))).to.equal('The connection and its stored credentials were deleted. Workflows that used it stay paused until you add the app again.');
      for (const gone of ['status', 'facts', 'label', 'error', 'loading']) expect(part(el, gone), gone).to.equal(null);
      expect(provider.resolvedStore!.getSnapshot().connections.byId.has('con_slack')).to.equal(false);
      await waitUntil(() => deepActive() === part(el, 'title'), 'focus on the title');
      const back = part(el, 'back') as HTMLAnchorElement;
      expect(back.textContent).to.equal('Back to connections');
      expect(back.getAttribute('href')).to.equal('/portal/connections');
      // The host routes it: a cancelled relink-navigate keeps the browser where it is.
      provider.addEventListener('relink-navigate', (event) => event.preventDefault(), { once: true });
      const navigate = oneEvent(el, 'relink-navigate') as Promise<RelinkNavigateEvent>;
      back.click();
      expect((await navigate).detail).to.deep.equal({ href: '/portal/connections', connectionId: 'con_slack' });
      expect(location.pathname).to.not.equal('/portal/connections');
      await expect(el).to.be.accessible();
    });

    it('removed elsewhere (live connection.removed): the removed state, not the stale record nor "not found"', async () => {
      const d = await demo('agency');
      const { el } = await inProvider<RelinkConnectionDetail>(d.client,
        html`<relink-connection-detail connection-id="con_mailchimp"></relink-connection-detail>`, 'relink-connection-detail', { live: true });
      await waitUntil(() => part(el, 'status'));
      await (await d.other('agency')).connections.remove('con_mailchimp');
      await waitUntil(() => part(el, 'removed-body'), 'removed state, live');
      expect(text(part(el, 'title'))).to.equal('Mailchimp was removed');
      expect(part(el, 'status')).to.equal(null);
      expect(part(el, 'error')).to.equal(null);
      // No list-href: no link that leads nowhere.
      expect(part(el, 'back')).to.equal(null);
      await expect(el).to.be.accessible();
      // Another id shows that connection again (the removed state belonged to the removed one).
      el.connectionId = 'con_hubspot';
      await waitUntil(() => text(part(el, 'title')) === 'HubSpot');
      expect(part(el, 'removed-body')).to.equal(null);
    });

    it('in Arabic: the removed state in its language, the app isolated', async () => {
      const d = await demo('client');
      const { el, provider } = await inProvider<RelinkConnectionDetail>(d.client,
        html`<relink-connection-detail lang="ar" connection-id="con_slack" list-href="/portal/connections"></relink-connection-detail>`, 'relink-connection-detail');
      await waitUntil(() => part(el, 'status'));
      await provider.resolvedStore!.remove('con_slack');
      await waitUntil(() => part(el, 'removed-body'));
      await waitUntil(() => text(part(el, 'title')) === 'تمت إزالة اتصال \u2068Slack\u2069', `saw ${text(part(el, 'title'))}`);
      expect(text(part(el, 'back'))).to.equal('العودة إلى الاتصالات');
    });
  });
});
