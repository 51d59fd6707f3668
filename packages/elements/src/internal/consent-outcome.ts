import { css, html, type TemplateResult } from 'lit';
import { isRelinkApiError, type ConnectSessionOutcome } from '@relink/sdk';
import { space2, space3 } from '../styles/tokens.js';
import type { CommonMessages } from '../translations/translation.js';
import { fill } from './fill.js';

export type AccountMismatch = Extract<ConnectSessionOutcome, { status: 'account_mismatch' }>;

/**
 * A handler for every way a consent flow can end. Every element that starts one (Reconnect, the refresh failure
 * toast's Reconnect, the requests panel's Connect) settles its outcome through `settleOutcome`, so the compiler
 * refuses an entry point that forgets one (the account mismatch was dropped by two of them).
 */
export type OutcomeHandlers = { [S in Exclude<ConnectSessionOutcome['status'], 'choose_accounts'>]: (outcome: Extract<ConnectSessionOutcome, { status: S }>) => void } & {
  /**
   * Several accounts granted (seed 004): elements with the chooser (`internal/account-choice.ts`) open it. Without
   * one, every granted account is connected — the user just ticked each of them on the provider's consent page.
   */
  choose_accounts?: (outcome: Extract<ConnectSessionOutcome, { status: 'choose_accounts' }>) => void;
};

export function settleOutcome(outcome: ConnectSessionOutcome, handlers: OutcomeHandlers): void {
  if (outcome.status === 'choose_accounts' && !handlers.choose_accounts) {
    outcome.choose(outcome.accounts.map((a) => a.id)).then(
      (next) => settleOutcome(next, handlers),
      // Said through the server's code (`failedCopy`), never the SDK's own text.
      (error: unknown) => {
        const code = isRelinkApiError(error) ? error.code : 'internal';
        handlers.failed({ status: 'failed', session: { ...outcome.session, error: { code, message: '' } }, message: '' });
      },
    );
    return;
  }
  (handlers[outcome.status] as (outcome: ConnectSessionOutcome) => void)(outcome);
}

/** The account-mismatch copy (common words, `translations/en.ts`), said by every element that runs a consent flow (seed 000). */
export type MismatchMessages = Pick<CommonMessages, 'mismatch' | 'mismatchWarning' | 'switchAccount' | 'keepAccount' | 'kept' | 'unknownAccount'>;

/** Fills a mismatch message with the two accounts and the app. */
export const fillMismatch = (template: string, m: MismatchMessages, outcome: AccountMismatch | undefined, app = ''): string =>
  fill(template, { new: outcome?.newAccountEmail ?? m.unknownAccount, old: outcome?.previousAccountEmail ?? m.unknownAccount, app });

/**
 * The inline "switch accounts?" prompt (`part="confirm"`): the question as an alert, the warning, and "Keep" (first,
 * the safe choice, marked `data-keep` for focus) and "Use …" buttons.
 */
export function mismatchPrompt(
  m: MismatchMessages,
  outcome: AccountMismatch,
  app: string,
  { id, busy, onKeep, onSwitch }: { id: string; busy: boolean; onKeep: () => void; onSwitch: () => void },
): TemplateResult {
  return html`<div part="confirm" role="group" aria-labelledby=${id}>
    <p id=${id} role="alert">${fillMismatch(m.mismatch, m, outcome, app)}</p>
    <p>${m.mismatchWarning}</p>
    <div class="row">
      <button class="btn" type="button" data-keep @click=${onKeep}>${fillMismatch(m.keepAccount, m, outcome, app)}</button>
      <button class="btn" type="button" aria-disabled=${busy ? 'true' : 'false'} aria-busy=${busy ? 'true' : 'false'}
        @click=${onSwitch}>${fillMismatch(m.switchAccount, m, outcome, app)}</button>
    </div>
  </div>`;
}

/** Layout of `mismatchPrompt()`. */
export const mismatchStyles = css`
  [part='confirm'] { display: grid; gap: ${space3}; margin-block-start: ${space2}; max-inline-size: 28rem; }
  [part='confirm'] p { margin: 0; }
  [part='confirm'] .row { display: flex; flex-wrap: wrap; gap: ${space2}; }
`;
