import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { fieldErrors as fieldErrorsOf, isAbortError, isInvalidCredentials, type ConnectSessionOutcome } from '@relink/sdk';
import { RelinkReconnectEvent, RelinkReconnectResultEvent, type ReconnectAction, type ReconnectResult } from '../../events/reconnect.js';
import { reconnectAction } from '../../internal/access.js';
import { fillMismatch, mismatchPrompt, settleOutcome, type AccountMismatch, type MismatchMessages } from '../../internal/consent-outcome.js';
import { AccountChoiceController, type AccountChoiceMessages } from '../../internal/account-choice.js';
import { authConfigProblem, authConfigText, type AuthConfigMessages } from '../../internal/auth-config.js';
import { errorCopy, failedCopy, noCodes, type ErrorKindMessages } from '../../internal/error-copy.js';
import { ConnectionElement } from '../../internal/connection-element.js';
import type { credentialForm as CredentialForm } from '../../internal/credential-form.js';
import { copyOf } from '../../internal/registry.js';
import { accountChoice, authConfig, errorKinds, mismatch, reconnectButton, reconnection } from '../../translations/en.js';
import type { CommonMessages, ElementMessages } from '../../translations/translation.js';
import { toast } from '../toaster/toaster.js';
import styles from './reconnect-button.styles.js';

/** The button's words, and the common ones it says (reconnecting, the account mismatch, a missing auth config). */
export type ReconnectButtonMessages = ElementMessages['reconnect-button'] & MismatchMessages & AccountChoiceMessages & AuthConfigMessages & ErrorKindMessages &
  Pick<CommonMessages, 'reconnect' | 'requestReconnection' | 'requestSent' | 'reconnected'>;

type View =
  | { kind: 'idle' }
  | { kind: 'form'; fieldErrors: Record<string, string>; error?: string }
  | { kind: 'mismatch'; outcome: AccountMismatch }
  // The sentence is said at render time, so an open error follows a later `lang` change.
  | { kind: 'error'; say: (m: ReconnectButtonMessages) => string; help?: boolean };

/**
 * Reconnects a connection the way the viewer is allowed to (see `internal/access.ts`):
 * - an agency on its own OAuth connection runs the provider's consent flow (`store.reconnect`: a popup, or a redirect
 *   when the popup is blocked); if the user authorised a different account, an inline confirm asks before switching
 *   (seed 000: "Reconnect with the same login you used originally"); a missing managed auth config shows the server's
 *   message and who to contact;
 * - an agency on its own API-key connection fills in the app's credential fields and saves (per-field errors);
 * - an agency on a client's connection sends the client a reconnection request instead;
 * - a client viewer gets nothing here: clients reconnect from the agency's request emails (seed 001).
 *
 * @tag relink-reconnect-button
 * @summary Reconnect (consent flow or API-key form), or "Send reconnection request" for a client's connection.
 *
 * @event {RelinkReconnectEvent} relink-reconnect - Before starting, `{ connection, action }`; cancel it to run the flow yourself.
 * @event {RelinkReconnectResultEvent} relink-reconnect-result - When a step settles, `{ connectionId, action, result, error? }`.
 *
 * @csspart base - The main button.
 * @csspart form - The API-key credential form.
 * @csspart input - Each credential input.
 * @csspart save - The form's Save button.
 * @csspart confirm - The account-mismatch confirmation.
 * @csspart choose - The choice of accounts after a consent that granted several (seed 004).
 * @csspart error - An error message (failed flow, missing auth config, rejected form).
 * @csspart message - A quiet status line (cancelled, kept), announced politely.
 *
 * @cssproperty --relink-button-background - Button background; defaults to `--relink-color-surface-raised`.
 * @cssproperty --relink-button-color - Button text colour; defaults to `--relink-color-text`.
 */
export class RelinkReconnectButton extends ConnectionElement<ReconnectButtonMessages> {
  static override styles = styles;

  /** @internal Its namespace and the English it prints (`translations/en.ts`). */
  static override copy = copyOf('reconnect-button', reconnectButton, errorKinds, noCodes, reconnection, mismatch, accountChoice, authConfig);

  /** Seed 004: after a consent that granted several accounts, which to connect. */
  private readonly choice = new AccountChoiceController(this, (outcome) => this.handleOutcome(outcome));

