import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { fieldErrors as fieldErrorsOf, isAbortError, isInvalidCredentials, type App, type ConnectSessionOutcome, type RelinkStore } from '@relink/sdk';
import Plus from 'lucide/dist/esm/icons/plus.mjs';
import { initialState, ResourceController } from '../../controllers/resource-controller.js';
import { StoreController } from '../../controllers/store-controller.js';
import { RelinkConnectEvent, RelinkConnectionCreatedEvent, type ConnectAction } from '../../events/connect.js';
import { AccountChoiceController, type AccountChoiceMessages } from '../../internal/account-choice.js';
import { authConfigProblem, authConfigText, type AuthConfigMessages } from '../../internal/auth-config.js';
import { chunkFailed, errorCopy, noCodes, type ErrorKindMessages } from '../../internal/error-copy.js';
import type { credentialForm as CredentialForm } from '../../internal/credential-form.js';
import { fill } from '../../internal/fill.js';
import { icon } from '../../internal/icon.js';
import { copyOf } from '../../internal/registry.js';
import { RelinkElement } from '../../internal/relink-element.js';
import { accountChoice, authConfig, connectButton, errorKinds } from '../../translations/en.js';
import type { ElementMessages } from '../../translations/translation.js';
import { toast } from '../toaster/toaster.js';
import styles from './connect-button.styles.js';

/** The button's words, and the common ones it says (a missing auth config, errors). */
export type ConnectButtonMessages = ElementMessages['connect-button'] & AuthConfigMessages & AccountChoiceMessages & ErrorKindMessages;

type View =
  | { kind: 'idle' }
  | { kind: 'form'; fieldErrors: Record<string, string>; error?: (m: ConnectButtonMessages) => string }
  // Sentences are said at render time, so an open error follows a later `lang` change.
  | { kind: 'error'; say: (m: ConnectButtonMessages) => string; help?: boolean };

/**
 * Adds a connection of one app (`app-key`), owned by the viewer (seed 000: "You can also link apps directly while
 * building an automation"): an OAuth app runs the provider's consent flow as `relink-reconnect-button` does (a popup,
 * or a redirect when the popup is blocked); an API-key app opens its credential form (per-field errors from the
 * server). An app whose managed auth config is missing says so, and who to ask, without opening a popup.
 * When the connection exists it fires `relink-connection-created` with it, so a host's workflow builder can use it.
 *
 * Give it the app as `app` (what `relink-app-catalog` does), or just `app-key` and it reads the catalog itself.
 *
 * @tag relink-connect-button
 * @summary "Connect": add a connection of an app through consent or its API-key form.
 *
 * @event {RelinkConnectEvent} relink-connect - Before starting, `{ app, action }`; cancel it to run the flow yourself.
 * @event {RelinkConnectionCreatedEvent} relink-connection-created - The new connection exists, `{ connection }`.
 *
 * @csspart base - The "Connect" button.
 * @csspart form - The API-key credential form.
 * @csspart input - Each credential input.
 * @csspart save - The form's Save button.
 * @csspart choose - The choice of accounts after a consent that granted several (seed 004).
 * @csspart error - An error message (failed flow, missing auth config, rejected form).
 * @csspart message - A quiet status line (cancelled), announced politely.
 *
 * @cssproperty --relink-button-background - Button background; defaults to `--relink-color-surface-raised`.
 * @cssproperty --relink-button-color - Button text colour; defaults to `--relink-color-text`.
 */
export class RelinkConnectButton extends RelinkElement<ConnectButtonMessages> {
  static override styles = styles;
  static override shadowRootOptions: ShadowRootInit = { ...RelinkElement.shadowRootOptions, delegatesFocus: true };

  /** @internal Its namespace and the English it prints (`translations/en.ts`). */
  static override copy = copyOf('connect-button', connectButton, errorKinds, noCodes, authConfig, accountChoice);

