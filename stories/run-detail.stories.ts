import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import type { Run } from '@relink/sdk';
import type { InPageRelink } from '@relink/server/browser';
import '@relink/elements/run-detail.js';
import type { RelinkRunDetail } from '@relink/elements/run-detail.js';
import { demoProvider, HOSTILE, intercept, LONG, never, runNamesHeld, settled, storeIn, type DemoOptions } from './support/relink-demo.js';
import { reconnectHubSpot } from './support/fix-connections.js';
import { element, expectDark, expectFits, expectRtl, inShadow, renderedText } from './support/queries.js';

const detailOf = (root: HTMLElement) => element<RelinkRunDetail>(root, 'relink-run-detail');

interface Expected {
  workflow: string;
  /** The status line as read: status, pause reason, blocked connection. */
  status: string | RegExp;
  /** The buttons of its run actions. */
  actions: string[];
  reads?: (string | RegExp)[];
}

/** The run's page once loaded: its workflow as the heading, the status line, the actions it offers. */
async function expectRun(root: HTMLElement, { workflow, status, actions, reads = [] }: Expected): Promise<RelinkRunDetail> {
  const el = await detailOf(root);
  // The run is fetched by id (the runs list is not loaded), with the connections it names.
  await settled(root, (s) => s.runs.byId.has(el.runId) && runNamesHeld(s, [el.runId]));
  const shadow = await inShadow(el);
  await expect(await shadow.findByRole('heading', { name: workflow })).toBeTruthy();
  await waitFor(() => expect(renderedText(shadow.getByRole('group', { name: 'Run status' }))).toMatch(status));
  const runActions = el.shadowRoot!.querySelector<HTMLElement & { updateComplete: Promise<boolean> }>('relink-run-actions')!;
  await runActions.updateComplete;
  await expect([...runActions.shadowRoot!.querySelectorAll('button')].map((b) => b.textContent!.trim())).toEqual(actions);
  for (const text of reads) await expect(renderedText(el)).toMatch(text);
  return el;
}

/** Paused while HubSpot is still broken: no Resume, but why not (the server's rule, before any click). */
const PAUSED: Expected = {
  workflow: 'New HubSpot leads to Slack',
  status: /^Paused Needs reauthorization Blocked by HubSpot \(Northwind CRM\)/,
  actions: [],
  reads: ['Reconnect HubSpot before resuming this run.'],
};
const FAILED: Expected = {
  workflow: 'Daily Slack digest', status: /^Failed/, actions: ['Replay'],
  reads: ['Error: Slack answered 500 on "Post message".', /Finished/],
};

/** One run's page against the in-page backend; `prepare` may add runs (as live updates would) before it settles. */
const detail = (runId: string, expected: Expected, options: DemoOptions = {}, prepare?: (root: HTMLElement) => Promise<void>, extra: Partial<StoryObj> = {}): StoryObj => ({
  render: () =>
    demoProvider(html`<relink-run-detail run-id=${runId} connection-href="#connections/{id}" run-href="#runs/{id}"></relink-run-detail>`, {
      role: 'agency',
      ...options,
    }),
  play: async ({ canvasElement }) => {
    await prepare?.(canvasElement);
    await expectRun(canvasElement, expected);
  },
  ...extra,
});

/** Adds a run as a live update would (display only) and shows it. */
async function showRun(root: HTMLElement, from: string, patch: Partial<Run>) {
  const store = await storeIn(root);
  await settled(root, (s) => s.runs.byId.has(from));
  const now = new Date().toISOString();
  const run: Run = { ...store.getSnapshot().runs.byId.get(from)!, startedAt: now, updatedAt: now, ...patch } as Run;
  store.apply({ id: `evt_story_${run.id}`, type: 'run.updated', at: now, run });
  (await detailOf(root)).runId = run.id;
}

const meta: Meta = { title: 'Elements/Run detail', component: 'relink-run-detail' };
export default meta;
type Story = StoryObj;

