import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import '@relink/elements/remove-dialog.js';
import type { RelinkRemoveDialog } from '@relink/elements/remove-dialog.js';
import { demoProvider, settled, type DemoOptions } from './support/relink-demo.js';
import { element, expectDark, expectRtl, inShadow, toastTitled } from './support/queries.js';

const dialogEl = (root: HTMLElement) => element<RelinkRemoveDialog>(root, 'relink-remove-dialog');
const trigger = async (root: HTMLElement) => (await inShadow(await dialogEl(root))).findByRole('button', { name: 'Remove' });

async function openDialog(root: HTMLElement, app: string): Promise<HTMLDialogElement> {
  await userEvent.click(await trigger(root));
  const el = await dialogEl(root);
  const d = await (await inShadow(el)).findByRole<HTMLDialogElement>('dialog', { name: `Remove ${app}?` });
  await expect(d.matches(':modal')).toBe(true);
  await expect(el.shadowRoot!.activeElement).toHaveTextContent('Keep connection');
  return d;
}

const dialog = (id: string, options: DemoOptions, play: (root: HTMLElement) => Promise<unknown>, extra: Partial<StoryObj> = {}): StoryObj => ({
  render: () => demoProvider(html`<relink-remove-dialog connection-id=${id}></relink-remove-dialog>`, options),
  play: async ({ canvasElement }) => void (await play(canvasElement)),
  ...extra,
});

/** Open on Slack: names the two workflows that stop working and the runs that pause. */
const openOnSlack = async (root: HTMLElement) => {
  const d = await openDialog(root, 'Slack');
  await expect(d).toHaveAccessibleDescription('This deletes the connection and its stored credentials. To use the app again, add it fresh.');
  await waitFor(() => expect(d.querySelectorAll('li')).toHaveLength(2), { timeout: 5000 });
  await expect(d).toHaveTextContent('2 runs that use it will pause.');
  return d;
};

const meta: Meta = { title: 'Elements/Remove dialog', component: 'relink-remove-dialog' };
export default meta;
type Story = StoryObj;

export const Closed: Story = dialog('con_slack', {}, async (root) => {
  await expect(await trigger(root)).toHaveAttribute('aria-haspopup', 'dialog');
  await expect((await dialogEl(root)).open).toBe(false);
});
export const Open: Story = dialog('con_slack', {}, openOnSlack);
/** Nothing uses it (the revoked Facebook page). */
export const Unused: Story = dialog('con_facebook', {}, async (root) => {
  const d = await openDialog(root, 'Facebook Pages');
  await waitFor(() => expect(d).toHaveTextContent('No workflow uses this connection.'), { timeout: 5000 });
});
/** "Remove connection": gone, with a toast; the trigger goes with it. */
export const Removed: Story = dialog('con_slack', {}, async (root) => {
  const d = await openOnSlack(root);
  await userEvent.click(await (await inShadow(await dialogEl(root))).findByRole('button', { name: 'Remove connection' }));
  await toastTitled('Connection removed');
  await settled(root, (s) => !s.connections.byId.has('con_slack'));
  await waitFor(() => expect(d.isConnected && d.open).toBe(false));
});
export const Dark: Story = dialog('con_slack', { theme: 'dark' }, async (root) => expectDark(await openOnSlack(root)), { parameters: { relink: { theme: 'dark' } } });
export const RightToLeft: Story = dialog('con_slack', {}, async (root) => expectRtl(await openOnSlack(root)), { parameters: { relink: { dir: 'rtl' } } });
