import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { Collection, ConnectionRequest, ConnectSessionOutcome, Viewer } from '@relink/sdk';
import { collectionLoader } from '../../controllers/resource-controller.js';
import { StoreController } from '../../controllers/store-controller.js';
import { RelinkCancelRequestEvent, RelinkConnectRequestEvent } from '../../events/connection-request.js';
import { fill } from '../../internal/fill.js';
import { absoluteTime, relativeTime } from '../../internal/format.js';
import { heading } from '../../internal/heading.js';
import { emptyState, errorState, errorText, loadingState } from '../../internal/load-state.js';
import { monogram } from '../../internal/monogram.js';
import { RelinkElement } from '../../internal/relink-element.js';
import { toast } from '../toaster/toaster.js';
import styles from './connection-requests.styles.js';

export interface ConnectionRequestsMessages {
  heading: string;
  /** "Requested by Northwind Agency"; `{name}` is who asked. */
  requestedBy: string;
  connect: string;
  cancel: string;
  /** Toast after a completed consent flow; `{app}` is the app. */
  connected: string;
  /** Toast after a cancelled request. */
  cancelled: string;
  connectFailed: string;
  cancelFailed: string;
  empty: string;
  loading: string;
  retry: string;
}

interface Slice {
  requests: Collection<ConnectionRequest>;
  viewer: Viewer | undefined;
}

/**
 * "Outstanding connection requests" (seed 001): each request's app, who asked and when. The client a request is
 * addressed to gets "Connect", which runs the provider's consent flow (`store.connectRequest`): completed → a toast
 * and the request leaves the list; cancelled → nothing; a missing auth config or a failure → its message. Agency
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

  static override defaults: ConnectionRequestsMessages = {
    heading: 'Outstanding connection requests',
    requestedBy: 'Requested by {name}',
    connect: 'Connect',
    cancel: 'Cancel',
    connected: '{app} connected.',
    cancelled: 'Request cancelled.',
    connectFailed: 'Could not connect',
    cancelFailed: 'Could not cancel the request',
    empty: 'No outstanding requests',
    loading: 'Loading requests…',
    retry: 'Try again',
  };

  private readonly data = new StoreController<Slice>(this, (s) => ({ requests: s.connectionRequests, viewer: s.viewer }), {
    equals: (a, b) => a.requests === b.requests && a.viewer === b.viewer,
  });
  private readonly loader = collectionLoader(this, () => this.data.store, ['connectionRequests']);

  /** Level of the heading (1–6). */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  /** The window the consent popup opens from (iframes, tests). Default: `window`. */
  @property({ attribute: false }) window?: Window;

  /** Requests with an action in flight. */
  @state() private busy = new Set<string>();
  /** A failed "Connect"'s message, by request id. */
  @state() private messagesById = new Map<string, string>();

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
    this.setBusy(request.id, true);
    // Called synchronously inside the click, so the consent popup is not blocked.
    store
      .connectRequest(request.id, this.window ? { window: this.window } : {})
      .then((outcome: ConnectSessionOutcome) => {
        if (outcome.status === 'completed') toast({ title: fill(m.connected, { app: request.app.name }), tone: 'success' });
        else if (outcome.status === 'auth_config_missing' || outcome.status === 'failed') this.setMessage(request.id, outcome.message);
      })
      .catch((error: unknown) => {
        toast({ title: m.connectFailed, description: (error as Error).message, tone: 'error' });
      })
      .finally(() => this.setBusy(request.id, false));
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
      toast({ title: m.cancelFailed, description: (error as Error).message, tone: 'error' });
    } finally {
      this.setBusy(request.id, false);
    }
  }

  private renderRequest(request: ConnectionRequest, viewer: Viewer | undefined) {
    const m = this.m;
    const busy = this.busy.has(request.id);
    const now = this.data.store?.now() ?? Date.now();
    const message = this.messagesById.get(request.id);
    const appId = `app-${request.id}`;
    const button = (name: 'connect' | 'cancel', label: string, onClick: () => void) => html`<button part=${name}
      class=${name === 'connect' ? 'btn primary' : 'btn'} type="button" aria-describedby=${appId}
      aria-disabled=${busy ? 'true' : 'false'} aria-busy=${busy ? 'true' : 'false'} @click=${onClick}>${label}</button>`;
    return html`<li part="request">
      ${monogram(request.app)}
      <div class="text">
        <span part="app" id=${appId}>${request.app.name}</span>
        <span part="meta">${fill(m.requestedBy, { name: request.requestedBy.name })} · <time datetime=${request.requestedAt}
          title=${absoluteTime(this.locale, request.requestedAt)}>${relativeTime(this.locale, request.requestedAt, now)}</time></span>
        ${request.note ? html`<span part="note">${request.note}</span>` : nothing}
        ${message ? html`<p part="message" role="alert">${message}</p>` : nothing}
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
      body = errorState(errorText(requests.error), { label: m.retry, onRetry: () => void this.reload() });
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
