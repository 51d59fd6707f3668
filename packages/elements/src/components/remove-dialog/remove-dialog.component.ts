import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { Connection, ConnectionUsage } from '@relink/sdk';
import { initialState, ResourceController } from '../../controllers/resource-controller.js';
import { RelinkHideEvent, RelinkShowEvent, type DialogCloseReason } from '../../events/dialog.js';
import { RelinkRemovedEvent, RelinkRemoveEvent } from '../../events/remove.js';
import { ConnectionElement } from '../../internal/connection-element.js';
import { errorCopy, noCodes, type ErrorKindMessages } from '../../internal/error-copy.js';
import { fill } from '../../internal/fill.js';
import { plural } from '../../internal/format.js';
import { copyOf } from '../../internal/registry.js';
import { errorKinds, removeDialog } from '../../translations/en.js';
import type { ElementMessages } from '../../translations/translation.js';
import { toast } from '../toaster/toaster.js';
import styles from './remove-dialog.styles.js';

export type RemoveDialogMessages = ElementMessages['remove-dialog'] & ErrorKindMessages;

/**
 * "Remove" and its confirmation (seed 004: "Disconnect the account completely — Click Remove, then add it fresh").
 * Unlike Revoke, which keeps the row as revoked and reconnectable, Remove deletes the connection and its stored
 * credentials (revoked at the provider first). The dialog names what stops working — the workflows that use the
 * connection and how many of their runs will pause — loaded from the server when it opens.
 *
 * The dialog follows `relink-revoke-dialog`: a native modal `<dialog>`, focus on the safe action ("Keep connection")
 * first and trapped, Escape closes, the destructive action on the right; `open`, `show()`, `hide()`, and the
 * cancelable `relink-show` / `relink-hide`. After the removal the row leaves every view (the store drops it, and
 * other tabs hear `connection.removed`), the dialog closes and `relink-removed` fires: route away from a detail page there.
 *
 * @tag relink-remove-dialog
 * @summary "Remove" with a confirmation naming what stops working; the connection and its credentials are deleted.
 *
 * @event {RelinkRemoveEvent} relink-remove - Before removing, `{ connection }`; cancel it to stop (the dialog closes, nothing changes).
 * @event {RelinkRemovedEvent} relink-removed - After the server removed it, `{ connection, pausedRuns }`.
 * @event {RelinkShowEvent} relink-show - Before the dialog opens; cancel it to keep it closed.
 * @event {RelinkHideEvent} relink-hide - Before the dialog closes, `{ reason }`; cancel it to keep it open.
 *
 * @csspart trigger - The "Remove" button that opens the dialog.
 * @csspart dialog - The `<dialog>`.
 * @csspart title - The dialog's title.
 * @csspart body - The dialog's explanation.
 * @csspart usage - What stops working: the workflows and the runs that pause.
 * @csspart error - The server's error message, when removing failed.
 * @csspart actions - The row of buttons.
 * @csspart cancel - "Keep connection" (focused first).
 * @csspart confirm - "Remove connection" (destructive).
 *
 * @cssproperty --relink-remove-dialog-width - Dialog width; defaults to 30rem (never wider than the viewport).
 * @cssproperty --relink-remove-dialog-radius - Dialog corner radius; defaults to `--relink-radius`.
 * @cssproperty --relink-remove-dialog-backdrop - The backdrop colour; defaults to 40% black.
 */
export class RelinkRemoveDialog extends ConnectionElement<RemoveDialogMessages> {
  static override styles = styles;

  /** @internal Its namespace and the English it prints (`translations/en.ts`). */
  static override copy = copyOf('remove-dialog', removeDialog, errorKinds, noCodes);

  @query('dialog') private dialog!: HTMLDialogElement;

  /** Whether the dialog is open. Set it (or the `open` attribute) to open or close it. */
  @property({ type: Boolean, reflect: true }) open = false;

  @state() private busy = false;
  /** The failed removal's error, said at render time so it follows a later `lang` change. */
  @state() private error?: unknown;
  /** The connection as it was when the dialog opened: still named while it closes after the removal. */
  @state() private target?: Connection;
  private closeReason: DialogCloseReason = 'method';

  // Loaded each time the dialog opens, so it names what uses the connection now.
  private readonly usage = new ResourceController(this, {
    args: () => [this.store, this.connectionId, this.open] as const,
    load: async ([store, id, open], { signal }): Promise<ConnectionUsage | typeof initialState> =>
      store && id && open ? store.client.connections.usage(id, { signal }) : initialState,
  });

