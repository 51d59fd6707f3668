import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { html } from 'lit';
import type { Role } from '@relink/sdk';
import '../src/components/runs-list/runs-list.js';
import type { RelinkRunsList } from '../src/components/runs-list/runs-list.js';
import type { RelinkNavigateEvent } from '../src/events/navigate.js';
import { part } from './helpers.js';
import { deepActive, demo, inProvider, type Demo } from './relink.js';
import { namedConnectionsHeld, putRun, putRunsInEveryStatus, scheduledRun } from './runs.js';
import { reconnectElsewhere } from './consent.js';

async function list(options: { role?: Role; principal?: string; live?: boolean; prepare?: (d: Demo) => Promise<unknown> } = {}) {
  /** The paths of the GET requests the page sent. */
  const gets: string[] = [];
  const d = await demo(options.role ?? 'agency', options.principal, (f) => async (input, init) => {
    const request = input instanceof Request ? input : new Request(input, init);
    if (request.method === 'GET') gets.push(new URL(request.url).pathname.replace(/^\/v1/, ''));
    return f(request);
  });
  await options.prepare?.(d);
  const { el, provider } = await inProvider<RelinkRunsList>(
    d.client,
    html`<relink-runs-list connection-href="#connections/{id}" run-href="#runs/{id}"></relink-runs-list>`,
    'relink-runs-list',
    { live: options.live ?? false },
  );
  await waitUntil(() => {
    const s = provider.resolvedStore!.getSnapshot();
    return s.runs.status !== 'loading' && s.runs.status !== 'idle' && namedConnectionsHeld(provider.resolvedStore!, s.runs.items);
  }, 'runs loaded');
  await el.updateComplete;
  return { el, provider, gets, ...d };
}

const rows = (el: RelinkRunsList) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('tbody [part=row]')];
const ids = (el: RelinkRunsList) => rows(el).map((r) => r.dataset.id!);
const chip = (el: RelinkRunsList, label: string) =>
  [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~=chip]')].find((c) => c.textContent!.trim() === label)!;
const rowOf = (el: RelinkRunsList, id: string) => el.shadowRoot!.querySelector<HTMLElement>(`[data-id='${id}']`)!;
const statusOf = (el: RelinkRunsList, id: string) => rowOf(el, id).querySelector('[part=status]')!.textContent!.trim();
async function actionsOf(el: RelinkRunsList, id: string): Promise<string[]> {
  const actions = rowOf(el, id).querySelector('relink-run-actions')!;
  await actions.updateComplete;
  return [...actions.shadowRoot!.querySelectorAll('button')].map((b) => b.textContent!.trim());
}

