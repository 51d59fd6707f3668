import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { html } from 'lit';
import '../src/components/run-actions/run-actions.js';
import type { RelinkRunActions } from '../src/components/run-actions/run-actions.js';
import type { RelinkReplayEvent, RelinkResumeEvent } from '../src/events/run-action.js';
import { part } from './helpers.js';
import { deepActive, demo, inProvider, toasts, toastTitled } from './relink.js';
import { namedConnectionsHeld, putRun, putRunsInEveryStatus, scheduledRun, STATUSES } from './runs.js';
import { reconnectElsewhere } from './consent.js';
import type { Demo } from './relink.js';

/**
 * `prepare` runs against the demo before the element renders (e.g. reconnect a connection; with no `runId`, it answers
 * the run's id); `gate` holds resume and replay requests until it resolves, so the busy state can be seen.
 */
async function actions(runId: string, prepare?: (d: Demo) => Promise<unknown>, gate?: Promise<void>) {
  const d = await demo('agency', undefined, gate && ((f) => async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    if (url.endsWith('/resume') || url.endsWith('/replay')) await gate;
    return f(input, init);
  }));
  await putRunsInEveryStatus(d.server);
  const prepared = await prepare?.(d);
  runId ||= String(prepared);
  const { el, provider } = await inProvider<RelinkRunActions>(
    d.client,
    html`<relink-run-actions run-id=${runId} run-href="#runs/{id}" connection-href="#connections/{id}"></relink-run-actions>`,
    'relink-run-actions',
  );
  await waitUntil(() => el.run && namedConnectionsHeld(provider.resolvedStore!, [el.run]), `run ${runId} loaded`);
  await el.updateComplete;
  return { el, provider, ...d };
}

const buttons = (el: RelinkRunActions) => [...el.shadowRoot!.querySelectorAll('button')].map((b) => b.textContent!.trim());