  /** Opens the dialog (focus goes to "Keep connection"); settles once it is open, or stays closed if `relink-show` was cancelled. */
  async show(): Promise<void> {
    this.open = true;
    await this.updateComplete;
  }

  /** Closes the dialog (focus returns to the trigger); settles once it is closed, or stays open if `relink-hide` was cancelled. */
  async hide(): Promise<void> {
    await this.requestClose('method');
  }

  private requestClose(reason: DialogCloseReason): Promise<boolean> {
    if (!this.open) return this.updateComplete;
    this.closeReason = reason;
    this.open = false;
    return this.updateComplete;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (!changed.has('open')) return;
    const previous = changed.get('open') ?? false;
    if (this.open === previous) return;
    const event = this.open ? new RelinkShowEvent() : new RelinkHideEvent({ reason: this.closeReason });
    this.closeReason = 'method';
    if (!this.dispatchEvent(event)) this.open = previous;
    else this.error = undefined;
    if (this.open) this.target = this.connection;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const dialog = this.dialog;
    if (!dialog || dialog.open === this.open) return;
    if (this.open) {
      dialog.showModal();
      this.renderRoot.querySelector<HTMLElement>("[part='cancel']")!.focus();
    } else {
      dialog.close();
      this.renderRoot.querySelector<HTMLElement>("[part='trigger']")?.focus();
    }
  }

  private handleCancel(event: Event): void {
    event.preventDefault();
    void this.requestClose('escape');
  }

  private handleNativeClose(): void {
    if (this.open) void this.requestClose('escape');
  }

  private async handleConfirm(): Promise<void> {
    const { store } = this;
    const connection = this.connection ?? this.target;
    if (this.busy || !store || !connection) return;
    if (!this.dispatchEvent(new RelinkRemoveEvent({ connection }))) return void this.requestClose('cancel');
    this.busy = true;
    this.error = undefined;
    try {
      const removed = await store.remove(connection.id);
      void this.requestClose('done');
      this.dispatchEvent(new RelinkRemovedEvent({ connection, pausedRuns: removed.pausedRuns }));
      toast({ title: this.m.removed, description: this.m.removedDescription, tone: 'success' });
    } catch (error) {
      this.error = error;
    } finally {
      this.busy = false;
    }
  }

  private renderUsage() {
    const m = this.m;
    const usage = this.usage.value;
    if (this.usage.error !== undefined) return html`<p part="usage">${m.usageUnknown}</p>`;
    if (!usage) return html`<p part="usage" role="status">${m.loadingUsage}</p>`;
    if (usage.workflows.length === 0) return html`<p part="usage">${m.unused}</p>`;
    return html`<div part="usage">
      <p>${m.usageLead}</p>
      <ul>${usage.workflows.map((w) => html`<li>${w.workflowName}</li>`)}</ul>
      ${usage.liveRuns > 0 ? html`<p>${plural(this.locale, usage.liveRuns, m.liveRuns)}</p>` : nothing}
    </div>`;
  }

  override render() {
    const connection = this.connection ?? (this.open ? this.target : undefined);
    if (!connection) return nothing;
    const m = this.m;
    return html`<button part="trigger" class="btn" type="button" aria-haspopup="dialog" @click=${this.show}>${m.trigger}</button>
      <dialog part="dialog" aria-labelledby="title" aria-describedby="body" @cancel=${this.handleCancel} @close=${this.handleNativeClose}>
        <h2 part="title" id="title">${fill(m.title, { app: connection.app.name })}</h2>
        <p part="body" id="body">${m.body}</p>
        ${this.open ? this.renderUsage() : nothing}
        <p part="error" role="alert" ?hidden=${this.error === undefined}>${this.error === undefined ? nothing : errorCopy(this.error, m)}</p>
        <div part="actions">
          <button part="cancel" class="btn" type="button" autofocus @click=${() => void this.requestClose('cancel')}>${m.cancel}</button>
          <button part="confirm" class="btn danger" type="button" aria-disabled=${this.busy ? 'true' : 'false'}
            aria-busy=${this.busy ? 'true' : 'false'} @click=${this.handleConfirm}>${m.confirm}</button>
        </div>
      </dialog>`;
  }
}
