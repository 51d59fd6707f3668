import { html, nothing } from 'lit';
import { query, state } from 'lit/decorators.js';
import { RelinkRevokedEvent, RelinkRevokeEvent } from '../../events/revoke.js';
import { ConnectionElement } from '../../internal/connection-element.js';
import { toast } from '../toaster/toaster.js';
import styles from './revoke-dialog.styles.js';

export interface RevokeDialogMessages {
  trigger: string;
  title: string;
  body: string;
  confirm: string;
  cancel: string;
  revoked: string;
  revokedDescription: string;
}

/**
 * The "Revoke" button and its confirmation: a native modal `<dialog>` (focus moves in to the safe action "Keep
 * connection", stays trapped, Escape closes, focus returns to the trigger). "Revoke connection" — destructive, on
 * the right — revokes through the store; server errors show in the dialog; success closes it and toasts
 * "Connection revoked". The trigger is absent for a revoked connection (nothing left to revoke).
 *
 * @tag relink-revoke-dialog
 * @summary "Revoke" with a confirmation dialog; workflows using the connection pause until it is reconnected.
 *
 * @event {RelinkRevokeEvent} relink-revoke - Before revoking, `{ connection }`; cancel it to stop (the dialog closes, nothing changes).
 * @event {RelinkRevokedEvent} relink-revoked - After the server revoked it, `{ connection }` (the revoked connection).
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

  static override defaults: RevokeDialogMessages = {
    trigger: 'Revoke',
    title: 'Revoke this connection?',
    body:
      'Workflows that depend on this credential will pause until you (or another team member) reconnect it. ' +
      'You can reconnect at any time from this page or from a future request email.',
    confirm: 'Revoke connection',
    cancel: 'Keep connection',
    revoked: 'Connection revoked',
    revokedDescription: 'Workflows using this connection will pause until reconnected.',
  };

  @query('dialog') private dialog!: HTMLDialogElement;
  @state() private busy = false;
  @state() private error?: string;

  /** Whether the dialog is open. */
  get open(): boolean {
    return this.dialog?.open ?? false;
  }

  /** Opens the dialog (focus goes to "Keep connection"). */
  async show(): Promise<void> {
    await this.updateComplete;
    if (!this.dialog || this.dialog.open) return;
    this.error = undefined;
    this.dialog.showModal();
    this.renderRoot.querySelector<HTMLElement>("[part='cancel']")!.focus();
  }

  /** Closes the dialog; focus returns to the trigger. */
  close(): void {
    this.dialog?.close();
  }

  private handleClose(): void {
    this.error = undefined;
    this.renderRoot.querySelector<HTMLElement>("[part='trigger']")?.focus();
  }

  private async handleConfirm(): Promise<void> {
    const { store, connection } = this;
    if (this.busy || !store || !connection) return;
    if (!this.dispatchEvent(new RelinkRevokeEvent({ connection }))) return this.close();
    this.busy = true;
    this.error = undefined;
    try {
      const revoked = await store.revoke(connection.id);
      this.close();
      this.dispatchEvent(new RelinkRevokedEvent({ connection: revoked }));
      toast({ title: this.m.revoked, description: this.m.revokedDescription, tone: 'success' });
    } catch (error) {
      this.error = (error as Error).message;
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
      <dialog part="dialog" aria-labelledby="title" aria-describedby="body" @close=${this.handleClose}>
        <h2 part="title" id="title">${m.title}</h2>
        <p part="body" id="body">${m.body}</p>
        <p part="error" role="alert" ?hidden=${!this.error}>${this.error}</p>
        <div part="actions">
          <button part="cancel" class="btn" type="button" autofocus @click=${this.close}>${m.cancel}</button>
          <button part="confirm" class="btn danger" type="button" aria-disabled=${this.busy ? 'true' : 'false'}
            aria-busy=${this.busy ? 'true' : 'false'} @click=${this.handleConfirm}>${m.confirm}</button>
        </div>
      </dialog>`;
  }
}
