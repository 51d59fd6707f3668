import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import type { Run, RunStatus } from '@relink/sdk';
import type { InPageRelink } from '@relink/server/browser';
import '@relink/elements/runs-list.js';
import type { RelinkRunsList, RunsFilter } from '@relink/elements/runs-list.js';
import { demoProvider, HOSTILE, intercept, LONG, NETWORK_DOWN, networkDown, runNamesHeld, settled, storeIn, type DemoOptions } from './support/relink-demo.js';
import { reconnectHubSpot } from './support/fix-connections.js';
import { element, expectDark, expectFits, expectRtl, inShadow, part } from './support/queries.js';

const listEl = (root: HTMLElement) => element<RelinkRunsList>(root, 'relink-runs-list');
/** The runs of the demo seed. */
const SEEDED_RUNS = 6;

/** Each row as read: workflow, status, and the buttons of its run actions. */
async function rowsOf(el: RelinkRunsList): Promise<{ id: string; workflow: string; status: string; actions: string[] }[]> {
  const rows = [...el.shadowRoot!.querySelectorAll<HTMLElement>("[part='row'][data-id]")];
  return Promise.all(rows.map(async (row) => {
    const actions = row.querySelector<HTMLElement & { updateComplete: Promise<boolean> }>('relink-run-actions')!;
    await actions.updateComplete;
    return {
      id: row.dataset.id!,
      workflow: row.querySelector("[part='workflow']")!.textContent!,
      status: row.querySelector("[part='status']")!.textContent!.trim(),
      actions: [...actions.shadowRoot!.querySelectorAll('button')].map((b) => b.textContent!.trim()),
    };
  }));
}

/** The list once the runs and the connections they name have loaded, with `chip` pressed. */
async function loaded(root: HTMLElement, chip: string): Promise<RelinkRunsList> {
  await settled(root, (s) => !['idle', 'loading'].includes(s.runs.status));
  const el = await listEl(root);
  await el.updateComplete;
  const shown = [...el.shadowRoot!.querySelectorAll<HTMLElement>("[part='row'][data-id]")].map((row) => row.dataset.id!);
  await settled(root, (s) => runNamesHeld(s, shown));
  const shadow = await inShadow(el);
  await expect(await shadow.findByRole('button', { name: chip, pressed: true })).toBeTruthy();
  await expect(shadow.getAllByRole('button', { pressed: true })).toHaveLength(1);
  return el;
}

/** The paused-for-reauth runs: both blocked by HubSpot, named and linked; no Resume while HubSpot is broken. */
async function pausedForReauth(root: HTMLElement): Promise<RelinkRunsList> {
  const el = await loaded(root, 'Paused for reauth');
  await waitFor(async () => expect((await rowsOf(el)).map((r) => r.id).sort()).toEqual(['run_agent_reauth', 'run_operator_reauth']));
  for (const row of await rowsOf(el)) await expect(row).toMatchObject({ status: 'Paused', actions: [] });
  // Each row says why there is no Resume, as the server does.
  const whyNot = (id: string) => el.shadowRoot!.querySelector(`[part='row'][data-id='${id}'] relink-run-actions`)!.shadowRoot!.querySelector("[part='unavailable']")?.textContent;
  await expect(whyNot('run_operator_reauth')).toBe('Reconnect HubSpot before resuming this run.');
  await expect(whyNot('run_agent_reauth')).toBe('This run resumes by itself once HubSpot is reconnected.');
  const links = (await inShadow(el)).getAllByRole('link', { name: 'HubSpot (Northwind CRM)' });
  await expect(links.map((a) => a.getAttribute('href'))).toEqual(['#connections/con_hubspot', '#connections/con_hubspot']);
  return el;
}

const list = (filter: RunsFilter, play: (root: HTMLElement) => Promise<unknown>, options: DemoOptions = {}, prepare?: (root: HTMLElement) => Promise<void>, extra: Partial<StoryObj> = {}): StoryObj => ({
  render: () => demoProvider(html`<relink-runs-list filter=${filter} connection-href="#connections/{id}" run-href="#runs/{id}"></relink-runs-list>`, { role: 'agency', ...options }),
  play: async ({ canvasElement }) => {
    await prepare?.(canvasElement);
    await play(canvasElement);
  },
  ...extra,
});

