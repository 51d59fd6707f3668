import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@relink/elements/connection-requests.js';
import { demoProvider, HOSTILE, LONG, storeIn, until, type DemoOptions } from './support/relink-demo.js';

const panel = (options: DemoOptions = {}, prepare?: (root: HTMLElement) => Promise<void>, extra: Partial<StoryObj> = {}): StoryObj => ({
  render: () => demoProvider(html`<relink-connection-requests></relink-connection-requests>`, options),
  play: async ({ canvasElement }) => {
    const store = await storeIn(canvasElement);
    await until(() => store.getSnapshot().connectionRequests.status === 'ready' && store.getSnapshot().viewer);
    await prepare?.(canvasElement);
    await canvasElement.querySelector('relink-connection-requests')!.updateComplete;
  },
  ...extra,
});

const meta: Meta = { title: 'Elements/Connection requests', component: 'relink-connection-requests' };
export default meta;
type Story = StoryObj;

/** The client asked to connect Salesforce: "Connect", no "Cancel". */
export const AsClient: Story = panel({ role: 'client' });
/** The agency: "Cancel" on each outstanding request. */
export const AsAgency: Story = panel({ role: 'agency' });
/** "No outstanding requests". */
export const Empty: Story = panel({ role: 'client', principalId: 'prn_newcomer' });
export const LongAndHostile: Story = panel({ role: 'client' }, async (root) => {
  const store = await storeIn(root);
  const r = store.getSnapshot().connectionRequests.byId.get('req_salesforce')!;
  store.apply({ id: 'evt_story_1', type: 'connection_request.updated', at: r.requestedAt, request: { ...r, note: `${LONG} ${HOSTILE}`, requestedBy: { ...r.requestedBy, name: HOSTILE } } });
});
export const Dark: Story = panel({ role: 'agency', theme: 'dark' }, undefined, { parameters: { relink: { theme: 'dark' } } });
export const RightToLeft: Story = panel({ role: 'client' }, undefined, { parameters: { relink: { dir: 'rtl' } } });
export const Narrow: Story = panel({ role: 'client' }, undefined, { parameters: { relink: { width: '260px' } } });
