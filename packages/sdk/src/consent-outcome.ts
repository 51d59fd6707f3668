// How a connect session's state reads as the outcome of a consent flow, shared by the flow's start (consent.ts), its
// wait for the popup (consent-wait.ts, on demand) and the return from a redirect.
import type { RelinkClient } from './client.js';
import type { ConnectSessionOutcome } from './consent.js';
import { kit } from './internal/kit.js';
import type { RequestOptions } from './http.js';
import type { ConnectSession } from './schema/connect-session.js';

export function outcomeOf(client: RelinkClient, session: ConnectSession): ConnectSessionOutcome | undefined {
  switch (session.status) {
    case 'pending':
      return undefined;
    case 'completed':
      return { status: 'completed', session };
    case 'cancelled':
      return { status: 'cancelled', session };
    case 'failed':
      return { status: 'failed', session, message: session.error?.message ?? 'The connection could not be completed.' };
    case 'account_mismatch':
      return {
        status: 'account_mismatch',
        session,
        previousAccountEmail: session.previousAccountEmail,
        newAccountEmail: session.newAccountEmail,
        confirm: async (options?: RequestOptions) => {
          const confirmed = await client.connectSessions.confirm(session.id, options);
          return outcomeOf(client, confirmed) ?? { status: 'failed', session: confirmed, message: 'The connection could not be completed.' };
        },
        decline: async (options?: RequestOptions) => {
          await client.connectSessions.decline(session.id, options);
        },
      };
    case 'choose_accounts':
      return {
        status: 'choose_accounts',
        session,
        accounts: session.accounts ?? [],
        choose: async (accountIds: readonly string[], options?: RequestOptions) => {
          const chosen = await client.connectSessions.chooseAccounts(session.id, accountIds, options);
          return outcomeOf(client, chosen) ?? { status: 'failed', session: chosen, message: 'The connection could not be completed.' };
        },
        decline: async (options?: RequestOptions) => {
          await client.connectSessions.decline(session.id, options);
        },
      };
  }
}

export const aborted = (signal: AbortSignal) => new kit.RelinkAbortError('Consent flow aborted.', { cause: signal.reason });
