import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { html } from 'lit';
import type { Role } from '@relink/sdk';
import '../src/components/notification-bell/notification-bell.js';
import type { RelinkNotificationBell } from '../src/components/notification-bell/notification-bell.js';
import type { RelinkNavigateEvent } from '../src/events/navigate.js';
import { part } from './helpers.js';
import { deepActive, demo, inProvider } from './relink.js';
import { scheduledRun } from './runs.js';
import { reconnectElsewhere } from './consent.js';

async function bell(options: { role?: Role; principal?: string; live?: boolean } = {}) {
  const d = await demo(options.role ?? 'agency', options.principal);
  const { el, provider } = await inProvider<RelinkNotificationBell>(
    d.client,
    html`<relink-notification-bell connection-href="#connections/{id}"></relink-notification-bell>`,
    'relink-notification-bell',
    { live: options.live ?? false },
  );
  await waitUntil(() => provider.resolvedStore!.getSnapshot().notifications.status === 'ready', 'notifications loaded');
  await el.updateComplete;
  return { el, provider, ...d };
}

const button = (el: RelinkNotificationBell) => part(el, 'button')!;
const titles = (el: RelinkNotificationBell) =>
  [...el.shadowRoot!.querySelectorAll('[part=item-title]')].map((t) => t.lastChild!.textContent!.trim());
const links = (el: RelinkNotificationBell) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part=item-link]')];

async function openByClick(el: RelinkNotificationBell) {
  button(el).click();
  await waitUntil(() => el.open, 'popover open');
  await el.updateComplete;
}

