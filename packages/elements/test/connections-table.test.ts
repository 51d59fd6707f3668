import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { html } from 'lit';
import type { Connection, RelinkStore } from '@relink/sdk';
import '../src/components/connections-table/connections-table.js';
import type { RelinkConnectionsTable } from '../src/components/connections-table/connections-table.js';
import type { RelinkManageEvent } from '../src/events/manage.js';
import { part } from './helpers.js';
import { addConnections, deepActive, demo, inProvider } from './relink.js';

type Role = 'client' | 'agency';

async function table(role: Role = 'client', attrs = html`<relink-connections-table manage-href="/portal/connections/{id}"></relink-connections-table>`, principal?: string, live = false) {
  const d = await demo(role, principal);
  const { el, provider } = await inProvider<RelinkConnectionsTable>(d.client, attrs, 'relink-connections-table', { live });
  await waitUntil(() => provider.resolvedStore!.getSnapshot().connections.status === 'ready' || provider.resolvedStore!.getSnapshot().connections.status === 'error', 'loaded');
  await el.updateComplete;
  return { el, store: provider.resolvedStore!, ...d };
}

const rows = (el: Element) => [...el.shadowRoot!.querySelectorAll<HTMLElement>("tbody [part='row'], [role='rowgroup'] [part='row']")];
// The status cell: the badge's word, then " · " and the expiry hint beside it when there is one.
const cellsOf = (row: Element) => [...row.children].map((c) => {
  const badge = c.querySelector("[part~='badge']");
  const hint = c.querySelector('.badge-hint');
  return badge ? `${badge.textContent!.trim()}${hint ? ` · ${hint.textContent!.trim()}` : ''}` : c.textContent!.replace(/\s+/g, ' ').trim();
});
const appsOf = (el: Element) => rows(el).map((r) => cellsOf(r)[0]!.slice(1));

