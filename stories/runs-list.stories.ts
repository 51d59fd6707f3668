import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { Run, RunStatus } from '@relink/sdk';
import '@relink/elements/runs-list.js';
import type { RunsFilter } from '@relink/elements/runs-list.js';
import { demoProvider, HOSTILE, LONG, storeIn, until, type DemoOptions } from './support/relink-demo.js';

const list = (filter: RunsFilter = 'all', options: DemoOptions = {}, prepare?: (root: HTMLElement) => Promise<void>, extra: Partial<StoryObj> = {}): StoryObj => ({
  render: () => demoProvider(html`<relink-runs-list filter=${filter} connection-href="#connections/{id}" run-href="#runs/{id}"></relink-runs-list>`, { role: 'agency', ...options }),
  play: async ({ canvasElement }) => {
    const store = await storeIn(canvasElement);
    await until(() => !['idle', 'loading'].includes(store.getSnapshot().runs.status) && store.getSnapshot().connections.status !== 'loading');
    await prepare?.(canvasElement);
    await canvasElement.querySelector('relink-runs-list')!.updateComplete;
  },
  ...extra,
});

/** Adds runs in the statuses the seed lacks (waiting, cancelled), as live updates would; display only. */
async function everyStatus(root: HTMLElement, names: Partial<Record<RunStatus, string>> = {}) {
  const store = await storeIn(root);
  const base = store.getSnapshot().runs.byId.get('run_completed')!;
  const now = new Date().toISOString();
  (['waiting', 'cancelled'] as RunStatus[]).forEach((status, i) => {
    const run: Run = { ...base, id: `run_story_${status}`, status, startedAt: now, updatedAt: now, workflowName: names[status] ?? base.workflowName };
    store.apply({ id: `evt_story_${i}`, type: 'run.updated', at: now, run });
  });
}

const meta: Meta = { title: 'Elements/Runs list', component: 'relink-runs-list' };
export default meta;
type Story = StoryObj;

/** Every status, with Resume on paused runs and Replay on terminal ones. */
export const AllStatuses: Story = list('all', {}, (root) => everyStatus(root));
/** The "Paused for reauth" chip: exactly the runs waiting for HubSpot, which is named and linked. */
export const PausedForReauth: Story = list('paused_for_reauth');
export const Failed: Story = list('failed');
const runsAnswer = (answer: () => Promise<Response>): DemoOptions['fetch'] => (fetch) => (input, init) =>
  new URL(input instanceof Request ? input.url : String(input)).pathname.endsWith('/runs') ? answer() : fetch(input, init);
/** A workspace with no runs yet: "No runs yet". */
export const Empty: Story = list('all', {
  fetch: runsAnswer(async () => new Response(JSON.stringify({ data: [], nextCursor: null }), { headers: { 'content-type': 'application/json' } })),
});
/** The runs could not be loaded: the error and "Try again". */
export const LoadError: Story = list('all', { fetch: runsAnswer(() => Promise.reject(new TypeError('Failed to fetch'))) });
export const LongAndHostile: Story = list('all', {}, (root) => everyStatus(root, { waiting: LONG, cancelled: HOSTILE }));
export const Dark: Story = list('all', { theme: 'dark' }, undefined, { parameters: { relink: { theme: 'dark' } } });
export const RightToLeft: Story = list('paused_for_reauth', {}, undefined, { parameters: { relink: { dir: 'rtl' } } });
export const Narrow: Story = list('paused_for_reauth', {}, undefined, { parameters: { relink: { width: '360px' } } });
