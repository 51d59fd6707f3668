import { html, nothing } from 'lit';
import { RelinkRevokedEvent, RelinkRevokeEvent } from '../../events/revoke.js';
import { ConfirmDialogElement } from '../../internal/confirm-dialog.js';
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
 * @csspart trigger - The "Revoke" button that opens the dialog; `aria-busy` (and `aria-disabled`) when the dialog, opened on its first use, takes more than a moment to load.
 * @csspart dialog - The `<dialog>`, rendered from the first time it opens (its template loads then, or as the trigger is hovered or focused).
 * @csspart title - The dialog's title.
 * @csspart body - The dialog's explanation.
 * @csspart error - The server's error message, when revoking failed (beside the trigger when the dialog could not load).
 * @csspart actions - The row of buttons.
 * @csspart cancel - "Keep connection" (focused first).
 * @csspart confirm - "Revoke connection" (destructive).
 *
 * @cssproperty --relink-revoke-dialog-width - Dialog width; defaults to 28rem (never wider than the viewport).
 * @cssproperty --relink-revoke-dialog-radius - Dialog corner radius; defaults to `--relink-radius`.
 * @cssproperty --relink-revoke-dialog-backdrop - The backdrop colour; defaults to 40% black.
 */
export class RelinkRevokeDialog extends ConfirmDialogElement<RevokeDialogMessages> {
  static override styles = styles;

  /** @internal Its namespace and the English it prints (`translations/en.ts`). */
  static override copy = copyOf('revoke-dialog', revokeDialog, errorKinds, noCodes);

  private handleConfirm(): void {
    const { store, connection } = this;
    if (this.busy || !store || !connection) return;
    if (!this.dispatchEvent(new RelinkRevokeEvent({ connection }))) return void this.requestClose('cancel');
    void this.act(async () => {
      const revoked = await store.revoke(connection.id);
      void this.requestClose('done');
      this.dispatchEvent(new RelinkRevokedEvent({ connection: revoked }));
      toast({ title: this.m.revoked, description: this.m.revokedDescription, tone: 'success' });
    });
  }

  override render() {
    const connection = this.connection;
    if (!connection) return nothing;
    const m = this.m;
    return html`${connection.status === 'revoked' && !this.open ? nothing : this.renderTrigger(m.trigger)}
      ${this.renderDialog({
        title: m.title, body: m.body, cancel: m.cancel, confirm: m.confirm, onConfirm: () => this.handleConfirm(),
        error: this.error === undefined ? undefined : errorCopy(this.error, m),
      })}`;
  }
}
