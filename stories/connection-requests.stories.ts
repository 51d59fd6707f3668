import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import '@relink/elements/connection-requests.js';
import type { RelinkConnectionRequests } from '@relink/elements/connection-requests.js';
import { demoProvider, HOSTILE, LONG, settled, storeIn, type DemoOptions } from './support/relink-demo.js';
import { element, expectDark, expectFits, expectRtl, inShadow } from './support/queries.js';

const panelEl = (root: HTMLElement) => element<RelinkConnectionRequests>(root, 'relink-connection-requests');

/** The panel under its heading, once the requests and the viewer have arrived, listing `apps`. */
async function listed(root: HTMLElement, apps: string[]): Promise<RelinkConnectionRequests> {
  await settled(root, (s) => s.connectionRequests.status === 'ready' && !!s.viewer);
  const el = await panelEl(root);
  const shadow = await inShadow(el);
  await shadow.findByRole('heading', { name: 'Outstanding connection requests' });
  await waitFor(() => expect([...el.shadowRoot!.querySelectorAll("[part='app']")].map((a) => a.textContent)).toEqual(apps));
  return el;
}

/** The Salesforce request as `role` sees it: who asked, and the one action that role has. */
async function salesforce(root: HTMLElement, action: 'Connect' | 'Cancel'): Promise<RelinkConnectionRequests> {
  const el = await listed(root, ['Salesforce']);
  const shadow = await inShadow(el);
  await expect(el.shadowRoot!.querySelector("[part='meta']")).toHaveTextContent(/^Requested by Northwind Agency · /);
  const buttons = shadow.getAllByRole('button').map((b) => b.textContent!.trim());
  await expect(buttons).toEqual([action]);
  await expect(shadow.getByRole('button', { name: action })).toHaveAccessibleDescription('Salesforce');
  return el;
}

const panel = (options: DemoOptions, play: (root: HTMLElement) => Promise<unknown>, extra: Partial<StoryObj> = {}): StoryObj => ({
  render: () => demoProvider(html`<relink-connection-requests></relink-connection-requests>`, options),
  play: async ({ canvasElement }) => void (await play(canvasElement)),
  ...extra,
});

const meta: Meta = { title: 'Elements/Connection requests', component: 'relink-connection-requests' };
export default meta;
type Story = StoryObj;

/** The client asked to connect Salesforce: "Connect", no "Cancel". */
export const AsClient: Story = panel({ role: 'client' }, (root) => salesforce(root, 'Connect'));
/** The agency: "Cancel" on each outstanding request. */
export const AsAgency: Story = panel({ role: 'agency' }, (root) => salesforce(root, 'Cancel'));
/** "No outstanding requests". */
export const Empty: Story = panel({ role: 'client', principalId: 'prn_newcomer' }, async (root) => {
  const el = await listed(root, []);
  await expect(el.shadowRoot!.querySelector("[part='empty']")).toHaveTextContent('No outstanding requests');
});
/** A long note and a hostile requester name render as text. */
export const LongAndHostile: Story = panel({ role: 'client' }, async (root) => {
  const el = await salesforce(root, 'Connect');
  const store = await storeIn(root);
  const r = store.getSnapshot().connectionRequests.byId.get('req_salesforce')!;
  store.apply({ id: 'evt_story_1', type: 'connection_request.updated', at: r.requestedAt, request: { ...r, note: `${LONG} ${HOSTILE}`, requestedBy: { ...r.requestedBy, name: HOSTILE } } });
  await waitFor(() => expect(el.shadowRoot!.querySelector("[part='note']")!.textContent).toBe(`${LONG} ${HOSTILE}`));
  await expect(el.shadowRoot!.querySelector("[part='meta']")!.textContent).toContain(`Requested by ${HOSTILE}`);
  await expect(el.shadowRoot!.querySelector('img, script')).toBeNull();
});
export const Dark: Story = panel({ role: 'agency', theme: 'dark' }, async (root) => expectDark(await salesforce(root, 'Cancel')), {
  parameters: { relink: { theme: 'dark' } },
});
export const RightToLeft: Story = panel({ role: 'client' }, async (root) => expectRtl(await salesforce(root, 'Connect')), {
  parameters: { relink: { dir: 'rtl' } },
});
export const Narrow: Story = panel({ role: 'client' }, async (root) => expectFits(await salesforce(root, 'Connect'), 260), {
  parameters: { relink: { width: '260px' } },
});
