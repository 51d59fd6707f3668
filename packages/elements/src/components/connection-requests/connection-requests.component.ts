import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { isAbortError, type Collection, type ConnectionRequest, type ConnectSessionOutcome, type Viewer } from '@relink/sdk';
import { ClockController } from '../../controllers/clock-controller.js';
import { collectionLoader } from '../../controllers/resource-controller.js';
import { StoreController } from '../../controllers/store-controller.js';
import { RelinkCancelRequestEvent, RelinkConnectRequestEvent } from '../../events/connection-request.js';
import { mismatchPrompt, settleOutcome, fillMismatch, type AccountMismatch, type MismatchMessages } from '../../internal/consent-outcome.js';
import { errorCopy, failedCopy, noCodes, type ErrorKindMessages } from '../../internal/error-copy.js';
import { fill } from '../../internal/fill.js';
import { absoluteTime, relativeTime } from '../../internal/format.js';
import { heading } from '../../internal/heading.js';
import { emptyState, failedState, loadingState } from '../../internal/load-state.js';
import { monogram } from '../../internal/monogram.js';
import { RelinkElement } from '../../internal/relink-element.js';
import { toast } from '../toaster/toaster.js';
import { copyOf } from '../../internal/registry.js';
import { connectionRequests, errorKinds, mismatch, retry } from '../../translations/en.js';
import type { CommonMessages, ElementMessages } from '../../translations/translation.js';
import styles from './connection-requests.styles.js';

export type ConnectionRequestsMessages = ElementMessages['connection-requests'] & MismatchMessages & ErrorKindMessages & Pick<CommonMessages, 'retry'>;

interface Slice {
  requests: Collection<ConnectionRequest>;
  viewer: Viewer | undefined;
}

/**
 * "Outstanding connection requests" (seed 001): each request's app, who asked and when. The client a request is
 * addressed to gets "Connect", which runs the provider's consent flow (`store.connectRequest`): completed → a toast
 * and the request leaves the list; cancelled → nothing; a missing auth config or a failure → its message; another
 * account than the connection's → asks to keep the old one or switch (as `relink-reconnect-button` does). Agency
 * principals get "Cancel" (clients never see it; the server refuses them anyway), with a toast on success.
 * Loads the requests if no other element did; loading, error (with "Try again") and "No outstanding requests".
 *
 * @tag relink-connection-requests
 * @summary The outstanding connection requests: Connect (the client asked) or Cancel (the agency).
 *
 * @event {RelinkConnectRequestEvent} relink-connect-request - "Connect" was chosen, `{ request }`, before the consent flow opens; cancel it to run it yourself.
 * @event {RelinkCancelRequestEvent} relink-cancel-request - "Cancel" was chosen, `{ request }`, before anything is sent; cancel it to keep the request.
 *
 * @csspart base - The panel.
 * @csspart heading - "Outstanding connection requests" (a heading at `heading-level`).
 * @csspart list - The list of requests.
 * @csspart request - One request.
 * @csspart logo - The app's logo or monogram.
 * @csspart app - The app's name.
 * @csspart meta - Who asked and when.
 * @csspart note - The request's note.
 * @csspart connect - The "Connect" button.
 * @csspart cancel - The "Cancel" button.
 * @csspart message - The outcome of a failed "Connect" (e.g. a missing auth config), under its request.
 * @csspart confirm - After a "Connect" that authorised another account than the connection's: Keep or Switch.
 * @csspart loading - "Loading requests…" while the list loads.
 * @csspart empty - The empty state.
 * @csspart empty-title - "No outstanding requests".
 * @csspart error - The load error with "Try again".
 * @csspart retry - The "Try again" button.
 *
 * @cssproperty --relink-connection-requests-background - Panel background; defaults to `--relink-color-surface`.
 * @cssproperty --relink-connection-requests-radius - Panel corner radius; defaults to `--relink-radius`.
 */
export class RelinkConnectionRequests extends RelinkElement<ConnectionRequestsMessages> {
  static override styles = styles;

  /** @internal Its namespace and the English it prints (`translations/en.ts`). */
  static override copy = copyOf('connection-requests', connectionRequests, errorKinds, noCodes, mismatch, retry);

