import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { RelinkHideEvent, RelinkShowEvent, type DialogCloseReason } from '../events/dialog.js';
import componentStyles from '../styles/component.styles.js';
import { colorBorder, colorDanger, colorScheme, colorSurfaceRaised, colorText, colorTextMuted, radius, shadow, space2, space3, space4 } from '../styles/tokens.js';
import type * as DialogBody from './confirm-dialog-body.js';
import type { DialogContent } from './confirm-dialog-body.js';
import { ConnectionElement } from './connection-element.js';
import { chunkFailed } from './error-copy.js';
import controls from './controls.styles.js';

/**
 * How long a first open waits for the dialog's body before the trigger says it is busy: a body that is already here
 * or arrives within it shows no flash of a busy trigger.
 */
const BUSY_CUE_DELAY_MS = 200;

/**
 * Base of the confirmation dialogs on one connection (`relink-revoke-dialog`, `relink-remove-dialog`): a trigger
 * button and a native modal `<dialog>` — focus moves in to the safe action ("cancel"), stays trapped, Escape closes,
 * focus returns to the trigger; the destructive action ("confirm") on the right, busy while it runs, its failure shown
 * in the dialog. Dialog API as Shoelace's and Material's: the reflected `open` property (or attribute) drives
 * `showModal()` and `close()`; `show()` and `hide()` settle once the dialog is open or closed; `relink-show` and
 * `relink-hide` (with the reason) fire before it opens or closes and can be cancelled. Each element keeps its words,
 * its action and what it shows beyond the title and body.
 *
 * The `<dialog>` itself (`confirm-dialog-body.ts`) loads as it first opens, or earlier when the pointer or focus
 * reaches the trigger: a page of connections rarely opens one. Until then only the trigger renders; opened before it
 * is here, the trigger is busy (`aria-busy`, `aria-disabled`, as the kit's pending buttons are) after a short delay
 * until it opens. If it does not load, the dialog stays closed and the trigger's error says so (the error copy); the
 * next click tries again.
 */
export class ConfirmDialogElement<M extends object = object> extends ConnectionElement<M> {
  /** @internal Loads the dialog's body; a test replaces it to make the load fail. */
  static loadBody = (): Promise<typeof DialogBody> => import('./confirm-dialog-body.js');

  @query('dialog') private dialog!: HTMLDialogElement | null;

  /** Whether the dialog is open. Set it (or the `open` attribute) to open or close it. */
  @property({ type: Boolean, reflect: true }) open = false;

  /** @internal Whether the confirmed action is running. */
  @state() busy = false;
  /** @internal The failed action's error (or the body's failed load), said at render time so it follows a later `lang` change. */
  @state() protected error?: unknown;
  /** Asked to open, its body still loading past `BUSY_CUE_DELAY_MS`: the trigger says it is busy. */
  @state() private opening = false;
  /** The delay before `opening` shows. */
  private openingCue?: ReturnType<typeof setTimeout>;
  /** Why a dialog whose body did not load is closing: said beside the trigger; its relink-hide cannot keep it open. */
  private unopened?: unknown;
  /** Why the pending close was asked for (read when `open` turns false). */
  private closeReason: DialogCloseReason = 'method';

  /** @internal The dialog's template, once loaded. */
  protected body?: typeof DialogBody;
  /** The load in flight (unset again when it failed). */
  private bodyLoad?: Promise<typeof DialogBody>;

  /** Opens the dialog (focus goes to the safe action); settles once it is open, or stays closed if `relink-show` was cancelled. */
  async show(): Promise<void> {
    this.open = true;
    await this.updateComplete;
  }

  /** Closes the dialog (focus returns to the trigger); settles once it is closed, or stays open if `relink-hide` was cancelled. */
  async hide(): Promise<void> {
    await this.requestClose('method');
  }

  /** @internal Closes the dialog for `reason`, unless `relink-hide` is cancelled. */
  requestClose(reason: DialogCloseReason): Promise<boolean> {
    if (!this.open) return this.updateComplete;
    this.closeReason = reason;
    this.open = false;
    return this.updateComplete;
  }

  private loadBody(): Promise<typeof DialogBody> {
    this.bodyLoad ??= (this.constructor as typeof ConfirmDialogElement).loadBody().then(
      (body) => {
        this.body = body;
        this.stopBusyCue();
        this.requestUpdate();
        return body;
      },
      (error: unknown) => {
        this.bodyLoad = undefined;
        this.stopBusyCue();
        return chunkFailed(error);
      },
    );
    return this.bodyLoad;
  }

