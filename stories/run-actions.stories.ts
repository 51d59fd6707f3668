import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import '@relink/elements/run-actions.js';
import type { RelinkRunActions } from '@relink/elements/run-actions.js';
import { demoProvider, settled } from './support/relink-demo.js';
import { element, expectDark, expectRtl, inShadow } from './support/queries.js';

/** The group "Run actions" once the run has arrived, holding exactly `buttons`. */
async function offers(root: HTMLElement, runId: string, buttons: string[]): Promise<RelinkRunActions> {
  await settled(root, (s) => s.runs.byId.has(runId));
  const el = await element<RelinkRunActions>(root, 'relink-run-actions');
  // The element has the run (so an empty group is the answer, not a render that has not happened yet).
  await waitFor(() => expect(el.run?.id).toBe(runId));
  await el.updateComplete;
  const group = await (await inShadow(el)).findByRole('group', { name: 'Run actions' });
  await waitFor(() => expect([...group.querySelectorAll('button')].map((b) => b.textContent!.trim())).toEqual(buttons));
  return el;
}

/** One story per run of the seed: paused (Resume), running (nothing), failed and completed (Replay). */
const actions = (runId: string, buttons: string[], extra: Partial<StoryObj> = {}, then?: (el: RelinkRunActions) => Promise<void>): StoryObj => ({
  render: () => demoProvider(html`<relink-run-actions run-id=${runId} run-href="#runs/{id}"></relink-run-actions>`, { role: 'agency' }),
  play: async ({ canvasElement }) => {
    const el = await offers(canvasElement, runId, buttons);
    await then?.(el);
  },
  ...extra,
});

const meta: Meta = { title: 'Elements/Run actions', component: 'relink-run-actions' };
export default meta;
type Story = StoryObj;

export const PausedResume: Story = actions('run_operator_reauth', ['Resume']);
export const RunningNoActions: Story = actions('run_running', []);
export const FailedReplay: Story = actions('run_failed', ['Replay']);
export const CompletedReplay: Story = actions('run_completed', ['Replay']);
export const Dark: Story = actions('run_failed', ['Replay'], { parameters: { relink: { theme: 'dark' } } }, expectDark);
export const RightToLeft: Story = actions('run_operator_reauth', ['Resume'], { parameters: { relink: { dir: 'rtl' } } }, expectRtl);
