import { expect, waitUntil } from '@open-wc/testing';
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
});
