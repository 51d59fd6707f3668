import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent } from 'storybook/test';
import '@relink/elements/refresh-button.js';
import type { RelinkRefreshButton } from '@relink/elements/refresh-button.js';
import { demoProvider, intercept, never, settled, type DemoOptions } from './support/relink-demo.js';
import { element, expectDark, expectRtl, inShadow, renderedText, toastTitled } from './support/queries.js';

const buttonIn = async (root: HTMLElement) => {
  const el = await element<RelinkRefreshButton>(root, 'relink-refresh-button');
  return (await inShadow(el)).findByRole('button', { name: 'Refresh credential' });
};

const button = (id: string, options: DemoOptions = {}, extra: Partial<StoryObj> = {}): StoryObj => ({
  render: () => demoProvider(html`<relink-refresh-button connection-id=${id}></relink-refresh-button>`, options),
  play: async ({ canvasElement }) => {
    const b = await buttonIn(canvasElement);
    await expect(b).toHaveAttribute('aria-busy', 'false');
  },
  ...extra,
});

/** Clicks "Refresh credential" and waits for the toast the real backend's answer leads to. */
const clickThenToast = (title: string, check?: (toast: HTMLElement) => Promise<void>): Partial<StoryObj> => ({
  play: async ({ canvasElement }) => {
    await userEvent.click(await buttonIn(canvasElement));
    const toast = await toastTitled(title);
    await check?.(toast);
  },
});

/** The refresh request never answers, so the button stays in flight. */
const refreshHangs = intercept(/\/refresh$/, never);

const meta: Meta = { title: 'Elements/Refresh button', component: 'relink-refresh-button' };
export default meta;
type Story = StoryObj;

/** Slack: click → "Connection refreshed." */
export const Refreshable: Story = button('con_slack', {}, clickThenToast('Connection refreshed.'));
/** QuickBooks: click → "Failed to refresh connection" — "You may need to reconnect." (a client gets no action). */
export const RefreshFails: Story = button('con_quickbooks', {}, clickThenToast('Failed to refresh connection', async (toast) => {
  await expect(renderedText(toast)).toContain('You may need to reconnect.');
  await expect(toast.querySelector("[part='action']")).toBeNull();
}));
/** The agency on a client's connection: the failure toast offers "Send reconnection request". */
export const AgencyRefreshFails: Story = button('con_quickbooks', { role: 'agency' }, clickThenToast('Failed to refresh connection', async (toast) => {
  await expect(toast.querySelector("[part='action']")?.textContent).toBe('Send reconnection request');
}));
/** In flight: aria-busy and aria-disabled (not disabled), and keyboard focus stays on the button. */
export const Busy: Story = button('con_slack', { fetch: refreshHangs }, {
  play: async ({ canvasElement }) => {
    const b = await buttonIn(canvasElement);
    await userEvent.click(b);
    const el = canvasElement.querySelector('relink-refresh-button')!;
    await el.updateComplete;
    await expect(b).toHaveAttribute('aria-busy', 'true');
    await expect(b).toHaveAttribute('aria-disabled', 'true');
    await expect(b).not.toHaveAttribute('disabled');
    await expect(el.shadowRoot!.activeElement).toBe(b);
  },
});
/** Not refreshable (a revoked connection): the element renders nothing. */
export const NotRefreshable: Story = {
  render: () => demoProvider(html`<relink-refresh-button connection-id="con_facebook"></relink-refresh-button>`),
  play: async ({ canvasElement }) => {
    // The negative is proven once the connection has arrived and the element has rendered with it.
    const snapshot = await settled(canvasElement, (s) => s.connections.byId.has('con_facebook'));
    await expect(snapshot.connections.byId.get('con_facebook')!.refreshable).toBe(false);
    const el = await element<RelinkRefreshButton>(canvasElement, 'relink-refresh-button');
    await el.updateComplete;
    await expect(el.shadowRoot!.querySelector('button')).toBeNull();
  },
};
export const Dark: Story = button('con_slack', { theme: 'dark' }, {
  parameters: { relink: { theme: 'dark' } },
  play: async ({ canvasElement }) => expectDark(await buttonIn(canvasElement)),
});
export const RightToLeft: Story = button('con_slack', {}, {
  parameters: { relink: { dir: 'rtl' } },
  play: async ({ canvasElement }) => expectRtl(await buttonIn(canvasElement)),
});
