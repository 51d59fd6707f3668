import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent } from 'storybook/test';
import '@relink/elements/revoke-dialog.js';
import type { RelinkRevokeDialog } from '@relink/elements/revoke-dialog.js';
import { demoProvider, settled, type DemoOptions } from './support/relink-demo.js';
import { element, expectDark, expectFits, expectRtl, inShadow } from './support/queries.js';

const dialogEl = (root: HTMLElement) => element<RelinkRevokeDialog>(root, 'relink-revoke-dialog');
const trigger = async (root: HTMLElement) => (await inShadow(await dialogEl(root))).findByRole('button', { name: 'Revoke' });

const dialog = (id: string, options: DemoOptions = {}, extra: Partial<StoryObj> = {}): StoryObj => ({
  render: () => demoProvider(html`<relink-revoke-dialog connection-id=${id}></relink-revoke-dialog>`, options),
  play: async ({ canvasElement }) => {
    await expect(await trigger(canvasElement)).toHaveAttribute('aria-haspopup', 'dialog');
    const el = await dialogEl(canvasElement);
    await expect(el.open).toBe(false);
    await expect((await inShadow(el)).queryByRole('dialog')).toBeNull();
  },
  ...extra,
});

/** Clicks "Revoke"; the modal dialog is open, titled, with the safe action focused first. */
async function openDialog(root: HTMLElement): Promise<HTMLDialogElement> {
  await userEvent.click(await trigger(root));
  const el = await dialogEl(root);
  const d = await (await inShadow(el)).findByRole<HTMLDialogElement>('dialog', { name: 'Revoke this connection?' });
  await expect(d.matches(':modal')).toBe(true);
  await expect(el.shadowRoot!.activeElement).toHaveTextContent('Keep connection');
  return d;
}

const open = (then?: (dialog: HTMLDialogElement, root: HTMLElement) => Promise<void>): Partial<StoryObj> => ({
  play: async ({ canvasElement }) => {
    const d = await openDialog(canvasElement);
    await expect(d).toHaveAccessibleDescription(/Workflows that depend on this credential will pause/);
    await then?.(d, canvasElement);
  },
});

const meta: Meta = { title: 'Elements/Revoke dialog', component: 'relink-revoke-dialog' };
export default meta;
type Story = StoryObj;

export const Closed: Story = dialog('con_slack');
/** Open, with "Keep connection" focused. */
export const Open: Story = dialog('con_slack', {}, open());
/** Revoked already: no trigger. */
export const AlreadyRevoked: Story = {
  render: () => demoProvider(html`<relink-revoke-dialog connection-id="con_facebook"></relink-revoke-dialog>`),
  play: async ({ canvasElement }) => {
    await settled(canvasElement, (s) => s.connections.byId.get('con_facebook')?.status === 'revoked');
    const el = await dialogEl(canvasElement);
    await el.updateComplete;
    await expect((await inShadow(el)).queryByRole('button', { name: 'Revoke' })).toBeNull();
  },
};
export const Dark: Story = dialog('con_slack', { theme: 'dark' }, { ...open((d) => expectDark(d)), parameters: { relink: { theme: 'dark' } } });
export const RightToLeft: Story = dialog('con_slack', {}, { ...open((d) => expectRtl(d)), parameters: { relink: { dir: 'rtl' } } });
export const Narrow: Story = dialog('con_slack', {}, {
  ...open(async (d, root) => {
    await expectFits(await dialogEl(root), 280);
    // The modal itself is never wider than the viewport.
    await expect(d.getBoundingClientRect().width).toBeLessThanOrEqual(window.innerWidth);
  }),
  parameters: { relink: { width: '280px' } },
});
