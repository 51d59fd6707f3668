import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@relink/elements/run-actions.js';
import { demoProvider, storeIn, until } from './support/relink-demo.js';

/** One story per run of the seed: paused (Resume), running (nothing), failed and completed (Replay). */
const actions = (runId: string, extra: Partial<StoryObj> = {}): StoryObj => ({
  render: () => demoProvider(html`<relink-run-actions run-id=${runId} run-href="#runs/{id}"></relink-run-actions>`, { role: 'agency' }),
  play: async ({ canvasElement }) => {
    const store = await storeIn(canvasElement);
    await until(() => store.getSnapshot().runs.byId.get(runId));
    await canvasElement.querySelector('relink-run-actions')!.updateComplete;
  },
  ...extra,
});

const meta: Meta = { title: 'Elements/Run actions', component: 'relink-run-actions' };
export default meta;
type Story = StoryObj;

export const PausedResume: Story = actions('run_operator_reauth');
export const RunningNoActions: Story = actions('run_running');
export const FailedReplay: Story = actions('run_failed');
export const CompletedReplay: Story = actions('run_completed');
export const Dark: Story = actions('run_failed', { parameters: { relink: { theme: 'dark' } } });
export const RightToLeft: Story = actions('run_operator_reauth', { parameters: { relink: { dir: 'rtl' } } });
