import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { isAbortError, type ConnectSessionOutcome } from '@relink/sdk';
import { RelinkReconnectEvent, RelinkReconnectResultEvent, type ReconnectAction, type ReconnectResult } from '../../events/reconnect.js';
import { reconnectAction } from '../../internal/access.js';
import { fillMismatch, type MismatchMessages } from '../../internal/consent-outcome.js';
import { AccountChoiceController, type AccountChoice, type AccountChoiceMessages } from '../../internal/account-choice.js';
import { authConfigProblem, authConfigText, type AuthConfigMessages } from '../../internal/auth-config.js';
import { chunkFailed, errorCopy, noCodes, type ErrorKindMessages } from '../../internal/error-copy.js';
import { ConnectionElement } from '../../internal/connection-element.js';
import { flowKit } from '../../internal/flow-kit.js';
import type * as ReconnectFlow from '../../internal/reconnect-flow.js';
import type { ReconnectView } from '../../internal/reconnect-flow.js';
import { copyOf } from '../../internal/registry.js';
import { accountChoice, authConfig, errorKinds, mismatch, reconnectButton, reconnection } from '../../translations/en.js';
import type { CommonMessages, ElementMessages } from '../../translations/translation.js';
import { toast } from '../toaster/toaster.js';
import styles from './reconnect-button.styles.js';

/** The button's words, and the common ones it says (reconnecting, the account mismatch, a missing auth config). */
export type ReconnectButtonMessages = ElementMessages['reconnect-button'] & MismatchMessages & AccountChoiceMessages & AuthConfigMessages & ErrorKindMessages &
  Pick<CommonMessages, 'reconnect' | 'requestReconnection' | 'requestSent' | 'reconnected'>;

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
  private readonly choice = new AccountChoiceController(this, (outcome) => void this.handleOutcome(outcome));

  /** `popup` (default; falls back to a redirect when blocked) or `redirect`. */
  @property() mode: 'popup' | 'redirect' = 'popup';

  /** Where the redirect fallback returns to. Default: the current page. */
  @property({ attribute: 'return-to' }) returnTo?: string;

  /** The window the consent popup opens from (iframes, tests). Default: `window`. */
  @property({ attribute: false }) window?: Window;

  /** @internal What shows under the button (set by the flow's code too). */
  @state() view: ReconnectView = { kind: 'idle' };
  /** @internal Whether a step of the flow is running. */
  @state() busy = false;
  /** @internal The quiet status line. */
  @state() message = '';
  /**
   * What the flow does once started and the API-key form (`internal/reconnect-flow.ts`), loaded as the button is first
   * clicked (most connections are OAuth: few ever open the form).
   */
  private flowCode?: typeof ReconnectFlow;
  private flowLoad?: Promise<typeof ReconnectFlow>;

  private get action(): ReconnectAction | undefined {
    return this.connection && reconnectAction(this.viewer, this.connection);
  }

  /** @internal Tells the host how a step settled (`relink-reconnect-result`). */
  settle(action: ReconnectAction, result: ReconnectResult, error?: unknown): void {
    this.dispatchEvent(new RelinkReconnectResultEvent({ connectionId: this.connectionId, action, result, ...(error !== undefined ? { error } : {}) }));
  }

  private fill(template: string): string {
    return fillMismatch(template, this.m, undefined, this.connection?.app.name);
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
    // Open, or opening (its code loading): a second click is not a second reconnect.
    if (action === 'credentials' && (this.view.kind === 'form' || this.formOpening)) return;
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
    // Loads while the user is at the provider, so the outcome is said as soon as it comes.
    if (action === 'consent') void this.loadFlow().catch(() => undefined);
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

  private formOpening = false;

  private async openForm(): Promise<void> {
    this.formOpening = true;
    try {
      await this.loadFlow();
    } catch (error) {
      this.view = { kind: 'error', say: (m) => errorCopy(error, m) };
      return;
    } finally {
      this.formOpening = false;
    }
    this.view = { kind: 'form', fieldErrors: {} };
    await this.updateComplete;
    this.renderRoot.querySelector('input')?.focus();
  }

  private loadFlow(): Promise<typeof ReconnectFlow> {
    this.flowLoad ??= import('../../internal/reconnect-flow.js').then((code) => (this.flowCode = code), (error: unknown) => {
      this.flowLoad = undefined;
      return chunkFailed(error);
    });
    return this.flowLoad;
  }

  private async handleOutcome(outcome: ConnectSessionOutcome): Promise<void> {
    let flow: typeof ReconnectFlow;
    try {
      flow = await this.loadFlow();
    } catch (error) {
      // The flow ended (the store has synced it) but the code that handles its outcome did not load. An outcome that
      // needs nothing more is still reported as it ended (a healed connection is never announced as a failure); the
      // others need that code, so the user is told something went wrong.
      if (outcome.status === 'completed' || outcome.status === 'cancelled' || outcome.status === 'redirected') {
        this.view = { kind: 'idle' };
        if (outcome.status === 'completed') flowKit.toast({ title: this.m.reconnected, tone: 'success' });
        if (outcome.status === 'cancelled') this.message = this.m.cancelled;
        this.settle('consent', outcome.status);
        return;
      }
      this.view = { kind: 'error', say: (m) => errorCopy(error, m) };
      this.settle('consent', 'error', error);
      return;
    }
    flow.settleReconnect(this, this.m, outcome, flowKit);
  }

  /** @internal Opens the chooser of accounts after a consent that granted several (seed 004). */
  chooseAccounts(choice: AccountChoice): void {
    void this.choice.open(choice);
  }

  /** @internal Focuses the first match of `selector` in the shadow root once the next update is done. */
  async focusAfterUpdate(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  private renderView() {
    const view = this.view;
    const m = this.m;
    switch (view.kind) {
      case 'form':
        return this.flowCode!.renderForm(this, view, { m, store: this.store, connection: this.connection }, flowKit);
      case 'mismatch':
        return this.flowCode!.renderMismatch(this, m, this.connection?.app.name ?? '', flowKit);
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
