import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import '@relink/elements/notification-bell.js';
import type { RelinkNotificationBell } from '@relink/elements/notification-bell.js';
import { demoProvider, HOSTILE, LONG, settled, storeIn, type DemoOptions } from './support/relink-demo.js';
import { element, expectDark, expectFits, expectRtl, inShadow } from './support/queries.js';

const bellEl = (root: HTMLElement) => element<RelinkNotificationBell>(root, 'relink-notification-bell');
const SEEDED = ['HubSpot reauth required', 'Mailchimp reauth required', 'QuickBooks reauth required', 'LinkedIn connection expires soon'];

/** The bell once the notifications have arrived: its button names the unread count. */
async function loadedBell(root: HTMLElement, label: string): Promise<RelinkNotificationBell> {
  await settled(root, (s) => s.notifications.status === 'ready');
  const el = await bellEl(root);
  await (await inShadow(el)).findByRole('button', { name: label });
  return el;
}

/** Opens the popover with a click, as a user would: the dialog is open and focus is inside it. */
async function openBell(root: HTMLElement, label: string): Promise<HTMLElement> {
  const el = await loadedBell(root, label);
  const shadow = await inShadow(el);
  await userEvent.click(shadow.getByRole('button', { name: label }));
  const panel = await shadow.findByRole('dialog', { name: 'Notifications' });
  await waitFor(() => expect(el.open).toBe(true));
  await waitFor(() => expect(panel.contains(el.shadowRoot!.activeElement)).toBe(true));
  return panel;
}

/** The open list, newest first, each titled after its app and linking to its connection. */
async function expectSeeded(panel: HTMLElement, titles = SEEDED): Promise<void> {
  const items = [...panel.querySelectorAll<HTMLAnchorElement>("[part~='item-link']")];
  await expect(items.map((i) => i.querySelector("[part='item-title']")!.textContent!.replace(/^(Critical|Warning): /, ''))).toEqual(titles);
  // Oldest last: LinkedIn's expiry warning, seeded read, from when it entered the 14-day window.
  await expect(items.map((i) => i.getAttribute('href'))).toEqual(['#connections/con_hubspot', '#connections/con_mailchimp', '#connections/con_quickbooks', '#connections/con_linkedin']);
  await expect(panel.getRootNode() instanceof ShadowRoot && (panel.getRootNode() as ShadowRoot).activeElement).toBe(items[0]);
}

const bell = (options: DemoOptions, play: (root: HTMLElement) => Promise<unknown>, extra: Partial<StoryObj> = {}): StoryObj => ({
  render: () => demoProvider(html`<div style="display:flex; justify-content:flex-end; min-block-size: 420px">
    <relink-notification-bell connection-href="#connections/{id}"></relink-notification-bell></div>`, { role: 'agency', ...options }),
  play: async ({ canvasElement }) => void (await play(canvasElement)),
  ...extra,
});

const meta: Meta = { title: 'Elements/Notification bell', component: 'relink-notification-bell' };
export default meta;
type Story = StoryObj;

/** Closed, "Notifications, 3 unread". */
export const Closed: Story = bell({}, async (root) => {
  const el = await loadedBell(root, 'Notifications, 3 unread');
  await expect(el.shadowRoot!.querySelector("[part='badge']")).toHaveTextContent('3');
  await expect(el.open).toBe(false);
  await expect((await inShadow(el)).queryByRole('dialog')).toBeNull();
});
/** Open: newest first, titled after the app, each linking to its connection. */
export const Open: Story = bell({}, async (root) => expectSeeded(await openBell(root, 'Notifications, 3 unread')));
/** A principal with no notifications: "No notifications". */
export const Empty: Story = bell({ role: 'client', principalId: 'prn_newcomer' }, async (root) => {
  const panel = await openBell(root, 'Notifications');
  await expect(panel.querySelector("[part='empty']")).toHaveTextContent('No notifications');
});
export const Dark: Story = bell({ theme: 'dark' }, async (root) => {
  const panel = await openBell(root, 'Notifications, 3 unread');
  await expectSeeded(panel);
  await expectDark(panel);
}, { parameters: { relink: { theme: 'dark' } } });
export const RightToLeft: Story = bell({}, async (root) => {
  const panel = await openBell(root, 'Notifications, 3 unread');
  await expectSeeded(panel);
  await expectRtl(panel);
}, { parameters: { relink: { dir: 'rtl' } } });
export const Narrow: Story = bell({}, async (root) => {
  const panel = await openBell(root, 'Notifications, 3 unread');
  await expectSeeded(panel);
  await expectFits(panel, window.innerWidth);
}, { parameters: { relink: { width: '280px' } } });
export const LongAndHostile: Story = bell({}, async (root) => {
  await loadedBell(root, 'Notifications, 3 unread');
  const store = await storeIn(root);
  const n = store.getSnapshot().notifications.byId.get('ntf_hubspot')!;
  store.apply({ id: 'evt_story_1', type: 'notification.updated', at: n.createdAt, notification: { ...n, appName: HOSTILE, connectionLabel: LONG } });
  const panel = await openBell(root, 'Notifications, 3 unread');
  await expectSeeded(panel, [`${HOSTILE} reauth required`, ...SEEDED.slice(1)]);
  await expect(panel.querySelector("[part='item-body']")!.textContent).toBe(`${LONG}: reconnect ${HOSTILE} to resume the workflows that use it.`);
  await expect(panel.querySelector('img, script')).toBeNull();
});
