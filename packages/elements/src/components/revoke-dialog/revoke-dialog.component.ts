import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { RelinkHideEvent, RelinkShowEvent, type DialogCloseReason } from '../../events/dialog.js';
import { RelinkRevokedEvent, RelinkRevokeEvent } from '../../events/revoke.js';
import { ConnectionElement } from '../../internal/connection-element.js';
import { errorCopy, noCodes, type ErrorKindMessages } from '../../internal/error-copy.js';
import { copyOf } from '../../internal/registry.js';
import { errorKinds, revokeDialog } from '../../translations/en.js';
import type { ElementMessages } from '../../translations/translation.js';
import { toast } from '../toaster/toaster.js';
import styles from './revoke-dialog.styles.js';

export type RevokeDialogMessages = ElementMessages['revoke-dialog'] & ErrorKindMessages;

/**
 * The "Revoke" button and its confirmation: a native modal `<dialog>` (focus moves in to the safe action "Keep
 * connection", stays trapped, Escape closes, focus returns to the trigger). "Revoke connection" — destructive, on
 * the right — revokes through the store; server errors show in the dialog; success closes it and toasts
 * "Connection revoked". The trigger is absent for a revoked connection (nothing left to revoke).
 *
 * Dialog API as Shoelace's and Material's: the reflected `open` property (or attribute) drives `showModal()` and
 * `close()`; `show()` and `hide()` return a promise settled once the dialog is open or closed; `relink-show` and
 * `relink-hide` (with the reason) fire before it opens or closes and can be cancelled.
 *
 * @tag relink-revoke-dialog
 * @summary "Revoke" with a confirmation dialog; workflows using the connection pause until it is reconnected.
 *
 * @event {RelinkRevokeEvent} relink-revoke - Before revoking, `{ connection }`; cancel it to stop (the dialog closes, nothing changes).
 * @event {RelinkRevokedEvent} relink-revoked - After the server revoked it, `{ connection }` (the revoked connection).
 * @event {RelinkShowEvent} relink-show - Before the dialog opens; cancel it to keep it closed.
 * @event {RelinkHideEvent} relink-hide - Before the dialog closes, `{ reason: 'cancel' | 'escape' | 'done' | 'method' }`; cancel it to keep it open.
 *
 * @csspart trigger - The "Revoke" button that opens the dialog.
 * @csspart dialog - The `<dialog>`.
 * @csspart title - The dialog's title.
 * @csspart body - The dialog's explanation.
 * @csspart error - The server's error message, when revoking failed.
 * @csspart actions - The row of buttons.
 * @csspart cancel - "Keep connection" (focused first).
 * @csspart confirm - "Revoke connection" (destructive).
 *
 * @cssproperty --relink-revoke-dialog-width - Dialog width; defaults to 28rem (never wider than the viewport).
 * @cssproperty --relink-revoke-dialog-radius - Dialog corner radius; defaults to `--relink-radius`.
 * @cssproperty --relink-revoke-dialog-backdrop - The backdrop colour; defaults to 40% black.
 */
export class RelinkRevokeDialog extends ConnectionElement<RevokeDialogMessages> {
  static override styles = styles;

  /** @internal Its namespace and the English it prints (`translations/en.ts`). */
  static override copy = copyOf('revoke-dialog', revokeDialog, errorKinds, noCodes);

  @query('dialog') private dialog!: HTMLDialogElement;

  /** Whether the dialog is open. Set it (or the `open` attribute) to open or close it. */
  @property({ type: Boolean, reflect: true }) open = false;

  @state() private busy = false;
  @state() private error?: string;
  /** Why the pending close was asked for (read when `open` turns false). */
  private closeReason: DialogCloseReason = 'method';

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
    // A cancelled request leaves `open` as it was; nothing else in this update sees the change.
    if (!this.dispatchEvent(event)) this.open = previous;
    else this.error = undefined;
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

  // Escape: ask first, so a host can keep the dialog open.
  private handleCancel(event: Event): void {
    event.preventDefault();
    void this.requestClose('escape');
  }

  // The browser closed the dialog without asking (it may skip `cancel` on a repeated Escape): follow it, and put it
  // back if the host cancels the close.
  private handleNativeClose(): void {
    if (this.open) void this.requestClose('escape');
  }

  private async handleConfirm(): Promise<void> {
    const { store, connection } = this;
    if (this.busy || !store || !connection) return;
    if (!this.dispatchEvent(new RelinkRevokeEvent({ connection }))) return void this.requestClose('cancel');
    this.busy = true;
    this.error = undefined;
    try {
      const revoked = await store.revoke(connection.id);
      void this.requestClose('done');
      this.dispatchEvent(new RelinkRevokedEvent({ connection: revoked }));
      toast({ title: this.m.revoked, description: this.m.revokedDescription, tone: 'success' });
    } catch (error) {
      this.error = errorCopy(error, this.m);
    } finally {
      this.busy = false;
    }
  }

  override render() {
    const connection = this.connection;
    if (!connection) return nothing;
    const m = this.m;
    return html`${connection.status === 'revoked' && !this.open
        ? nothing
        : html`<button part="trigger" class="btn" type="button" aria-haspopup="dialog" @click=${this.show}>${m.trigger}</button>`}
      <dialog part="dialog" aria-labelledby="title" aria-describedby="body" @cancel=${this.handleCancel} @close=${this.handleNativeClose}>
        <h2 part="title" id="title">${m.title}</h2>
        <p part="body" id="body">${m.body}</p>
        <p part="error" role="alert" ?hidden=${!this.error}>${this.error}</p>
        <div part="actions">
          <button part="cancel" class="btn" type="button" autofocus @click=${() => void this.requestClose('cancel')}>${m.cancel}</button>
          <button part="confirm" class="btn danger" type="button" aria-disabled=${this.busy ? 'true' : 'false'}
            aria-busy=${this.busy ? 'true' : 'false'} @click=${this.handleConfirm}>${m.confirm}</button>
        </div>
      </dialog>`;
  }
}
