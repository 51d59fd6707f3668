// Fixing a broken connection the way a user does, before a story renders: the in-page provider's real OAuth consent.
import { expect, waitFor } from 'storybook/test';
import { createRelinkClient } from '@relink/sdk';
import type { InPageRelink } from '@relink/server/browser';

/**
 * Completes the OAuth consent for `connectionId` "in another tab": the agency starts the reconnect with its own
 * client, and the consent page is driven with fetch, approving as the account the connection already uses.
 * The server then releases what waited on the connection (runs, reauth alerts), as it does for a user.
 */
export async function reconnectElsewhere(server: InPageRelink, connectionId: string, email: string): Promise<void> {
  const tab = createRelinkClient({ baseUrl: server.baseUrl, fetch: server.fetch, token: () => server.mintToken('agency', 'prn_agency'), retry: 0 });
  const session = await tab.connections.reconnect(connectionId);
  const follow = async (response: Response): Promise<Response> => {
    for (let hops = 0; response.status >= 300 && response.status < 400 && hops < 5; hops++) {
      response = await server.fetch(new URL(response.headers.get('location')!, response.url || session.connectUrl).toString(), { redirect: 'manual' });
    }
    return response;
  };
  const page = await (await follow(await server.fetch(session.connectUrl, { redirect: 'manual' }))).text();
  const action = /<form method="post" action="([^"]+)"/.exec(page)![1]!.replaceAll('&amp;', '&');
  const request = /name="request" value="([^"]+)"/.exec(page)![1]!;
  const account = new RegExp(`value="([^"]+)"[^>]*>\\s*[^<]*&lt;${email.replaceAll('.', '\\.')}&gt;`).exec(page)![1]!;
  await follow(await server.fetch(action, { method: 'POST', body: new URLSearchParams({ request, account, decision: 'approve' }), redirect: 'manual' }));
  await waitFor(async () => expect((await tab.connections.get(connectionId)).status, 'consent completed').toBe('active'));
}

/** HubSpot (Northwind CRM), the demo's broken connection, reconnected by the agency's ops account. */
export const reconnectHubSpot = (server: InPageRelink) => reconnectElsewhere(server, 'con_hubspot', 'ops@northwind.example');
