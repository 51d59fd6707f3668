import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@relink/elements/publish-check.js';
import type { RelinkPublishCheck } from '@relink/elements/publish-check.js';
import { demoProvider, until, type DemoOptions } from './support/relink-demo.js';

const check = (workflowId: string, options: DemoOptions = {}, extra: Partial<StoryObj> = {}): StoryObj => ({
  render: () => demoProvider(html`<relink-publish-check workflow-id=${workflowId} connection-href="#connections/{id}"></relink-publish-check>`, { role: 'agency', ...options }),
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector<RelinkPublishCheck>('relink-publish-check')!;
    await until(() => el.result);
    await el.updateComplete;
  },
  ...extra,
});

const meta: Meta = { title: 'Elements/Publish check', component: 'relink-publish-check' };
export default meta;
type Story = StoryObj;

/** wf_lead_sync: its HubSpot trigger is in error → "Trigger node has an inactive connection". */
export const Failing: Story = check('wf_lead_sync');
/** wf_slack_digest: every connection active → the OK line. */
export const Ok: Story = check('wf_slack_digest');
export const Dark: Story = check('wf_lead_sync', { theme: 'dark' }, { parameters: { relink: { theme: 'dark' } } });
export const RightToLeft: Story = check('wf_lead_sync', {}, { parameters: { relink: { dir: 'rtl' } } });
export const Narrow: Story = check('wf_lead_sync', {}, { parameters: { relink: { width: '220px' } } });
