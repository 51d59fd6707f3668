import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import '@relink/elements/reauth-banner.js';
import type { RelinkReauthBanner } from '@relink/elements/reauth-banner.js';
import { demoProvider, dropout, HOSTILE, LONG, settled, storeIn, type DemoOptions } from './support/relink-demo.js';
import { fixMailchimp, reconnectHubSpot, reconnectQuickBooks } from './support/fix-connections.js';
import { element, expectDark, expectFits, expectRtl, inShadow, part } from './support/queries.js';

const bannerEl = (root: HTMLElement) => element<RelinkReauthBanner>(root, 'relink-reauth-banner');

/** Reads the given notifications through the store (the real backend records it), once they have loaded; the banner stays. */
async function read(root: HTMLElement, ids: string[]): Promise<void> {
  await settled(root, (s) => s.notifications.status === 'ready');
  const store = await storeIn(root);
  for (const id of ids) await store.markRead(id);
}

/** The banner's heading, its link to the first app's connection, and "and N more". */
async function expectBanner(root: HTMLElement, title: string, link: string, more: string | null): Promise<RelinkReauthBanner> {
  const el = await bannerEl(root);
  const shadow = await inShadow(el);
  await expect(await shadow.findByRole('heading', { name: title })).toBeTruthy();
  await expect(shadow.getByRole('link', { name: link })).toHaveAttribute('href', '#connections/con_hubspot');
  await expect(el.shadowRoot!.querySelector("[part='more']")?.textContent ?? null).toBe(more);
  return el;
}

const THREE = ['3 connections need to be reauthorized', 'HubSpot reauth required', 'and 2 more'] as const;

const banner = (options: DemoOptions, play: (root: HTMLElement) => Promise<unknown>, extra: Partial<StoryObj> = {}): StoryObj => ({
  render: () => demoProvider(html`<relink-reauth-banner href="#connections/{id}"></relink-reauth-banner>`, { role: 'agency', ...options }),
  play: async ({ canvasElement }) => void (await play(canvasElement)),
  ...extra,
});

const meta: Meta = { title: 'Elements/Reauth banner', component: 'relink-reauth-banner' };
export default meta;
type Story = StoryObj;

/** The seed: HubSpot, Mailchimp and QuickBooks → "3 connections need to be reauthorized", "HubSpot reauth required and 2 more". */
export const ThreeApps: Story = banner({}, (root) => expectBanner(root, ...THREE));
/** Mailchimp (its API key) and QuickBooks (the client's consent) fixed: "A connection needs to be reauthorized". */
export const OneApp: Story = banner({ prepare: async (server) => Promise.all([fixMailchimp(server), reconnectQuickBooks(server)]) }, async (root) => {
  await expectBanner(root, 'A connection needs to be reauthorized', 'HubSpot reauth required', null);
});
/** Reading every alert does not hide the banner: it counts what is still broken, not what is unread. */
export const ReadAlertsStay: Story = banner({}, async (root) => {
  await expectBanner(root, ...THREE);
  await read(root, ['ntf_hubspot', 'ntf_mailchimp', 'ntf_quickbooks']);
  const store = await storeIn(root);
  await waitFor(() => expect([...store.getSnapshot().notifications.byId.values()].filter((n) => n.kind === 'reauth_required' && !n.read)).toHaveLength(0));
  const el = await expectBanner(root, ...THREE);
  await expect(el.count).toBe(3);
});
/** Every connection fixed the way its owner would: nothing needs reauthorization, the banner is hidden. */
export const None: Story = banner({
  prepare: async (server) => Promise.all([fixMailchimp(server), reconnectHubSpot(server), reconnectQuickBooks(server)]),
}, async (root) => {
  await settled(root, (s) => s.notifications.status === 'ready');
  const el = await bannerEl(root);
  await el.updateComplete;
  await expect(el.count).toBe(0);
  await expect(el.shadowRoot!.querySelector("[part='base']")).toBeNull();
  await expect(el.getBoundingClientRect().height).toBe(0);
});
let network = dropout();
/** The network drops after the banner loaded: it keeps its data and says it may be out of date, until the network returns. */
export const Stale: Story = banner({ fetch: (fetch) => (network = dropout()).fetch(fetch) }, async (root) => {
  const el = await expectBanner(root, ...THREE);
  const store = await storeIn(root);
  await waitFor(() => expect(store.getSnapshot().live).toBe('open'));
  await expect(el.shadowRoot!.querySelector("[part='stale']")).toBeNull();
  network.down();
  const note = await part(el, "[part='stale']");
  await expect(note).toHaveTextContent('This may be out of date: the service cannot be reached right now.');
  await expect(note).toHaveAttribute('role', 'status');
  await expectBanner(root, ...THREE);
});
export const Dark: Story = banner({ theme: 'dark' }, async (root) => expectDark(await expectBanner(root, ...THREE)), { parameters: { relink: { theme: 'dark' } } });
export const RightToLeft: Story = banner({}, async (root) => expectRtl(await expectBanner(root, ...THREE)), { parameters: { relink: { dir: 'rtl' } } });
export const Narrow: Story = banner({}, async (root) => expectFits(await expectBanner(root, ...THREE), 260), { parameters: { relink: { width: '260px' } } });
/** Long and hostile app names render as text. */
export const LongAndHostile: Story = banner({}, async (root) => {
  await expectBanner(root, ...THREE);
  const store = await storeIn(root);
  const n = store.getSnapshot().notifications.byId.get('ntf_hubspot')!;
  store.apply({ id: 'evt_story_1', type: 'notification.updated', at: n.createdAt, notification: { ...n, appName: `${LONG} ${HOSTILE}` } });
  const el = await expectBanner(root, THREE[0], `${LONG} ${HOSTILE} reauth required`, THREE[2]);
  await expect(el.shadowRoot!.querySelector('img, script')).toBeNull();
});
