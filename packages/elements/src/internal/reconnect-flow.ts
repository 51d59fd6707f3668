import type { TemplateResult } from 'lit';
import type { Connection, ConnectSessionOutcome, RelinkStore } from '@relink/sdk';
import type { ReconnectButtonMessages, RelinkReconnectButton } from '../components/reconnect-button/reconnect-button.component.js';
import type { AccountMismatch } from './consent-outcome.js';
import { credentialForm } from './credential-form.js';
import type { FlowKit } from './flow-kit.js';

/** What the reconnect button shows under itself. */
export type ReconnectView =
  | { kind: 'idle' }
  | { kind: 'form'; fieldErrors: Record<string, string>; error?: string }
  | { kind: 'mismatch'; outcome: AccountMismatch }
  // The sentence is said at render time, so an open error follows a later `lang` change.
  | { kind: 'error'; say: (m: ReconnectButtonMessages) => string; help?: boolean };

/**
 * What `relink-reconnect-button` does once its flow has started: say how the consent flow ended (an account mismatch
 * asks before switching, several accounts open the chooser), and the API-key form and its saving. It loads on demand as
 * the button is clicked (the consent window opens inside the click, before it; the outcome arrives after the user's
 * round trip to the provider) and imports nothing but lit's chunks (through the form) and types, using the page's
 * helpers it is given (`flow-kit.ts`).
 */

/** Settles a consent flow's outcome on the button. */
export function settleReconnect(button: RelinkReconnectButton, m: ReconnectButtonMessages, outcome: ConnectSessionOutcome, kit: FlowKit): void {
  const { toast, errorCopy, failedCopy } = kit;
  kit.settleOutcome(outcome, {
    completed: () => {
      button.view = { kind: 'idle' };
      toast({ title: m.reconnected, tone: 'success' });
    },
    cancelled: () => {
      button.view = { kind: 'idle' };
      button.message = m.cancelled;
    },
    failed: (failed) => {
      button.view = { kind: 'error', say: (words) => failedCopy(failed, words) };
    },
    account_mismatch: (mismatch) => {
      button.view = { kind: 'mismatch', outcome: mismatch };
      void button.focusAfterUpdate('[data-keep]');
    },
    auth_config_missing: (missing) => {
      button.view = { kind: 'error', say: (words) => errorCopy(missing.error, words), help: true };
    },
    redirected: () => undefined,
    choose_accounts: (choice) => {
      button.view = { kind: 'idle' };
      button.chooseAccounts(choice);
    },
  });
  // A choice of accounts settles once it is made (the chooser hands its outcome back to the button).
  if (outcome.status !== 'choose_accounts') button.settle('consent', outcome.status, outcome.status === 'auth_config_missing' ? outcome.error : undefined);
}

/** The inline "switch accounts?" prompt of an account mismatch: Keep (the safe choice, focused) or Use the new one. */
export function renderMismatch(button: RelinkReconnectButton, m: ReconnectButtonMessages, app: string, kit: FlowKit): TemplateResult | undefined {
  const view = button.view;
  if (view.kind !== 'mismatch') return undefined;
  return kit.mismatchPrompt(m, view.outcome, app, {
    id: 'mismatch',
    busy: button.busy,
    onKeep: () => keep(button, m, app, kit),
    onSwitch: () => void switchAccount(button, m, kit),
  });
}

async function switchAccount(button: RelinkReconnectButton, m: ReconnectButtonMessages, kit: FlowKit): Promise<void> {
  const view = button.view;
  if (view.kind !== 'mismatch' || button.busy) return;
  button.busy = true;
  try {
    settleReconnect(button, m, await view.outcome.confirm(), kit);
  } catch (error) {
    button.view = { kind: 'error', say: (words) => kit.errorCopy(error, words) };
    button.settle('consent', 'error', error);
  } finally {
    button.busy = false;
  }
}

function keep(button: RelinkReconnectButton, m: ReconnectButtonMessages, app: string, kit: FlowKit): void {
  const view = button.view;
  if (view.kind !== 'mismatch') return;
  // The server revokes and drops the other account's tokens; the answer changes nothing here (it also discards
  // them when the session expires), so the user is not kept waiting on it.
  void view.outcome.decline().catch(() => undefined);
  button.message = kit.fillMismatch(m.kept, m, view.outcome, app);
  button.view = { kind: 'idle' };
  button.settle('consent', 'kept');
  void button.focusAfterUpdate("[part='base']");
}

/** What the API-key form reads from its button. */
interface FormContext {
  m: ReconnectButtonMessages;
  store: RelinkStore | undefined;
  connection: Connection | undefined;
}

/** The API-key form (`credential-form.ts`, which this chunk brings): the app's fields, its errors, Save and Cancel. */
export function renderForm(button: RelinkReconnectButton, view: Extract<ReconnectView, { kind: 'form' }>, context: FormContext, kit: FlowKit): TemplateResult {
  return credentialForm({
    fields: context.connection?.app.credentialFields ?? [],
    fieldErrors: view.fieldErrors,
    error: view.error,
    busy: button.busy,
    words: context.m,
    onSubmit: (fields) => void submitCredentials(button, context, fields, kit),
    onCancel: () => (button.view = { kind: 'idle' }),
  });
}

/** Saves the API-key form: per-field errors (focus on the first) or a general one, else reconnected. */
async function submitCredentials(button: RelinkReconnectButton, { m, store, connection }: FormContext, fields: Record<string, string>, kit: FlowKit): Promise<void> {
  if (!store || !connection || button.busy) return;
  button.busy = true;
  try {
    await store.submitCredentials(connection.id, fields);
    button.view = { kind: 'idle' };
    kit.toast({ title: m.reconnected, tone: 'success' });
    button.settle('credentials', 'saved');
  } catch (error) {
    const fieldErrors = kit.fieldErrors(error);
    const general = Object.keys(fieldErrors).length ? undefined : kit.errorCopy(error, m);
    button.view = { kind: 'form', fieldErrors, ...(general ? { error: general } : {}) };
    button.settle('credentials', kit.isInvalidCredentials(error) ? 'invalid' : 'error', error);
    await button.focusAfterUpdate("[aria-invalid='true']");
  } finally {
    button.busy = false;
  }
}
