import { html, nothing, type PropertyValues } from 'lit';
import { state } from 'lit/decorators.js';
import type { Connection, ConnectionUsage } from '@relink/sdk';
import { initialState, ResourceController } from '../../controllers/resource-controller.js';
import { RelinkRemovedEvent, RelinkRemoveEvent } from '../../events/remove.js';
import { ConfirmDialogElement } from '../../internal/confirm-dialog.js';
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
 * @csspart trigger - The "Remove" button that opens the dialog; `aria-busy` (and `aria-disabled`) when the dialog, opened on its first use, takes more than a moment to load.
 * @csspart dialog - The `<dialog>`, rendered from the first time it opens (its template loads then, or as the trigger is hovered or focused).
 * @csspart title - The dialog's title.
 * @csspart body - The dialog's explanation.
 * @csspart usage - What stops working: the workflows and the runs that pause.
 * @csspart error - The server's error message, when removing failed (beside the trigger when the dialog could not load).
 * @csspart actions - The row of buttons.
 * @csspart cancel - "Keep connection" (focused first).
 * @csspart confirm - "Remove connection" (destructive).
 *
 * @cssproperty --relink-remove-dialog-width - Dialog width; defaults to 30rem (never wider than the viewport).
 * @cssproperty --relink-remove-dialog-radius - Dialog corner radius; defaults to `--relink-radius`.
 * @cssproperty --relink-remove-dialog-backdrop - The backdrop colour; defaults to 40% black.
 */
export class RelinkRemoveDialog extends ConfirmDialogElement<RemoveDialogMessages> {
  static override styles = styles;

  /** @internal Its namespace and the English it prints (`translations/en.ts`). */
  static override copy = copyOf('remove-dialog', removeDialog, errorKinds, noCodes);

  /** The connection as it was when the dialog opened: still named while it closes after the removal. */
  @state() private target?: Connection;

  // Loaded each time the dialog opens, so it names what uses the connection now.
  private readonly usage = new ResourceController(this, {
    args: () => [this.store, this.connectionId, this.open] as const,
    load: async ([store, id, open], { signal }): Promise<ConnectionUsage | typeof initialState> =>
      store && id && open ? store.client.connections.usage(id, { signal }) : initialState,
  });

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('open') && this.open) this.target = this.connection;
  }

  private handleConfirm(): void {
    const { store } = this;
    const connection = this.connection ?? this.target;
    if (this.busy || !store || !connection) return;
    if (!this.dispatchEvent(new RelinkRemoveEvent({ connection }))) return void this.requestClose('cancel');
    void this.act(async () => {
      const removed = await store.remove(connection.id);
      void this.requestClose('done');
      this.dispatchEvent(new RelinkRemovedEvent({ connection, pausedRuns: removed.pausedRuns }));
      toast({ title: this.m.removed, description: this.m.removedDescription, tone: 'success' });
    });
  }

  override render() {
    const connection = this.connection ?? (this.open ? this.target : undefined);
    if (!connection) return nothing;
    const m = this.m;
    return html`${this.renderTrigger(m.trigger)}
      ${this.renderDialog({
        title: fill(m.title, { app: connection.app.name }), body: m.body, cancel: m.cancel, confirm: m.confirm,
        extra: this.open && this.body
          ? this.body.renderUsage({ usage: this.usage.value, failed: this.usage.error !== undefined, m, liveRuns: (n) => plural(this.locale, n, m.liveRuns) })
          : nothing, onConfirm: () => this.handleConfirm(),
        error: this.error === undefined ? undefined : errorCopy(this.error, m),
      })}`;
  }
}
