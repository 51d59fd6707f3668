import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { toast } from '../src/components/toaster/toaster.js';
import { toasts } from './relink.js';
import { refuseModules, wasRefused } from './refuse-modules.js';

// The toasts' template and their hover, focus and action handling load with the first toast (internal/toast-list.ts).
// When that chunk cannot load, a toast must still be seen, not only announced to screen readers: the message it
// carries (a refresh that failed, a reconnect that worked) reaches nobody else. Its own file: Chromium keeps the failed
// module failed for the rest of the page.
describe('relink-toaster without its on-demand code', () => {
  it('still shows each toast on screen, with its action and a way to close it', async () => {
    refuseModules('internal/toast-list');
    let acted = 0;
    toast({ title: 'Connection refreshed.', description: 'Slack works again.', tone: 'success' });
    const handle = toast({ title: 'Failed to refresh connection', tone: 'error', action: { label: 'Try again', onClick: () => acted++ } });
    const toaster = document.querySelector('relink-toaster')!;
    await waitUntil(() => wasRefused('internal/toast-list'), "the toasts' code was asked for and refused");
    await toaster.updateComplete;
    expect(toasts().map((t) => [t.title, t.description, t.action])).to.deep.equal([
      ['Connection refreshed.', 'Slack works again.', undefined],
      ['Failed to refresh connection', undefined, 'Try again'],
    ]);
    toasts()[1]!.actionElement!.click();
    expect(acted).to.equal(1);
    handle.dismiss();
    await toaster.updateComplete;
    expect(toasts().map((t) => t.title)).to.deep.equal(['Connection refreshed.']);
    await expect(toaster).to.be.accessible();
    toaster.shadowRoot!.querySelector<HTMLButtonElement>("[part='close']")!.click();
    await toaster.updateComplete;
    expect(toasts()).to.deep.equal([]);
  });

  it('keeps a toast with an action until the user acts (nothing pauses its clock), links only to safe addresses, and closes on Escape', async () => {
    // A toaster that has already found its toasts' code missing (a 1 ms clock would otherwise run out before that is known).
    toast({ title: 'First', tone: 'info' }).dismiss();
    await document.querySelector('relink-toaster')!.updateComplete;
    const withLink = toast({ title: 'Run retried', tone: 'success', duration: 1, action: { label: 'View run', href: 'https://app.example.com/runs/run_1' } });
    toast({ title: 'Hostile', tone: 'info', duration: Infinity, action: { label: 'Open', href: 'javascript:alert(1)' } });
    const plain = toast({ title: 'Saved', tone: 'success', duration: 1 });
    const toaster = document.querySelector('relink-toaster')!;
    // The toast without an action closes by its clock; the one with an action, shown first with the same clock, stays.
    expect(await plain.closed).to.equal('timeout');
    await toaster.updateComplete;
    const [run, hostile] = toasts();
    expect(run!.title).to.equal('Run retried');
    expect(run!.actionElement!.tagName).to.equal('A');
    expect(run!.actionElement!.getAttribute('href')).to.equal('https://app.example.com/runs/run_1');
    expect(hostile!.actionElement!.tagName, 'an unsafe address is no link').to.equal('BUTTON');
    toaster.shadowRoot!.querySelector<HTMLElement>("[part='close']")!.focus();
    await sendKeys({ press: 'Escape' });
    expect(await withLink.closed).to.equal('escape');
  });
});