  private stopBusyCue(): void {
    clearTimeout(this.openingCue);
    this.openingCue = undefined;
    this.opening = false;
  }

  // The pointer or focus on the trigger: the user may open it next, so its body is fetched now.
  private preload = (): void => void this.loadBody().catch(() => undefined);

  /** The dialog's body while it is open without it: awaiting `updateComplete` (and `show()`) means it is open. */
  protected override pendingCode(): Promise<unknown> | undefined {
    return this.open && !this.body ? this.bodyLoad : undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (!changed.has('open')) return;
    const previous = changed.get('open') ?? false;
    if (this.open === previous) return;
    const event = this.open ? new RelinkShowEvent() : new RelinkHideEvent({ reason: this.closeReason });
    this.closeReason = 'method';
    const unopened = this.unopened;
    this.unopened = undefined;
    // A cancelled request leaves `open` as it was; nothing else in this update sees the change.
    if (!this.dispatchEvent(event) && unopened === undefined) return void (this.open = previous);
    this.error = unopened;
    if (!this.open) this.stopBusyCue();
    else if (!this.body) {
      this.openingCue ??= setTimeout(() => (this.opening = true), BUSY_CUE_DELAY_MS);
      // Without its body the dialog cannot open: it closes again (its relink-hide cannot be cancelled: there is no
      // dialog to keep open) and the trigger says what happened, unless the user closed it meanwhile.
      this.loadBody().catch((error: unknown) => {
        if (!this.open) return;
        this.unopened = error;
        this.open = false;
      });
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopBusyCue();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const dialog = this.dialog;
    // A body that arrives after the element left the page opens nothing (a modal needs a document).
    if (!dialog || dialog.open === this.open || (this.open && !this.isConnected)) return;
    if (this.open) {
      dialog.showModal();
      this.renderRoot.querySelector<HTMLElement>("[part='cancel']")!.focus();
    } else {
      dialog.close();
      this.renderRoot.querySelector<HTMLElement>("[part='trigger']")?.focus();
    }
  }

  /** @internal Runs the confirmed action once at a time: busy while it runs, its error kept for the dialog to say. */
  protected async act(action: () => Promise<void>): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.error = undefined;
    try {
      await action();
    } catch (error) {
      this.error = error;
    } finally {
      this.busy = false;
    }
  }

  /** @internal The trigger that opens the dialog. */
  protected renderTrigger(label: string): TemplateResult {
    return html`<button part="trigger" class="btn" type="button" aria-haspopup="dialog" aria-disabled=${this.opening ? 'true' : 'false'}
      aria-busy=${this.opening ? 'true' : 'false'} @click=${this.show}
      @pointerenter=${this.preload} @focus=${this.preload}>${label}</button>`;
  }

  /**
   * @internal The dialog: title, body, what the element adds (`extra`), the error (`error`, already said), cancel and
   * confirm. Before its body has loaded, only an error (its load failed) shows.
   */
  protected renderDialog(d: DialogContent): unknown {
    if (this.body) return this.body.renderDialog(this, d);
    return d.error === undefined ? nothing : html`<p part="error" role="alert">${d.error}</p>`;
  }
}

/**
 * The dialogs' shared styles. Each element maps its own custom properties onto the private ones on its host:
 * `:host { --_width: var(--relink-revoke-dialog-width, 28rem); --_radius: …; --_backdrop: …; }`.
 */
export const confirmDialogStyles = [
  componentStyles,
  controls,
  css`
    :host { display: inline-block; color-scheme: ${colorScheme}; }
    dialog {
      inline-size: min(var(--_width), calc(100vw - 2 * ${space4}));
      box-sizing: border-box;
      padding: ${space4};
      border: 1px solid ${colorBorder};
      border-radius: var(--_radius, ${radius});
      background: ${colorSurfaceRaised};
      color: ${colorText};
      box-shadow: ${shadow};
      font: inherit;
    }
    dialog::backdrop { background: var(--_backdrop, rgb(0 0 0 / 0.4)); }
    [part='title'] { margin: 0 0 ${space2}; font-size: 1.125em; font-weight: 600; }
    [part='body'] { margin: 0; color: ${colorTextMuted}; line-height: 1.5; }
    [part='error'] { margin: ${space3} 0 0; color: ${colorDanger}; }
    [part='actions'] { display: flex; flex-wrap: wrap; justify-content: flex-end; gap: ${space2}; margin-block-start: ${space4}; }
  `,
];
