import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import '@relink/elements/app-catalog.js';
import type { RelinkAppCatalog } from '@relink/elements/app-catalog.js';
import { demoProvider, intercept, NETWORK_DOWN, networkDown, never, type DemoOptions } from './support/relink-demo.js';
import { element, expectDark, expectRtl, inShadow, part } from './support/queries.js';

const catalogEl = (root: HTMLElement) => element<RelinkAppCatalog>(root, 'relink-app-catalog');
const names = (el: RelinkAppCatalog) => [...el.shadowRoot!.querySelectorAll("[part='name']")].map((n) => n.textContent);
const ALL = ['Facebook Pages', 'Follow Up Boss', 'GoHighLevel', 'Google Drive', 'HubSpot', 'LinkedIn', 'Mailchimp', 'QuickBooks', 'Salesforce', 'Slack'];
const appsDown = intercept(/\/apps$/, networkDown);
const appsHang = intercept(/\/apps$/, never);

const catalog = (options: DemoOptions, play: (el: RelinkAppCatalog, root: HTMLElement) => Promise<unknown>, attrs = html`<relink-app-catalog></relink-app-catalog>`, extra: Partial<StoryObj> = {}): StoryObj => ({
  render: () => demoProvider(html`<div style="max-inline-size: 36rem">${attrs}</div>`, { role: 'agency', ...options }),
  play: async ({ canvasElement }) => void (await play(await catalogEl(canvasElement), canvasElement)),
  ...extra,
});

const listed = async (el: RelinkAppCatalog, expected: string[]) => waitFor(() => expect(names(el)).toEqual(expected), { timeout: 5000 });

const meta: Meta = { title: 'Elements/App catalog', component: 'relink-app-catalog' };
export default meta;
type Story = StoryObj;

/** Every app by name, with its monogram and how it connects. */
export const Default: Story = catalog({}, async (el) => {
  await listed(el, ALL);
  const items = [...el.shadowRoot!.querySelectorAll("[part='item']")];
  await expect(items.find((i) => i.textContent!.includes('Mailchimp'))).toHaveTextContent('Connect with an API key');
  await expect(items.find((i) => i.textContent!.includes('Follow Up Boss'))).toHaveTextContent('Needs a managed auth config');
  await expect(items.find((i) => i.textContent!.includes('Slack'))).toHaveTextContent('Connect by signing in');
});
/** Typing narrows the list. */
export const Searching: Story = catalog({}, async (el) => {
  await listed(el, ALL);
  await userEvent.type(await part(el, "[part='search-input']"), 'goo');
  await listed(el, ['Google Drive']);
});
/** Nothing matches: says what was searched. */
export const NoMatches: Story = catalog({}, async (el) => {
  await (await inShadow(el)).findByText('No apps match “zzz”.');
}, html`<relink-app-catalog query="zzz"></relink-app-catalog>`);
/** While the catalog loads: busy, with a skeleton. */
export const Loading: Story = catalog({ fetch: appsHang }, async (el) => {
  await expect(await part(el, "[part='loading']")).toHaveAttribute('role', 'status');
  await expect(el.shadowRoot!.querySelector("[part='base']")).toHaveAttribute('aria-busy', 'true');
});
/** The catalog could not load: why, and "Try again". */
export const Error: Story = catalog({ fetch: appsDown }, async (el) => {
  const error = await part(el, "[part='error']");
  await expect(error).toHaveTextContent(NETWORK_DOWN);
  await expect(await part(el, "[part='retry']")).toHaveTextContent('Try again');
});
/** No apps in the workspace. */
export const Empty: Story = catalog({ prepare: async (server) => (server.app.relink.store as unknown as { apps: Map<string, unknown> }).apps.clear() }, async (el) => {
  await expect(await part(el, "[part='empty-title']")).toHaveTextContent('No apps to connect');
});
/** Mailchimp's API-key form opened from the catalog. */
export const ApiKeyForm: Story = catalog({}, async (el) => {
  await listed(el, ['Mailchimp']);
  const button = el.shadowRoot!.querySelector('relink-connect-button')!;
  await userEvent.click(await (await inShadow(button)).findByRole('button', { name: 'Connect Mailchimp' }));
  await expect(await (await inShadow(button)).findByLabelText('API key')).toHaveAttribute('type', 'password');
}, html`<relink-app-catalog query="mail"></relink-app-catalog>`);
export const Dark: Story = catalog({ theme: 'dark' }, async (el) => {
  await listed(el, ALL);
  await expectDark(el.shadowRoot!.querySelector("[part='item']")!);
}, undefined, { parameters: { relink: { theme: 'dark' } } });
export const RightToLeft: Story = catalog({}, async (el) => {
  await listed(el, ALL);
  await expectRtl(el);
}, undefined, { parameters: { relink: { dir: 'rtl' } } });