  /** `popup` (default; falls back to a redirect when blocked) or `redirect`. */
  @property() mode: 'popup' | 'redirect' = 'popup';

  /** Where the redirect fallback returns to. Default: the current page. */
  @property({ attribute: 'return-to' }) returnTo?: string;

  /** The window the consent popup opens from (iframes, tests). Default: `window`. */
  @property({ attribute: false }) window?: Window;

  @state() private view: View = { kind: 'idle' };
  @state() private busy = false;
  @state() private message = '';
  /** The credential form, loaded the first time it opens (most connections are OAuth). */
  private credentialForm?: typeof CredentialForm;

  private get action(): ReconnectAction | undefined {
    return this.connection && reconnectAction(this.viewer, this.connection);
  }

  private settle(action: ReconnectAction, result: ReconnectResult, error?: unknown): void {
    this.dispatchEvent(new RelinkReconnectResultEvent({ connectionId: this.connectionId, action, result, ...(error !== undefined ? { error } : {}) }));
  }

  private fill(template: string, outcome?: AccountMismatch): string {
    return fillMismatch(template, this.m, outcome, this.connection?.app.name);
  }

  /** Aborts the consent flow in flight (its polling) when the element leaves the page. */
  private flow?: AbortController;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.flow?.abort();
    this.flow = undefined;
  }

  private handleClick(): void {
    const { connection, store, action } = this;
    if (!connection || !store || !action || this.busy) return;
    if (action === 'credentials' && this.view.kind === 'form') return;
    if (!this.dispatchEvent(new RelinkReconnectEvent({ connection, action }))) return;
    this.message = '';
    if (action === 'credentials') return void this.openForm();
    // Known before the click: no popup that could only show an error (seed 000).
    const problem = action === 'consent' ? authConfigProblem(connection) : undefined;
    if (problem) {
      this.view = { kind: 'error', say: (m) => this.fill(authConfigText(problem, m)), help: true };
      this.settle(action, 'auth_config_missing');
      return;
    }
    this.busy = true;
    this.view = { kind: 'idle' };
    // Called synchronously inside the click, so the consent popup is not blocked.
    const run: Promise<unknown> =
      action === 'request'
        ? store.requestReconnection(connection.id).then(() => {
            toast({ title: this.m.requestSent, description: this.fill(this.m.requestSentDescription), tone: 'success' });
            this.settle(action, 'requested');
          })
        : store
            .reconnect(connection.id, {
              mode: this.mode,
              locale: this.locale,
              signal: (this.flow = new AbortController()).signal,
              ...(this.returnTo ? { returnTo: this.returnTo } : {}),
              ...(this.window ? { window: this.window } : {}),
            })
            .then((outcome) => this.handleOutcome(outcome));
    run
      .catch((error: unknown) => {
        // Aborted because the element left the page (the flow's signal): the user did not fail, the flow was cancelled.
        if (isAbortError(error)) return this.settle(action, 'cancelled');
        this.view = { kind: 'error', say: (m) => errorCopy(error, m) };
        this.settle(action, 'error', error);
      })
      .finally(() => (this.busy = false));
  }

  private async openForm(): Promise<void> {
    try {
      this.credentialForm ??= (await import('../../internal/credential-form.js')).credentialForm;
    } catch (error) {
      this.view = { kind: 'error', say: (m) => errorCopy(error, m) };
      return;
    }
    this.view = { kind: 'form', fieldErrors: {} };
    await this.updateComplete;
    this.renderRoot.querySelector('input')?.focus();
  }

  private handleOutcome(outcome: ConnectSessionOutcome): void {
    const m = this.m;
    settleOutcome(outcome, {
      completed: () => {
        this.view = { kind: 'idle' };
        toast({ title: m.reconnected, tone: 'success' });
      },
      cancelled: () => {
        this.view = { kind: 'idle' };
        this.message = m.cancelled;
      },
      failed: (failed) => {
        this.view = { kind: 'error', say: (words) => failedCopy(failed, words) };
      },
      account_mismatch: (mismatch) => {
        this.view = { kind: 'mismatch', outcome: mismatch };
        void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[data-keep]')?.focus());
      },
      auth_config_missing: (missing) => {
        this.view = { kind: 'error', say: (words) => errorCopy(missing.error, words), help: true };
      },
      redirected: () => undefined,
      choose_accounts: (choice) => {
        this.view = { kind: 'idle' };
        void this.choice.open(choice);
      },
    });
    // A choice of accounts settles once it is made (the chooser hands its outcome back here).
    if (outcome.status !== 'choose_accounts') this.settle('consent', outcome.status, outcome.status === 'auth_config_missing' ? outcome.error : undefined);
  }

  private async handleSwitch(): Promise<void> {
    if (this.view.kind !== 'mismatch' || this.busy) return;
    this.busy = true;
    try {
      this.handleOutcome(await this.view.outcome.confirm());
    } catch (error) {
      this.view = { kind: 'error', say: (m) => errorCopy(error, m) };
      this.settle('consent', 'error', error);
    } finally {
      this.busy = false;
    }
  }

  private handleKeep(): void {
    if (this.view.kind !== 'mismatch') return;
    // The server revokes and drops the other account's tokens; the answer changes nothing here (it also discards
    // them when the session expires), so the user is not kept waiting on it.
    void this.view.outcome.decline().catch(() => undefined);
    this.message = this.fill(this.m.kept, this.view.outcome);
    this.view = { kind: 'idle' };
    this.settle('consent', 'kept');
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>("[part='base']")?.focus());
  }

  private async handleSubmit(fields: Record<string, string>): Promise<void> {
    const { store, connection } = this;
    if (!store || !connection || this.busy) return;
    this.busy = true;
    try {
      await store.submitCredentials(connection.id, fields);
      this.view = { kind: 'idle' };
      toast({ title: this.m.reconnected, tone: 'success' });
      this.settle('credentials', 'saved');
    } catch (error) {
      const fieldErrors = fieldErrorsOf(error);
      const general = Object.keys(fieldErrors).length ? undefined : errorCopy(error, this.m);
      this.view = { kind: 'form', fieldErrors, ...(general ? { error: general } : {}) };
      this.settle('credentials', isInvalidCredentials(error) ? 'invalid' : 'error', error);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>("[aria-invalid='true']")?.focus();
    } finally {
      this.busy = false;
    }
  }

  private renderForm(view: Extract<View, { kind: 'form' }>) {
    const m = this.m;
    return this.credentialForm!({
      fields: this.connection?.app.credentialFields ?? [],
      fieldErrors: view.fieldErrors,
      error: view.error,
      busy: this.busy,
      words: m,
      onSubmit: (fields) => void this.handleSubmit(fields),
      onCancel: () => (this.view = { kind: 'idle' }),
    });
  }

  private renderView() {
    const view = this.view;
    const m = this.m;
    switch (view.kind) {
      case 'form':
        return this.renderForm(view);
      case 'mismatch':
        return mismatchPrompt(m, view.outcome, this.connection?.app.name ?? '', {
          id: 'mismatch', busy: this.busy, onKeep: () => this.handleKeep(), onSwitch: () => void this.handleSwitch(),
        });
      case 'error':
        return html`<div part="error" role="alert"><p>${view.say(m)}</p>${view.help ? html`<p>${m.authConfigHelp}</p>` : nothing}</div>`;
      default:
        return nothing;
    }
  }

  override render() {
    const action = this.action;
    if (!action) return nothing;
    const m = this.m;
    // The icon is lucide's `plug` (v1.65, ISC) as `icon(Plug)` would build it, written into the template: each
    // instance gets it in the template's clone, with no directive, child part or SVG copy of its own (a table shows
    // one button per row about to expire).
    return html`<button part="base" class="btn" type="button" aria-disabled=${this.busy ? 'true' : 'false'}
        aria-busy=${this.busy ? 'true' : 'false'} aria-expanded=${action === 'credentials' ? String(this.view.kind === 'form') : nothing}
        @click=${this.handleClick}><span class="spin"><svg viewBox="0 0 24 24" width="1em" height="1em" fill="none"
        stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false"><path
        d="M12 22v-5"></path><path d="M15 8V2"></path><path d="M17 8a1 1 0 0 1 1 1v4a4 4 0 0 1-4 4h-4a4 4 0 0 1-4-4V9a1 1 0 0 1 1-1z"></path><path
        d="M9 8V2"></path></svg></span>${action === 'request' ? m.requestReconnection : m.reconnect}</button>
      ${this.renderView()}${this.choice.render(m, this.connection?.app.name ?? '')}
      <p part="message" role="status">${this.message}</p>`;
  }
}
