import FakeTimers from '@sinonjs/fake-timers';
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { html } from 'lit';
import '../src/components/revoke-dialog/revoke-dialog.js';
import { RelinkRevokeDialog } from '../src/components/revoke-dialog/revoke-dialog.js';
import { part } from './helpers.js';
import { deepActive, demo, inProvider, toastTitled } from './relink.js';

const dlg = (el: Element) => part(el, 'dialog') as HTMLDialogElement | null;
// Closed: the `<dialog>` is not rendered before it first opens (its template loads then).
const isOpen = (el: Element) => dlg(el)?.open === true;
const BODY = 'Workflows that depend on this credential will pause until you (or another team member) reconnect it. You can reconnect at any time from this page or from a future request email.';

async function dialog(id = 'con_slack') {
  const d = await demo('client');
  const { el, provider } = await inProvider<RelinkRevokeDialog>(d.client, html`<relink-revoke-dialog connection-id=${id}></relink-revoke-dialog>`, 'relink-revoke-dialog');
  await waitUntil(() => provider.resolvedStore!.getSnapshot().connections.byId.has(id));
  await el.updateComplete;
  return { el, provider, ...d };
}

describe('relink-revoke-dialog', () => {
  it('shows a "Revoke" trigger and, once opened, a dialog with the seed copy, and every part', async () => {
    const { el } = await dialog();
    expect(part(el, 'trigger')!.textContent).to.equal('Revoke');
    expect(part(el, 'trigger')!.getAttribute('aria-haspopup')).to.equal('dialog');
    await el.show();
    expect(part(el, 'title')!.textContent).to.equal('Revoke this connection?');
    expect(part(el, 'body')!.textContent).to.equal(BODY);
    expect(part(el, 'confirm')!.textContent).to.equal('Revoke connection');
    expect(part(el, 'cancel')!.textContent).to.equal('Keep connection');
    for (const name of ['trigger', 'dialog', 'title', 'body', 'error', 'actions', 'cancel', 'confirm']) expect(part(el, name), name).to.not.equal(null);
    // The destructive action is on the right (after the safe one) and in the error tone.
    const [first, second] = part(el, 'actions')!.querySelectorAll('button');
    expect(first).to.equal(part(el, 'cancel'));
    expect(second).to.equal(part(el, 'confirm'));
    expect(getComputedStyle(part(el, 'confirm')!).backgroundColor).to.equal('rgb(180, 35, 24)');
    await expect(el).to.be.accessible();
    await el.hide();
    expect(part(el, 'dialog')!.hasAttribute('open'), 'closed').to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('keyboard: Enter opens with focus on "Keep connection"; Escape closes and returns focus to the trigger', async () => {
    const { el } = await dialog();
    part(el, 'trigger')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => isOpen(el));
    expect(deepActive()).to.equal(part(el, 'cancel'));
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !isOpen(el));
    await waitUntil(() => deepActive() === part(el, 'trigger'), 'focus back on the trigger');
  });

  it('"Keep connection" closes without revoking', async () => {
    const { el, provider } = await dialog();
    await el.show();
    part(el, 'cancel')!.click();
    await waitUntil(() => !isOpen(el));
    expect(provider.resolvedStore!.getSnapshot().connections.byId.get('con_slack')!.status).to.equal('active');
  });

  it('keyboard: Tab to "Revoke connection" + Enter → events in order, toast, status revoked, trigger gone', async () => {
    const { el, provider } = await dialog();
    const seen: string[] = [];
    el.addEventListener('relink-revoke', (e) => seen.push(`${e.type}:${e.detail.connection.status}`));
    el.addEventListener('relink-revoked', (e) => seen.push(`${e.type}:${e.detail.connection.status}`));
    part(el, 'trigger')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => isOpen(el));
    await sendKeys({ press: 'Tab' });
    expect(deepActive()).to.equal(part(el, 'confirm'));
    await sendKeys({ press: 'Enter' });
    const t = await toastTitled('Connection revoked');
    expect(t.description).to.equal('Workflows using this connection will pause until reconnected.');
    expect(seen).to.deep.equal(['relink-revoke:active', 'relink-revoked:revoked']);
    expect(provider.resolvedStore!.getSnapshot().connections.byId.get('con_slack')!.status).to.equal('revoked');
    await el.updateComplete;
    expect(isOpen(el)).to.equal(false);
    expect(part(el, 'trigger')).to.equal(null);
  });

  it('focus stays trapped in the open dialog (native modal)', async () => {
    const { el } = await dialog();
    await el.show();
    for (let i = 0; i < 4; i++) {
      await sendKeys({ press: 'Tab' });
      const active = deepActive();
      expect([part(el, 'cancel'), part(el, 'confirm')].includes(active as HTMLElement) || active === document.body, String(active?.outerHTML)).to.equal(true);
    }
    expect(part(el, 'dialog')!.matches(':modal')).to.equal(true);
  });

  it('preventDefault() on relink-revoke stops the revoke: the dialog closes with reason "cancel" and nothing is sent', async () => {
    let revokes = 0;
    const d = await demo('client', undefined, (f) => async (input, init) => {
      const request = new Request(input, init);
      if (request.url.endsWith('/revoke')) revokes++;
      return f(request);
    });
    const { el } = await inProvider<RelinkRevokeDialog>(d.client, html`<relink-revoke-dialog connection-id="con_slack"></relink-revoke-dialog>`, 'relink-revoke-dialog');
    await waitUntil(() => part(el, 'trigger'));
    el.addEventListener('relink-revoke', (e) => e.preventDefault());
    const reasons: string[] = [];
    el.addEventListener('relink-hide', (e) => reasons.push(e.detail.reason));
    await el.show();
    part(el, 'confirm')!.click();
    await waitUntil(() => !isOpen(el));
    expect(reasons).to.deep.equal(['cancel']);
    // A request sent now reaches the server after any revoke the click would have sent.
    expect((await d.client.connections.get('con_slack')).status).to.equal('active');
    expect(revokes).to.equal(0);
  });

  it('dialog API: the reflected open property drives the modal; show()/hide() settle once it is open/closed', async () => {
    const { el } = await dialog();
    el.open = true;
    await el.updateComplete;
    expect(isOpen(el)).to.equal(true);
    expect(dlg(el)!.matches(':modal')).to.equal(true);
    expect(el.hasAttribute('open')).to.equal(true);
    el.removeAttribute('open');
    await el.updateComplete;
    expect(isOpen(el)).to.equal(false);
    await el.show();
    expect(isOpen(el), 'open once show() settles').to.equal(true);
    expect(deepActive()).to.equal(part(el, 'cancel'));
    await el.hide();
    expect(isOpen(el), 'closed once hide() settles').to.equal(false);
    expect(el.open).to.equal(false);
    expect(deepActive()).to.equal(part(el, 'trigger'));
  });

  it('relink-show and relink-hide fire before, with the reason, and cancelling them keeps the dialog as it was', async () => {
    const { el } = await dialog();
    const seen: string[] = [];
    el.addEventListener('relink-show', (e) => seen.push(e.type));
    el.addEventListener('relink-hide', (e) => seen.push(`${e.type}:${e.detail.reason}`));
    const refuse = (e: Event) => e.preventDefault();
    el.addEventListener('relink-show', refuse);
    await el.show();
    expect(isOpen(el), 'show cancelled').to.equal(false);
    expect(el.open).to.equal(false);
    el.removeEventListener('relink-show', refuse);
    part(el, 'trigger')!.click();
    await waitUntil(() => isOpen(el));
    el.addEventListener('relink-hide', refuse);
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    part(el, 'cancel')!.click();
    await el.updateComplete;
    await el.hide();
    expect(isOpen(el), 'every close was cancelled').to.equal(true);
    expect(el.open).to.equal(true);
    el.removeEventListener('relink-hide', refuse);
    part(el, 'cancel')!.click();
    await el.updateComplete;
    expect(isOpen(el)).to.equal(false);
    expect(seen).to.deep.equal(['relink-show', 'relink-show', 'relink-hide:escape', 'relink-hide:cancel', 'relink-hide:method', 'relink-hide:cancel']);
  });

  it('shows the server error inside the dialog (409 already revoked elsewhere)', async () => {
    const { el, client } = await dialog();
    await client.connections.revoke('con_slack'); // revoked in another tab; this store still thinks it is active
    await el.show();
    part(el, 'confirm')!.click();
    await waitUntil(() => !part(el, 'error')!.hidden, 'error shown');
    expect(part(el, 'error')!.textContent).to.match(/revoked/i);
    expect(part(el, 'error')!.getAttribute('role')).to.equal('alert');
    expect(isOpen(el)).to.equal(true);
  });

  it('has no trigger for a revoked connection', async () => {
    const { el } = await dialog('con_facebook');
    expect(part(el, 'trigger')).to.equal(null);
  });

  it('renders hostile copy as text', async () => {
    const { el } = await dialog();
    el.messages = { title: '<img src=x onerror="window.__pwned=1">' };
    await el.show();
    expect(part(el, 'title')!.textContent).to.equal('<img src=x onerror="window.__pwned=1">');
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
  });

  it('the error state (409 already revoked elsewhere) is accessible, and Escape still closes the dialog', async () => {
    const { el, client } = await dialog();
    await client.connections.revoke('con_slack');
    await el.show();
    part(el, 'confirm')!.click();
    await waitUntil(() => !part(el, 'error')!.hidden, 'error shown');
    await expect(el).to.be.accessible();
    part(el, 'cancel')!.focus();
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !isOpen(el), 'Escape closes it');
  });
});

