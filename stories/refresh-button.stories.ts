import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@relink/elements/refresh-button.js';
import { demoProvider, until, type DemoOptions } from './support/relink-demo.js';

const button = (id: string, options: DemoOptions = {}, extra: Partial<StoryObj> = {}): StoryObj => ({
  render: () => demoProvider(html`<relink-refresh-button connection-id=${id}></relink-refresh-button>`, options),
  play: async ({ canvasElement }) => void (await until(() => canvasElement.querySelector('relink-refresh-button')!.shadowRoot?.querySelector('button'))),
  ...extra,
});

const meta: Meta = { title: 'Elements/Refresh button', component: 'relink-refresh-button' };
export default meta;
type Story = StoryObj;

/** Slack: click → "Connection refreshed." */
export const Refreshable: Story = button('con_slack');
/** QuickBooks: click → "Failed to refresh connection" — "You may need to reconnect." */
export const RefreshFails: Story = button('con_quickbooks');
/** The agency on a client's connection: the failure toast offers "Send reconnection request". */
export const AgencyRefreshFails: Story = button('con_quickbooks', { role: 'agency' });
export const Busy: Story = button('con_slack', {}, {
  play: async ({ canvasElement }) => {
    const b = await until(() => canvasElement.querySelector('relink-refresh-button')!.shadowRoot?.querySelector('button'));
    b.click();
  },
});
/** Not refreshable: the element renders nothing. */
export const NotRefreshable: Story = { render: () => demoProvider(html`<relink-refresh-button connection-id="con_facebook"></relink-refresh-button>`) };
export const Dark: Story = button('con_slack', { theme: 'dark' }, { parameters: { relink: { theme: 'dark' } } });
export const RightToLeft: Story = button('con_slack', {}, { parameters: { relink: { dir: 'rtl' } } });