  /** Seed 004: after a consent that granted several accounts, which to connect (then `handleOutcome` again). */
  private readonly choice = new AccountChoiceController(this, (outcome) => this.resolvedApp && this.handleOutcome(this.resolvedApp, outcome));

  private readonly data = new StoreController(this, () => undefined);

  /** The app's key in the catalog, e.g. `slack`. */
  @property({ attribute: 'app-key', reflect: true }) appKey = '';

  /** The app itself, when the host already has it (the catalog passes it); otherwise it is read from the catalog. */
  @property({ attribute: false }) app?: App;

  /** The new connection's label; default: the app's name. */
  @property() label?: string;

  /** `popup` (default; falls back to a redirect when blocked) or `redirect`. */
  @property() mode: 'popup' | 'redirect' = 'popup';

  /** Where the redirect fallback returns to. Default: the current page. */
  @property({ attribute: 'return-to' }) returnTo?: string;

  /** The window the consent popup opens from (iframes, tests). Default: `window`. */
  @property({ attribute: false }) window?: Window;

  @state() private view: View = { kind: 'idle' };
  @state() private busy = false;
  /** The quiet status line (cancelled), said at render time. */
  @state() private message?: (m: ConnectButtonMessages) => string;
  /** The credential form, loaded the first time it opens (most apps are OAuth). */
  private credentialForm?: typeof CredentialForm;

  private readonly catalog = new ResourceController(this, {
    args: () => [this.data.store, this.app ? undefined : this.appKey] as const,
    load: async ([store, key], { signal }) => (store && key ? store.loadApps({ signal }) : initialState),
  });

  private get store(): RelinkStore | undefined {
    return this.data.store;
  }

  private get resolvedApp(): App | undefined {
    return this.app ?? this.catalog.value?.find((a) => a.key === this.appKey);
  }