// The `<dialog>` (internal/confirm-dialog-body.ts) loads as the dialog first opens, or as the pointer or focus reaches
// the trigger. These tests hold or fail that load through the element's loader (the one thing the page cannot make
// slow or fail on purpose); what loads is the real module.
describe('relink-revoke-dialog: its dialog loads on demand', () => {
  const realLoad = RelinkRevokeDialog.loadBody;
  afterEach(() => (RelinkRevokeDialog.loadBody = realLoad));

  it('closed, only the trigger renders; open → close → open while it loads opens one dialog, once, with focus in it', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let loads = 0;
    RelinkRevokeDialog.loadBody = () => (loads++, gate.then(realLoad));
    const { el } = await dialog();
    const seen: string[] = [];
    el.addEventListener('relink-show', (e) => seen.push(e.type));
    el.addEventListener('relink-hide', (e) => seen.push(`${e.type}:${e.detail.reason}`));
    expect(el.shadowRoot!.querySelector('dialog'), 'no dialog before it is wanted').to.equal(null);
    part(el, 'trigger')!.click();
    await new Promise((resolve) => setTimeout(resolve));
    expect(el.open).to.equal(true);
    await el.hide();
    release();
    await gate;
    await el.updateComplete;
    expect(isOpen(el), 'closed before it loaded: it stays closed').to.equal(false);
    part(el, 'trigger')!.click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('dialog').length).to.equal(1);
    expect(isOpen(el)).to.equal(true);
    expect(dlg(el)!.matches(':modal')).to.equal(true);
    expect(deepActive()).to.equal(part(el, 'cancel'));
    expect(seen).to.deep.equal(['relink-show', 'relink-hide:method', 'relink-show']);
    expect(loads, 'loaded once').to.equal(1);
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !isOpen(el), 'Escape closes it');
    await waitUntil(() => deepActive() === part(el, 'trigger'), 'focus back on the trigger');
  });

  it('opened before it is here, the trigger is busy (after a short delay) until the dialog opens; once here, never', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    RelinkRevokeDialog.loadBody = () => gate.then(realLoad);
    const { el } = await dialog();
    const trigger = part(el, 'trigger')!;
    const cue = () => [trigger.getAttribute('aria-busy'), trigger.getAttribute('aria-disabled')];
    expect(cue()).to.deep.equal(['false', 'false']);
    // The delay is the page's own timers: a fake clock runs it out at once, so nothing here depends on real time.
    const clock = FakeTimers.withGlobal(globalThis).install({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      trigger.click();
      await clock.tickAsync(0);
      expect(el.open).to.equal(true);
      expect(cue(), 'no cue at once: a body that comes fast shows none').to.deep.equal(['false', 'false']);
      await clock.tickAsync(10_000);
    } finally {
      clock.uninstall();
    }
    expect(cue(), 'still loading: busy, as the kit\'s pending buttons are').to.deep.equal(['true', 'true']);
    expect(dlg(el)).to.equal(null);
    await expect(el).to.be.accessible();
    trigger.click(); // a second click while it loads changes nothing
    release();
    await waitUntil(() => isOpen(el), 'opens once its body is here');
    expect(cue()).to.deep.equal(['false', 'false']);
    expect(deepActive()).to.equal(part(el, 'cancel'));

    await el.hide();
    const seen: (string | null)[] = [];
    new MutationObserver(() => seen.push(trigger.getAttribute('aria-busy'))).observe(trigger, { attributeFilter: ['aria-busy'] });
    const again = FakeTimers.withGlobal(globalThis).install({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      await el.show();
      await again.tickAsync(10_000);
    } finally {
      again.uninstall();
    }
    expect(isOpen(el)).to.equal(true);
    expect(seen, 'its body is here: the trigger never says busy').to.deep.equal([]);
  });

  it('focus on the trigger loads it before the click', async () => {
    let loads = 0;
    RelinkRevokeDialog.loadBody = () => (loads++, realLoad());
    const { el } = await dialog();
    part(el, 'trigger')!.focus();
    await waitUntil(() => dlg(el), 'loaded on focus');
    expect(isOpen(el)).to.equal(false);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => isOpen(el));
    expect(deepActive()).to.equal(part(el, 'cancel'));
    expect(loads).to.equal(1);
  });

  it('when it does not load, the dialog stays closed, the trigger keeps focus and the error copy says so; the next click tries again', async () => {
    RelinkRevokeDialog.loadBody = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module: https://cdn.example/confirm-dialog-body.js'));
    const { el } = await dialog();
    const trigger = part(el, 'trigger')!;
    trigger.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => part(el, 'error'), 'error shown');
    expect(part(el, 'error')!.textContent).to.equal('Part of this page did not load. Reload the page and try again.');
    expect(part(el, 'error')!.getAttribute('role')).to.equal('alert');
    expect(el.open).to.equal(false);
    expect(dlg(el)).to.equal(null);
    expect(deepActive()).to.equal(trigger);
    await expect(el).to.be.accessible();
    RelinkRevokeDialog.loadBody = realLoad;
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => isOpen(el), 'opens on the next try');
    expect(deepActive()).to.equal(part(el, 'cancel'));
    expect(part(el, 'error')!.hidden, 'the old error is gone').to.equal(true);
  });

  it('when it does not load, a host that cancels relink-hide cannot keep a dialog that is not there: show() settles closed, the error said', async () => {
    RelinkRevokeDialog.loadBody = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
    const { el } = await dialog();
    const events: string[] = [];
    el.addEventListener('relink-show', () => events.push('show'));
    el.addEventListener('relink-hide', (e) => (events.push('hide'), e.preventDefault()));
    await el.show();
    expect(el.open).to.equal(false);
    expect(part(el, 'error')!.textContent, 'said once show() settles').to.equal('Part of this page did not load. Reload the page and try again.');
    expect(events).to.deep.equal(['show', 'hide']);
    RelinkRevokeDialog.loadBody = realLoad;
    await el.show();
    expect(isOpen(el), 'the next try opens it').to.equal(true);
  });

  it('a close just before a reopen does not close the reopened dialog', async () => {
    const { el } = await dialog();
    const events: string[] = [];
    el.addEventListener('relink-show', () => events.push('show'));
    el.addEventListener('relink-hide', (e) => events.push(`hide:${e.detail.reason}`));
    await el.show();
    await el.hide();
    await el.show();
    // The first close's `close` event is queued as a task: wait until a later task has run, then look.
    await new Promise((r) => setTimeout(r, 50));
    await el.updateComplete;
    expect(events).to.deep.equal(['show', 'hide:method', 'show']);
    expect(isOpen(el)).to.equal(true);
  });
});
