import { waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import '../src/components/notification-bell/notification-bell.js';
import type { RelinkNotificationBell } from '../src/components/notification-bell/notification-bell.js';
import { part } from './helpers.js';
import { demo, inProvider } from './relink.js';

// What draws the notifications loads once the page is idle (internal/notification-list.ts), shared by every bell on
// the page. Its own file: the list's code is loaded once per page, and here it must not be loaded yet.
describe('relink-notification-bell, its list loaded on demand', () => {
  it('on a page that never goes idle, opening a bell loads the list at once, and a bell never opened shows it too', async () => {
    // The fault: a page busy for good (the browser cannot be made to never idle on demand).
    const original = window.requestIdleCallback;
    window.requestIdleCallback = (() => 0) as typeof requestIdleCallback;
    try {
      const d = await demo('agency');
      const { provider } = await inProvider<RelinkNotificationBell>(
        d.client,
        html`<relink-notification-bell></relink-notification-bell><relink-notification-bell></relink-notification-bell>`,
        'relink-notification-bell',
      );
      await waitUntil(() => provider.resolvedStore!.getSnapshot().notifications.status === 'ready', 'notifications loaded');
      const [first, second] = [...provider.querySelectorAll<RelinkNotificationBell>('relink-notification-bell')];
      await waitUntil(() => part(first!, 'loading') && part(second!, 'loading'), 'both bells wait for the list');
      // The first bell started the load (it updated first); the second waits on the same load and is never opened.
      part(first!, 'button')!.click();
      await waitUntil(() => part(first!, 'list'), 'the opened bell lists its notifications', { timeout: 5000 });
      await waitUntil(() => part(second!, 'list'), 'the other bell lists them too', { timeout: 5000 });
    } finally {
      window.requestIdleCallback = original;
    }
  });
});
