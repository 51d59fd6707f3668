import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import '@relink/elements/notification-settings.js';
import type { RelinkNotificationSettings } from '@relink/elements/notification-settings.js';
import { demoProvider, intercept, NETWORK_DOWN, networkDown, never, type DemoOptions } from './support/relink-demo.js';
import { element, expectDark, expectRtl, inShadow, part } from './support/queries.js';

const settingsEl = (root: HTMLElement) => element<RelinkNotificationSettings>(root, 'relink-notification-settings');
const box = (el: RelinkNotificationSettings, kind: string) => el.shadowRoot!.querySelector<HTMLInputElement>(`#kind-${kind}`);
const PREFERENCES = /\/notification-preferences$/;
/** Only the saves (PUT) get `answer`: the preferences still load from the in-page backend. */
const onSave = (answer: () => Promise<Response>): DemoOptions['fetch'] => (fetch) => (input, init) =>
  (input instanceof Request ? input.method : init?.method) === 'PUT' ? answer() : fetch(input, init);

const settings = (options: DemoOptions, play: (el: RelinkNotificationSettings, root: HTMLElement) => Promise<unknown>, extra: Partial<StoryObj> = {}): StoryObj => ({
  render: () => demoProvider(html`<div style="max-inline-size: 36rem"><relink-notification-settings></relink-notification-settings></div>`, options),
  play: async ({ canvasElement }) => void (await play(await settingsEl(canvasElement), canvasElement)),
  ...extra,
});
const loaded = (el: RelinkNotificationSettings) => waitFor(() => expect(box(el, 'run_failed')).toBeTruthy(), { timeout: 5000 });

const meta: Meta = { title: 'Elements/Notification settings', component: 'relink-notification-settings' };
export default meta;
type Story = StoryObj;

/** A client: every kind on, each one its own to turn off. */
export const Default: Story = settings({ role: 'client' }, async (el) => {
  await loaded(el);
  const shadow = await inShadow(el);
  for (const name of ['Reauthorization needed', 'Run failed', 'Connection revoked', 'Connection expiring soon']) {
    const checkbox = await shadow.findByRole('checkbox', { name });
    await expect(checkbox).toBeChecked();
    await expect(checkbox).toBeEnabled();
  }
});
/** The agency: its reauthorization alerts stay on (the banner counts them), and it says why. */
export const AgencyReauthAlwaysOn: Story = settings({ role: 'agency' }, async (el) => {
  await loaded(el);
  const reauth = await (await inShadow(el)).findByRole('checkbox', { name: 'Reauthorization needed' });
  await expect(reauth).toBeChecked();
  await expect(reauth).toBeDisabled();
  await expect(reauth).toHaveAccessibleDescription(/Always on for your agency: the reauthorization banner counts these alerts\./);
});
/** A change being saved: the box shows it, the list is busy, "Saving…" is announced. */
export const Saving: Story = settings({ role: 'agency', fetch: onSave(never) }, async (el) => {
  await loaded(el);
  await userEvent.click(box(el, 'run_failed')!);
  await expect(box(el, 'run_failed')).not.toBeChecked();
  await expect(await part(el, "[part='status']")).toHaveTextContent('Saving…');
  await expect(el.shadowRoot!.querySelector("[part='list']")).toHaveAttribute('aria-busy', 'true');
});
/** Run failed turned off and saved. */
export const Saved: Story = settings({ role: 'agency' }, async (el) => {
  await loaded(el);
  await userEvent.click(box(el, 'run_failed')!);
  await waitFor(() => expect(el.shadowRoot!.querySelector("[part='status']")).toHaveTextContent('Notification settings saved.'), { timeout: 5000 });
  await expect(box(el, 'run_failed')).not.toBeChecked();
});
/** A save the network dropped: the box is back as it was, and the alert says why. */
export const SaveFailed: Story = settings({ role: 'client', fetch: onSave(networkDown) }, async (el) => {
  await loaded(el);
  await userEvent.click(box(el, 'expiring_soon')!);
  const alert = await part(el, "[part='save-error']");
  await expect(alert).toHaveTextContent(`Could not save your notification settings. ${NETWORK_DOWN}`);
  await waitFor(() => expect(box(el, 'expiring_soon')).toBeChecked());
});
/** While the preferences load: busy, with a skeleton. */
export const Loading: Story = settings({ fetch: intercept(PREFERENCES, never) }, async (el) => {
  await expect(await part(el, "[part='loading']")).toHaveAttribute('role', 'status');
  await expect(el.shadowRoot!.querySelector("[part='base']")).toHaveAttribute('aria-busy', 'true');
});
/** The preferences could not load: why, and "Try again". */
export const Error: Story = settings({ fetch: intercept(PREFERENCES, networkDown) }, async (el) => {
  await expect(await part(el, "[part='error']")).toHaveTextContent(NETWORK_DOWN);
  await expect(await part(el, "[part='retry']")).toHaveTextContent('Try again');
});
/** A server with no kinds to set up (made up: the reference backend always lists every kind). */
export const Empty: Story = settings({ fetch: intercept(PREFERENCES, async () => Response.json({ data: [] })) }, async (el) => {
  await expect(await part(el, "[part='empty-title']")).toHaveTextContent('There are no notifications to set up.');
});
export const Dark: Story = settings({ role: 'agency', theme: 'dark' }, async (el) => {
  await loaded(el);
  await expectDark(el.shadowRoot!.querySelector("[part~='item']")!);
}, { parameters: { relink: { theme: 'dark' } } });
export const RightToLeft: Story = settings({ role: 'agency' }, async (el) => {
  await loaded(el);
  await expectRtl(el);
}, { parameters: { relink: { dir: 'rtl' } } });
