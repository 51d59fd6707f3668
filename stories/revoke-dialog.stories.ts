import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@relink/elements/revoke-dialog.js';
import { demoProvider, until, type DemoOptions } from './support/relink-demo.js';

const trigger = (root: HTMLElement) => root.querySelector('relink-revoke-dialog')!.shadowRoot?.querySelector<HTMLElement>("[part='trigger']");

const dialog = (id: string, options: DemoOptions = {}, extra: Partial<StoryObj> = {}): StoryObj => ({
  render: () => demoProvider(html`<relink-revoke-dialog connection-id=${id}></relink-revoke-dialog>`, options),
  play: async ({ canvasElement }) => void (await until(() => trigger(canvasElement))),
  ...extra,
});

const open: Partial<StoryObj> = {
  play: async ({ canvasElement }) => {
    (await until(() => trigger(canvasElement))).click();
  },
};

const meta: Meta = { title: 'Elements/Revoke dialog', component: 'relink-revoke-dialog' };
export default meta;
type Story = StoryObj;

export const Closed: Story = dialog('con_slack');
/** Open, with "Keep connection" focused. */
export const Open: Story = dialog('con_slack', {}, open);
/** Revoked already: no trigger. */
export const AlreadyRevoked: Story = { render: () => demoProvider(html`<relink-revoke-dialog connection-id="con_facebook"></relink-revoke-dialog>`) };
export const Dark: Story = dialog('con_slack', { theme: 'dark' }, { ...open, parameters: { relink: { theme: 'dark' } } });
export const RightToLeft: Story = dialog('con_slack', {}, { ...open, parameters: { relink: { dir: 'rtl' } } });
export const Narrow: Story = dialog('con_slack', {}, { ...open, parameters: { relink: { width: '280px' } } });