  /** Aborts the consent flow in flight (its polling) when the element leaves the page. */
  private flow?: AbortController;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.flow?.abort();
    this.flow = undefined;
  }

  private created(app: App, connectionId: string): void {
    const connection = this.store?.getSnapshot().connections.byId.get(connectionId);
    toast({ title: fill(this.m.connected, { app: app.name }), tone: 'success' });
    if (connection) this.dispatchEvent(new RelinkConnectionCreatedEvent({ connection }));
  }

  private handleClick(): void {
    const { store } = this;
    const app = this.resolvedApp;
    if (!store || !app || this.busy) return;
    const action: ConnectAction = app.authMode === 'api_key' ? 'credentials' : 'consent';
    if (action === 'credentials' && this.view.kind === 'form') return;
    if (!this.dispatchEvent(new RelinkConnectEvent({ app, action }))) return;
    this.message = undefined;
    const problem = authConfigProblem({ app });
    if (problem) {
      this.view = { kind: 'error', say: (m) => fill(authConfigText(problem, m), { app: app.name }), help: true };
      return;
    }
    if (action === 'credentials') return void this.openForm();
    this.busy = true;
    this.view = { kind: 'idle' };
    // Called synchronously inside the click, so the consent popup is not blocked.
    store
      .connect(app.key, {
        mode: this.mode,
        locale: this.locale,
        signal: (this.flow = new AbortController()).signal,
        ...(this.label ? { label: this.label } : {}),
        ...(this.returnTo ? { returnTo: this.returnTo } : {}),
        ...(this.window ? { window: this.window } : {}),
      })
      .then((outcome) => this.handleOutcome(app, outcome))
      .catch((error: unknown) => {
        if (isAbortError(error)) return;
        this.view = { kind: 'error', say: (m) => errorCopy(error, m) };
      })
      .finally(() => (this.busy = false));
  }

  private async openForm(): Promise<void> {
    try {
      this.credentialForm ??= (await import('../../internal/credential-form.js').catch(chunkFailed)).credentialForm;
    } catch (error) {
      this.view = { kind: 'error', say: (m) => errorCopy(error, m) };
      return;
    }
    this.view = { kind: 'form', fieldErrors: {} };
    await this.updateComplete;
    this.renderRoot.querySelector('input')?.focus();
  }

  private handleOutcome(app: App, outcome: ConnectSessionOutcome): void {
    // Never the SDK's own text (a timed-out flow): the server's refusal said as `errorCopy` says it, else our sentence.
    switch (outcome.status) {
      case 'completed':
        this.view = { kind: 'idle' };
        // After a choice of accounts, one connection per chosen account.
        for (const id of outcome.session.connectionIds ?? [outcome.session.connectionId]) this.created(app, id);
        return;
      case 'choose_accounts':
        this.view = { kind: 'idle' };
        void this.choice.open(outcome);
        return;
      case 'cancelled':
        this.view = { kind: 'idle' };
        this.message = (m) => m.cancelled;
        return;
      case 'failed':
        this.view = { kind: 'error', say: (m) => m.codes[outcome.session?.error?.code ?? ''] || outcome.session?.error?.message || m.failed };
        return;
      case 'auth_config_missing':
        this.view = { kind: 'error', say: (m) => errorCopy(outcome.error, m), help: true };
        return;
      case 'account_mismatch':
        // A new connection has no previous account to differ from; a server that says so anyway is not followed.
        this.view = { kind: 'error', say: (m) => m.failed };
        return;
      case 'redirected':
        return;
    }
  }

  private async handleSubmit(fields: Record<string, string>): Promise<void> {
    const { store } = this;
    const app = this.resolvedApp;
    if (!store || !app || this.busy) return;
    this.busy = true;
    try {
      const connection = await store.addWithCredentials(app.key, fields, this.label);
      this.view = { kind: 'idle' };
      this.created(app, connection.id);
    } catch (error) {
      const fieldErrors = fieldErrorsOf(error);
      const general = isInvalidCredentials(error) && Object.keys(fieldErrors).length ? undefined : (m: ConnectButtonMessages) => errorCopy(error, m);
      this.view = { kind: 'form', fieldErrors, ...(general ? { error: general } : {}) };
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>("[aria-invalid='true']")?.focus();
    } finally {
      this.busy = false;
    }
  }

  private renderForm(app: App, view: Extract<View, { kind: 'form' }>) {
    const m = this.m;
    return this.credentialForm!({
      fields: app.credentialFields ?? [],
      fieldErrors: view.fieldErrors,
      error: view.error?.(m),
      busy: this.busy,
      words: m,
      onSubmit: (fields) => void this.handleSubmit(fields),
      onCancel: () => (this.view = { kind: 'idle' }),
    });
  }

  override render() {
    const app = this.resolvedApp;
    const m = this.m;
    if (!app) {
      // Only once the catalog answered without it: while it loads there is nothing to offer yet.
      return this.catalog.value || this.catalog.error !== undefined ? html`<p part="error" role="alert">${this.catalog.error !== undefined ? errorCopy(this.catalog.error, m) : m.unknownApp}</p>` : nothing;
    }
    const view = this.view;
    return html`<button part="base" class="btn" type="button" aria-label=${fill(m.connectApp, { app: app.name })}
        aria-disabled=${this.busy ? 'true' : 'false'} aria-busy=${this.busy ? 'true' : 'false'}
        aria-expanded=${app.authMode === 'api_key' ? String(view.kind === 'form') : nothing}
        @click=${this.handleClick}><span class="spin">${icon(Plus)}</span>${m.connect}</button>
      ${view.kind === 'form' ? this.renderForm(app, view) : nothing}
      ${view.kind === 'error' ? html`<div part="error" role="alert"><p>${view.say(m)}</p>${view.help ? html`<p>${m.authConfigHelp}</p>` : nothing}</div>` : nothing}
      ${this.choice.render(m, app.name)}
      <p part="message" role="status">${this.message?.(m) ?? ''}</p>`;
  }
}