describe('relink-notification-bell', () => {
  afterEach(() => {
    if (location.hash) history.replaceState(null, '', location.pathname + location.search);
  });

  it('shows the unread count: "Notifications, 3 unread" and a badge "3"; closed by default; accessible', async () => {
    const { el } = await bell();
    expect(button(el).getAttribute('aria-label')).to.equal('Notifications, 3 unread');
    expect(part(el, 'badge')!.textContent!.trim()).to.equal('3');
    expect(part(el, 'badge')!.getAttribute('aria-hidden')).to.equal('true');
    expect(el.unread).to.equal(3);
    expect(el.open).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it("writes the badge's count in the page's digits: Arabic-Indic in ar-EG, Latin in de", async () => {
    const { el } = await bell();
    const badge = () => part(el, 'badge')!.textContent!.trim();
    el.lang = 'ar-EG';
    await waitUntil(() => badge() === '٣', `Arabic-Indic digits (saw ${badge()})`);
    el.lang = 'de';
    await waitUntil(() => badge() === '3', `Latin digits (saw ${badge()})`);
  });

  it('opens a popover listing notifications newest first, titled after the app, deep-linked to their connection', async () => {
    const { el } = await bell();
    await openByClick(el);
    expect(part(el, 'panel')!.hasAttribute('popover')).to.equal(true);
    expect(part(el, 'heading')!.textContent).to.equal('Notifications');
    // LinkedIn's expiry warning (seeded read, raised when it entered the 14-day window) is the oldest.
    expect(titles(el)).to.deep.equal(['HubSpot reauth required', 'Mailchimp reauth required', 'QuickBooks reauth required', 'LinkedIn connection expires soon']);
    expect(links(el).map((a) => a.getAttribute('href'))).to.deep.equal(['#connections/con_hubspot', '#connections/con_mailchimp', '#connections/con_quickbooks', '#connections/con_linkedin']);
    // Severity is written, not only shown by colour; unread is spoken too.
    expect(links(el)[0]!.textContent!.replace(/\s+/g, ' ')).to.match(/Critical: HubSpot reauth required .* ago , Unread/);
    for (const name of ['base', 'button', 'badge', 'panel', 'heading', 'list', 'item', 'item-link', 'item-icon', 'item-title', 'item-body', 'item-time']) {
      expect(part(el, name), name).to.not.equal(null);
    }
    expect(el.shadowRoot!.querySelector("[part~='item'][part~='critical'][part~='unread']")).to.not.equal(null);
    // Placed under the button (anchor positioning), not over it.
    expect(part(el, 'panel')!.getBoundingClientRect().top).to.be.at.least(button(el).getBoundingClientRect().bottom);
    await expect(el).to.be.accessible();
  });

  it('keyboard: Enter opens (focus on the first item), arrows/Home/End move, Escape closes and focus returns', async () => {
    const { el } = await bell();
    button(el).focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.open && deepActive() === links(el)[0], 'open with the first item focused');
    await sendKeys({ press: 'ArrowDown' });
    expect(deepActive()).to.equal(links(el)[1]);
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    expect(deepActive(), 'wraps to the first').to.equal(links(el)[0]);
    await sendKeys({ press: 'ArrowUp' });
    expect(deepActive(), 'wraps to the last').to.equal(links(el)[3]);
    await sendKeys({ press: 'Home' });
    expect(deepActive()).to.equal(links(el)[0]);
    await sendKeys({ press: 'End' });
    expect(deepActive()).to.equal(links(el)[3]);
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !el.open, 'closed');
    expect(deepActive()).to.equal(button(el));
    // Space opens too.
    await sendKeys({ press: 'Space' });
    await waitUntil(() => el.open, 'open again');
  });

  it('opening an item marks it read, fires relink-navigate { href, connectionId, notificationId } and follows the link', async () => {
    const { el, client } = await bell();
    await openByClick(el);
    const event = oneEvent(el, 'relink-navigate') as Promise<RelinkNavigateEvent>;
    links(el)[1]!.click();
    const { detail } = await event;
    expect(detail).to.deep.equal({ href: '#connections/con_mailchimp', connectionId: 'con_mailchimp', notificationId: 'ntf_mailchimp' });
    expect(location.hash).to.equal('#connections/con_mailchimp');
    await waitUntil(() => el.unread === 2, 'marked read');
    await el.updateComplete;
    expect(button(el).getAttribute('aria-label')).to.equal('Notifications, 2 unread');
    expect(el.open).to.equal(false);
    const { data } = await client.notifications.list({ unread: true });
    expect(data.map((n) => n.id)).to.not.include('ntf_mailchimp');
  });

  it('keyboard: Enter on an item opens it; preventDefault on relink-navigate keeps the page where it is', async () => {
    const { el } = await bell();
    el.addEventListener('relink-navigate', (e) => e.preventDefault());
    button(el).focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => deepActive() === links(el)[0]);
    const event = oneEvent(el, 'relink-navigate') as Promise<RelinkNavigateEvent>;
    await sendKeys({ press: 'Enter' });
    expect((await event).detail.notificationId).to.equal('ntf_hubspot');
    expect(location.hash).to.equal('');
    await waitUntil(() => el.unread === 2, 'marked read');
    expect(deepActive()).to.equal(button(el));
  });

  it('"No notifications" for a principal with none; no badge; accessible open', async () => {
    const { el } = await bell({ role: 'client', principal: 'prn_newcomer' });
    expect(button(el).getAttribute('aria-label')).to.equal('Notifications');
    expect(part(el, 'badge')).to.equal(null);
    await openByClick(el);
    expect(part(el, 'empty')!.textContent).to.equal('No notifications');
    await waitUntil(() => deepActive() === part(el, 'panel'), 'focus in the empty popover');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !el.open);
    expect(deepActive()).to.equal(button(el));
  });

  it('a resolved alert leaves the bell live: Mailchimp fixed in another tab; reading keeps the others listed as read', async () => {
    const { el, other } = await bell({ live: true });
    const tab = await other('agency');
    await tab.notifications.markRead('ntf_hubspot');
    await waitUntil(() => button(el).getAttribute('aria-label') === 'Notifications, 2 unread', 'read arrived', { timeout: 5000 });
    expect(titles(el)).to.include('HubSpot reauth required');
    await tab.connections.submitCredentials('con_mailchimp', { api_key: '0123456789abcdef0123456789abcdef-us21' });
    await waitUntil(() => !titles(el).includes('Mailchimp reauth required'), `Mailchimp cleared (saw ${titles(el).join(', ')})`, { timeout: 5000 });
    expect(titles(el)).to.include.members(['HubSpot reauth required', 'QuickBooks reauth required']);
    expect(button(el).getAttribute('aria-label')).to.equal('Notifications, 1 unread');
  });

  it('a failed run is titled after its workflow and says what happens next: retry after the reconnect (seed 004), or Replay (seed 002); then "Retried automatically"', async () => {
    const d = await bell({ live: true });
    const { el } = d;
    const item = (title: string) => [...el.shadowRoot!.querySelectorAll('[part~=item]')]
      .find((li) => li.querySelector('[part=item-title]')!.lastChild!.textContent!.trim() === title);
    const body = (title: string) => item(title)?.querySelector('[part=item-body]')?.textContent?.trim();
    await scheduledRun(d.server, 'wf_linkedin_posts');
    await scheduledRun(d.server, 'wf_lead_sync');
    await waitUntil(() => item('Publish scheduled LinkedIn posts failed') && item('New HubSpot leads to Slack failed'), `failures arrived (saw ${titles(el).join(', ')})`, { timeout: 5000 });
    expect(body('Publish scheduled LinkedIn posts failed')).to.equal('LinkedIn needs to be reconnected. Will retry automatically after you reconnect.');
    expect(body('New HubSpot leads to Slack failed')).to.equal('HubSpot needs to be reconnected. Replay the run once the connection is healthy.');
    expect(item('Publish scheduled LinkedIn posts failed')!.querySelector('a')!.getAttribute('href')).to.equal('#connections/con_linkedin');

    await reconnectElsewhere(d, 'con_linkedin', 'ops@northwind.example');
    await waitUntil(() => body('Publish scheduled LinkedIn posts failed') === 'Retried automatically after LinkedIn was reconnected.', `retried (saw ${body('Publish scheduled LinkedIn posts failed')})`, { timeout: 5000 });
    // The reconnect resolved LinkedIn's expiry alert (cleared); the failed post stays, to say it was retried.
    expect(titles(el)).to.not.include('LinkedIn reauth required');
    expect(body('New HubSpot leads to Slack failed')).to.equal('HubSpot needs to be reconnected. Replay the run once the connection is healthy.');

    el.lang = 'ja';
    await waitUntil(() => item('Publish scheduled LinkedIn posts が失敗しました'), 'Japanese title');
    expect(body('Publish scheduled LinkedIn posts が失敗しました')).to.equal('LinkedIn の再接続後に自動的に再試行されました。');
    await openByClick(el);
    await expect(el).to.be.accessible();
  });

  it('clears live after the notifications are read in another tab (no reload)', async () => {
    const { el, other } = await bell({ live: true });
    const tab = await other('agency');
    for (const id of ['ntf_hubspot', 'ntf_mailchimp', 'ntf_quickbooks']) await tab.notifications.markRead(id);
    await waitUntil(() => button(el).getAttribute('aria-label') === 'Notifications', 'cleared', { timeout: 5000 });
    expect(part(el, 'badge')).to.equal(null);
  });

  it('a load error says the service cannot be reached (never the SDK\'s own text) with "Try again", which loads again', async () => {
    let fail = true;
    // The one fault the in-page backend cannot produce: no answer at all.
    const d = await demo('agency', undefined, (f) => async (input, init) => {
      if (fail && (input instanceof Request ? input.url : String(input)).includes('/notifications')) throw new TypeError('offline');
      return f(input, init);
    });
    const { el } = await inProvider<RelinkNotificationBell>(d.client, html`<relink-notification-bell></relink-notification-bell>`, 'relink-notification-bell');
    await openByClick(el);
    await waitUntil(() => part(el, 'error'), 'error shown');
    expect(part(el, 'error')!.querySelector('p')!.textContent).to.equal('The service cannot be reached right now. Nothing was changed.');
    await expect(el).to.be.accessible();
    fail = false;
    part(el, 'retry')!.click();
    await waitUntil(() => el.unread === 3, 'reloaded');
  });

  it('copy from messages; hostile titles render as text', async () => {
    const { el, server, provider } = await bell();
    el.messages = { labelUnread: { other: 'Avisos ({n})' }, heading: 'Avisos', reauthTitle: 'Reautorizar {app}', expiringTitle: 'Vence pronto: {app}' };
    const hostile = '<img src=x onerror="window.__pwned=1">';
    await server.app.relink.store.putNotification({
      id: 'ntf_evil', workspaceId: 'ws_northwind', kind: 'run_failed', severity: 'warning', title: hostile, body: hostile,
      read: false, createdAt: new Date().toISOString(),
    });
    await provider.resolvedStore!.notifications.load();
    await openByClick(el);
    expect(button(el).getAttribute('aria-label')).to.equal('Avisos (4)');
    expect(titles(el)).to.deep.equal([hostile, 'Reautorizar HubSpot', 'Reautorizar Mailchimp', 'Reautorizar QuickBooks', 'Vence pronto: LinkedIn']);
    expect(links(el)[0]!.tagName, 'no connection: a button').to.equal('BUTTON');
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('says the body in the page\'s language from the notification\'s fields; an unknown kind keeps the server\'s text', async () => {
    const { el, server, provider } = await bell();
    await server.app.relink.store.putNotification({
      id: 'ntf_other', workspaceId: 'ws_northwind', kind: 'run_failed', severity: 'warning', title: 'Daily Slack digest failed',
      body: 'Slack answered 500.', read: false, createdAt: new Date().toISOString(),
    });
    await provider.resolvedStore!.notifications.load();
    el.lang = 'de';
    await waitUntil(() => part(el, 'heading')!.textContent === 'Benachrichtigungen', 'German loaded');
    await openByClick(el);
    const bodies = () => [...el.shadowRoot!.querySelectorAll('[part=item-body]')].map((b) => b.textContent);
    // LinkedIn's warning was raised with "within 14 days"; its token expires in 5: the kit counts from `expiresAt`.
    expect(bodies()).to.deep.equal([
      'Slack answered 500.',
      'Northwind CRM: Verbinden Sie HubSpot neu, damit die Workflows weiterlaufen, die die Verbindung nutzen.',
      'Client newsletter: Verbinden Sie Mailchimp neu, damit die Workflows weiterlaufen, die die Verbindung nutzen.',
      'Acme bookkeeping: Verbinden Sie QuickBooks neu, damit die Workflows weiterlaufen, die die Verbindung nutzen.',
      'Northwind company page: Verbinden Sie innerhalb von 5 Tagen neu, damit Ihre Workflows weiterlaufen.',
    ]);
    el.lang = 'ja';
    await waitUntil(() => bodies()[1] === 'Northwind CRM: HubSpot を再接続すると、この接続を使うワークフローが再開します。', 'Japanese body');
    expect(bodies()[4]).to.equal('Northwind company page: ワークフローを止めないよう、5日以内に再接続してください。');
    await expect(el).to.be.accessible();
  });

  it('dark theme stays accessible with the popover open', async () => {
    const { el, provider } = await bell();
    provider.theme = 'dark';
    await provider.updateComplete;
    await openByClick(el);
    await expect(el).to.be.accessible();
  });

});
