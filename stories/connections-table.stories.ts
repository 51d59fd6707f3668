import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import '@relink/elements/connections-table.js';
import type { RelinkConnectionsTable } from '@relink/elements/connections-table.js';
import type { Connection } from '@relink/sdk';
import type { InPageRelink } from '@relink/server/browser';
import { demoProvider, hang, HOSTILE, LONG, NETWORK_DOWN, offline, relabel, storeIn, type DemoOptions } from './support/relink-demo.js';
import { element, expectDark, expectFits, expectRtl, inShadow, part, renderedText } from './support/queries.js';

const table = (attrs = {}) => html`<relink-connections-table manage-href="/portal/connections/{id}" ...=${attrs}></relink-connections-table>`;
const el = (root: HTMLElement) => element<RelinkConnectionsTable>(root, 'relink-connections-table');
const rowsOf = (t: RelinkConnectionsTable) => [...t.shadowRoot!.querySelectorAll<HTMLElement>("[part~='row'][data-id]")];
/** The app's name: the row header's text beside its logo. */
const appsOf = (t: RelinkConnectionsTable) => rowsOf(t).map((r) =>
  [...r.firstElementChild!.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join('').trim());

/** The loaded table: these apps (in this order when a column is sorted, else in the server's), each row with its status badge and a "Manage" link to its page. */
async function expectRows(root: HTMLElement, apps: string[]): Promise<RelinkConnectionsTable> {
  const t = await el(root);
  const inOrder = (names: string[]) => (t.sort ? names : [...names].sort());
  await waitFor(() => expect(inOrder(appsOf(t))).toEqual(inOrder(apps)));
  const shadow = await inShadow(t);
  await expect(shadow.getByRole('table', { name: 'Connections' })).toHaveAttribute('aria-busy', 'false');
  await expect(shadow.getAllByRole('columnheader').map((h) => h.textContent!.trim())).toEqual(['App', 'Label', 'Status', 'Actions']);
  for (const row of rowsOf(t)) {
    await expect(row.querySelector("[part~='badge']")).not.toBeNull();
    await expect(row.querySelector("a[part='manage']")).toHaveAttribute('href', `/portal/connections/${row.dataset.id}`);
  }
  return t;
}

const CLIENT_APPS = ['Slack', 'QuickBooks', 'Google Drive', 'Facebook Pages'];
const AGENCY_APPS = ['Slack', 'QuickBooks', 'Google Drive', 'Facebook Pages', 'HubSpot', 'LinkedIn', 'Mailchimp', 'Follow Up Boss', 'GoHighLevel'];

const story = (options: DemoOptions, apps: string[], extra: Partial<StoryObj> = {}): StoryObj => ({
  render: () => demoProvider(table(), options),
  play: async ({ canvasElement }) => void (await expectRows(canvasElement, apps)),
  ...extra,
});

const meta: Meta = { title: 'Elements/Connections table', component: 'relink-connections-table' };
export default meta;
type Story = StoryObj;

/** Seed 001's client portal: the four connections the client authorised. */
export const ClientPortal: Story = story({ role: 'client' }, CLIENT_APPS);
/** The agency sees every connection; LinkedIn carries "Reconnect within 5 days". */
export const Agency: Story = story({ role: 'agency' }, AGENCY_APPS, {
  play: async ({ canvasElement }) => {
    const t = await expectRows(canvasElement, AGENCY_APPS);
    const linkedin = rowsOf(t).find((r) => r.dataset.id === 'con_linkedin')!;
    await expect(renderedText(linkedin)).toContain('Reconnect within 5 days');
    await expect(rowsOf(t).filter((r) => /Reconnect within/.test(renderedText(r)))).toHaveLength(1);
  },
});
/** The request never answers: skeleton rows in a busy table, "Loading connections…" for assistive tech. */
export const Loading: Story = {
  render: () => demoProvider(table(), { fetch: hang }),
  play: async ({ canvasElement }) => {
    const shadow = await inShadow(await el(canvasElement));
    await expect(await shadow.findByRole('table', { name: 'Connections' })).toHaveAttribute('aria-busy', 'true');
    await expect(shadow.getByRole('status')).toHaveTextContent('Loading connections…');
    await expect(rowsOf(await el(canvasElement))).toHaveLength(0);
  },
};
/** A principal with nothing connected: "No connections yet" and what to expect. */
export const Empty: Story = {
  render: () => demoProvider(table(), { role: 'client', principalId: 'prn_newcomer' }),
  play: async ({ canvasElement }) => {
    const t = await el(canvasElement);
    await expect(await part(t, "[part='empty-title']")).toHaveTextContent('No connections yet');
    await expect(t.shadowRoot!.querySelector("[part='empty-body']")).toHaveTextContent('When your team asks you to connect an app, it will show up here.');
    await expect(t.shadowRoot!.querySelector('table')).toBeNull();
  },
};
/** The network is down: the copy for that (never the SDK's raw text) and "Try again". */
export const LoadError: Story = {
  name: 'Error',
  render: () => demoProvider(table(), { fetch: offline }),
  play: async ({ canvasElement }) => {
    const shadow = await inShadow(await el(canvasElement));
    const alert = await shadow.findByRole('alert');
    await expect(alert.querySelector('p')).toHaveTextContent(NETWORK_DOWN);
    await expect(alert).not.toHaveTextContent('Failed to fetch');
    await expect(shadow.getByRole('button', { name: 'Try again' })).toBeTruthy();
    await expect(shadow.queryByRole('table')).toBeNull();
  },
};
/** `status-filter="error" sort="app"`: only the three broken connections, by app name. */
export const FilteredToError: Story = {
  render: () => demoProvider(html`<relink-connections-table status-filter="error" sort="app" manage-href="/portal/connections/{id}"></relink-connections-table>`, { role: 'agency' }),
  play: async ({ canvasElement }) => {
    const t = await expectRows(canvasElement, ['HubSpot', 'Mailchimp', 'QuickBooks']);
    const shadow = await inShadow(t);
    await expect(shadow.getByRole('combobox', { name: 'Status' })).toHaveValue('error');
    await expect(shadow.getByRole('columnheader', { name: /App/ })).toHaveAttribute('aria-sort', 'ascending');
    for (const row of rowsOf(t)) await expect(row.querySelector("[part~='badge']")).toHaveTextContent('error');
  },
};
/** Markup in a label is shown as text; a long label wraps. */
export const HostileAndLongLabels: Story = story({}, CLIENT_APPS, {
  play: async ({ canvasElement }) => {
    const t = await expectRows(canvasElement, CLIENT_APPS);
    await relabel(canvasElement, 'con_slack', HOSTILE);
    await relabel(canvasElement, 'con_quickbooks', LONG);
    const label = (id: string) => rowsOf(t).find((r) => r.dataset.id === id)!.querySelectorAll('td')[0]!.textContent;
    await waitFor(() => expect(label('con_slack')).toBe(HOSTILE));
    await expect(label('con_quickbooks')).toBe(LONG);
    await expect(t.shadowRoot!.querySelector('img, script')).toBeNull();
  },
});
export const RightToLeft: Story = story({ role: 'agency' }, AGENCY_APPS, {
  parameters: { relink: { dir: 'rtl' } },
  play: async ({ canvasElement }) => expectRtl(await expectRows(canvasElement, AGENCY_APPS)),
});
export const Dark: Story = story({ role: 'agency', theme: 'dark' }, AGENCY_APPS, {
  parameters: { relink: { theme: 'dark' } },
  play: async ({ canvasElement }) => expectDark(await expectRows(canvasElement, AGENCY_APPS)),
});
export const Narrow: Story = story({ role: 'client' }, CLIENT_APPS, {
  parameters: { relink: { width: '360px' } },
  play: async ({ canvasElement }) => expectFits(await expectRows(canvasElement, CLIENT_APPS), 360),
});
/** 1,000 more rows: the virtualizer is loaded on demand and keeps a window of rows in the DOM. */
export const ManyRows: Story = story({ role: 'agency' }, AGENCY_APPS, {
  play: async ({ canvasElement }) => {
    const t = await expectRows(canvasElement, AGENCY_APPS);
    const store = await storeIn(canvasElement);
    const base = store.getSnapshot().connections.byId.get('con_linkedin')!;
    for (let i = 0; i < 1000; i++) {
      const connection: Connection = { ...base, id: `con_bulk_${i}`, label: `Client workspace ${i + 1}` };
      store.apply({ id: `evt_bulk_${i}`, type: 'connection.updated', at: base.updatedAt, connection });
    }
    // Above 200 rows the table switches to the virtualizer, a chunk loaded on demand: on a cold dev server its first
    // load alone took over 10 s in a full `npm test`, so this one wait gets most of the story's 30 s.
    const grid = await part(t, "[role='table']", 25_000);
    await expect(grid).toHaveAttribute('aria-rowcount', String(AGENCY_APPS.length + 1000 + 1));
    await waitFor(() => expect(rowsOf(t).length).toBeGreaterThan(0));
    await expect(rowsOf(t).length).toBeLessThan(200);
    expectColumnsLineUp(t);
  },
});

/**
 * Each virtual row is its own grid: its columns start where the header's do, whatever its cells hold (a row with a
 * renew button beside Manage too), and the row draws the one line under it, not each cell at its own height.
 */
function expectColumnsLineUp(t: RelinkConnectionsTable): void {
  const lefts = (row: Element) => [...row.children].map((cell) => Math.round(cell.getBoundingClientRect().left));
  const header = lefts(t.shadowRoot!.querySelector("[part~='header']")!);
  const rows = rowsOf(t);
  expect(rows.some((row) => row.querySelector("[part~='renew']"))).toBe(true);
  for (const row of rows) {
    expect(lefts(row)).toEqual(header);
    expect(getComputedStyle(row).borderBlockEndWidth).toBe('1px');
    for (const cell of row.children) expect(getComputedStyle(cell).borderBlockEndWidth).toBe('0px');
  }
}

/** A workspace of 600 more connections, written straight into the in-page backend's database (seed data, not a fake). */
const WORKSPACE_EXTRA = 600;
async function bigWorkspace(server: InPageRelink): Promise<void> {
  const records = server.app.relink.store;
  const at = Date.parse('2026-01-01T00:00:00.000Z');
  for (let i = 0; i < WORKSPACE_EXTRA; i++) {
    await records.putConnection({
      id: `con_many_${String(i).padStart(4, '0')}`, workspaceId: 'ws_northwind', appKey: i % 2 ? 'slack' : 'hubspot', label: `Team ${String(i + 1).padStart(4, '0')}`,
      status: i % 7 ? 'active' : 'error', owner: 'agency', ownerPrincipalId: 'prn_agency', secrets: {}, refresh: { attempts: 0 },
      createdAt: new Date(at + i * 1000).toISOString(), updatedAt: new Date(at).toISOString(),
    });
  }
}
const TOTAL = AGENCY_APPS.length + WORKSPACE_EXTRA;
const grid = (t: RelinkConnectionsTable) => part(t, "[role='table']", 25_000);

/**
 * Above `page-threshold` (200) the table asks the server for the rows it shows: the count comes from the first page,
 * the store never loads the workspace, and only a screenful of rows is in the page.
 */
export const LargeWorkspace: Story = {
  render: () => demoProvider(table(), { role: 'agency', prepare: bigWorkspace }),
  play: async ({ canvasElement }) => {
    const t = await el(canvasElement);
    await expect(await grid(t)).toHaveAttribute('aria-rowcount', String(TOTAL + 1));
    await waitFor(() => expect(rowsOf(t).length).toBeGreaterThan(0));
    await expect(rowsOf(t).length).toBeLessThan(100);
    const store = await storeIn(canvasElement);
    await expect(store.getSnapshot().connections.status).toBe('idle');
    await expect(store.getSnapshot().connections.items.length).toBeLessThan(TOTAL);
  },
};
/**
 * The search field (by app or label) becomes the server's query: "Team 0042" finds one row of the 609, shown in a table
 * sized to it rather than in the virtualizer's scroller.
 */
export const LargeWorkspaceSearch: Story = {
  render: () => demoProvider(table(), { role: 'agency', prepare: bigWorkspace }),
  play: async ({ canvasElement }) => {
    const t = await el(canvasElement);
    await expect(await grid(t)).toHaveAttribute('aria-rowcount', String(TOTAL + 1));
    const search = (await inShadow(t)).getByRole('searchbox');
    search.focus();
    await userEvent.type(search, 'Team 0042');
    await waitFor(() => expect(rowsOf(t).map((r) => r.dataset.id)).toEqual(['con_many_0041']), { timeout: 5000 });
    await expect(t.shadowRoot!.querySelector('.scroller')).toBeNull();
  },
};
