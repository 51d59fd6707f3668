import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@relink/elements/notification-bell.js';
import { demoProvider, HOSTILE, LONG, storeIn, until, type DemoOptions } from './support/relink-demo.js';

const bell = (options: DemoOptions = {}, { open = false, prepare }: { open?: boolean; prepare?: (root: HTMLElement) => Promise<void> } = {}, extra: Partial<StoryObj> = {}): StoryObj => ({
  render: () => demoProvider(html`<div style="display:flex; justify-content:flex-end; min-block-size: 420px">
    <relink-notification-bell connection-href="#connections/{id}"></relink-notification-bell></div>`, { role: 'agency', ...options }),
  play: async ({ canvasElement }) => {
    const store = await storeIn(canvasElement);
    await until(() => store.getSnapshot().notifications.status !== 'loading' && store.getSnapshot().notifications.status !== 'idle');
    await prepare?.(canvasElement);
    const el = canvasElement.querySelector('relink-notification-bell')!;
    await el.updateComplete;
    if (open) el.show();
  },
  ...extra,
});

const meta: Meta = { title: 'Elements/Notification bell', component: 'relink-notification-bell' };
export default meta;
type Story = StoryObj;

/** Closed, "Notifications, 3 unread". */
export const Closed: Story = bell();
/** Open: newest first, titled after the app, each linking to its connection. */
export const Open: Story = bell({}, { open: true });
/** A principal with no notifications: "No notifications". */
export const Empty: Story = bell({ role: 'client', principalId: 'prn_newcomer' }, { open: true });
export const Dark: Story = bell({ theme: 'dark' }, { open: true }, { parameters: { relink: { theme: 'dark' } } });
export const RightToLeft: Story = bell({}, { open: true }, { parameters: { relink: { dir: 'rtl' } } });
export const Narrow: Story = bell({}, { open: true }, { parameters: { relink: { width: '280px' } } });
export const LongAndHostile: Story = bell({}, {
  open: true,
  prepare: async (root) => {
    const store = await storeIn(root);
    const n = store.getSnapshot().notifications.byId.get('ntf_hubspot')!;
    store.apply({ id: 'evt_story_1', type: 'notification.updated', at: n.createdAt, notification: { ...n, appName: HOSTILE, body: LONG } });
  },
});
