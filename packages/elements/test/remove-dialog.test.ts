import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { html } from 'lit';
import '../src/components/remove-dialog/remove-dialog.js';
import '../src/components/connections-table/connections-table.js';
import type { RelinkRemoveDialog } from '../src/components/remove-dialog/remove-dialog.js';
import type { RelinkRemovedEvent } from '../src/events/remove.js';
import { part } from './helpers.js';
import { deepActive, demo, inProvider, text, toastTitled } from './relink.js';

const dlg = (el: Element) => part(el, 'dialog') as HTMLDialogElement | null;
// Closed: the `<dialog>` is not rendered before it first opens (its template loads then).
const isOpen = (el: Element) => dlg(el)?.open === true;

async function dialog(id = 'con_slack', role: 'client' | 'agency' = 'client') {
  const d = await demo(role);
  const { el, provider } = await inProvider<RelinkRemoveDialog>(d.client, html`<relink-remove-dialog connection-id=${id}></relink-remove-dialog>
    <relink-connections-table></relink-connections-table>`, 'relink-remove-dialog', { live: true });
  await waitUntil(() => provider.resolvedStore!.getSnapshot().connections.byId.has(id));
  await el.updateComplete;
  return { el, provider, store: provider.resolvedStore!, ...d };
}

describe('relink-remove-dialog', () => {
  it('"Remove" opens a dialog naming the app and what stops working (the workflows, the runs that pause); accessible', async () => {
    const { el } = await dialog();
    expect(part(el, 'trigger')!.textContent).to.equal('Remove');
    expect(isOpen(el)).to.equal(false);
    await el.show();
    expect(isOpen(el)).to.equal(true);
    expect(part(el, 'title')!.textContent).to.equal('Remove Slack?');
    expect(part(el, 'body')!.textContent).to.equal('This deletes the connection and its stored credentials. To use the app again, add it fresh.');
    await waitUntil(() => el.shadowRoot!.querySelector("[part='usage'] li"), 'usage loaded');
    const usage = text(part(el, 'usage'));
    expect(usage).to.contain('These workflows stop working:');
    expect([...part(el, 'usage')!.querySelectorAll('li')].map((li) => li.textContent).sort()).to.deep.equal(['Daily Slack digest', 'New HubSpot leads to Slack']);
    expect(usage).to.contain('2 runs that use it will pause.');
    expect(deepActive()).to.equal(part(el, 'cancel'));
    const [first, second] = part(el, 'actions')!.querySelectorAll('button');
    expect([first, second]).to.deep.equal([part(el, 'cancel'), part(el, 'confirm')]);
    for (const name of ['trigger', 'dialog', 'title', 'body', 'usage', 'error', 'actions', 'cancel', 'confirm']) expect(part(el, name), name).to.not.equal(null);
    await expect(el).to.be.accessible();
  });

  it('"Remove connection": the row leaves the table, the dialog closes, relink-removed names the paused runs, a toast says so', async () => {
    const { el, provider, store } = await dialog();
    const table = provider.querySelector('relink-connections-table')!;
    await waitUntil(() => table.shadowRoot!.querySelector("tr[data-id='con_slack']"), 'row shown');
    await el.show();
    const removed = oneEvent(el, 'relink-removed') as Promise<RelinkRemovedEvent>;
    part(el, 'confirm')!.click();
    const event = await removed;
    expect(event.detail.connection.id).to.equal('con_slack');
    expect(event.detail.pausedRuns.map((r) => r.id).sort()).to.deep.equal(['run_agent_reauth', 'run_operator_reauth']);
    const t = await toastTitled('Connection removed');
    expect(t.description).to.equal('Workflows that used it are paused. Add the app again to use it.');
    expect(store.getSnapshot().connections.byId.has('con_slack')).to.equal(false);
    await waitUntil(() => !table.shadowRoot!.querySelector("tr[data-id='con_slack']"), 'row gone from the table');
    expect(el.open).to.equal(false);
  });

  it('removed in another tab: the row disappears live here too', async () => {
    const { provider, other } = await dialog('con_quickbooks');
    const table = provider.querySelector('relink-connections-table')!;
    await waitUntil(() => table.shadowRoot!.querySelector("tr[data-id='con_quickbooks']"), 'row shown');
    await waitUntil(() => provider.resolvedStore!.getSnapshot().live === 'open', 'live');
    await (await other('agency')).connections.remove('con_quickbooks');
    await waitUntil(() => !table.shadowRoot!.querySelector("tr[data-id='con_quickbooks']"), 'row gone after the other tab removed it', { timeout: 5000 });
  });

  it('Escape keeps everything; relink-remove can be cancelled (nothing is removed)', async () => {
    const { el, store } = await dialog();
    part(el, 'trigger')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => isOpen(el), 'opened');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !isOpen(el), 'closed');
    expect(deepActive()).to.equal(part(el, 'trigger'));
    el.addEventListener('relink-remove', (e) => e.preventDefault(), { once: true });
    await el.show();
    part(el, 'confirm')!.click();
    await waitUntil(() => !isOpen(el), 'closed by the cancelled remove');
    expect(store.getSnapshot().connections.byId.has('con_slack')).to.equal(true);
    expect((await store.client.connections.get('con_slack')).id).to.equal('con_slack');
  });

  it('a connection no workflow uses says so; copy comes from messages', async () => {
    const { el } = await dialog('con_facebook');
    await el.show();
    await waitUntil(() => part(el, 'usage') && !/Checking/.test(part(el, 'usage')!.textContent!), 'usage loaded');
    expect(part(el, 'usage')!.textContent).to.equal('No workflow uses this connection.');
    el.messages = { title: 'Supprimer {app} ?' };
    await el.updateComplete;
    expect(part(el, 'title')!.textContent).to.equal('Supprimer Facebook Pages ?');
  });

  it('a failed removal says why (never the SDK\'s text), keeps the dialog open, and says it again in a later language', async () => {
    // The one fault the in-page server cannot produce: the DELETE never gets an answer.
    const d = await demo('client', undefined, (f) => async (input, init) => {
      if (new Request(input, init).method === 'DELETE') throw new TypeError('offline');
      return f(input, init);
    });
    const { el, provider } = await inProvider<RelinkRemoveDialog>(d.client, html`<relink-remove-dialog connection-id="con_slack"></relink-remove-dialog>`, 'relink-remove-dialog');
    await waitUntil(() => provider.resolvedStore!.getSnapshot().connections.byId.has('con_slack'));
    await el.show();
    part(el, 'confirm')!.click();
    await waitUntil(() => !part(el, 'error')!.hidden, 'error shown', { timeout: 5000 });
    expect(part(el, 'error')!.textContent).to.equal('The service cannot be reached right now. Nothing was changed.');
    expect(isOpen(el), 'the dialog stays open on an error').to.equal(true);
    el.lang = 'de';
    await waitUntil(() => part(el, 'error')!.textContent === 'Der Dienst ist gerade nicht erreichbar. Es wurde nichts geändert.',
      `error in German (saw ${part(el, 'error')!.textContent})`);
  });
});
