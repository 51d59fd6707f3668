import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@relink/elements/connections-table.js';
import '@relink/elements/connection-detail.js';
import { demoProvider, until } from './support/relink-demo.js';

const meta: Meta = { title: 'Elements/Provider', component: 'relink-provider' };
export default meta;
type Story = StoryObj;

/** One provider, one live store: the table and a detail share it, so an action in one shows in the other. */
export const SharedStore: Story = {
  render: () => demoProvider(html`<div style="display: grid; gap: 16px">
    <relink-connection-detail connection-id="con_slack"></relink-connection-detail>
    <relink-connections-table></relink-connections-table></div>`),
  play: async ({ canvasElement }) =>
    void (await until(() => canvasElement.querySelector('relink-connections-table')!.shadowRoot?.querySelector("[part='row'][data-id]"))),
};
/** `theme="dark"` on the provider darkens every element inside. */
export const DarkTheme: Story = {
  ...SharedStore,
  render: () => demoProvider(html`<relink-connection-detail connection-id="con_quickbooks"></relink-connection-detail>`, { theme: 'dark' }),
  play: undefined,
  parameters: { relink: { theme: 'dark' } },
};
