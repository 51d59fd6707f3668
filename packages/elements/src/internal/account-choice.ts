import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { ConnectSessionOutcome } from '@relink/sdk';
import type { CommonMessages } from '../translations/translation.js';
import type { AccountChooser } from './account-chooser.js';
import { chunkFailed, errorCopy, type ErrorKindMessages } from './error-copy.js';
import { fill } from './fill.js';

export type AccountChoice = Extract<ConnectSessionOutcome, { status: 'choose_accounts' }>;

/** The chooser's copy (common words, `translations/en.ts` `accountChoice`), said by every element that runs a consent flow. */
export type AccountChoiceMessages = Pick<CommonMessages,
  'chooseAccounts' | 'chooseAccountsHelp' | 'selectAllAccounts' | 'accountConnected' | 'accountNew' | 'connectAccounts' | 'cancelAccounts' |
  'noAccountChosen'> & ErrorKindMessages;

/**
 * Seed 004's choice of accounts, for an element that runs a consent flow: `open(outcome)` after a consent that
 * granted several accounts, `render()` in the element's template, and `settled` hears how the choice ended. Few
 * consents ask for a choice, so the chooser itself (`account-chooser.ts`) loads on demand the first time one does;
 * its rules are static (`account-choice.styles.ts`, a few bytes, and no flash of an unstyled list).
 */
export class AccountChoiceController implements ReactiveController {
  private chooser: AccountChooser | undefined;
  /** The chooser could not be loaded: said in its place. */
  private failed: unknown;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly settled: (outcome: ConnectSessionOutcome) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Show the choice for `outcome`, every account checked, and move focus to the list. */
  async open(outcome: AccountChoice): Promise<void> {
    this.failed = undefined;
    try {
      this.chooser ??= new (await import('./account-chooser.js').catch(chunkFailed)).AccountChooser(this.host, this.settled);
    } catch (error) {
      // Nothing to choose with: the server discards the consent's tokens (they also lapse with the session).
      void outcome.decline().catch(() => undefined);
      this.failed = error;
      this.host.requestUpdate();
      return;
    }
    this.chooser.open(outcome);
  }

  /** The chooser (`part="choose"`), or nothing while no choice is open. `app`: the app's name. */
  render(m: AccountChoiceMessages, app: string): TemplateResult | typeof nothing {
    if (this.failed !== undefined) return html`<p part="error" role="alert">${errorCopy(this.failed, m)}</p>`;
    const chooser = this.chooser;
    if (!chooser?.outcome) return nothing;
    const problem = chooser.problem;
    return chooser.render(m, {
      title: fill(m.chooseAccounts, { app }),
      help: fill(m.chooseAccountsHelp, { app }),
      problem: problem === undefined ? undefined : problem === 'none_chosen' ? m.noAccountChosen : errorCopy(problem.error, m),
    });
  }
}
