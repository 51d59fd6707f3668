import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { html } from 'lit';
import '../src/components/publish-check/publish-check.js';
import type { RelinkPublishCheck } from '../src/components/publish-check/publish-check.js';
import type { RelinkNavigateEvent } from '../src/events/navigate.js';
import { part } from './helpers.js';
import { deepActive, demo, inProvider } from './relink.js';

async function check(workflowId: string, { live = false } = {}) {
  const d = await demo('agency');
  const { el, provider } = await inProvider<RelinkPublishCheck>(
    d.client, html`<relink-publish-check workflow-id=${workflowId} connection-href="#connections/{id}"></relink-publish-check>`, 'relink-publish-check', { live },
  );
  await waitUntil(() => el.result, 'checked');
  await el.updateComplete;
  return { el, provider, ...d };
}

const messages = (el: RelinkPublishCheck) => [...el.shadowRoot!.querySelectorAll('[part=message]')].map((m) => m.textContent);

describe('relink-publish-check', () => {
  afterEach(() => {
    if (location.hash) history.replaceState(null, '', location.pathname + location.search);
  });

  it('wf_lead_sync (HubSpot trigger in error): "Trigger node has an inactive connection" with a link to fix it', async () => {
    const { el } = await check('wf_lead_sync');
    expect(messages(el)).to.deep.equal(['Trigger node has an inactive connection']);
    expect(part(el, 'fix')!.textContent).to.equal('Fix connection');
    expect(part(el, 'fix')!.getAttribute('href')).to.equal('#connections/con_hubspot');
    for (const name of ['base', 'problems', 'problem', 'icon', 'message', 'fix']) expect(part(el, name), name).to.not.equal(null);
    expect(part(el, 'ok')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('"Action node has an inactive connection" when an action node\'s connection is revoked', async () => {
    const d = await demo('agency');
    await d.client.connections.revoke('con_slack');
    const { el } = await inProvider<RelinkPublishCheck>(d.client, html`<relink-publish-check workflow-id="wf_slack_digest"></relink-publish-check>`, 'relink-publish-check');
    await waitUntil(() => el.result);
    await el.updateComplete;
    expect(messages(el)).to.deep.equal(['Action node has an inactive connection']);
    expect(part(el, 'fix')!.tagName, 'no connection-href: a button').to.equal('BUTTON');
    await expect(el).to.be.accessible();
  });

  it('publishable: an OK line', async () => {
    const { el } = await check('wf_slack_digest');
    expect(el.result!.ok).to.equal(true);
    expect(part(el, 'ok')!.textContent).to.equal('Ready to publish: every connection is active.');
    expect(part(el, 'problems')).to.equal(null);
    await expect(el).to.be.accessible();
    el.messages = { ok: '' };
    await el.updateComplete;
    expect(part(el, 'ok'), 'an empty message shows nothing').to.equal(null);
  });

  it('the fix link fires relink-navigate { href, connectionId } (keyboard); preventDefault stays on the page', async () => {
    const { el } = await check('wf_lead_sync');
    el.addEventListener('relink-navigate', (e) => e.preventDefault(), { once: true });
    part(el, 'fix')!.focus();
    const event = oneEvent(el, 'relink-navigate') as Promise<RelinkNavigateEvent>;
    await sendKeys({ press: 'Enter' });
    expect((await event).detail).to.deep.equal({ href: '#connections/con_hubspot', connectionId: 'con_hubspot' });
    expect(location.hash).to.equal('');
    expect(deepActive() === part(el, 'fix')).to.equal(true);
    part(el, 'fix')!.click();
    expect(location.hash).to.equal('#connections/con_hubspot');
  });

  it('checks again, live, when the connection changes (revoked in another tab)', async () => {
    const { el, other } = await check('wf_slack_digest', { live: true });
    expect(el.result!.ok).to.equal(true);
    await (await other('agency')).connections.revoke('con_slack');
    await waitUntil(() => messages(el).length === 1, 'rechecked', { timeout: 5000 });
    expect(messages(el)).to.deep.equal(['Action node has an inactive connection']);
  });

  it('checks again only when a connection\'s status changes, not on any other change in the store', async () => {
    let checks = 0;
    const d = await demo('agency', undefined, (f) => async (input, init) => {
      const request = new Request(input, init);
      if (request.url.includes('/publish-check')) checks += 1;
      return f(request);
    });
    const { el, provider } = await inProvider<RelinkPublishCheck>(d.client, html`<relink-publish-check workflow-id="wf_slack_digest"></relink-publish-check>`, 'relink-publish-check');
    const store = provider.resolvedStore!;
    await store.connections.load();
    await waitUntil(() => el.result && checks >= 1, 'checked');
    await waitUntil(() => !el.shadowRoot!.querySelector('[aria-busy=true]'), 'settled');
    const before = checks;
    const slack = store.getSnapshot().connections.byId.get('con_slack')!;
    // A change the check does not depend on: the label.
    store.apply({ id: 'evt_1', type: 'connection.updated', at: new Date().toISOString(), connection: { ...slack, label: 'Renamed' } } as Parameters<typeof store.apply>[0]);
    await el.updateComplete;
    // A request sent after the update reaches the server after any check that update would have sent.
    await d.client.connections.get('con_slack');
    expect(checks, 'no check for a label change').to.equal(before);
    // Nor for a status change of a connection the workflow does not use.
    const hubspot = store.getSnapshot().connections.byId.get('con_hubspot')!;
    store.apply({ id: 'evt_0', type: 'connection.updated', at: new Date().toISOString(), connection: { ...hubspot, status: 'revoked' } } as Parameters<typeof store.apply>[0]);
    await el.updateComplete;
    await d.client.connections.get('con_slack');
    expect(checks, 'no check for a connection the check did not read').to.equal(before);
    // One it does: the status (changed in this store only; the server still answers "ok").
    store.apply({ id: 'evt_2', type: 'connection.updated', at: new Date().toISOString(), connection: { ...slack, label: 'Renamed', status: 'revoked' } } as Parameters<typeof store.apply>[0]);
    await el.updateComplete;
    await d.client.connections.get('con_slack');
    expect(checks, 'one check for a status change').to.equal(before + 1);
  });

  it('an unknown workflow shows the server\'s error with "Try again"', async () => {
    const d = await demo('agency');
    const { el } = await inProvider<RelinkPublishCheck>(d.client, html`<relink-publish-check workflow-id="wf_missing"></relink-publish-check>`, 'relink-publish-check');
    await waitUntil(() => part(el, 'error'), 'error');
    expect(part(el, 'error')!.getAttribute('role')).to.equal('alert');
    expect(part(el, 'error')!.textContent).to.match(/not found|workflow/i);
    await expect(el).to.be.accessible();
  });

});
