// Fixing a broken connection the way a user does, for the run elements' tests: the real OAuth consent.
import { waitUntil } from '@open-wc/testing';
import { approveConsent } from '../../../test/support/approve-consent.js';
import type { Demo } from './relink.js';

/**
 * Completes HubSpot's OAuth consent "in another tab": starts the reconnect with a second client and drives the
 * in-page provider's consent page with fetch, approving as the account the connection already uses.
 */
export async function reconnectElsewhere(d: Demo, connectionId: string, email: string): Promise<void> {
  const tab = await d.other('agency');
  const session = await tab.connections.reconnect(connectionId);
  await approveConsent(d.server.fetch, session.connectUrl, email);
  await waitUntil(async () => (await tab.connections.get(connectionId)).status === 'active', 'consent completed', { timeout: 5000 });
}
