import { css, html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { ConnectSessionOutcome } from '@relink/sdk';
import { space1, space2, space3, colorTextMuted } from '../styles/tokens.js';
import type { CommonMessages } from '../translations/translation.js';
import { errorCopy, type ErrorKindMessages } from './error-copy.js';
import { fill } from './fill.js';

export type AccountChoice = Extract<ConnectSessionOutcome, { status: 'choose_accounts' }>;

/** The chooser's copy (common words, `translations/en.ts` `accountChoice`), said by every element that runs a consent flow. */
export type AccountChoiceMessages = Pick<CommonMessages,
  'chooseAccounts' | 'chooseAccountsHelp' | 'selectAllAccounts' | 'accountConnected' | 'accountNew' | 'connectAccounts' | 'cancelAccounts' |
  'noAccountChosen'> & ErrorKindMessages;

/**
 * Seed 004's "Select the accounts you want to reconnect": after a consent that granted several accounts (Facebook
 * Pages), a checkbox list of them (each saying whether it is already connected), "Select all", Connect and Cancel.
 * Every account starts checked, as the user just ticked them at the provider. The host element renders `render()`
 * and hears how the choice ended through `settled` — the outcome of `choose` (completed, failed, …) or `cancelled`.
 */
export class AccountChoiceController implements ReactiveController {
  outcome: AccountChoice | undefined;
  private selected = new Set<string>();
  private busy = false;
  private error: ((m: AccountChoiceMessages) => string) | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly settled: (outcome: ConnectSessionOutcome) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Show the choice for `outcome`, every account checked, and move focus to the list. */
  open(outcome: AccountChoice): void {
    this.outcome = outcome;
    this.selected = new Set(outcome.accounts.map((a) => a.id));
    this.error = undefined;
    this.host.requestUpdate();
    void this.host.updateComplete.then(() => this.root()?.querySelector<HTMLElement>('[data-account-choice] input')?.focus());
  }

  private root(): ShadowRoot | null {
    return this.host.shadowRoot;
  }

  private toggle(id: string, checked: boolean): void {
    if (checked) this.selected.add(id);
    else this.selected.delete(id);
    this.error = undefined;
    this.host.requestUpdate();
  }

  private toggleAll(checked: boolean): void {
    this.selected = new Set(checked ? this.outcome?.accounts.map((a) => a.id) : []);
    this.error = undefined;
    this.host.requestUpdate();
  }

  private async connect(event: Event): Promise<void> {
    event.preventDefault();
    const outcome = this.outcome;
    if (!outcome || this.busy) return;
    if (this.selected.size === 0) {
      // The server refuses an empty choice too (400); said here before a round trip.
      this.error = (m) => m.noAccountChosen;
      this.host.requestUpdate();
      return;
    }
    this.busy = true;
    this.error = undefined;
    this.host.requestUpdate();
    try {
      // In the list's order, whatever order the boxes were ticked in.
      const ids = outcome.accounts.map((a) => a.id).filter((id) => this.selected.has(id));
      const next = await outcome.choose(ids);
      this.outcome = undefined;
      this.settled(next);
    } catch (error) {
      this.error = (m) => errorCopy(error, m);
    } finally {
      this.busy = false;
      this.host.requestUpdate();
    }
  }

  private cancel(): void {
    const outcome = this.outcome;
    if (!outcome || this.busy) return;
    // The server revokes and drops the consent's tokens; nothing here waits on it (they also lapse with the session).
    void outcome.decline().catch(() => undefined);
    this.outcome = undefined;
    this.host.requestUpdate();
    this.settled({ status: 'cancelled', session: outcome.session });
  }

  /** The chooser (`part="choose"`), or nothing while no choice is open. `app`: the app's name. */
  render(m: AccountChoiceMessages, app: string): TemplateResult | typeof nothing {
    const outcome = this.outcome;
    if (!outcome) return nothing;
    const all = outcome.accounts.length > 0 && this.selected.size === outcome.accounts.length;
    const some = this.selected.size > 0 && !all;
    const busy = this.busy ? 'true' : 'false';
    return html`<form part="choose" data-account-choice aria-labelledby="choose-title" aria-describedby="choose-help" novalidate
        @submit=${(e: Event) => void this.connect(e)}>
      <p id="choose-title" class="title" role="alert">${fill(m.chooseAccounts, { app })}</p>
      <p id="choose-help" class="help">${fill(m.chooseAccountsHelp, { app })}</p>
      <label class="all"><input type="checkbox" .checked=${live(all)} .indeterminate=${live(some)}
        @change=${(e: Event) => this.toggleAll((e.target as HTMLInputElement).checked)} />${m.selectAllAccounts}</label>
      <ul role="list">
        ${outcome.accounts.map((account) => html`<li>
          <label><input type="checkbox" name="account" value=${account.id} .checked=${live(this.selected.has(account.id))}
            aria-describedby=${`acc-${account.id}`}
            @change=${(e: Event) => this.toggle(account.id, (e.target as HTMLInputElement).checked)} /><bdi>${account.name}</bdi></label>
          <span class="hint" id=${`acc-${account.id}`}>${account.connectionId ? m.accountConnected : m.accountNew}</span>
        </li>`)}
      </ul>
      ${this.error ? html`<p part="error" role="alert">${this.error(m)}</p>` : nothing}
      <div class="row">
        <button class="btn" type="submit" aria-disabled=${busy} aria-busy=${busy}>${m.connectAccounts}</button>
        <button class="btn" type="button" @click=${() => this.cancel()}>${m.cancelAccounts}</button>
      </div>
    </form>`;
  }
}

/** Layout of the chooser. */
export const accountChoiceStyles = css`
  [part='choose'] { display: grid; gap: ${space2}; margin-block-start: ${space2}; max-inline-size: 28rem; order: 1; flex-basis: 100%; }
  [part='choose'] p { margin: 0; }
  [part='choose'] .title { font-weight: 600; }
  [part='choose'] .help, [part='choose'] .hint { color: ${colorTextMuted}; }
  [part='choose'] ul { list-style: none; margin: 0; padding: 0; display: grid; gap: ${space1}; }
  [part='choose'] li { display: flex; flex-wrap: wrap; align-items: baseline; justify-content: space-between; gap: ${space1} ${space3}; }
  [part='choose'] label { display: inline-flex; align-items: center; gap: ${space2}; font-weight: 500; }
  [part='choose'] .row { display: flex; flex-wrap: wrap; gap: ${space2}; }
`;
