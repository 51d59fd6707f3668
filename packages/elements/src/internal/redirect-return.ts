import type { ConnectSessionOutcome, RelinkStore } from '@relink/sdk';
import type { ProviderMessages } from '../components/provider/provider.component.js';
import type { FlowKit } from './flow-kit.js';

/**
 * The provider's work on a page that came back from a consent flow's redirect fallback (the popup was blocked), given
 * the flow's outcome (`resumeRedirect`, called by the provider as it connected, which cleaned the address): sync what
 * the flow changed and say how it ended with the same words as the popup path. Loaded on demand by `relink-provider`,
 * only when the address says the page came back from a flow (few page loads do); it imports nothing but types (see
 * `flow-kit.ts`). `words` reads the provider's copy (the registry's, in its locale) when each toast shows.
 */
export async function finishRedirect(
  store: RelinkStore,
  resumed: Promise<ConnectSessionOutcome | undefined>,
  words: () => Promise<ProviderMessages>,
  kit: FlowKit,
): Promise<void> {
  const { toast, errorCopy, failedCopy, settleOutcome, fillMismatch } = kit;
  let outcome: ConnectSessionOutcome | undefined;
  try {
    outcome = await resumed;
  } catch (error) {
    toast({ title: errorCopy(error, await words()), tone: 'error' });
    return;
  }
  if (!outcome) return;
  const m = await words();
  const reconnected = async (connectionId: string) => {
    await store.afterReconnect(connectionId);
    toast({ title: m.reconnected, tone: 'success' });
  };
  settleOutcome(outcome, {
    completed: ({ session }) => void reconnected(session.connectionId),
    cancelled: () => toast({ title: m.cancelled }),
    failed: (failed) => toast({ title: failedCopy(failed, m), tone: 'error' }),
    account_mismatch: (mismatch) => {
      toast({
        title: fillMismatch(m.mismatch, m, mismatch),
        description: m.mismatchWarning,
        duration: Infinity,
        action: {
          label: fillMismatch(m.switchAccount, m, mismatch),
          onClick: () =>
            void mismatch.confirm().then(
              (confirmed) => (confirmed.status === 'completed' ? reconnected(confirmed.session.connectionId) : undefined),
              (error: unknown) => toast({ title: errorCopy(error, m), tone: 'error' }),
            ),
        },
      });
    },
    auth_config_missing: (missing) => toast({ title: errorCopy(missing.error, m), tone: 'error' }),
    redirected: () => undefined,
  });
}
