// The reference backend in the page with one client per seeded role: the set-up of the SDK tests that run every call
// against the real server.
import { createInPageRelink, type InPageRelink } from '@relink/server/browser';
import { createRelinkClient, type RelinkClient } from '@relink/sdk';

/** A fresh in-page backend (no rate limit: tests send bursts) and clients for the demo agency and client, no retries. */
export async function inPageClients(): Promise<{ server: InPageRelink; agency: RelinkClient; client: RelinkClient }> {
  const server = createInPageRelink({ rateLimit: false });
  const make = async (role: 'agency' | 'client', id: string) =>
    createRelinkClient({ baseUrl: server.baseUrl, fetch: server.fetch, token: await server.mintToken(role, id), retry: 0 });
  return { server, agency: await make('agency', 'prn_agency'), client: await make('client', 'prn_client') };
}