/** Adds runs in the statuses the seed lacks (waiting, cancelled), as live updates would; display only. */
async function everyStatus(root: HTMLElement, names: Partial<Record<RunStatus, string>> = {}) {
  await settled(root, (s) => s.runs.byId.has('run_completed'));
  const store = await storeIn(root);
  const base = store.getSnapshot().runs.byId.get('run_completed')!;
  const now = new Date().toISOString();
  (['waiting', 'cancelled'] as RunStatus[]).forEach((status, i) => {
    const run: Run = { ...base, id: `run_story_${status}`, status, startedAt: now, updatedAt: now, workflowName: names[status] ?? base.workflowName };
    store.apply({ id: `evt_story_${i}`, type: 'run.updated', at: now, run });
  });
}

/** Every status once or more: Replay only on terminal ones; no Resume on the seed's paused runs, as HubSpot is still broken. */
const ALL_STATUSES = {
  run_agent_reauth: ['Paused', []],
  run_operator_reauth: ['Paused', []],
  run_running: ['Running', []],
  run_failed: ['Failed', ['Replay']],
  run_completed: ['Completed', ['Replay']],
  run_newsletter: ['Paused', []],
  run_story_waiting: ['Waiting', []],
  run_story_cancelled: ['Cancelled', ['Replay']],
} as const;

async function allStatuses(root: HTMLElement): Promise<RelinkRunsList> {
  const el = await loaded(root, 'All');
  await waitFor(async () => expect((await rowsOf(el)).length).toBe(Object.keys(ALL_STATUSES).length));
  for (const row of await rowsOf(el)) {
    const [status, actions] = ALL_STATUSES[row.id as keyof typeof ALL_STATUSES];
    await expect({ id: row.id, status: row.status, actions: row.actions }).toEqual({ id: row.id, status, actions: [...actions] });
  }
  return el;
}

const meta: Meta = { title: 'Elements/Runs list', component: 'relink-runs-list' };
export default meta;
type Story = StoryObj;

