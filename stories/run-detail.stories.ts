import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { Run } from '@relink/sdk';
import '@relink/elements/run-detail.js';
import type { RelinkRunDetail } from '@relink/elements/run-detail.js';
import { demoProvider, HOSTILE, LONG, storeIn, until, type DemoOptions } from './support/relink-demo.js';

const detailOf = (root: HTMLElement) => root.querySelector<RelinkRunDetail>('relink-run-detail')!;

/** One run's page against the in-page backend; `prepare` may add runs (as live updates would) before it settles. */
const detail = (runId: string, options: DemoOptions = {}, prepare?: (root: HTMLElement) => Promise<void>, extra: Partial<StoryObj> = {}): StoryObj => ({
  render: () =>
    demoProvider(html`<relink-run-detail run-id=${runId} connection-href="#connections/{id}" run-href="#runs/{id}"></relink-run-detail>`, {
      role: 'agency',
      ...options,
    }),
  play: async ({ canvasElement }) => {
    const store = await storeIn(canvasElement);
    await prepare?.(canvasElement);
    const el = detailOf(canvasElement);
    await until(() => el.run && store.getSnapshot().connections.status !== 'loading' && store.getSnapshot().runs.status !== 'loading');
    await el.updateComplete;
  },
  ...extra,
});

/** Adds a run as a live update would (display only) and shows it. */
async function showRun(root: HTMLElement, from: string, patch: Partial<Run>) {
  const store = await storeIn(root);
  await until(() => store.getSnapshot().runs.byId.get(from));
  const now = new Date().toISOString();
  const run: Run = { ...store.getSnapshot().runs.byId.get(from)!, startedAt: now, updatedAt: now, ...patch } as Run;
  store.apply({ id: `evt_story_${run.id}`, type: 'run.updated', at: now, run });
  detailOf(root).runId = run.id;
}

const meta: Meta = { title: 'Elements/Run detail', component: 'relink-run-detail' };
export default meta;
type Story = StoryObj;

/** An operator run paused because HubSpot needs reauthorization: named and linked; "Resume". */
export const PausedForReauthOperator: Story = detail('run_operator_reauth');
/** An agent run parked on reauth: it resumes by itself once HubSpot is reconnected (no button until then either way). */
export const PausedForReauthAgent: Story = detail('run_agent_reauth');
export const Running: Story = detail('run_running');
/** A failed run: its error message, the finished time and "Replay". */
export const FailedWithError: Story = detail('run_failed');
export const Completed: Story = detail('run_completed');
/** A replay of the failed run: "Replay of the run started yesterday" links to the original. */
export const Replay: Story = detail('run_failed', {}, (root) =>
  showRun(root, 'run_failed', { id: 'run_story_replay', status: 'running', replayOf: 'run_failed', error: undefined, finishedAt: undefined }),
);
/** An id the workspace does not have. */
export const NotFound: Story = {
  render: () => demoProvider(html`<relink-run-detail run-id="run_nope" run-href="#runs/{id}"></relink-run-detail>`, { role: 'agency' }),
  play: async ({ canvasElement }) => {
    await until(() => detailOf(canvasElement).shadowRoot?.querySelector('[part=error]'));
  },
};
/** The run never arrives: the skeleton with "Loading run…" for assistive tech. */
export const Loading: Story = {
  render: () =>
    demoProvider(html`<relink-run-detail run-id="run_failed"></relink-run-detail>`, {
      role: 'agency',
      fetch: (fetch) => (input, init) =>
        /\/runs(\/|\?|$)/.test(new URL(input instanceof Request ? input.url : String(input)).pathname) ? new Promise<Response>(() => {}) : fetch(input, init),
    }),
};
export const LongName: Story = detail('run_operator_reauth', {}, (root) =>
  showRun(root, 'run_operator_reauth', { id: 'run_story_long', workflowName: LONG }),
);
export const HostileName: Story = detail('run_failed', {}, (root) => showRun(root, 'run_failed', { id: 'run_story_hostile', workflowName: HOSTILE }));
export const RightToLeft: Story = detail('run_operator_reauth', {}, undefined, { parameters: { relink: { dir: 'rtl' } } });
export const Dark: Story = detail('run_failed', { theme: 'dark' }, undefined, { parameters: { relink: { theme: 'dark' } } });
export const DarkPaused: Story = detail('run_operator_reauth', { theme: 'dark' }, undefined, { parameters: { relink: { theme: 'dark' } } });
export const Narrow: Story = detail('run_operator_reauth', {}, undefined, { parameters: { relink: { width: '360px' } } });