describe('relink-connections-table', () => {
  // The virtualizer measures rows in a ResizeObserver; Chromium reports a benign "loop completed with undelivered
  // notifications" when a measurement causes another layout. It is not an error of the page.
  let onerror: OnErrorEventHandler;
  before(() => {
    onerror = window.onerror;
    window.onerror = (message, ...rest) => (/ResizeObserver loop/.test(String(message)) ? true : onerror?.(message, ...rest));
  });
  after(() => (window.onerror = onerror));

  it('client: the four columns, one row per client connection with monogram, label, status word and Manage', async () => {
    const { el } = await table('client');
    const headers = [...el.shadowRoot!.querySelectorAll('thead th')].map((th) => th.textContent!.trim());
    expect(headers).to.deep.equal(['App', 'Label', 'Status', 'Actions']);
    expect(rows(el).map(cellsOf)).to.deep.equal([
      ['SSlack', 'Acme team workspace', 'active', 'Manage'],
      ['QQuickBooks', 'Acme bookkeeping', 'error', 'Manage'],
      ['FFacebook Pages', 'Acme Bakery page', 'revoked', 'Manage'],
      ['GGoogle Drive', 'Shared recipes drive', 'pending', 'Manage'],
    ].sort((a, b) => appsOf(el).indexOf(a[0]!.slice(1)) - appsOf(el).indexOf(b[0]!.slice(1))));
    expect(part(el, 'manage')!.getAttribute('href')).to.match(/^\/portal\/connections\/con_/);
    expect(el.shadowRoot!.querySelector('table')!.getAttribute('aria-busy')).to.equal('false');
    for (const name of ['base', 'toolbar', 'filter', 'table', 'header', 'sort-button', 'row', 'cell', 'logo', 'badge', 'manage']) expect(part(el, name), name).to.not.equal(null);
    await expect(el).to.be.accessible();
  });

  it('an app with a logo image shows it in its rows (an http(s) or data-image URL only: anything else keeps the letter tile), with Manage beside it, in either table', async () => {
    const { el: first, store } = await table('client');
    const [slack, other] = store.getSnapshot().connections.items.filter((c) => c.app.key === 'slack' || c.app.key === 'quickbooks');
    const logo = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
    const at = new Date().toISOString();
    const apply = (c: Connection, app: Partial<Connection['app']>, id: string) =>
      store.apply({ id, type: 'connection.updated', at, connection: { ...c, app: { ...c.app, ...app }, updatedAt: at } } as Parameters<RelinkStore['apply']>[0]);
    apply(slack!, { logo }, 'evt_logo_1');
    apply(other!, { logo: 'javascript:alert(1)' }, 'evt_logo_2');
    // Tables mounted over the store that holds them: the plain table and the virtualized one.
    for (const threshold of [200, 1]) {
      const el = document.createElement('relink-connections-table');
      el.manageHref = '/portal/connections/{id}';
      el.virtualizeThreshold = threshold;
      first.after(el);
      const rowOf = (id: string) => el.shadowRoot!.querySelector(`${threshold === 1 ? "[role='table']" : 'tbody'} [part~='row'][data-id='${id}']`);
      await waitUntil(() => rowOf(slack!.id) && rowOf(other!.id), `rows of the table virtualized above ${threshold}`);
      const shows = (id: string) => {
        const row = rowOf(id)!;
        const img = row.querySelector<HTMLImageElement>("img[part~='logo']");
        return { img: img?.getAttribute('src') ?? null, tile: row.querySelector("span[part~='logo']")?.textContent ?? null, manage: row.querySelector("[part~='manage']")?.getAttribute('href') ?? null };
      };
      expect(shows(slack!.id), String(threshold)).to.deep.equal({ img: logo, tile: null, manage: `/portal/connections/${slack!.id}` });
      expect(shows(other!.id), String(threshold)).to.deep.equal({ img: null, tile: 'Q', manage: `/portal/connections/${other!.id}` });
      el.remove();
    }
  });

  it('a live change of a row\'s logo (tile to image and back) keeps the row, and focus on its Manage', async () => {
    const { el, store } = await table('client');
    const slack = store.getSnapshot().connections.items.find((c) => c.app.key === 'slack')!;
    const row = rows(el).find((r) => r.dataset.id === slack.id)!;
    const manage = row.querySelector<HTMLElement>("[part~='manage']")!;
    manage.focus();
    let n = 0;
    for (const logo of ['data:image/gif;base64,R0lGODlhAQABAAAAACw=', undefined]) {
      const at = new Date(Date.now() + ++n * 1000).toISOString();
      store.apply({ id: `evt_focus_${n}`, type: 'connection.updated', at, connection: { ...slack, app: { ...slack.app, logo }, updatedAt: at } } as Parameters<RelinkStore['apply']>[0]);
      const now = () => rows(el).find((r) => r.dataset.id === slack.id)!;
      await waitUntil(() => Boolean(now().querySelector('img')) === (logo !== undefined), `the row shows ${logo ? 'the image' : 'the letter tile'}`);
      expect(now(), 'the same row').to.equal(row);
      expect(el.shadowRoot!.activeElement, 'focus stays on Manage').to.equal(manage);
    }
  });

  it('agency: LinkedIn carries "Reconnect within 5 days"', async () => {
    const { el } = await table('agency');
    const linkedin = rows(el).find((r) => r.dataset.id === 'con_linkedin')!;
    expect(cellsOf(linkedin)[2]).to.equal('active · Reconnect within 5 days');
    // The demo's nine agency connections, GoHighLevel (managed auth config invalid) among them.
    expect(rows(el)).to.have.length(9);
    await expect(el).to.be.accessible();
  });

  it('a row about to expire keeps the line height: its renew button fits beside the logo, so ending the warning resizes nothing', async () => {
    const { el } = await table('agency');
    const linkedin = rows(el).find((r) => r.dataset.id === 'con_linkedin')!;
    await waitUntil(() => linkedin.querySelector("[part~='renew']"), 'renew button rendered');
    const button = linkedin.querySelector("[part~='renew']")!.getBoundingClientRect().height;
    const logo = linkedin.querySelector("[part~='logo']")!.getBoundingClientRect().height;
    expect(button, 'renew button height').to.be.at.most(logo);
  });

  it('keyboard: Tab to the first Manage + Enter fires relink-manage with the connection, then follows the link', async () => {
    const { el } = await table('client');
    const select = part(el, 'filter')!;
    select.focus();
    for (let i = 0; i < 4; i++) await sendKeys({ press: 'Tab' }); // App, Label, Status sort buttons, then Manage
    const first = rows(el)[0]!;
    expect(deepActive()).to.equal(first.querySelector("[part~='manage']"));
    let followed = false;
    const onClick = (e: Event) => { followed = !e.defaultPrevented; e.preventDefault(); };
    document.addEventListener('click', onClick, { once: true });
    const event = oneEvent(el, 'relink-manage') as Promise<RelinkManageEvent>;
    await sendKeys({ press: 'Enter' });
    const { detail } = await event;
    expect(detail.connection.id).to.equal(first.dataset.id);
    expect(detail.href).to.equal(`/portal/connections/${first.dataset.id}`);
    expect(followed).to.equal(true);
  });

  it('preventDefault() on relink-manage stops the navigation (a host router takes over)', async () => {
    const { el } = await table('client');
    el.addEventListener('relink-manage', (e) => e.preventDefault());
    let prevented = false;
    document.addEventListener('click', (e) => { prevented = e.defaultPrevented; e.preventDefault(); }, { once: true });
    part(el, 'manage')!.click();
    expect(prevented).to.equal(true);
  });

  it('sorts by app, label and status with aria-sort, toggling direction', async () => {
    const { el } = await table('client');
    const [appSort, , statusSort] = el.shadowRoot!.querySelectorAll<HTMLButtonElement>("[part='sort-button']");
    appSort!.click();
    await el.updateComplete;
    expect(appsOf(el)).to.deep.equal(['Facebook Pages', 'Google Drive', 'QuickBooks', 'Slack']);
    expect(appSort!.closest('th')!.getAttribute('aria-sort')).to.equal('ascending');
    appSort!.click();
    await el.updateComplete;
    expect(appsOf(el)).to.deep.equal(['Slack', 'QuickBooks', 'Google Drive', 'Facebook Pages']);
    expect(appSort!.closest('th')!.getAttribute('aria-sort')).to.equal('descending');
    statusSort!.click();
    await el.updateComplete;
    expect(rows(el).map((r) => cellsOf(r)[2])).to.deep.equal(['error', 'revoked', 'pending', 'active']);
    expect(appSort!.closest('th')!.hasAttribute('aria-sort')).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('filters by status with the select, and says when nothing matches', async () => {
    const { el, client } = await table('client');
    const select = part(el, 'filter') as HTMLSelectElement;
    select.value = 'error';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(appsOf(el)).to.deep.equal(['QuickBooks']);
    expect(el.getAttribute('status-filter')).to.equal('error');
    await client.connections.refresh('con_slack'); // unrelated
    el.statusFilter = 'pending';
    await el.updateComplete;
    expect(appsOf(el)).to.deep.equal(['Google Drive']);
    el.statusFilter = '';
    await el.updateComplete;
    expect(rows(el)).to.have.length(4);
  });

  it('empty: a client with no connections reads "No connections yet"', async () => {
    const { el } = await table('client', undefined, 'prn_newcomer');
    expect(part(el, 'empty-title')!.textContent).to.equal('No connections yet');
    expect(part(el, 'empty-body')!.textContent).to.equal('When your team asks you to connect an app, it will show up here.');
    expect(part(el, 'table')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('over a store that holds every connection: its rows in its first render, and no second render after it', async () => {
    const { el, store } = await table('client');
    const second = document.createElement('relink-connections-table') as RelinkConnectionsTable;
    // Counts the renders of the second table (`updated` runs once after each).
    let renders = 0;
    const updated = (second as unknown as { updated(changed: unknown): void }).updated;
    Object.assign(second, { updated(this: RelinkConnectionsTable, changed: unknown) { renders++; updated.call(this, changed); } });
    el.after(second);
    await second.updateComplete;
    expect(rows(second).length).to.equal(store.getSnapshot().connections.items.length);
    expect(second.shadowRoot!.querySelector('table')!.getAttribute('aria-busy')).to.equal('false');
    // Nothing left to load: a later task finds no render pending and none done since.
    await new Promise((resolve) => setTimeout(resolve));
    await second.updateComplete;
    expect(renders).to.equal(1);
  });

  it('a table showing a long list a window at a time, moved under a provider whose store holds every connection, shows them', async () => {
    const long = await demo('agency');
    await addConnections(long, 300);
    const { el } = await inProvider<RelinkConnectionsTable>(long.client, html`<relink-connections-table></relink-connections-table>`, 'relink-connections-table');
    await waitUntil(() => rows(el).length > 0 && el.shadowRoot!.querySelector('table')?.getAttribute('aria-busy') !== 'true', 'the first rows of the long list');
    // Another provider, over a store that has loaded every connection of a small workspace.
    const small = await demo('agency');
    const { provider } = await inProvider(small.client, html``, 'none');
    await provider.resolvedStore!.connections.load();
    const held = provider.resolvedStore!.getSnapshot().connections.items.length;
    provider.append(el);
    await waitUntil(() => rows(el).length === held, `the ${held} connections the store holds`, { timeout: 5000 });
    expect(el.shadowRoot!.textContent).to.not.contain('No connections match');
  });

  it('loading: aria-busy with skeleton rows; then an error with "Try again" that reloads', async () => {
    let fail = true;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const d = await demo('client', undefined, (f) => async (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      if (url.includes('/connections')) {
        await gate;
        if (fail) { fail = false; throw new TypeError('offline'); }
      }
      return f(input, init);
    });
    const { el, provider } = await inProvider<RelinkConnectionsTable>(d.client, html`<relink-connections-table></relink-connections-table>`, 'relink-connections-table');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('table')!.getAttribute('aria-busy')).to.equal('true');
    expect(el.shadowRoot!.querySelectorAll('.skeleton').length).to.be.greaterThan(0);
    expect(el.shadowRoot!.querySelector("[role='status']")!.textContent).to.equal('Loading connections…');
    await expect(el).to.be.accessible();
    release();
    await waitUntil(() => part(el, 'error'), 'error state');
    expect(part(el, 'error')!.getAttribute('role')).to.equal('alert');
    // Not the SDK's "Could not reach the Relink API: GET connections": what happened, in the user's words.
    expect(part(el, 'error')!.querySelector('p')!.textContent).to.equal('The service cannot be reached right now. Nothing was changed.');
    expect(part(el, 'retry')!.textContent).to.equal('Try again');
    await expect(el).to.be.accessible();
    part(el, 'retry')!.click();
    await waitUntil(() => rows(el).length === 4, 'reloaded');
    expect(provider.resolvedStore!.getSnapshot().connections.status).to.equal('ready');
  });

  it('live: a status change from elsewhere repaints that row only, in place, and is announced', async () => {
    const { el, other } = await table('client', undefined, undefined, true);
    const store = (el as unknown as { data: { store: RelinkStore } }).data.store;
    await waitUntil(() => store.getSnapshot().live === 'open', 'live');
    const before = rows(el);
    const tbody = el.shadowRoot!.querySelector('tbody')!;
    const touched = new Set<Element>();
    const observer = new MutationObserver((records) => records.forEach((r) => touched.add((r.target as Element).closest?.('tr') ?? r.target.parentElement!.closest('tr')!)));
    observer.observe(tbody, { subtree: true, childList: true, attributes: true, characterData: true });
    await (await other('client')).connections.revoke('con_slack');
    const slack = before.find((r) => r.dataset.id === 'con_slack')!;
    await waitUntil(() => cellsOf(slack)[2] === 'revoked', 'Slack row shows revoked');
    observer.disconnect();
    expect([...touched].map((tr) => (tr as HTMLElement).dataset.id)).to.deep.equal(['con_slack']);
    expect(rows(el)).to.deep.equal(before);
    expect(el.shadowRoot!.querySelector("[role='status']")!.textContent).to.equal('Slack (Acme team workspace) is now revoked.');
  });

  it('virtualizes above the threshold with ARIA table roles, loading the virtualizer on demand', async () => {
    const { el } = await table('agency', html`<relink-connections-table virtualize-threshold="5" manage-href="/c/{id}"></relink-connections-table>`);
    await waitUntil(() => el.shadowRoot!.querySelector("[role='table']"), 'virtualized', { timeout: 10_000 });
    await waitUntil(() => rows(el).length > 0, 'rows rendered');
    expect(el.shadowRoot!.querySelector('table')).to.equal(null);
    expect(el.shadowRoot!.querySelectorAll("[role='columnheader']")).to.have.length(4);
    expect(rows(el)[0]!.getAttribute('role')).to.equal('row');
    expect(rows(el)[0]!.querySelector("[role='rowheader']")).to.not.equal(null);
    await expect(el).to.be.accessible();
  });

  it('virtualized and sorted: a live change repaints its row; one that changes the sort key or the filter match moves the rows', async () => {
    const { el, store } = await table('agency', html`<relink-connections-table virtualize-threshold="3" sort="label"></relink-connections-table>`);
    await waitUntil(() => el.shadowRoot!.querySelector("[role='table']") && rows(el).length > 3, 'virtualized', { timeout: 10_000 });
    const change = (id: string, patch: Partial<Connection>) => {
      const c = store.getSnapshot().connections.byId.get(id)!;
      store.apply({ id: `evt_${id}_${Object.keys(patch).join()}`, type: 'connection.updated', at: c.updatedAt, connection: { ...c, ...patch } } as Parameters<RelinkStore['apply']>[0]);
    };
    const ids = () => rows(el).map((r) => r.dataset.id);
    const order = ids();
    const [first, second] = order as [string, string];
    // A status change keeps every row where it was (label order) and repaints the changed one, without the
    // virtualizer laying out the list again (it tells its scroller `rangeChanged` each time it does).
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    let layouts = 0;
    el.shadowRoot!.querySelector('.scroller')!.addEventListener('rangeChanged', () => layouts++);
    change(second, { status: 'revoked' });
    await waitUntil(() => cellsOf(rows(el).find((r) => r.dataset.id === second)!)[2]!.startsWith('revoked'), 'the changed row repainted');
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    expect(layouts, 'layouts of the list').to.equal(0);
    expect(ids()).to.deep.equal(order);
    // A new label moves its row to its place in the label order.
    change(first, { label: 'zzz last by label' });
    await waitUntil(() => ids()[0] !== first, 'the renamed row moved');
    expect(ids().slice(0, order.length - 1)).to.deep.equal(order.slice(1));
    // Under a status filter, a row that changes status leaves it.
    const select = part(el, 'filter') as HTMLSelectElement;
    select.value = 'revoked';
    select.dispatchEvent(new Event('change'));
    await waitUntil(() => ids().includes(second) && rows(el).every((r) => cellsOf(r)[2]!.startsWith('revoked')), 'revoked rows');
    change(second, { status: 'active' });
    await waitUntil(() => !ids().includes(second), 'the reactivated row left the filter');
  });

  it('keeps only a window of rows in the DOM for 1,000 connections', async () => {
    const { el, store } = await table('agency');
    const slack = store.getSnapshot().connections.byId.get('con_linkedin')!;
    for (let i = 0; i < 1000; i++) {
      const connection: Connection = { ...slack, id: `con_bulk_${i}`, label: `Bulk ${i}` };
      store.apply({ id: `evt_${i}`, type: 'connection.updated', at: slack.updatedAt, connection } as Parameters<RelinkStore['apply']>[0]);
    }
    await waitUntil(() => el.shadowRoot!.querySelector("[role='table']") && rows(el).length > 0, 'virtualized', { timeout: 10_000 });
    expect(rows(el).length).to.be.lessThan(200);
    expect(el.shadowRoot!.querySelector("[role='table']")!.getAttribute('aria-rowcount')).to.equal('1010');
  });

  it('renders hostile labels as text, takes its copy from messages', async () => {
    const { el, store } = await table('client');
    const hostile = '<img src=x onerror="window.__pwned=1">';
    const slack = store.getSnapshot().connections.byId.get('con_slack')!;
    store.apply({ id: 'evt_h', type: 'connection.updated', at: slack.updatedAt, connection: { ...slack, label: hostile } } as Parameters<RelinkStore['apply']>[0]);
    el.messages = { manage: 'Open', app: 'Integration' };
    await waitUntil(() => rows(el).some((r) => cellsOf(r)[1] === hostile));
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect(part(el, 'manage')!.textContent).to.equal('Open');
    expect(part(el, 'sort-button')!.textContent!.trim()).to.equal('Integration');
  });
});
