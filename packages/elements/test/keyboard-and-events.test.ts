// The style notes' per-element list where an element's own test file lacked it: a keyboard path to the main action
// and events with their documented detail (for elements whose test files another change owns).
import { expect, fixture, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { html } from 'lit';
import '../src/components/connection-detail/connection-detail.js';
import '../src/components/reconnect-button/reconnect-button.js';
import '../src/components/run-detail/run-detail.js';
import '../src/components/toaster/toaster.js';
import type { RelinkConnectionDetail } from '../src/components/connection-detail/connection-detail.js';
import type { RelinkRunDetail } from '../src/components/run-detail/run-detail.js';
import type { RelinkToaster } from '../src/components/toaster/toaster.js';
import type { RelinkNavigateEvent } from '../src/events/navigate.js';
import type { RelinkReconnectEvent, RelinkReconnectResultEvent } from '../src/events/reconnect.js';
import type { RelinkRefreshEvent } from '../src/events/refresh.js';
import type { RelinkResumeEvent } from '../src/events/run-action.js';
import type { RelinkToastShowEvent } from '../src/events/toast-show.js';
import { part } from './helpers.js';
import { deepActive, demo, inProvider, toastTitled } from './relink.js';
import { putRun } from './runs.js';
import { reconnectElsewhere } from './consent.js';

/** Presses Tab until `target()` holds focus (at most `limit` times); fails if it never does. */
async function tabTo(target: () => Element | null | undefined, what: string, limit = 12): Promise<void> {
  for (let i = 0; i < limit && deepActive() !== target(); i++) await sendKeys({ press: 'Tab' });
  expect(deepActive(), `Tab reaches ${what}`).to.equal(target());
}

const innerPart = (el: Element, tag: string, name: string) =>
  el.shadowRoot!.querySelector(tag)?.shadowRoot!.querySelector<HTMLElement>(`[part~='${name}']`);

describe('keyboard paths and event details', () => {
  afterEach(() => {
    if (location.hash) history.replaceState(null, '', location.pathname + location.search);
  });

  it('relink-connection-detail: Tab reaches Refresh and Enter refreshes (relink-refresh { connectionId, ok, connection }); Tab on to Revoke, Enter opens, Escape closes', async () => {
    const d = await demo('client');
    const { el } = await inProvider<RelinkConnectionDetail>(d.client, html`<relink-connection-detail connection-id="con_slack"></relink-connection-detail>`, 'relink-connection-detail');
    await waitUntil(() => innerPart(el, 'relink-refresh-button', 'base') && innerPart(el, 'relink-revoke-dialog', 'trigger'), 'actions shown');
    const before = Date.parse((part(el, 'last-refreshed') as HTMLTimeElement).dateTime);

    await tabTo(() => innerPart(el, 'relink-refresh-button', 'base'), 'Refresh');
    const refreshed = oneEvent(el, 'relink-refresh') as Promise<RelinkRefreshEvent>;
    await sendKeys({ press: 'Enter' });
    const { detail } = await refreshed;
    expect(detail.connectionId).to.equal('con_slack');
    expect(detail.ok).to.equal(true);
    if (detail.ok) expect(detail.connection.id).to.equal('con_slack');
    await toastTitled('Connection refreshed.');
    await waitUntil(() => Date.parse((part(el, 'last-refreshed') as HTMLTimeElement).dateTime) > before, 'Last refreshed moves on');

    const trigger = () => innerPart(el, 'relink-revoke-dialog', 'trigger');
    await tabTo(trigger, 'Revoke');
    await sendKeys({ press: 'Enter' });
    // The dialog's body loads on first use (from when focus reached Revoke): there is no <dialog> until it is here.
    const dialog = () => innerPart(el, 'relink-revoke-dialog', 'dialog') as HTMLDialogElement | null;
    await waitUntil(() => dialog()?.open, 'the dialog opens');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog()!.open, 'Escape closes it');
    await waitUntil(() => deepActive() === trigger(), 'focus back on Revoke');
  });

  it('relink-run-detail: relink-navigate for the original run of a replay, { href, connectionId: undefined, runId }, by keyboard', async () => {
    const d = await demo('agency');
    await putRun(d.server, { id: 'run_replay', replayOf: 'run_completed', workflowId: 'wf_slack_digest', kind: 'agent' });
    const { el } = await inProvider<RelinkRunDetail>(d.client, html`<relink-run-detail run-id="run_replay" run-href="#runs/{id}"></relink-run-detail>`, 'relink-run-detail');
    await waitUntil(() => part(el, 'original-run'), 'link to the original run');
    el.addEventListener('relink-navigate', (e) => e.preventDefault(), { once: true });
    const navigated = oneEvent(el, 'relink-navigate') as Promise<RelinkNavigateEvent>;
    await tabTo(() => part(el, 'original-run'), 'the original run');
    await sendKeys({ press: 'Enter' });
    const event = await navigated;
    expect(event.detail).to.deep.equal({ href: '#runs/run_completed', connectionId: undefined, runId: 'run_completed' });
    expect(location.hash, 'cancelled: the page stays').to.equal('');
  });

  it('relink-toaster: relink-toast-show carries the id show() returns and the options, before the toast appears', async () => {
    const el = await fixture<RelinkToaster>(html`<relink-toaster></relink-toaster>`);
    const options = { title: 'Connection refreshed.', description: 'Slack is working again.', tone: 'success' as const };
    let shownBefore: number | undefined;
    const shown = new Promise<RelinkToastShowEvent>((resolve) =>
      el.addEventListener('relink-toast-show', (e) => {
        shownBefore = el.shadowRoot!.querySelectorAll("[part~='toast']").length;
        resolve(e);
      }, { once: true }));
    const handle = el.show(options);
    const event = await shown;
    expect(event.detail.id).to.equal(handle.id);
    expect(event.detail.options).to.include(options);
    expect(shownBefore).to.equal(0);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll("[part~='toast']").length).to.equal(1);
    el.remove();
  });

  it('relink-reconnect-button: Enter on "Send reconnection request" fires relink-reconnect { connection, action }, then relink-reconnect-result { connectionId, action, result }', async () => {
    const d = await demo('agency');
    const { el } = await inProvider<HTMLElement>(d.client, html`<relink-reconnect-button connection-id="con_quickbooks"></relink-reconnect-button>`, 'relink-reconnect-button');
    await waitUntil(() => part(el, 'base'), 'the button');
    const seen: unknown[] = [];
    el.addEventListener('relink-reconnect', (e: RelinkReconnectEvent) => seen.push({ type: e.type, connection: e.detail.connection.id, action: e.detail.action }));
    el.addEventListener('relink-reconnect-result', (e: RelinkReconnectResultEvent) =>
      seen.push({ type: e.type, connectionId: e.detail.connectionId, action: e.detail.action, result: e.detail.result, error: e.detail.error }));
    await tabTo(() => part(el, 'base'), 'the button');
    await sendKeys({ press: 'Enter' });
    await toastTitled('Reconnection request sent');
    expect(seen).to.deep.equal([
      { type: 'relink-reconnect', connection: 'con_quickbooks', action: 'request' },
      { type: 'relink-reconnect-result', connectionId: 'con_quickbooks', action: 'request', result: 'requested', error: undefined },
    ]);
  });

  it('relink-run-detail: Enter on Resume fires relink-resume { run } on the run detail (from its embedded actions)', async () => {
    const d = await demo('agency');
    // Resume is offered once the connection the run waits for works again (issue 14's rule): reconnect HubSpot first.
    await reconnectElsewhere(d, 'con_hubspot', 'ops@northwind.example');
    const { el } = await inProvider<RelinkRunDetail>(d.client, html`<relink-run-detail run-id="run_operator_reauth"></relink-run-detail>`, 'relink-run-detail');
    const resume = () => innerPart(el, 'relink-run-actions', 'resume');
    await waitUntil(resume, 'Resume shown');
    const resumed = oneEvent(el, 'relink-resume') as Promise<RelinkResumeEvent>;
    await tabTo(resume, 'Resume');
    await sendKeys({ press: 'Enter' });
    const { detail } = await resumed;
    expect(detail.run.id).to.equal('run_operator_reauth');
    expect(detail.run.status, 'before anything is sent').to.equal('paused');
    await toastTitled('Run resumed.');
  });
});