  private readonly data = new StoreController<Slice>(this, (s) => ({ requests: s.connectionRequests, viewer: s.viewer }), {
    equals: (a, b) => a.requests === b.requests && a.viewer === b.viewer,
  });
  private readonly loader = collectionLoader(this, () => this.data.store, ['connectionRequests']);
  // Keep "5 minutes ago" true.
  private readonly clock = new ClockController(this);

  /** Level of the heading (1–6). */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  /** The window the consent popup opens from (iframes, tests). Default: `window`. */
  @property({ attribute: false }) window?: Window;

  /** Requests with an action in flight. */
  @state() private busy = new Set<string>();
  /** A failed "Connect"'s message, by request id. */
  @state() private messagesById = new Map<string, string>();
  /** A "Connect" that authorised another account than the connection's, waiting for Keep or Switch, by request id. */
  @state() private mismatchById = new Map<string, AccountMismatch>();
  /** Consent flows in flight; aborted (their polling stops) when the element leaves the page. */
  private readonly flows = new Set<AbortController>();

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const flow of this.flows) flow.abort();
    this.flows.clear();
  }

  private setMismatch(id: string, outcome: AccountMismatch | undefined): void {
    const next = new Map(this.mismatchById);
    if (outcome === undefined) next.delete(id);
    else next.set(id, outcome);
    this.mismatchById = next;
  }

  /** Every outcome of a Connect, for this request's row. */
  private connectSettled(request: ConnectionRequest, outcome: ConnectSessionOutcome): void {
    const m = this.m;
    settleOutcome(outcome, {
      completed: () => void toast({ title: fill(m.connected, { app: request.app.name }), tone: 'success' }),
      cancelled: () => undefined,
      redirected: () => undefined,
      failed: (failed) => this.setMessage(request.id, failedCopy(failed, m)),
      auth_config_missing: (missing) => this.setMessage(request.id, errorCopy(missing.error, m)),
      account_mismatch: (mismatch) => {
        this.setMismatch(request.id, mismatch);
        void this.updateComplete.then(() => this.shadowRoot!.querySelector<HTMLElement>(`[data-request="${request.id}"] [data-keep]`)?.focus());
      },
    });
  }

  private handleKeep(request: ConnectionRequest, mismatch: AccountMismatch): void {
    this.setMismatch(request.id, undefined);
    // The server revokes and drops the other account's tokens (see the reconnect button's Keep).
    void mismatch.decline().catch(() => undefined);
    this.setMessage(request.id, fillMismatch(this.m.kept, this.m, mismatch, request.app.name));
  }

  private async handleSwitch(request: ConnectionRequest, mismatch: AccountMismatch): Promise<void> {
    if (this.busy.has(request.id)) return;
    this.setBusy(request.id, true);
    try {
      const next = await mismatch.confirm();
      this.setMismatch(request.id, undefined);
      this.connectSettled(request, next);
    } catch (error) {
      toast({ title: this.m.connectFailed, description: errorCopy(error, this.m), tone: 'error' });
    } finally {
      this.setBusy(request.id, false);
    }
  }

  /** Loads the requests again (what "Try again" does). */
  reload(): Promise<void> {
    return this.loader.run();
  }

  private setBusy(id: string, on: boolean): void {
    const next = new Set(this.busy);
    if (on) next.add(id);
    else next.delete(id);
    this.busy = next;
  }

  private setMessage(id: string, message: string | undefined): void {
    const next = new Map(this.messagesById);
    if (message === undefined) next.delete(id);
    else next.set(id, message);
    this.messagesById = next;
  }

  private handleConnect(request: ConnectionRequest): void {
    const store = this.data.store;
    if (!store || this.busy.has(request.id)) return;
    if (!this.dispatchEvent(new RelinkConnectRequestEvent({ request }))) return;
    const m = this.m;
    this.setMessage(request.id, undefined);
    this.setMismatch(request.id, undefined);
    this.setBusy(request.id, true);
    const flow = new AbortController();
    this.flows.add(flow);
    // Called synchronously inside the click, so the consent popup is not blocked.
    store
      .connectRequest(request.id, { signal: flow.signal, locale: this.locale, ...(this.window ? { window: this.window } : {}) })
      .then((outcome: ConnectSessionOutcome) => this.connectSettled(request, outcome))
      .catch((error: unknown) => {
        // Aborted because the panel left the page: nothing to tell anyone.
        if (!isAbortError(error)) toast({ title: m.connectFailed, description: errorCopy(error, m), tone: 'error' });
      })
      .finally(() => {
        this.flows.delete(flow);
        this.setBusy(request.id, false);
      });
  }

  private async handleCancel(request: ConnectionRequest): Promise<void> {
    const store = this.data.store;
    if (!store || this.busy.has(request.id)) return;
    if (!this.dispatchEvent(new RelinkCancelRequestEvent({ request }))) return;
    const m = this.m;
    this.setBusy(request.id, true);
    const hadFocus = this.shadowRoot!.activeElement !== null;
    try {
      await store.cancelRequest(request.id);
      toast({ title: m.cancelled, tone: 'success' });
      await this.updateComplete;
      if (hadFocus && !this.shadowRoot!.activeElement) this.shadowRoot!.querySelector<HTMLElement>('[part=heading]')?.focus();
    } catch (error) {
      toast({ title: m.cancelFailed, description: errorCopy(error, m), tone: 'error' });
    } finally {
      this.setBusy(request.id, false);
    }
  }

  private renderRequest(request: ConnectionRequest, viewer: Viewer | undefined) {
    const m = this.m;
    const busy = this.busy.has(request.id);
    const now = this.data.store?.now() ?? Date.now();
    const message = this.messagesById.get(request.id);
    const mismatch = this.mismatchById.get(request.id);
    const appId = `app-${request.id}`;
    const button = (name: 'connect' | 'cancel', label: string, onClick: () => void) => html`<button part=${name}
      class=${name === 'connect' ? 'btn primary' : 'btn'} type="button" aria-describedby=${appId}
      aria-disabled=${busy ? 'true' : 'false'} aria-busy=${busy ? 'true' : 'false'} @click=${onClick}>${label}</button>`;
    return html`<li part="request" data-request=${request.id}>
      ${monogram(request.app)}
      <div class="text">
        <span part="app" id=${appId}>${request.app.name}</span>
        <span part="meta">${fill(m.requestedBy, { name: request.requestedBy.name })} · <time datetime=${request.requestedAt}
          title=${absoluteTime(this.locale, request.requestedAt)}>${relativeTime(this.locale, request.requestedAt, now)}</time></span>
        ${request.note ? html`<span part="note">${request.note}</span>` : nothing}
        ${message ? html`<p part="message" role="alert">${message}</p>` : nothing}
        ${mismatch
          ? mismatchPrompt(m, mismatch, request.app.name, {
              id: `mismatch-${request.id}`, busy, onKeep: () => this.handleKeep(request, mismatch), onSwitch: () => void this.handleSwitch(request, mismatch),
            })
          : nothing}
      </div>
      <div class="actions">
        ${viewer?.principalId === request.requestedFor ? button('connect', m.connect, () => this.handleConnect(request)) : nothing}
        ${viewer?.role === 'agency' ? button('cancel', m.cancel, () => void this.handleCancel(request)) : nothing}
      </div>
    </li>`;
  }

  override render() {
    const m = this.m;
    const slice = this.data.value;
    const requests = slice?.requests;
    const outstanding = (requests?.items ?? []).filter((r) => r.state === 'outstanding');
    const loading = !requests || requests.status === 'idle' || (requests.status === 'loading' && !requests.items.length);
    let body;
    if (requests?.status === 'error' && !requests.items.length) {
      body = failedState(requests.error, m, () => void this.reload());
    } else if (loading) {
      body = loadingState(m.loading);
    } else if (!outstanding.length) {
      body = emptyState(m.empty);
    } else {
      body = html`<ul part="list" role="list">${repeat(outstanding, (r) => r.id, (r) => this.renderRequest(r, slice.viewer))}</ul>`;
    }
    return html`<section part="base" aria-labelledby="heading" aria-busy=${loading ? 'true' : 'false'}>
      ${heading(this.headingLevel, { part: 'heading', id: 'heading' }, m.heading)}
      ${body}
    </section>`;
  }
}