/** An operator run paused because HubSpot needs reauthorization: named and linked; no Resume until it is fixed. */
export const PausedForReauthOperator: Story = detail('run_operator_reauth', PAUSED, {}, undefined, {
  play: async ({ canvasElement }) => {
    const el = await expectRun(canvasElement, { ...PAUSED, reads: [...PAUSED.reads!, 'Operator'] });
    await expect((await inShadow(el)).getByRole('link', { name: 'HubSpot (Northwind CRM)' })).toHaveAttribute('href', '#connections/con_hubspot');
  },
});
/** The same run once HubSpot is reconnected (the real consent): still paused, and now "Resume". */
export const PausedResumable: Story = detail('run_operator_reauth', {
  workflow: 'New HubSpot leads to Slack', status: /^Paused/, actions: ['Resume'],
}, { prepare: reconnectHubSpot }, undefined, {
  play: async ({ canvasElement }) => {
    const el = await expectRun(canvasElement, { workflow: 'New HubSpot leads to Slack', status: /^Paused/, actions: ['Resume'] });
    await expect(renderedText(el)).not.toMatch(/Blocked by|before resuming/);
  },
});
/** An agent run parked on reauth: it resumes by itself once HubSpot is reconnected, so no Resume. */
export const PausedForReauthAgent: Story = detail('run_agent_reauth', {
  ...PAUSED, reads: ['Agent', 'This run resumes by itself once HubSpot is reconnected.'],
});
export const Running: Story = detail('run_running', { workflow: 'Publish scheduled LinkedIn posts', status: /^Running/, actions: [] });
/** A failed run: its error message, the finished time and "Replay". */
export const FailedWithError: Story = detail('run_failed', FAILED);
export const Completed: Story = detail('run_completed', { workflow: 'Daily Slack digest', status: /^Completed/, actions: ['Replay'], reads: [/Finished/] });
/** A replay of the failed run: "Replay of the run started yesterday" links to the original. */
export const Replay: Story = detail('run_failed', FAILED, {}, undefined, {
    play: async ({ canvasElement }) => {
      await showRun(canvasElement, 'run_failed', { id: 'run_story_replay', status: 'running', replayOf: 'run_failed', error: undefined, finishedAt: undefined });
      const el = await expectRun(canvasElement, { workflow: 'Daily Slack digest', status: /^Running/, actions: [], reads: [/Replay of the run started/] });
      await expect(el.shadowRoot!.querySelector("[part='original-run']")).toHaveAttribute('href', '#runs/run_failed');
    },
});
/** An id the workspace does not have. */
export const NotFound: Story = {
  render: () => demoProvider(html`<relink-run-detail run-id="run_nope" run-href="#runs/{id}"></relink-run-detail>`, { role: 'agency' }),
  play: async ({ canvasElement }) => {
    const shadow = await inShadow(await detailOf(canvasElement));
    await expect(await shadow.findByRole('alert')).toHaveTextContent('This run was not found.');
    // Trying again cannot find it either.
    await expect(shadow.queryByRole('button', { name: 'Try again' })).toBeNull();
  },
};
/** The run never arrives: the skeleton with "Loading run…" for assistive tech. */
export const Loading: Story = {
  render: () =>
    demoProvider(html`<relink-run-detail run-id="run_failed"></relink-run-detail>`, {
      role: 'agency',
      fetch: intercept(/\/runs(\/|$)/, never),
    }),
  play: async ({ canvasElement }) => {
    const el = await detailOf(canvasElement);
    const shadow = await inShadow(el);
    await expect(await shadow.findByRole('status')).toHaveTextContent('Loading run…');
    await expect(el.shadowRoot!.querySelector("[part='base']")).toHaveAttribute('aria-busy', 'true');
    await expect(shadow.queryByRole('heading')).toBeNull();
  },
};
/** A copy of a seeded run under another id and workflow name, on the server before the page asks for it. */
const runNamed = (from: string, id: string, workflowName: string) => async (server: InPageRelink) => {
  const records = server.app.relink.store;
  const now = new Date().toISOString();
  await records.putRun({ ...(await records.getRun('ws_northwind', from))!, id, workflowName, startedAt: now, updatedAt: now });
};
export const LongName: Story = detail('run_story_long', { ...PAUSED, workflow: LONG }, { prepare: runNamed('run_operator_reauth', 'run_story_long', LONG) });
export const HostileName: Story = detail('run_story_hostile', { ...FAILED, workflow: HOSTILE }, { prepare: runNamed('run_failed', 'run_story_hostile', HOSTILE) }, async (root) => {
  await waitFor(async () => expect((await detailOf(root)).shadowRoot!.querySelector('img, script')).toBeNull());
});
export const RightToLeft: Story = detail('run_operator_reauth', PAUSED, {}, undefined, {
  parameters: { relink: { dir: 'rtl' } },
  play: async ({ canvasElement }) => expectRtl(await expectRun(canvasElement, PAUSED)),
});
export const Dark: Story = detail('run_failed', FAILED, { theme: 'dark' }, undefined, {
  parameters: { relink: { theme: 'dark' } },
  play: async ({ canvasElement }) => expectDark(await expectRun(canvasElement, FAILED)),
});
export const DarkPaused: Story = detail('run_operator_reauth', PAUSED, { theme: 'dark' }, undefined, {
  parameters: { relink: { theme: 'dark' } },
  play: async ({ canvasElement }) => expectDark(await expectRun(canvasElement, PAUSED)),
});
export const Narrow: Story = detail('run_operator_reauth', PAUSED, {}, undefined, {
  parameters: { relink: { width: '360px' } },
  play: async ({ canvasElement }) => expectFits(await expectRun(canvasElement, PAUSED), 360),
});
