import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import '@relink/elements/run-actions.js';
import type { RelinkRunActions } from '@relink/elements/run-actions.js';
import { demoProvider, settled, type DemoOptions } from './support/relink-demo.js';
import { reconnectHubSpot } from './support/fix-connections.js';
import { element, expectDark, expectRtl, inShadow, part } from './support/queries.js';

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

/** Why Resume is not offered, as the server says it: the sentence, and a link to each connection the run waits for. */
async function whyNot(el: RelinkRunActions, sentence: string, blocked: string[]): Promise<void> {
  await expect((await part(el, "[part='unavailable']")).textContent).toBe(sentence);
  await expect([...el.shadowRoot!.querySelectorAll("[part='blocked-connection']")].map((a) => a.getAttribute('href'))).toEqual(blocked);
}

/** One story per run of the seed: paused (Resume once resumable), running (nothing), failed and completed (Replay). */
const actions = (runId: string, buttons: string[], extra: Partial<StoryObj> = {}, then?: (el: RelinkRunActions) => Promise<void>, options: DemoOptions = {}): StoryObj => ({
  render: () => demoProvider(html`<relink-run-actions run-id=${runId} run-href="#runs/{id}" connection-href="#connections/{id}"></relink-run-actions>`, { role: 'agency', ...options }),
  play: async ({ canvasElement }) => {
    const el = await offers(canvasElement, runId, buttons);
    await then?.(el);
  },
  ...extra,
});

const meta: Meta = { title: 'Elements/Run actions', component: 'relink-run-actions' };
export default meta;
type Story = StoryObj;

/** The operator run paused for reauth, once HubSpot is reconnected (the real consent): the server offers "Resume". */
export const PausedResume: Story = actions('run_operator_reauth', ['Resume'], {}, async (el) => {
  await expect(el.run?.resumable).toBe(true);
  await expect(el.shadowRoot!.querySelector("[part='unavailable']")).toBeNull();
}, { prepare: reconnectHubSpot });
/** The same run while HubSpot is still broken: no Resume, but why not, with a link to HubSpot. */
export const PausedBlocked: Story = actions('run_operator_reauth', [], {}, (el) =>
  whyNot(el, 'Reconnect HubSpot before resuming this run.', ['#connections/con_hubspot']));
/** The agent run parked on reauth resumes by itself once HubSpot is reconnected: no Resume. */
export const PausedResumesItself: Story = actions('run_agent_reauth', [], {}, (el) =>
  whyNot(el, 'This run resumes by itself once HubSpot is reconnected.', ['#connections/con_hubspot']));
export const RunningNoActions: Story = actions('run_running', []);
export const FailedReplay: Story = actions('run_failed', ['Replay']);
export const CompletedReplay: Story = actions('run_completed', ['Replay']);
export const Dark: Story = actions('run_failed', ['Replay'], { parameters: { relink: { theme: 'dark' } } }, expectDark);
export const RightToLeft: Story = actions('run_operator_reauth', [], { parameters: { relink: { dir: 'rtl' } } }, async (el) => {
  await whyNot(el, 'Reconnect HubSpot before resuming this run.', ['#connections/con_hubspot']);
  await expectRtl(el);
});
