import FakeTimers from '@sinonjs/fake-timers';
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { emulateMedia, resetMouse, sendKeys } from '@web/test-runner-commands';
import type { RelinkToaster, ToastHandle } from '../src/components/toaster/toaster.js';
import { toast } from '../src/components/toaster/toaster.js';
import type { RelinkToastDismissEvent } from '../src/events/toast-dismiss.js';

const polite = (el: RelinkToaster) => el.shadowRoot!.querySelector('[role=status]')!;
const assertive = (el: RelinkToaster) => el.shadowRoot!.querySelector('[role=alert]')!;
const toasts = (el: RelinkToaster) => [...el.shadowRoot!.querySelectorAll<HTMLElement>("[part='toast']")];
const within = (root: Element, name: string) => root.querySelector<HTMLElement>(`[part='${name}']`);

async function toaster(): Promise<RelinkToaster> {
  return fixture<RelinkToaster>(html`<relink-toaster></relink-toaster>`);
}

describe('relink-toaster', () => {
  afterEach(async () => {
    await resetMouse();
    await emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference' });
    document.querySelectorAll('body > relink-toaster').forEach((el) => el.remove());
  });

  // First in this file: the page has shown no toast yet, so the toasts' template (internal/toast-list.ts) is not loaded.
  it('cold page: the first toast is announced at once, then its template loads and it is painted, styled and closable', async () => {
    const loaded = () => performance.getEntriesByType('resource').some((entry) => entry.name.includes('/toast-list.'));
    expect(loaded(), 'toast-list loaded before any toast').to.equal(false);
    const el = await toaster();
    // What the live region said before the toast itself was drawn.
    const announcedBeforeDrawn: string[] = [];
    const observer = new MutationObserver(() => {
      if (!toasts(el).length && polite(el).textContent) announcedBeforeDrawn.push(polite(el).textContent!);
    });
    observer.observe(el.shadowRoot!, { subtree: true, childList: true, characterData: true });
    const handle = el.show({ title: 'Connection refreshed.', tone: 'success' });
    await el.updateComplete;
    observer.disconnect();
    expect(announcedBeforeDrawn[0]).to.equal('Connection refreshed.');
    expect(loaded()).to.equal(true);
    const [t] = toasts(el);
    expect(within(t!, 'title')!.textContent).to.equal('Connection refreshed.');
    expect(within(t!, 'icon')!.querySelector('svg')!.getAttribute('aria-hidden')).to.equal('true');
    // The on-demand rules were adopted: the tone's accent border.
    expect(getComputedStyle(t!).borderInlineStartWidth).to.equal('4px');
    within(t!, 'close')!.click();
    expect(await handle.closed).to.equal('close');
    await el.updateComplete;
    expect(toasts(el)).to.have.length(0);
  });

  it('shows a toast with every documented part and announces it politely', async () => {
    const el = await toaster();
    el.show({ title: 'Connection refreshed.', description: 'Slack is working again.', tone: 'success', action: { label: 'View', href: '/c/1' } });
    await el.updateComplete;
    const [t] = toasts(el);
    expect(within(t!, 'title')!.textContent).to.equal('Connection refreshed.');
    expect(within(t!, 'description')!.textContent).to.equal('Slack is working again.');
    expect(within(t!, 'icon')!.querySelector('svg')!.getAttribute('aria-hidden')).to.equal('true');
    expect(within(t!, 'action')!.getAttribute('href')).to.equal('/c/1');
    expect(within(t!, 'close')!.tagName).to.equal('BUTTON');
    expect(el.shadowRoot!.querySelector("[part='base']")!.contains(t!)).to.equal(true);
    expect(polite(el).getAttribute('aria-live')).to.equal('polite');
    expect(polite(el).textContent).to.equal('Connection refreshed. Slack is working again.');
    expect(assertive(el).textContent).to.equal('');
    // axe measures colours as painted: let the entry animation (a fade) finish first, or a loaded machine flakes.
    await Promise.all(el.shadowRoot!.getAnimations().map((animation) => animation.finished));
    await expect(el).to.be.accessible();
  });

  it('announces errors assertively, and the kit failure copy verbatim', async () => {
    const el = await toaster();
    el.show({ title: 'Failed to refresh connection', description: 'You may need to reconnect.', tone: 'error' });
    await el.updateComplete;
    expect(assertive(el).textContent).to.equal('Failed to refresh connection You may need to reconnect.');
    expect(polite(el).textContent).to.equal('');
  });

  it('announces the same message twice as two new live-region nodes', async () => {
    const el = await toaster();
    el.show({ title: 'Connection refreshed.', tone: 'success' });
    await el.updateComplete;
    const first = polite(el).querySelector('p')!;
    el.show({ title: 'Connection refreshed.', tone: 'success' });
    await el.updateComplete;
    const second = polite(el).querySelector('p')!;
    expect(second.textContent).to.equal('Connection refreshed.');
    expect(second).to.not.equal(first);
    expect(first.isConnected).to.equal(false);
    expect(toasts(el)).to.have.length(2);
  });

  it('the live regions exist before any toast, so the first one is announced', async () => {
    const el = await toaster();
    expect(polite(el)).to.not.equal(null);
    expect(assertive(el)).to.not.equal(null);
  });

  it('closes with the close button and reports the reason', async () => {
    const el = await toaster();
    const handle = el.show({ title: 'Connection revoked', tone: 'info' });
    await el.updateComplete;
    const closeButton = within(toasts(el)[0]!, 'close')!;
    expect(closeButton.getAttribute('aria-label')).to.equal('Dismiss');
    setTimeout(() => closeButton.click());
    const event = await oneEvent(el, 'relink-toast-dismiss') as RelinkToastDismissEvent;
    expect(event.detail).to.deep.equal({ id: handle.id, reason: 'close' });
    expect(event.bubbles && event.composed).to.equal(true);
    expect(await handle.closed).to.equal('close');
    await el.updateComplete;
    expect(toasts(el)).to.have.length(0);
    expect(polite(el).textContent).to.equal('');
  });

  it('keyboard: Tab reaches the close button and Enter closes the toast', async () => {
    const before = await fixture<HTMLDivElement>(html`<div><button id="host-button">Host</button><relink-toaster></relink-toaster></div>`);
    const el = before.querySelector('relink-toaster')!;
    el.show({ title: 'Connection refreshed.', tone: 'success' });
    el.show({ title: 'Second', tone: 'info' });
    await el.updateComplete;
    before.querySelector<HTMLButtonElement>('#host-button')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(within(toasts(el)[0]!, 'close'));
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await el.updateComplete;
    expect(toasts(el).map((t) => within(t, 'title')!.textContent)).to.deep.equal(['Second']);
    // Focus stays in the stack while toasts remain…
    expect(el.shadowRoot!.activeElement).to.equal(within(toasts(el)[0]!, 'close'));
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await el.updateComplete;
    // …then goes back where it came from.
    expect(document.activeElement!.id).to.equal('host-button');
  });

  it('keyboard: Escape closes the focused toast', async () => {
    const el = await toaster();
    const handle = el.show({ title: 'Failed to refresh connection', tone: 'error', action: { label: 'Reconnect', onClick: () => {} } });
    await el.updateComplete;
    within(toasts(el)[0]!, 'action')!.focus();
    await sendKeys({ press: 'Escape' });
    expect(await handle.closed).to.equal('escape');
  });

  describe('the auto-dismiss clock (a fake clock: no wall-clock waits)', () => {
    let clock: FakeTimers.Clock;
    beforeEach(() => {
      clock = FakeTimers.withGlobal(globalThis).install({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    });
    afterEach(() => clock.uninstall());

    /** The close reason if the toast has closed by now, else 'open' (no waiting: the clock is fake). */
    const closedNow = (handle: ToastHandle) => Promise.race([handle.closed, Promise.resolve('open')]);
    const base = (el: RelinkToaster) => el.shadowRoot!.querySelector<HTMLElement>("[part='base']")!;

    it('closes by itself after its duration, not before', async () => {
      const el = await toaster();
      const handle = el.show({ title: 'Connection refreshed.', tone: 'success', duration: 5000 });
      await el.updateComplete;
      clock.tick(4999);
      await el.updateComplete;
      expect(toasts(el)).to.have.length(1);
      clock.tick(1);
      expect(await closedNow(handle)).to.equal('timeout');
      await el.updateComplete;
      expect(toasts(el)).to.have.length(0);
    });

    it('pauses the clock while hovered, then resumes with the time left', async () => {
      const el = await toaster();
      const handle = el.show({ title: 'Connection refreshed.', tone: 'success', duration: 300 });
      await el.updateComplete;
      clock.tick(100);
      base(el).dispatchEvent(new PointerEvent('pointerenter'));
      clock.tick(60_000);
      await el.updateComplete;
      expect(toasts(el), 'kept while hovered').to.have.length(1);
      base(el).dispatchEvent(new PointerEvent('pointerleave'));
      clock.tick(199);
      await el.updateComplete;
      expect(toasts(el), 'the 200 ms left, not a new 300').to.have.length(1);
      clock.tick(1);
      expect(await closedNow(handle)).to.equal('timeout');
    });

    it('pauses the clock while focus is inside', async () => {
      const el = await toaster();
      const handle = el.show({ title: 'Connection refreshed.', tone: 'success', duration: 100 });
      await el.updateComplete;
      within(toasts(el)[0]!, 'close')!.focus();
      clock.tick(60_000);
      await el.updateComplete;
      expect(toasts(el)).to.have.length(1);
      within(toasts(el)[0]!, 'close')!.blur();
      clock.tick(100);
      expect(await closedNow(handle)).to.equal('timeout');
    });

    it('never auto-closes an error toast that carries an action, nor one with duration Infinity', async () => {
      const el = await toaster();
      el.show({ title: 'Failed to refresh connection', tone: 'error', duration: 30, action: { label: 'Reconnect', onClick: () => {} } });
      el.show({ title: 'Sticky', duration: Infinity });
      el.show({ title: 'Gone', duration: 30 });
      await el.updateComplete;
      clock.tick(24 * 3_600_000);
      await el.updateComplete;
      expect(toasts(el).map((t) => within(t, 'title')!.textContent)).to.deep.equal(['Failed to refresh connection', 'Sticky']);
    });
  });

  it('runs the action, then closes unless the handler prevents it', async () => {
    const el = await toaster();
    let clicks = 0;
    const kept = el.show({ title: 'Keep', action: { label: 'Again', onClick: (e) => { clicks++; e.preventDefault(); } } });
    const closes = el.show({ title: 'Close', action: { label: 'Go', onClick: () => clicks++ } });
    await el.updateComplete;
    within(toasts(el)[0]!, 'action')!.click();
    within(toasts(el)[1]!, 'action')!.click();
    expect(clicks).to.equal(2);
    expect(await closes.closed).to.equal('action');
    await el.updateComplete;
    expect(toasts(el).map((t) => within(t, 'title')!.textContent)).to.deep.equal(['Keep']);
    kept.dismiss();
    expect(await kept.closed).to.equal('api');
  });

  it('a link action closes its toast even when the handler prevents the navigation (a host router took over)', async () => {
    const el = await toaster();
    const handle = el.show({ title: 'Reconnected', action: { label: 'View', href: '#connections', onClick: (e) => e.preventDefault() } });
    await el.updateComplete;
    within(toasts(el)[0]!, 'action')!.click();
    expect(await handle.closed).to.equal('action');
    expect(location.hash, 'the handler kept the page where it was').to.not.equal('#connections');
  });

  it('renders hostile strings as text and refuses javascript: links', async () => {
    const el = await toaster();
    const hostile = '<img src=x onerror="window.__pwned=1">';
    el.show({ title: hostile, description: hostile, action: { label: hostile, href: 'javascript:alert(1)' } });
    await el.updateComplete;
    const [t] = toasts(el);
    expect(within(t!, 'title')!.textContent).to.equal(hostile);
    expect(within(t!, 'action')!.tagName).to.equal('BUTTON');
    expect(el.shadowRoot!.querySelector('img, a')).to.equal(null);
  });

  it('lets the host take over by cancelling relink-toast-show', async () => {
    const el = await toaster();
    el.addEventListener('relink-toast-show', (e) => e.preventDefault(), { once: true });
    const handle = el.show({ title: 'Mine' });
    await el.updateComplete;
    expect(toasts(el)).to.have.length(0);
    expect(polite(el).textContent).to.equal('');
    expect(await handle.closed).to.equal('api');
  });

  it('toast() finds the page toaster or creates exactly one', async () => {
    document.querySelectorAll('relink-toaster').forEach((e) => e.remove());
    toast({ title: 'One' });
    toast({ title: 'Two' });
    const all = document.querySelectorAll('relink-toaster');
    expect(all).to.have.length(1);
    await all[0]!.updateComplete;
    expect(toasts(all[0]!)).to.have.length(2);
  });

  it('is accessible in dark, with every tone and an action', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    const el = await toaster();
    el.show({ title: 'Connection refreshed.', tone: 'success' });
    el.show({ title: 'Failed to refresh connection', description: 'You may need to reconnect.', tone: 'error', action: { label: 'Reconnect', onClick: () => {} } });
    el.show({ title: 'Heads up', tone: 'info', action: { label: 'Open', href: 'https://example.com' } });
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  it('animates only without a reduced-motion preference', async () => {
    const el = await toaster();
    el.show({ title: 'Moving' });
    await el.updateComplete;
    expect(getComputedStyle(toasts(el)[0]!).animationName).to.equal('enter');
    await emulateMedia({ reducedMotion: 'reduce' });
    expect(getComputedStyle(toasts(el)[0]!).animationName).to.equal('none');
  });

  it('renders', async () => {
    const el = await toaster();
    const a = el.show({ title: 'A', description: 'a', tone: 'success', action: { label: 'x', href: '/x' } });
    el.show({ title: 'B', tone: 'error' });
    await el.updateComplete;
    a.dismiss();
    await el.updateComplete;
  });

});
