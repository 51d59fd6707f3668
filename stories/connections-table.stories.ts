import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@relink/elements/connections-table.js';
import type { Connection } from '@relink/sdk';
import { demoProvider, hang, HOSTILE, LONG, offline, relabel, storeIn, until, type DemoOptions } from './support/relink-demo.js';

const table = (attrs = {}) => html`<relink-connections-table manage-href="/portal/connections/{id}" ...=${attrs}></relink-connections-table>`;
const el = (root: HTMLElement) => root.querySelector('relink-connections-table')!;
const loaded = (root: HTMLElement) => until(() => el(root).shadowRoot?.querySelector("[part='row'][data-id], [part='empty'], [part='error']"));

const story = (options: DemoOptions = {}, extra: Partial<StoryObj> = {}): StoryObj => ({
  render: () => demoProvider(table(), options),
  play: async ({ canvasElement }) => void (await loaded(canvasElement)),
  ...extra,
});

const meta: Meta = { title: 'Elements/Connections table', component: 'relink-connections-table' };
export default meta;
type Story = StoryObj;

/** Seed 001's client portal: the four connections the client authorised. */
export const ClientPortal: Story = story({ role: 'client' });
/** The agency sees every connection; LinkedIn carries "Reconnect within 5 days". */
export const Agency: Story = story({ role: 'agency' });
export const Loading: Story = { render: () => demoProvider(table(), { fetch: hang }) };
export const Empty: Story = story({ role: 'client', principalId: 'prn_newcomer' });
export const LoadError: Story = story({ fetch: offline }, { name: 'Error' });
export const FilteredToError: Story = story({ role: 'agency' }, {
  render: () => demoProvider(html`<relink-connections-table status-filter="error" sort="app"></relink-connections-table>`, { role: 'agency' }),
});
export const HostileAndLongLabels: Story = story({}, {
  play: async ({ canvasElement }) => {
    await loaded(canvasElement);
    await relabel(canvasElement, 'con_slack', HOSTILE);
    await relabel(canvasElement, 'con_quickbooks', LONG);
  },
});
export const RightToLeft: Story = story({ role: 'agency' }, { parameters: { relink: { dir: 'rtl' } } });
export const Dark: Story = story({ role: 'agency', theme: 'dark' }, { parameters: { relink: { theme: 'dark' } } });
export const Narrow: Story = story({ role: 'client' }, { parameters: { relink: { width: '360px' } } });
/** 1,000 rows: the virtualizer is loaded on demand and keeps a window of rows in the DOM. */
export const ManyRows: Story = story({ role: 'agency' }, {
  play: async ({ canvasElement }) => {
    await loaded(canvasElement);
    const store = await storeIn(canvasElement);
    const base = store.getSnapshot().connections.byId.get('con_linkedin')!;
    for (let i = 0; i < 1000; i++) {
      const connection: Connection = { ...base, id: `con_bulk_${i}`, label: `Client workspace ${i + 1}` };
      store.apply({ id: `evt_bulk_${i}`, type: 'connection.updated', at: base.updatedAt, connection });
    }
    await until(() => el(canvasElement).shadowRoot!.querySelector("[role='table'] [part='row']"));
  },
});
