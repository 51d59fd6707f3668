// Fixing a broken connection the way a user does, for the run elements' tests: the real OAuth consent.
import { waitUntil } from '@open-wc/testing';
import type { Demo } from './relink.js';

/**
 * Completes HubSpot's OAuth consent "in another tab": starts the reconnect with a second client and drives the
 * in-page provider's consent page with fetch, approving as the account the connection already uses.
 */
export async function reconnectElsewhere(d: Demo, connectionId: string, email: string): Promise<void> {
  const tab = await d.other('agency');
  const session = await tab.connections.reconnect(connectionId);
  const follow = async (response: Response): Promise<Response> => {
    for (let hops = 0; response.status >= 300 && response.status < 400 && hops < 5; hops++) {
      response = await d.server.fetch(new URL(response.headers.get('location')!, response.url || session.connectUrl).toString(), { redirect: 'manual' });
    }
    return response;
  };
  const page = await (await follow(await d.server.fetch(session.connectUrl, { redirect: 'manual' }))).text();
  const action = /<form method="post" action="([^"]+)"/.exec(page)![1]!.replaceAll('&amp;', '&');
  const request = /name="request" value="([^"]+)"/.exec(page)![1]!;
  const account = new RegExp(`value="([^"]+)"[^>]*>\\s*(?:<bdi>)?[^<]*&lt;${email.replaceAll('.', '\\.')}&gt;`).exec(page)![1]!;
  const body = new URLSearchParams({ request, account, decision: 'approve' });
  await follow(await d.server.fetch(action, { method: 'POST', body, redirect: 'manual' }));
  await waitUntil(async () => (await tab.connections.get(connectionId)).status === 'active', 'consent completed', { timeout: 5000 });
}
