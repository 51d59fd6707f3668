import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent } from 'storybook/test';
import '@relink/elements/reconnect-button.js';
import type { RelinkReconnectButton } from '@relink/elements/reconnect-button.js';
import { demoProvider, type DemoOptions } from './support/relink-demo.js';
import { element, expectDark, expectRtl, inShadow, renderedText, toastTitled } from './support/queries.js';

const buttonEl = (root: HTMLElement) => element<RelinkReconnectButton>(root, 'relink-reconnect-button');
const base = async (root: HTMLElement, name: string | RegExp = /^(Reconnect|Send reconnection request)$/) =>
  (await inShadow(await buttonEl(root))).findByRole('button', { name });

const button = (id: string, label: string, options: DemoOptions = { role: 'agency' }, extra: Partial<StoryObj> = {}): StoryObj => ({
  render: () => demoProvider(html`<relink-reconnect-button connection-id=${id}></relink-reconnect-button>`, options),
  play: async ({ canvasElement }) => {
    await expect(await base(canvasElement, label)).toHaveAttribute('aria-busy', 'false');
  },
  ...extra,
});

/** The API-key form opened by "Reconnect": the app's fields, focus in the first, Save. */
async function apiKeyForm(root: HTMLElement): Promise<HTMLFormElement> {
  const b = await base(root, 'Reconnect');
  await userEvent.click(b);
  const shadow = await inShadow(await buttonEl(root));
  const input = await shadow.findByLabelText('API key');
  await expect(input).toHaveAttribute('type', 'password');
  await expect((await buttonEl(root)).shadowRoot!.activeElement).toBe(input);
  await expect(b).toHaveAttribute('aria-expanded', 'true');
  await expect(shadow.getByRole('button', { name: 'Save' })).toBeTruthy();
  return input.closest('form')!;
}

const meta: Meta = { title: 'Elements/Reconnect button', component: 'relink-reconnect-button' };
export default meta;
type Story = StoryObj;

/** The agency's own OAuth connection: "Reconnect" starts the consent popup (needs a real backend origin to complete). */
export const Consent: Story = button('con_hubspot', 'Reconnect', { role: 'agency' }, {
  play: async ({ canvasElement }) => {
    const b = await base(canvasElement, 'Reconnect');
    // A consent button, not a disclosure: no form to expand.
    await expect(b).not.toHaveAttribute('aria-expanded');
  },
});
/** The agency on a client's connection: it asks the client instead, and says so. */
export const SendReconnectionRequest: Story = button('con_quickbooks', 'Send reconnection request', { role: 'agency' }, {
  play: async ({ canvasElement }) => {
    await userEvent.click(await base(canvasElement, 'Send reconnection request'));
    const toast = await toastTitled('Reconnection request sent');
    await expect(renderedText(toast)).toContain('ready to reconnect QuickBooks');
  },
});
/** An API-key app: the credential form (seed 003: "re-enter the requested information, then click Save"). */
export const ApiKeyForm: Story = button('con_mailchimp', 'Reconnect', { role: 'agency' }, {
  play: async ({ canvasElement }) => void (await apiKeyForm(canvasElement)),
});
/** A managed auth config that is missing or invalid: the server's state and who to contact, and no consent popup. */
const authConfig = (id: string, what: string): StoryObj => button(id, 'Reconnect', { role: 'agency' }, {
  play: async ({ canvasElement }) => {
    const el = await buttonEl(canvasElement);
    let opened = 0;
    // Counts popups without opening one: the element knows the auth config's state before the click.
    el.window = { open: () => (opened++, null), location: { href: location.href, assign() {} }, addEventListener() {}, removeEventListener() {} } as unknown as Window;
    await userEvent.click(await base(canvasElement, 'Reconnect'));
    const alert = await (await inShadow(el)).findByRole('alert');
    await expect([...alert.querySelectorAll('p')].map((p) => p.textContent)).toEqual([
      what,
      'Ask your administrator or support to set up the auth config for this app, then reconnect.',
    ]);
    await expect(opened, 'no consent popup').toBe(0);
  },
});
/** Seed 000: Follow Up Boss's managed auth config is missing. */
export const AuthConfigMissing: Story = authConfig('con_fub', 'Follow Up Boss needs a managed auth config, and it is missing: the connection cannot start.');
/** GoHighLevel's managed auth config is invalid. */
export const AuthConfigInvalid: Story = authConfig('con_ghl', 'GoHighLevel needs a managed auth config, and it is invalid: the connection cannot start.');
export const Dark: Story = button('con_mailchimp', 'Reconnect', { role: 'agency', theme: 'dark' }, {
  play: async ({ canvasElement }) => expectDark(await apiKeyForm(canvasElement)),
  parameters: { relink: { theme: 'dark' } },
});
export const RightToLeft: Story = button('con_mailchimp', 'Reconnect', { role: 'agency' }, {
  play: async ({ canvasElement }) => expectRtl(await apiKeyForm(canvasElement)),
  parameters: { relink: { dir: 'rtl' } },
});
