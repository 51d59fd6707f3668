import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@relink/elements/reconnect-button.js';
import { demoProvider, until, type DemoOptions } from './support/relink-demo.js';

const base = (root: HTMLElement) => root.querySelector('relink-reconnect-button')!.shadowRoot?.querySelector<HTMLElement>("[part='base']");

const button = (id: string, options: DemoOptions = { role: 'agency' }, extra: Partial<StoryObj> = {}): StoryObj => ({
  render: () => demoProvider(html`<relink-reconnect-button connection-id=${id}></relink-reconnect-button>`, options),
  play: async ({ canvasElement }) => void (await until(() => base(canvasElement))),
  ...extra,
});

const click = (after: string): Partial<StoryObj> => ({
  play: async ({ canvasElement }) => {
    (await until(() => base(canvasElement))).click();
    await until(() => canvasElement.querySelector('relink-reconnect-button')!.shadowRoot!.querySelector(after));
  },
});

const meta: Meta = { title: 'Elements/Reconnect button', component: 'relink-reconnect-button' };
export default meta;
type Story = StoryObj;

/** The agency's own OAuth connection: the consent popup (needs a real backend origin to complete). */
export const Consent: Story = button('con_hubspot');
/** The agency on a client's connection: it asks the client instead. */
export const SendReconnectionRequest: Story = button('con_quickbooks');
/** An API-key app: the credential form (seed 003: "re-enter the requested information, then click Save"). */
export const ApiKeyForm: Story = button('con_mailchimp', { role: 'agency' }, click("[part='form']"));
/** Seed 000: the managed auth config is missing; the server's message and who to contact. */
export const AuthConfigMissing: Story = button('con_fub', { role: 'agency' }, click("[part='error']"));
export const Dark: Story = button('con_mailchimp', { role: 'agency', theme: 'dark' }, { ...click("[part='form']"), parameters: { relink: { theme: 'dark' } } });
export const RightToLeft: Story = button('con_mailchimp', { role: 'agency' }, { ...click("[part='form']"), parameters: { relink: { dir: 'rtl' } } });
