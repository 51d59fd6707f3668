import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@relink/elements/connection-detail.js';
import { demoProvider, HOSTILE, LONG, relabel, until, type DemoOptions } from './support/relink-demo.js';

const detail = (id: string, options: DemoOptions = {}, extra: Partial<StoryObj> = {}): StoryObj => ({
  render: () => demoProvider(html`<relink-connection-detail connection-id=${id}></relink-connection-detail>`, options),
  play: async ({ canvasElement }) =>
    void (await until(() => canvasElement.querySelector('relink-connection-detail')!.shadowRoot?.querySelector("[part='title'], [part='error']"))),
  ...extra,
});

const meta: Meta = { title: 'Elements/Connection detail', component: 'relink-connection-detail' };
export default meta;
type Story = StoryObj;

export const Active: Story = detail('con_slack');
/** Refreshable, but the provider rejects the token: Refresh credential fails with "You may need to reconnect." */
export const ErrorStatus: Story = detail('con_quickbooks', {}, { name: 'Error' });
export const Pending: Story = detail('con_gdrive');
/** A client's revoked connection: no Refresh, no Revoke, "Contact your agency…". */
export const Revoked: Story = detail('con_facebook');
export const AgencyReconnect: Story = detail('con_hubspot', { role: 'agency' });
export const AgencyClientOwned: Story = detail('con_quickbooks', { role: 'agency' });
export const AgencyApiKey: Story = detail('con_mailchimp', { role: 'agency' });
export const AuthConfigMissing: Story = detail('con_fub', { role: 'agency' });
export const ExpiringSoon: Story = detail('con_linkedin', { role: 'agency' });
export const NotFound: Story = detail('con_missing');
export const HostileAndLongLabels: Story = detail('con_slack', {}, {
  play: async ({ canvasElement }) => {
    await relabel(canvasElement, 'con_slack', `${HOSTILE} ${LONG}`);
  },
});
export const RightToLeft: Story = detail('con_quickbooks', {}, { parameters: { relink: { dir: 'rtl' } } });
export const Dark: Story = detail('con_hubspot', { role: 'agency', theme: 'dark' }, { parameters: { relink: { theme: 'dark' } } });
export const Narrow: Story = detail('con_slack', {}, { parameters: { relink: { width: '300px' } } });
