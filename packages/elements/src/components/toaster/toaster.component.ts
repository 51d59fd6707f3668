import { adoptStyles, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { state } from 'lit/decorators.js';
import { RelinkToastDismissEvent, type ToastDismissReason } from '../../events/toast-dismiss.js';
import { RelinkToastShowEvent } from '../../events/toast-show.js';
import { RelinkElement } from '../../internal/relink-element.js';
import type * as ToastList from '../../internal/toast-list.js';
import { copyOf } from '../../internal/registry.js';
import { toaster } from '../../translations/en.js';
import type { ElementMessages } from '../../translations/translation.js';
import styles from './toaster.styles.js';

export type ToastTone = 'success' | 'error' | 'info';

export interface ToastAction {
  label: string;
  /** A link target; only `http:`, `https:`, `mailto:` and relative URLs render as a link. */
  href?: string;
  /** Called on click; the toast then closes unless the handler calls `event.preventDefault()`. */
  onClick?: (event: MouseEvent) => void;
}

export interface ToastOptions {
  title: string;
  description?: string;
  /** `info` by default. Errors are announced assertively. */
  tone?: ToastTone;
  action?: ToastAction;
  /**
   * Milliseconds before the toast closes by itself; `Infinity` (or 0) keeps it until dismissed. Defaults to 5 s,
   * 10 s for errors; an error toast with an action never closes by itself.
   */
  duration?: number;
}

export interface ToastHandle {
  readonly id: string;
  /** Closes the toast (reason `api`); does nothing if it is already closed. */
  dismiss(): void;
  /** Settles with the reason once the toast is gone (immediately, with `api`, if the show event was cancelled). */
  readonly closed: Promise<ToastDismissReason>;
}

export type ToasterMessages = ElementMessages['toaster'];

interface Toast extends ToastOptions {
  id: string;
  tone: ToastTone;
  /** Time left on the auto-dismiss clock (Infinity: never). */
  remaining: number;
  startedAt?: number;
  timer?: ReturnType<typeof setTimeout>;
  resolve(reason: ToastDismissReason): void;
}

let counter = 0;

const safeHref = (href: string): boolean => {
  try {
    return ['http:', 'https:', 'mailto:'].includes(new URL(href, document.baseURI).protocol);
  } catch {
    return false;
  }
};

/**
 * Short, non-blocking messages ("Connection refreshed.") in a corner of the page, announced to assistive tech
 * through one polite live region (errors through an assertive one). Each toast can be dismissed with its close
 * button or Escape; the auto-dismiss clock pauses while the pointer or focus is on the toasts. The toasts' template,
 * icons and rules load with the first toast (most pages never show one); the live regions are there from the start,
 * so that toast is announced as soon as it is shown, and `updateComplete` settles once it is painted too. If that code
 * cannot load, each toast still shows, plainly: its title, description, action button and a close button.
 *
 * @tag relink-toaster
 * @summary The kit’s toasts; hosts can use it too: `toaster.show({ title, tone })` or the `toast()` helper.
 *
 * @event {RelinkToastShowEvent} relink-toast-show - Before a toast appears; cancel it to show the message elsewhere.
 * @event {RelinkToastDismissEvent} relink-toast-dismiss - After a toast closes, with its `id` and `reason`.
 *
 * @csspart region - The named region landmark ("Notifications") holding the live regions and the toasts.
 * @csspart base - The list of visible toasts.
 * @csspart toast - One toast.
 * @csspart icon - The toast's tone icon (decorative).
 * @csspart title - The toast's title.
 * @csspart description - The toast's description.
 * @csspart action - The toast's action link or button.
 * @csspart close - The close button.
 *
 * @cssproperty --relink-toaster-width - Width of the stack; defaults to 360px (never wider than the viewport).
 * @cssproperty --relink-toaster-background - Toast background; defaults to `--relink-color-surface-raised`.
 * @cssproperty --relink-toaster-radius - Toast corner radius; defaults to `--relink-radius` (6px).
 * @cssproperty --relink-toaster-success-color - Accent of success toasts; defaults to `--relink-color-success`.
 * @cssproperty --relink-toaster-error-color - Accent of error toasts; defaults to `--relink-color-danger`.
 * @cssproperty --relink-toaster-info-color - Accent of info toasts; defaults to `--relink-color-info`.
 */
export class RelinkToaster extends RelinkElement<ToasterMessages> {
  static override styles = styles;

  /** @internal Its namespace and the English it prints (`translations/en.ts`). */
  static override copy = copyOf('toaster', toaster);

  @state() private shown: Toast[] = [];
  /** The latest polite and assertive announcements; a new toast means a new node, so repeats are announced. */
  @state() private polite?: Toast;
  @state() private assertive?: Toast;

  /** The toasts' template and rules (`internal/toast-list.ts`), loaded with the first toast. */
  private list?: typeof ToastList;
  private listLoad?: Promise<void>;
  private listFailed = false;
  private listStyled = false;

  /** Pauses the clocks while the user is on the toasts, and keeps keyboard focus in them (`ToastStack`). */
  private stack?: ToastList.ToastStack;

  /** @internal The toasts shown, oldest first. */
  get toasts(): readonly Toast[] {
    return this.shown;
  }

  /** A plain toast with an action (its code did not load, so nothing pauses the clock) waits for the user. */
  private stopClock(toast: Toast): void {
    clearTimeout(toast.timer);
    toast.timer = undefined;
    toast.remaining = Infinity;
  }

  /** @internal Starts a toast's auto-dismiss clock, unless it never closes by itself or the user is on the toasts. */
  schedule(toast: Toast): void {
    if (this.listFailed && toast.action) this.stopClock(toast);
    if (toast.remaining === Infinity || this.stack?.paused || toast.timer) return;
    toast.startedAt = Date.now();
    toast.timer = setTimeout(() => this.close(toast.id, 'timeout'), toast.remaining);
  }

  private close(id: string, reason: ToastDismissReason): void {
    const toast = this.shown.find((t) => t.id === id);
    if (!toast) return;
    clearTimeout(toast.timer);
    const hadFocus = this.shadowRoot!.activeElement !== null;
    this.shown = this.shown.filter((t) => t !== toast);
    if (this.polite === toast) this.polite = undefined;
    if (this.assertive === toast) this.assertive = undefined;
    this.stack?.closed(hadFocus);
    toast.resolve(reason);
    this.dispatchEvent(new RelinkToastDismissEvent({ id, reason }));
  }

  private loadList(): void {
    this.listLoad ??= import('../../internal/toast-list.js').then(
      (list) => {
        this.list = list;
        this.stack = new list.ToastStack(this);
        this.requestUpdate();
      },
      // Announced all the same, and shown plainly (`renderPlain`). The next toast asks again, though Chromium keeps a
      // module that failed to load as failed until the page reloads.
      () => {
        this.listLoad = undefined;
        this.listFailed = true;
        for (const toast of this.shown) if (toast.action) this.stopClock(toast);
        this.requestUpdate();
      },
    );
  }

  /** A toast's action: a link (only to a safe address) or a button; the toast then closes, unless the handler prevents it (a link always closes it). */
  private renderAction = (toast: Toast): TemplateResult => {
    const { label, href, onClick: run } = toast.action!;
    const onClick = (event: MouseEvent) => {
      run?.(event);
      if (!event.defaultPrevented || href) this.close(toast.id, 'action');
    };
    return href && safeHref(href)
      ? html`<a part="action" href=${href} @click=${onClick}>${label}</a>`
      : html`<button part="action" type="button" @click=${onClick}>${label}</button>`;
  };

  /**
   * Each toast as text with its action and a close button (Escape closes it too), when the toasts' code did not load:
   * still seen, not only announced. Without that code nothing pauses the clocks, so a toast with an action stays.
   */
  private renderPlain(m: ToasterMessages) {
    return this.shown.map((t) => html`<li part="toast" class="plain ${t.tone}" @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && this.close(t.id, 'escape')}>
      <p part="title" id=${`${t.id}-title`}>${t.title}</p>${t.description ? html`<p part="description">${t.description}</p>` : nothing}
      ${t.action ? this.renderAction(t) : nothing}
      <button part="close" type="button" aria-describedby=${`${t.id}-title`} @click=${() => this.close(t.id, 'close')}>${m.dismiss}</button>
    </li>`);
  }

  /** The toasts' template while a toast waits for it: awaiting `updateComplete` means the toast is painted. */
  protected override pendingCode(): Promise<unknown> | undefined {
    return this.list ? undefined : this.listLoad;
  }

  /** Shows a toast and announces it; returns a handle to close it or await its closing. */
  show(options: ToastOptions): ToastHandle {
    const id = `relink-toast-${++counter}`;
    let resolve!: (reason: ToastDismissReason) => void;
    const closed = new Promise<ToastDismissReason>((r) => (resolve = r));
    const handle: ToastHandle = { id, closed, dismiss: () => this.close(id, 'api') };
    if (!this.dispatchEvent(new RelinkToastShowEvent({ id, options }))) {
      resolve('api');
      return handle;
    }
    const tone = options.tone ?? 'info';
    const sticky = tone === 'error' && options.action;
    const duration = options.duration ?? (tone === 'error' ? 10_000 : 5_000);
    const toast: Toast = { ...options, id, tone, resolve, remaining: sticky || !(duration > 0) ? Infinity : duration };
    this.shown = [...this.shown, toast];
    this.loadList();
    if (tone === 'error') this.assertive = toast;
    else this.polite = toast;
    this.schedule(toast);
    return handle;
  }

  /** Closes the toast with this id (reason `api`). */
  dismiss(id: string): void {
    this.close(id, 'api');
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const toast of this.shown) {
      clearTimeout(toast.timer);
      toast.timer = undefined;
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.shown.forEach((t) => this.schedule(t));
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // The toasts' rules join the element's own the first time they render (before that frame is painted).
    if (this.list && !this.listStyled) {
      this.listStyled = true;
      adoptStyles(this.renderRoot as ShadowRoot, [...(this.constructor as typeof RelinkToaster).elementStyles, this.list.toastStyles]);
    }
  }

  private renderAnnouncement(toast: Toast | undefined) {
    return toast
      ? keyed(toast.id, html`<p>${toast.title}${toast.description ? html` ${toast.description}` : nothing}</p>`)
      : nothing;
  }

  override render() {
    const m = this.m;
    // A named region landmark: toasts live outside the host's <main>, and every piece of a page belongs to a landmark.
    return html`<section part="region" aria-label=${m.region}>
      <div class="sr" role="status" aria-live="polite">${this.renderAnnouncement(this.polite)}</div>
      <div class="sr" role="alert">${this.renderAnnouncement(this.assertive)}</div>
      <ol part="base" aria-label=${m.region} @pointerenter=${this.stack} @pointerleave=${this.stack} @focusin=${this.stack} @focusout=${this.stack}>
        ${this.list?.renderToasts(this.shown, { close: (id, reason) => this.close(id, reason), dismiss: m.dismiss, action: this.renderAction }) ?? (this.listFailed ? this.renderPlain(m) : nothing)}
      </ol>
    </section>`;
  }
}