describe('relink-runs-list', () => {
  afterEach(() => {
    if (location.hash) history.replaceState(null, '', location.pathname + location.search);
  });

  it('a failed scheduled post says it will retry after the reconnect, then "Retried automatically" beside its status; a normal failed run keeps Replay', async () => {
    let post = '';
    let lead = '';
    const d = await list({
      live: true,
      prepare: async (demo) => {
        post = await scheduledRun(demo.server, 'wf_linkedin_posts');
        lead = await scheduledRun(demo.server, 'wf_lead_sync');
      },
    });
    const { el } = d;
    const unavailable = async (id: string) => {
      const actions = rowOf(el, id).querySelector('relink-run-actions')!;
      await actions.updateComplete;
      return actions.shadowRoot!.querySelector('[part=unavailable]')?.textContent;
    };
    expect(statusOf(el, post)).to.equal('Failed');
    expect(await actionsOf(el, post)).to.deep.equal([]);
    expect(await unavailable(post)).to.equal('Will retry automatically after you reconnect LinkedIn.');
    expect(await actionsOf(el, lead)).to.deep.equal(['Replay']);
    expect(rowOf(el, post).querySelector('[part=retried]')).to.equal(null);

    await reconnectElsewhere(d, 'con_linkedin', 'ops@northwind.example');
    await waitUntil(() => rowOf(el, post).querySelector('[part=retried]'), 'retried, live', { timeout: 5000 });
    expect(rowOf(el, post).querySelector('[part=retried]')!.textContent).to.equal('Retried automatically');
    expect(await actionsOf(el, post)).to.deep.equal(['Replay']);
    const replay = ids(el).find((id) => ![post, lead].includes(id) && rowOf(el, id).textContent!.includes('Publish scheduled LinkedIn posts') && statusOf(el, id) === 'Running' && id !== 'run_running');
    expect(replay, 'the automatic retry is listed, running').to.not.equal(undefined);
    await expect(el).to.be.accessible();
  });

  it('lists the runs newest first with workflow, status text + icon, kind and times; accessible; parts', async () => {
    const { el } = await list();
    expect(ids(el)).to.deep.equal(['run_running', 'run_operator_reauth', 'run_agent_reauth', 'run_completed', 'run_newsletter', 'run_failed']);
    const row = rowOf(el, 'run_agent_reauth');
    expect(row.querySelector('[part=workflow]')!.textContent).to.equal('New HubSpot leads to Slack');
    expect(row.querySelector('[part=workflow]')!.getAttribute('href')).to.equal('#runs/run_agent_reauth');
    expect(statusOf(el, 'run_agent_reauth')).to.equal('Paused');
    expect(row.querySelector('[part=reason]')!.textContent).to.equal('Needs reauthorization');
    expect(row.textContent!.replace(/\s+/g, ' ')).to.contain('Agent');
    expect(rowOf(el, 'run_operator_reauth').textContent).to.contain('Operator');
    expect(row.querySelector('time')!.getAttribute('datetime')).to.match(/^\d{4}-/);
    expect(row.querySelector('time')!.textContent).to.match(/ago/);
    expect(statusOf(el, 'run_failed')).to.equal('Failed');
    expect(statusOf(el, 'run_completed')).to.equal('Completed');
    for (const name of ['base', 'chips', 'chip', 'chip-pressed', 'table', 'row', 'cell', 'workflow', 'status', 'status-icon', 'reason', 'blocked-connection', 'actions']) {
      expect(part(el, name), name).to.not.equal(null);
    }
    expect(chip(el, 'All').getAttribute('aria-pressed')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('names the connections its runs wait for by fetching each once by id, never the connections list', async () => {
    const { el, provider, gets } = await list();
    const named = [...new Set(provider.resolvedStore!.getSnapshot().runs.items.flatMap((r) => r.blockedConnectionIds ?? []))].sort();
    expect(named).to.include('con_hubspot');
    // The list and each row's actions name HubSpot: one request between them.
    expect(gets.filter((path) => path.startsWith('/connections')).sort()).to.deep.equal(named.map((id) => `/connections/${id}`));
    expect(provider.resolvedStore!.getSnapshot().connections.status).to.equal('idle');
    expect(rowOf(el, 'run_agent_reauth').querySelector('[part=blocked-connection]')!.textContent).to.equal('HubSpot (Northwind CRM)');
  });

  it('names and links the connection a run paused on reauth waits for', async () => {
    const { el } = await list();
    const link = rowOf(el, 'run_agent_reauth').querySelector<HTMLAnchorElement>('[part=blocked-connection]')!;
    expect(link.textContent).to.equal('HubSpot (Northwind CRM)');
    expect(link.getAttribute('href')).to.equal('#connections/con_hubspot');
    expect(link.parentElement!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Blocked by HubSpot (Northwind CRM)');
    const event = oneEvent(el, 'relink-navigate') as Promise<RelinkNavigateEvent>;
    link.click();
    expect((await event).detail).to.deep.equal({ href: '#connections/con_hubspot', connectionId: 'con_hubspot', runId: 'run_agent_reauth' });
    expect(location.hash).to.equal('#connections/con_hubspot');
    history.replaceState(null, '', location.pathname);
    el.addEventListener('relink-navigate', (e) => e.preventDefault(), { once: true });
    rowOf(el, 'run_failed').querySelector<HTMLElement>('[part=workflow]')!.click();
    expect(location.hash).to.equal('');
  });

  it('each status gets exactly its actions: Resume for paused, Replay for completed/failed/cancelled', async () => {
    const { el } = await list({ prepare: (d) => putRunsInEveryStatus(d.server) });
    const expected = { running: [], paused: ['Resume'], waiting: [], completed: ['Replay'], failed: ['Replay'], cancelled: ['Replay'] };
    for (const [status, actions] of Object.entries(expected)) {
      expect(statusOf(el, `run_s_${status}`)).to.equal(status[0]!.toUpperCase() + status.slice(1));
      expect(await actionsOf(el, `run_s_${status}`), status).to.deep.equal(actions);
    }
    await expect(el).to.be.accessible();
  });

  it('"Paused for reauth" shows exactly the runs paused with reason reauth (as the server\'s preset does)', async () => {
    const { el, client } = await list({
      prepare: async (d) => {
        await putRunsInEveryStatus(d.server); // includes a run paused for approval
        await putRun(d.server, { id: 'run_mailchimp', kind: 'agent', status: 'paused', pauseReason: 'reauth', blockedConnectionId: 'con_mailchimp', connectionIds: ['con_mailchimp'] });
      },
    });
    chip(el, 'Paused for reauth').click();
    await el.updateComplete;
    expect(el.filter).to.equal('paused_for_reauth');
    expect(chip(el, 'Paused for reauth').getAttribute('aria-pressed')).to.equal('true');
    expect(chip(el, 'All').getAttribute('aria-pressed')).to.equal('false');
    const { data } = await client.runs.list({ preset: 'paused_for_reauth' });
    expect(ids(el).sort()).to.deep.equal(data.map((r) => r.id).sort());
    expect(ids(el).sort()).to.deep.equal(['run_agent_reauth', 'run_mailchimp', 'run_operator_reauth']);
    expect(ids(el)).to.not.include('run_s_paused');
    await expect(el).to.be.accessible();
    chip(el, 'Failed').click();
    await el.updateComplete;
    expect(ids(el)).to.deep.equal(['run_s_failed', 'run_failed']);
    chip(el, 'Running').click();
    await el.updateComplete;
    expect(ids(el).sort()).to.deep.equal(['run_running', 'run_s_running']);
  });

  it('keyboard: chips toggle with Space and Enter', async () => {
    const { el } = await list();
    chip(el, 'All').focus();
    await sendKeys({ press: 'Tab' });
    expect(deepActive() === chip(el, 'Paused for reauth')).to.equal(true);
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(chip(el, 'Paused for reauth').getAttribute('aria-pressed')).to.equal('true');
    expect(ids(el).sort()).to.deep.equal(['run_agent_reauth', 'run_operator_reauth']);
    await sendKeys({ press: 'Shift+Tab' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.filter).to.equal('all');
    expect(ids(el)).to.have.length(6);
  });

  it('Resume is offered on a row only once its connection works: none while HubSpot is broken', async () => {
    const { el } = await list();
    const actions = rowOf(el, 'run_operator_reauth').querySelector('relink-run-actions')!;
    await actions.updateComplete;
    expect(actions.shadowRoot!.querySelector('[part~=resume]')).to.equal(null);
    expect(actions.shadowRoot!.querySelector('[part=unavailable]')!.textContent).to.equal('Reconnect HubSpot before resuming this run.');
  });

  it('keyboard: Resume on a row by Tab + Enter (HubSpot reconnected first)', async () => {
    const { el } = await list({ prepare: (d) => reconnectElsewhere(d, 'con_hubspot', 'ops@northwind.example') });
    chip(el, 'Paused for reauth').click();
    await el.updateComplete;
    const actions = rowOf(el, 'run_operator_reauth').querySelector('relink-run-actions')!;
    await actions.updateComplete;
    expect(rowOf(el, 'run_operator_reauth').querySelector('[part=reason]')!.textContent).to.equal('Reconnected · ready to resume');
    actions.shadowRoot!.querySelector<HTMLElement>('[part~=resume]')!.focus();
    await sendKeys({ press: 'Enter' });
    // The resumed run is no longer paused for reauth: it leaves this view.
    await waitUntil(() => !ids(el).includes('run_operator_reauth'), 'resumed run left the view', { timeout: 5000 });
  });

  it('live: an agent run parked on reauth flips to running when its connection is reconnected in another tab', async () => {
    const { el, other } = await list({
      live: true,
      prepare: (d) => putRun(d.server, { id: 'run_mailchimp', kind: 'agent', status: 'paused', pauseReason: 'reauth', blockedConnectionId: 'con_mailchimp', connectionIds: ['con_mailchimp'] }),
    });
    chip(el, 'Paused for reauth').click();
    await el.updateComplete;
    expect(ids(el)).to.include('run_mailchimp');
    const tab = await other('agency');
    await tab.connections.submitCredentials('con_mailchimp', { api_key: '0123456789abcdef0123456789abcdef-us21' });
    await waitUntil(() => !ids(el).includes('run_mailchimp'), 'left the paused view', { timeout: 5000 });
    chip(el, 'All').click();
    await el.updateComplete;
    expect(statusOf(el, 'run_mailchimp')).to.equal('Running');
  });

  it('empty: "No runs yet"; a chip with no match: "No runs match this filter."', async () => {
    const d = await demo('agency');
    d.client.runs.list = (async () => ({ data: [], nextCursor: null })) as unknown as typeof d.client.runs.list;
    const { el } = await inProvider<RelinkRunsList>(d.client, html`<relink-runs-list></relink-runs-list>`, 'relink-runs-list');
    await waitUntil(() => part(el, 'empty'), 'empty state');
    expect(part(el, 'empty')!.textContent).to.equal('No runs yet');
    expect(part(el, 'table')).to.equal(null);
    await expect(el).to.be.accessible();
    const { el: filtered, provider, server } = await list();
    await putRun(server, { id: 'run_failed', status: 'completed' });
    await provider.resolvedStore!.runs.load();
    filtered.filter = 'failed';
    await filtered.updateComplete;
    expect(part(filtered, 'empty')!.textContent).to.equal('No runs match this filter.');
    await expect(filtered).to.be.accessible();
  });

  it('a load error says the service cannot be reached (never the SDK\'s own text) with "Try again", which loads again', async () => {
    let fail = true;
    // The one fault the in-page backend cannot produce: no answer at all.
    const d = await demo('agency', undefined, (f) => async (input, init) => {
      if (fail && (input instanceof Request ? input.url : String(input)).includes('/runs')) throw new TypeError('offline');
      return f(input, init);
    });
    const { el } = await inProvider<RelinkRunsList>(d.client, html`<relink-runs-list></relink-runs-list>`, 'relink-runs-list');
    await waitUntil(() => part(el, 'error'), 'error shown');
    expect(part(el, 'error')!.querySelector('p')!.textContent).to.equal('The service cannot be reached right now. Nothing was changed.');
    await expect(el).to.be.accessible();
    fail = false;
    part(el, 'retry')!.click();
    await waitUntil(() => rows(el).length === 6, 'reloaded');
  });

  it('copy from messages; hostile workflow names render as text', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1">';
    const { el } = await list({ prepare: (d) => putRun(d.server, { id: 'run_evil', workflowName: hostile }) });
    el.messages = { all: 'Tout', statusLabels: { running: 'En cours', paused: 'En pause', waiting: 'En attente', completed: 'Terminé', failed: 'Échoué', cancelled: 'Annulé' } };
    await el.updateComplete;
    expect(chip(el, 'Tout')).to.not.equal(undefined);
    expect(rowOf(el, 'run_evil').querySelector('[part=workflow]')!.textContent).to.equal(hostile);
    expect(statusOf(el, 'run_evil')).to.equal('En cours');
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

});
