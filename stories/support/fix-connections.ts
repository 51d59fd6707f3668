// Fixing the demo's broken connections the way a user does, before a story renders: the in-page provider's real
// OAuth consent, or the API key again. The server then releases what waited on them (runs, reauth alerts).
import { expect, waitFor } from 'storybook/test';
import { createRelinkClient, type RelinkClient, type Role } from '@relink/sdk';
import type { InPageRelink } from '@relink/server/browser';
import { approveConsent } from '../../test/support/approve-consent.js';

/** A second client, as another tab of the demo's agency or client. */
const otherTab = (server: InPageRelink, role: Role = 'agency'): RelinkClient =>
  createRelinkClient({ baseUrl: server.baseUrl, fetch: server.fetch, token: () => server.mintToken(role, role === 'agency' ? 'prn_agency' : 'prn_client'), retry: 0 });

/**
 * Completes the OAuth consent for `connectionId` "in another tab": `role` (the connection's owner) starts the
 * reconnect with its own client, and the consent page is driven with fetch, approving as the account it already uses.
 */
export async function reconnectElsewhere(server: InPageRelink, connectionId: string, email: string, role: Role = 'agency'): Promise<void> {
  const tab = otherTab(server, role);
  const session = await tab.connections.reconnect(connectionId);
  await approveConsent(server.fetch, session.connectUrl, email);
  await waitFor(async () => expect((await tab.connections.get(connectionId)).status, 'consent completed').toBe('active'));
}

/** HubSpot (Northwind CRM), the demo's broken connection, reconnected by the agency's ops account. */
export const reconnectHubSpot = (server: InPageRelink) => reconnectElsewhere(server, 'con_hubspot', 'ops@northwind.example');

/** QuickBooks (Acme bookkeeping) is the client's: only the client can consent for it. */
export const reconnectQuickBooks = (server: InPageRelink) => reconnectElsewhere(server, 'con_quickbooks', 'ada@acmebakery.example', 'client');

/** Mailchimp (an API-key app) fixed by entering a valid key again. */
export const fixMailchimp = async (server: InPageRelink): Promise<void> =>
  void (await otherTab(server).connections.submitCredentials('con_mailchimp', { api_key: '0123456789abcdef0123456789abcdef-us21' }));
