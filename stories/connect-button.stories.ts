import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent } from 'storybook/test';
import '@relink/elements/connect-button.js';
import type { RelinkConnectButton } from '@relink/elements/connect-button.js';
import { demoProvider, type DemoOptions } from './support/relink-demo.js';
import { element, expectDark, inShadow, part } from './support/queries.js';

const buttonEl = (root: HTMLElement) => element<RelinkConnectButton>(root, 'relink-connect-button');

const story = (appKey: string, play: (el: RelinkConnectButton) => Promise<unknown>, options: DemoOptions = {}, extra: Partial<StoryObj> = {}): StoryObj => ({
  render: () => demoProvider(html`<relink-connect-button app-key=${appKey}></relink-connect-button>`, { role: 'agency', ...options }),
  play: async ({ canvasElement }) => void (await play(await buttonEl(canvasElement))),
  ...extra,
});

const meta: Meta = { title: 'Elements/Connect button', component: 'relink-connect-button' };
export default meta;
type Story = StoryObj;

/** An OAuth app: "Connect" (named "Connect Slack") opens the provider's consent. */
export const OAuth: Story = story('slack', async (el) => {
  const button = await (await inShadow(el)).findByRole('button', { name: 'Connect Slack' });
  await expect(button).toHaveTextContent('Connect');
  await expect(button).not.toHaveAttribute('aria-expanded');
});
/** An API-key app: the credential form, focused in its first field. */
export const ApiKeyForm: Story = story('mailchimp', async (el) => {
  await userEvent.click(await (await inShadow(el)).findByRole('button', { name: 'Connect Mailchimp' }));
  const input = await (await inShadow(el)).findByLabelText('API key');
  await expect(input).toHaveAttribute('type', 'password');
  await expect(await (await inShadow(el)).findByRole('button', { name: 'Connect Mailchimp' })).toHaveAttribute('aria-expanded', 'true');
});
/** The 422's field error under the field. */
export const InvalidKey: Story = story('mailchimp', async (el) => {
  await userEvent.click(await (await inShadow(el)).findByRole('button', { name: 'Connect Mailchimp' }));
  await userEvent.type(await (await inShadow(el)).findByLabelText('API key'), 'not-a-key{Enter}');
  await (await inShadow(el)).findByText('Mailchimp API keys are 32 hexadecimal characters followed by a data-center suffix such as -us21.');
});
/** A managed auth config is missing: says so and who to ask, no popup. */
export const AuthConfigMissing: Story = story('follow-up-boss', async (el) => {
  await userEvent.click(await (await inShadow(el)).findByRole('button', { name: 'Connect Follow Up Boss' }));
  await expect(await part(el, "[part='error']")).toHaveTextContent('Follow Up Boss needs a managed auth config, and it is missing');
});
/** An app key the catalog does not know. */
export const UnknownApp: Story = story('nosuchapp', async (el) => {
  await expect(await part(el, "[part='error']")).toHaveTextContent('This app is not in your catalog.');
});
export const Dark: Story = story('slack', async (el) => {
  await expectDark(await (await inShadow(el)).findByRole('button', { name: 'Connect Slack' }));
}, { theme: 'dark' }, { parameters: { relink: { theme: 'dark' } } });