describe('relink-run-actions', () => {
  const expected: Record<string, string[]> = {
    running: [], paused: ['Resume'], waiting: [], completed: ['Replay'], failed: ['Replay'], cancelled: ['Replay'],
  };
  for (const status of STATUSES) {
    it(`${status}: ${expected[status]!.join(', ') || 'no actions'}`, async () => {
      const { el } = await actions(`run_s_${status}`);
      expect(el.run!.status).to.equal(status);
      expect(buttons(el)).to.deep.equal(expected[status]);
      expect(part(el, 'base')).to.not.equal(null);
      if (expected[status]!.length) {
        expect(part(el, expected[status]![0]!.toLowerCase())).to.not.equal(null);
        expect(part(el, 'icon')).to.not.equal(null);
      }
      await expect(el).to.be.accessible();
    });
  }

  it('a failed scheduled post retries after the reconnect (seed 004): no Replay, says so and links LinkedIn; once retried, Replay is back', async () => {
    const { el } = await actions('', (d) => scheduledRun(d.server, 'wf_linkedin_posts'));
    expect(el.run!.status).to.equal('failed');
    expect(buttons(el)).to.deep.equal([]);
    expect(part(el, 'unavailable')!.textContent).to.equal('Will retry automatically after you reconnect LinkedIn.');
    expect(part(el, 'blocked-connection')!.getAttribute('href')).to.equal('#connections/con_linkedin');
    await expect(el).to.be.accessible();

    const { el: retried } = await actions('', async (d) => {
      const failed = await scheduledRun(d.server, 'wf_linkedin_posts');
      await reconnectElsewhere(d, 'con_linkedin', 'ops@northwind.example');
      return failed;
    });
    expect(retried.run!.retry).to.equal('retried');
    expect(buttons(retried)).to.deep.equal(['Replay']);
    expect(part(retried, 'unavailable')).to.equal(null);
  });

  it('a normal failed run keeps Replay after the reconnect (seed 002)', async () => {
    const { el } = await actions('', async (d) => {
      const failed = await scheduledRun(d.server, 'wf_lead_sync');
      await reconnectElsewhere(d, 'con_hubspot', 'ops@northwind.example');
      return failed;
    });
    expect([el.run!.status, el.run!.retry]).to.deep.equal(['failed', undefined]);
    expect(buttons(el)).to.deep.equal(['Replay']);
  });

  it('HubSpot still broken: no Resume; says why and links the connection to fix (operator run)', async () => {
    const { el } = await actions('run_operator_reauth');
    expect(buttons(el)).to.deep.equal([]);
    expect(part(el, 'unavailable')!.textContent).to.equal('Reconnect HubSpot before resuming this run.');
    const link = part(el, 'blocked-connection')!;
    expect(link.getAttribute('href')).to.equal('#connections/con_hubspot');
    const event = oneEvent(el, 'relink-navigate');
    el.addEventListener('relink-navigate', (e) => e.preventDefault(), { once: true });
    link.click();
    expect((await event).detail).to.deep.equal({ href: '#connections/con_hubspot', connectionId: 'con_hubspot', runId: 'run_operator_reauth' });
    await expect(el).to.be.accessible();
  });

  it('agent run parked on reauth: no competing Resume, "resumes by itself"; two broken connections are both named', async () => {
    const { el } = await actions('run_agent_reauth');
    expect(buttons(el)).to.deep.equal([]);
    expect(part(el, 'unavailable')!.textContent).to.equal('This run resumes by itself once HubSpot is reconnected.');
    const two = await actions('run_two', (d) => putRun(d.server, {
      id: 'run_two', kind: 'operator', status: 'paused', pauseReason: 'reauth', connectionIds: ['con_hubspot', 'con_quickbooks'],
      blockedConnectionIds: ['con_hubspot', 'con_quickbooks'],
    }));
    expect(buttons(two.el)).to.deep.equal([]);
    expect(part(two.el, 'unavailable')!.textContent).to.equal('Reconnect HubSpot and QuickBooks before resuming this run.');
    expect([...two.el.shadowRoot!.querySelectorAll('[part=blocked-connection]')].map((a) => a.getAttribute('href')))
      .to.deep.equal(['#connections/con_hubspot', '#connections/con_quickbooks']);
  });

  it('a 409 from a click (the page is stale) shows the server\'s refusal word for word', async () => {
    const { el, other } = await actions('run_s_paused');
    expect(buttons(el)).to.deep.equal(['Resume']);
    // Slack breaks elsewhere; this page (not live) still offers Resume.
    await (await other('client', 'prn_client')).connections.revoke('con_slack');
    part(el, 'resume')!.click();
    const t = await toastTitled('Could not resume the run');
    expect(t.description).to.equal('Reconnect Slack before resuming this run.');
  });

  it('keyboard: Enter on "Resume" → relink-resume { run }, busy, "Run resumed." with a link to the run; focus stays in the element', async () => {
    let release!: () => void;
    const { el, client } = await actions('run_operator_reauth', (d) => reconnectElsewhere(d, 'con_hubspot', 'ops@northwind.example'),
      new Promise<void>((resolve) => (release = resolve)));
    part(el, 'resume')!.focus();
    const event = oneEvent(el, 'relink-resume') as Promise<RelinkResumeEvent>;
    await sendKeys({ press: 'Enter' });
    const { detail } = await event;
    expect(detail.run.id).to.equal('run_operator_reauth');
    expect(detail.run.status).to.equal('paused');
    await el.updateComplete;
    // The request is held: the button shows it is busy, and keeps focus.
    expect(part(el, 'resume')!.getAttribute('aria-busy')).to.equal('true');
    expect(part(el, 'resume')!.getAttribute('aria-disabled')).to.equal('true');
    expect(deepActive()).to.equal(part(el, 'resume'));
    release();
    const t = await toastTitled('Run resumed.');
    expect(t.tone).to.equal('success');
    expect(t.action).to.equal('View run');
    expect(t.actionElement!.getAttribute('href')).to.equal('#runs/run_operator_reauth');
    expect((await client.runs.get('run_operator_reauth')).status).to.equal('running');
    await waitUntil(() => buttons(el).length === 0, 'Resume gone once running');
    await waitUntil(() => deepActive() === part(el, 'base'), 'focus kept on the group');
  });

  it('keyboard: Space on "Replay" → relink-replay, "Run replayed." linking to the new run', async () => {
    const { el, provider } = await actions('run_failed');
    part(el, 'replay')!.focus();
    const event = oneEvent(el, 'relink-replay') as Promise<RelinkReplayEvent>;
    await sendKeys({ press: 'Space' });
    expect((await event).detail.run.id).to.equal('run_failed');
    const t = await toastTitled('Run replayed.');
    const replay = provider.resolvedStore!.getSnapshot().runs.items.find((r) => r.replayOf === 'run_failed')!;
    expect(t.actionElement!.getAttribute('href')).to.equal(`#runs/${replay.id}`);
    expect(buttons(el), 'the failed run can be replayed again').to.deep.equal(['Replay']);
    expect(deepActive() === part(el, 'replay')).to.equal(true);
  });

  it('preventDefault() on relink-resume / relink-replay sends nothing', async () => {
    const { el, client, provider } = await actions('run_s_paused');
    const store = provider.resolvedStore!;
    const [resume, replay] = [store.resume.bind(store), store.replay.bind(store)];
    let asked = 0;
    store.resume = (id: string) => (asked++, resume(id));
    store.replay = (id: string) => (asked++, replay(id));
    el.addEventListener('relink-resume', (e) => e.preventDefault());
    part(el, 'resume')!.click();
    // The element asks the store inside the click or never.
    expect(asked).to.equal(0);
    expect((await client.runs.get('run_s_paused')).status).to.equal('paused');
    expect(toasts()).to.deep.equal([]);
    el.runId = 'run_s_completed';
    // Fetched by id: the element never loads the workspace's runs.
    await waitUntil(() => el.run?.id === 'run_s_completed' && part(el, 'replay'), 'the completed run');
    el.addEventListener('relink-replay', (e) => e.preventDefault());
    part(el, 'replay')!.click();
    expect(asked).to.equal(0);
    const { data } = await client.runs.list({});
    expect(data.some((r) => r.replayOf === 'run_s_completed')).to.equal(false);
    expect(toasts()).to.deep.equal([]);
  });

  it("shows the server's error message when the action is refused (409)", async () => {
    const { el, server } = await actions('run_s_paused');
    // Someone else resumed it meanwhile; this page (not live) still shows it paused.
    await putRun(server, { id: 'run_s_paused', status: 'running', startedAt: new Date().toISOString() });
    part(el, 'resume')!.click();
    const t = await toastTitled('Could not resume the run');
    expect(t.tone).to.equal('error');
    expect(t.description).to.equal('Only a paused run can be resumed; this run is running.');
  });

  it('ignores clicks while busy (its own guard, not the store\'s shared request) and takes its copy from messages', async () => {
    let release!: () => void;
    const { el, provider } = await actions('run_s_cancelled', undefined, new Promise<void>((resolve) => (release = resolve)));
    el.messages = { replay: '<b>Again</b>', replayed: 'Done!' };
    await el.updateComplete;
    expect(buttons(el)).to.deep.equal(['<b>Again</b>']);
    // The store merges identical requests in flight, so counting requests cannot see the element's guard: count
    // what the element asks of the store, and the events it fires.
    const store = provider.resolvedStore!;
    const replay = store.replay.bind(store);
    let asked = 0;
    store.replay = (id: string) => (asked++, replay(id));
    let events = 0;
    el.addEventListener('relink-replay', () => events++);
    part(el, 'replay')!.click();
    await el.updateComplete;
    expect(part(el, 'replay')!.getAttribute('aria-busy')).to.equal('true');
    part(el, 'replay')!.click();
    await sendKeys({ press: 'Enter' });
    release();
    await toastTitled('Done!');
    expect(asked).to.equal(1);
    expect(events).to.equal(1);
  });

});
