import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@relink/elements/reauth-banner.js';
import { demoProvider, HOSTILE, LONG, storeIn, until, type DemoOptions } from './support/relink-demo.js';

/** Reads the given notifications in the page's store before the story settles (3 → 1 → 0 affected apps). */
const banner = (read: string[] = [], options: DemoOptions = {}, extra: Partial<StoryObj> = {}): StoryObj => ({
  render: () => demoProvider(html`<relink-reauth-banner href="#connections/{id}"></relink-reauth-banner>`, { role: 'agency', ...options }),
  play: async ({ canvasElement }) => {
    const store = await storeIn(canvasElement);
    await until(() => store.getSnapshot().notifications.status === 'ready');
    for (const id of read) await store.markRead(id);
    const el = canvasElement.querySelector('relink-reauth-banner')!;
    await el.updateComplete;
  },
  ...extra,
});

const meta: Meta = { title: 'Elements/Reauth banner', component: 'relink-reauth-banner' };
export default meta;
type Story = StoryObj;

/** The seed: HubSpot, Mailchimp and QuickBooks → "3 connections need to be reauthorized", "HubSpot reauth required and 2 more". */
export const ThreeApps: Story = banner();
/** "A connection needs to be reauthorized". */
export const OneApp: Story = banner(['ntf_mailchimp', 'ntf_quickbooks']);
/** Nothing needs reauthorization: the banner is hidden. */
export const None: Story = banner(['ntf_hubspot', 'ntf_mailchimp', 'ntf_quickbooks']);
export const Dark: Story = banner([], { theme: 'dark' }, { parameters: { relink: { theme: 'dark' } } });
export const RightToLeft: Story = banner([], {}, { parameters: { relink: { dir: 'rtl' } } });
export const Narrow: Story = banner([], {}, { parameters: { relink: { width: '260px' } } });
/** Long and hostile app names render as text. */
export const LongAndHostile: Story = banner([], {}, {
  play: async ({ canvasElement }) => {
    const store = await storeIn(canvasElement);
    const n = await until(() => store.getSnapshot().notifications.byId.get('ntf_hubspot'));
    store.apply({ id: 'evt_story_1', type: 'notification.updated', at: n.createdAt, notification: { ...n, appName: `${LONG} ${HOSTILE}` } });
    await canvasElement.querySelector('relink-reauth-banner')!.updateComplete;
  },
});
