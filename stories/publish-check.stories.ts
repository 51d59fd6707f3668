import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect } from 'storybook/test';
import '@relink/elements/publish-check.js';
import type { RelinkPublishCheck } from '@relink/elements/publish-check.js';
import { demoProvider, type DemoOptions } from './support/relink-demo.js';
import { element, expectDark, expectFits, expectRtl, inShadow, part } from './support/queries.js';

const checkEl = (root: HTMLElement) => element<RelinkPublishCheck>(root, 'relink-publish-check');

/** wf_lead_sync: its HubSpot trigger is in error → one problem, with "Fix connection" linking to HubSpot. */
async function failing(root: HTMLElement): Promise<RelinkPublishCheck> {
  const el = await checkEl(root);
  const shadow = await inShadow(el);
  const list = await shadow.findByRole('list');
  await expect([...list.querySelectorAll("[part='message']")].map((m) => m.textContent)).toEqual(['Trigger node has an inactive connection']);
  const fix = shadow.getByRole('link', { name: 'Fix connection' });
  await expect(fix).toHaveAttribute('href', '#connections/con_hubspot');
  await expect(fix).toHaveAccessibleDescription('Trigger node has an inactive connection');
  await expect(el.result?.ok).toBe(false);
  return el;
}

const check = (workflowId: string, play: (root: HTMLElement) => Promise<unknown>, options: DemoOptions = {}, extra: Partial<StoryObj> = {}): StoryObj => ({
  render: () => demoProvider(html`<relink-publish-check workflow-id=${workflowId} connection-href="#connections/{id}"></relink-publish-check>`, { role: 'agency', ...options }),
  play: async ({ canvasElement }) => void (await play(canvasElement)),
  ...extra,
});

const meta: Meta = { title: 'Elements/Publish check', component: 'relink-publish-check' };
export default meta;
type Story = StoryObj;

/** wf_lead_sync: its HubSpot trigger is in error → "Trigger node has an inactive connection". */
export const Failing: Story = check('wf_lead_sync', failing);
/** wf_slack_digest: every connection active → the OK line. */
export const Ok: Story = check('wf_slack_digest', async (root) => {
  const el = await checkEl(root);
  // "Checking connections…" is a status too: wait for the answer, not the first status on screen.
  const ok = await part(el, "[part='ok']");
  await expect(ok).toHaveAttribute('role', 'status');
  await expect(ok).toHaveTextContent('Ready to publish: every connection is active.');
  await expect(el.result?.ok).toBe(true);
  await expect(el.shadowRoot!.querySelector("[part='base']")).toHaveAttribute('aria-busy', 'false');
  await expect((await inShadow(el)).queryByRole('list')).toBeNull();
});
export const Dark: Story = check('wf_lead_sync', async (root) => expectDark(await failing(root)), { theme: 'dark' }, { parameters: { relink: { theme: 'dark' } } });
export const RightToLeft: Story = check('wf_lead_sync', async (root) => expectRtl(await failing(root)), {}, { parameters: { relink: { dir: 'rtl' } } });
export const Narrow: Story = check('wf_lead_sync', async (root) => expectFits(await failing(root), 220), {}, { parameters: { relink: { width: '220px' } } });
