import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import '@relink/elements/connections-table.js';
import '@relink/elements/connection-detail.js';
import manifest from '../packages/elements/custom-elements.json';
import { demoProvider } from './support/relink-demo.js';
import { element, expectDark, inShadow, toastTitled } from './support/queries.js';

// Storybook's manifest reader drops slots without a name, so the provider's one (default) slot is added by hand.
interface Declaration { tagName?: string; slots?: { name: string; description?: string }[] }
const declarations = (manifest as { modules: { declarations?: Declaration[] }[] }).modules.flatMap((m) => m.declarations ?? []);
const defaultSlot = declarations.find((d) => d.tagName === 'relink-provider')?.slots?.find((slot) => slot.name === '');

const meta: Meta = {
  title: 'Elements/Provider',
  component: 'relink-provider',
  argTypes: {
    '(default)': {
      description: defaultSlot?.description ?? '',
      control: false,
      table: { category: 'slots', type: { summary: 'Relink elements' } },
    },
  },
};
export default meta;
type Story = StoryObj;

/** One provider, one live store: the table and a detail share it, so an action in one shows in the other. */
export const SharedStore: Story = {
  render: () => demoProvider(html`<div style="display: grid; gap: 16px">
    <relink-connection-detail connection-id="con_slack"></relink-connection-detail>
    <relink-connections-table></relink-connections-table></div>`),
  play: async ({ canvasElement }) => {
    const table = await element(canvasElement, 'relink-connections-table');
    const slackBadge = () => table.shadowRoot?.querySelector("[part~='row'][data-id='con_slack'] [part~='badge']");
    await waitFor(() => expect(slackBadge()).toHaveTextContent('active'));
    // Revoke Slack in the detail: the table's row follows, with no reload.
    const detail = await element(canvasElement, 'relink-connection-detail');
    const revoke = await waitFor(async () => {
      const found = detail.shadowRoot?.querySelector('relink-revoke-dialog');
      await expect(found).toBeTruthy();
      return found!;
    });
    const dialog = await inShadow(revoke);
    await userEvent.click(await dialog.findByRole('button', { name: 'Revoke' }));
    await userEvent.click(await dialog.findByRole('button', { name: 'Revoke connection' }));
    await toastTitled('Connection revoked');
    await waitFor(() => expect(slackBadge()).toHaveTextContent('revoked'));
  },
};
/** `theme="dark"` on the provider darkens every element inside (the page around it stays as it is). */
export const DarkTheme: Story = {
  render: () => demoProvider(html`<relink-connection-detail connection-id="con_quickbooks"></relink-connection-detail>`, { theme: 'dark' }),
  play: async ({ canvasElement }) => {
    const detail = await element(canvasElement, 'relink-connection-detail');
    // The loaded page, not the skeleton: axe checks the dark colours of real content.
    await (await inShadow(detail)).findByRole('heading', { name: 'QuickBooks' });
    await expectDark(detail);
    await expectDark(detail.shadowRoot!.querySelector('relink-status-badge')!);
  },
};
