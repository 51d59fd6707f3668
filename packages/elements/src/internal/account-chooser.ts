import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { ConnectSessionOutcome } from '@relink/sdk';
import type { AccountChoice, AccountChoiceMessages } from './account-choice.js';

/** What went wrong with the choice: nothing chosen, or the server's answer to it. */
export type ChoiceProblem = 'none_chosen' | { error: unknown };

/**
 * Seed 004's "Select the accounts you want to reconnect": after a consent that granted several accounts (Facebook
 * Pages), a checkbox list of them (each saying whether it is already connected), "Select all", Connect and Cancel.
 * Every account starts checked, as the user just ticked them at the provider. The host element renders `render()`
 * and hears how the choice ended through `settled` — the outcome of `choose` (completed, failed, …) or `cancelled`.
 * Loaded on demand by `AccountChoiceController` (`account-choice.ts`) the first time a consent asks for a choice.
 */
export class AccountChooser {
  outcome: AccountChoice | undefined;
  private selected = new Set<string>();
  private busy = false;
  /** Said by the controller (it holds the error copy, so this chunk imports nothing the page has). */
  problem: ChoiceProblem | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly settled: (outcome: ConnectSessionOutcome) => void,
  ) {}

  /** Show the choice for `outcome`, every account checked, and move focus to the list. */
  open(outcome: AccountChoice): void {
    this.outcome = outcome;
    this.selected = new Set(outcome.accounts.map((a) => a.id));
    this.problem = undefined;
    this.host.requestUpdate();
    void this.host.updateComplete.then(() => this.root()?.querySelector<HTMLElement>('[data-account-choice] input')?.focus());
  }

  private root(): ShadowRoot | null {
    return this.host.shadowRoot;
  }

  private toggle(id: string, checked: boolean): void {
    if (checked) this.selected.add(id);
    else this.selected.delete(id);
    this.problem = undefined;
    this.host.requestUpdate();
  }

  private toggleAll(checked: boolean): void {
    this.selected = new Set(checked ? this.outcome?.accounts.map((a) => a.id) : []);
    this.problem = undefined;
    this.host.requestUpdate();
  }

  private async connect(event: Event): Promise<void> {
    event.preventDefault();
    const outcome = this.outcome;
    if (!outcome || this.busy) return;
    if (this.selected.size === 0) {
      // The server refuses an empty choice too (400); said here before a round trip.
      this.problem = 'none_chosen';
      this.host.requestUpdate();
      return;
    }
    this.busy = true;
    this.problem = undefined;
    this.host.requestUpdate();
    try {
      // In the list's order, whatever order the boxes were ticked in.
      const ids = outcome.accounts.map((a) => a.id).filter((id) => this.selected.has(id));
      const next = await outcome.choose(ids);
      this.outcome = undefined;
      this.settled(next);
    } catch (error) {
      this.problem = { error };
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

  /** The chooser (`part="choose"`), or nothing while no choice is open; `say`: its title, help and `problem` in words. */
  render(m: AccountChoiceMessages, say: { title: string; help: string; problem: string | undefined }): TemplateResult | typeof nothing {
    const outcome = this.outcome;
    if (!outcome) return nothing;
    const all = outcome.accounts.length > 0 && this.selected.size === outcome.accounts.length;
    const some = this.selected.size > 0 && !all;
    const busy = this.busy ? 'true' : 'false';
    // The boxes' `.checked` needs no `live()`: each box's change handler sets the state to what the box shows.
    return html`<form part="choose" data-account-choice aria-labelledby="choose-title" aria-describedby="choose-help" novalidate
        @submit=${(e: Event) => void this.connect(e)}>
      <p id="choose-title" class="title" role="alert">${say.title}</p>
      <p id="choose-help" class="help">${say.help}</p>
      <label class="all"><input type="checkbox" .checked=${all} .indeterminate=${some}
        @change=${(e: Event) => this.toggleAll((e.target as HTMLInputElement).checked)} />${m.selectAllAccounts}</label>
      <ul role="list">
        ${outcome.accounts.map((account) => html`<li>
          <label><input type="checkbox" name="account" value=${account.id} .checked=${this.selected.has(account.id)}
            aria-describedby=${`acc-${account.id}`}
            @change=${(e: Event) => this.toggle(account.id, (e.target as HTMLInputElement).checked)} /><bdi>${account.name}</bdi></label>
          <span class="hint" id=${`acc-${account.id}`}>${account.connectionId ? m.accountConnected : m.accountNew}</span>
        </li>`)}
      </ul>
      ${say.problem === undefined ? nothing : html`<p part="error" role="alert">${say.problem}</p>`}
      <div class="row">
        <button class="btn" type="submit" aria-disabled=${busy} aria-busy=${busy}>${m.connectAccounts}</button>
        <button class="btn" type="button" @click=${() => this.cancel()}>${m.cancelAccounts}</button>
      </div>
    </form>`;
  }
}