/** Every status, with Replay on terminal ones (the paused runs wait for HubSpot, so no Resume). */
export const AllStatuses: Story = list('all', allStatuses, {}, (root) => everyStatus(root));
/** The "Paused for reauth" chip: exactly the runs waiting for HubSpot, which is named and linked. */
export const PausedForReauth: Story = list('paused_for_reauth', pausedForReauth);
/** Once HubSpot is reconnected (the real consent): the agent run resumed by itself, the operator run offers "Resume". */
export const AfterReconnect: Story = list('all', async (root) => {
  const el = await loaded(root, 'All');
  await waitFor(async () => {
    const rows = Object.fromEntries((await rowsOf(el)).map((r) => [r.id, { status: r.status, actions: r.actions }]));
    await expect(rows).toMatchObject({ run_operator_reauth: { status: 'Paused', actions: ['Resume'] }, run_agent_reauth: { status: 'Running', actions: [] } });
  });
}, { prepare: reconnectHubSpot });
export const Failed: Story = list('failed', async (root) => {
  const el = await loaded(root, 'Failed');
  await waitFor(async () => expect(await rowsOf(el)).toEqual([{ id: 'run_failed', workflow: 'Daily Slack digest', status: 'Failed', actions: ['Replay'] }]));
});
const runsAnswer = (answer: () => Promise<Response>) => intercept(/\/runs$/, answer);
/** A workspace with no runs yet: "No runs yet". */
export const Empty: Story = list('all', async (root) => {
  const el = await loaded(root, 'All');
  await expect(await (await inShadow(el)).findByText('No runs yet')).toBeTruthy();
  await expect((await inShadow(el)).queryByRole('table')).toBeNull();
}, {
  fetch: runsAnswer(async () => new Response(JSON.stringify({ data: [], nextCursor: null }), { headers: { 'content-type': 'application/json' } })),
});
/** The runs could not be loaded: the copy for a network that is down (never the SDK's raw text) and "Try again". */
export const LoadError: Story = list('all', async (root) => {
  // The list's first page fails (it asks for one page first, to count the runs): the store's runs stay unloaded.
  const shadow = await inShadow(await listEl(root));
  const alert = await shadow.findByRole('alert');
  await expect(alert.querySelector('p')).toHaveTextContent(NETWORK_DOWN);
  await expect(alert).not.toHaveTextContent('Failed to fetch');
  await expect(shadow.getByRole('button', { name: 'Try again' })).toBeTruthy();
  await expect(shadow.queryByRole('table')).toBeNull();
}, { fetch: runsAnswer(networkDown) });
/** Long and hostile workflow names render as text. */
export const LongAndHostile: Story = list('all', async (root) => {
  const el = await allStatuses(root);
  const names = Object.fromEntries((await rowsOf(el)).map((r) => [r.id, r.workflow]));
  await expect(names.run_story_waiting).toBe(LONG);
  await expect(names.run_story_cancelled).toBe(HOSTILE);
  await expect(el.shadowRoot!.querySelector('img, script')).toBeNull();
}, {}, (root) => everyStatus(root, { waiting: LONG, cancelled: HOSTILE }));
export const Dark: Story = list('paused_for_reauth', async (root) => expectDark(await pausedForReauth(root)), { theme: 'dark' }, undefined, { parameters: { relink: { theme: 'dark' } } });
export const RightToLeft: Story = list('paused_for_reauth', async (root) => expectRtl(await pausedForReauth(root)), {}, undefined, { parameters: { relink: { dir: 'rtl' } } });
export const Narrow: Story = list('paused_for_reauth', async (root) => expectFits(await pausedForReauth(root), 360), {}, undefined, { parameters: { relink: { width: '360px' } } });
/** 300 more runs than the seed, on the in-page server before the page asks. */
async function bulkRuns(server: InPageRelink): Promise<void> {
  const at = Date.parse('2026-01-01T00:00:00.000Z');
  for (let i = 0; i < 300; i++) {
    const startedAt = new Date(at + i * 60_000).toISOString();
    await server.app.relink.store.putRun({
      id: `run_bulk_${i}`, workspaceId: 'ws_northwind', workflowId: 'wf_slack_digest', workflowName: 'Daily Slack digest', kind: 'operator',
      status: i % 7 ? 'completed' : 'failed', connectionIds: ['con_slack'], startedAt, updatedAt: startedAt, finishedAt: startedAt,
    });
  }
}
/**
 * 300 more runs than the seed, above `page-threshold`: the list asks the server for the rows it shows (one page of
 * 100 to start), virtualized, and the store holds those rows, not the workspace.
 */
export const ManyRuns: Story = list('all', async (root) => {
  const el = await listEl(root);
  // The virtualizer is a chunk loaded on demand: on a cold dev server its first load takes a while.
  const grid = await part(el, "[role='table']", 25_000);
  const store = await storeIn(root);
  await waitFor(() => expect(grid.querySelectorAll("[part~='row'][data-id]").length).toBeGreaterThan(0));
  await expect(grid).toHaveAttribute('aria-rowcount', String(SEEDED_RUNS + 300 + 1));
  await expect(grid.querySelectorAll("[part~='row'][data-id]").length).toBeLessThan(100);
  await expect(store.getSnapshot().runs.status).toBe('idle');
  await expect(store.getSnapshot().runs.items.length).toBeLessThanOrEqual(100);
}, { prepare: bulkRuns });

/**
 * The same long list with "Paused for reauth" pressed: the server's answer is two runs, shown in a table sized to them
 * rather than in the virtualizer's fixed-height scroller.
 */
export const ManyRunsFewMatches: Story = list('all', async (root) => {
  const el = await listEl(root);
  await part(el, "[role='table']", 25_000);
  const shadow = await inShadow(el);
  shadow.getByRole('button', { name: 'Paused for reauth' }).click();
  await waitFor(() => expect([...el.shadowRoot!.querySelectorAll<HTMLElement>("table [part~='row'][data-id]")].map((r) => r.dataset.id).sort())
    .toEqual(['run_agent_reauth', 'run_operator_reauth']));
  await expect(el.shadowRoot!.querySelector('.scroller')).toBeNull();
  await waitFor(() => expect(shadow.getAllByRole('link', { name: 'HubSpot (Northwind CRM)' })).toHaveLength(2));
}, { prepare: bulkRuns });
