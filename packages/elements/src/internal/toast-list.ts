import { css, html, nothing, type TemplateResult } from 'lit';
import type { ToastDismissReason } from '../events/toast-dismiss.js';
import type { ToastAction, ToastTone } from '../components/toaster/toaster.component.js';

/** What a toast shows (the toaster's `Toast`, seen from here). */
export interface ShownToast {
  id: string;
  tone: ToastTone;
  title: string;
  description?: string;
  action?: ToastAction;
}

/** What the items call back into the toaster, which owns their clocks and events. */
export interface ToastListHandlers {
  close(id: string, reason: ToastDismissReason): void;
  /** "Dismiss", said on each close button. */
  dismiss: string;
  /** A toast's action link or button (the toaster's: its fallback without this module shows it too). */
  action(toast: ShownToast): TemplateResult;
}

/** A toast's auto-dismiss clock, kept on the toaster's toast. */
export interface ToastClock {
  /** Time left (Infinity: never). */
  remaining: number;
  startedAt?: number;
  timer?: ReturnType<typeof setTimeout>;
}

/** The toaster, as its stack sees it. */
export interface StackHost {
  readonly toasts: readonly ToastClock[];
  /** Starts a toast's clock unless the stack is paused. */
  schedule(toast: ToastClock): void;
  readonly shadowRoot: ShadowRoot | null;
  readonly updateComplete: Promise<boolean>;
}

/**
 * What the shown toasts do as the user reaches them: the auto-dismiss clocks pause while the pointer or focus is on
 * the stack (and go on with the time left), and keyboard users stay in the stack while toasts remain, then go back
 * where they came from. Nobody can reach a toast before one is shown, so this loads with the first toast too.
 */
export class ToastStack {
  private hovered = false;
  private focused = false;
  /** Where focus was before it entered the toasts, to return it when the last focused toast closes. */
  private returnFocus?: HTMLElement;

  constructor(private readonly host: StackHost) {}

  get paused(): boolean {
    return this.hovered || this.focused;
  }

  private set(hovered: boolean, focused: boolean): void {
    const was = this.paused;
    this.hovered = hovered;
    this.focused = focused;
    if (was === this.paused) return;
    for (const toast of this.host.toasts) {
      if (this.paused && toast.timer) {
        clearTimeout(toast.timer);
        toast.timer = undefined;
        toast.remaining -= Date.now() - toast.startedAt!;
      } else this.host.schedule(toast);
    }
  }

  /** The list's pointer and focus events. */
  handleEvent(event: Event): void {
    const root = this.host.shadowRoot!;
    const to = (event as FocusEvent).relatedTarget as HTMLElement | null;
    switch (event.type) {
      case 'pointerenter':
      case 'pointerleave':
        return this.set(event.type === 'pointerenter', this.focused);
      case 'focusin':
        if (!this.focused && to && !root.contains(to)) this.returnFocus = to;
        return this.set(this.hovered, true);
      default:
        return this.set(this.hovered, root.contains(to));
    }
  }

  /** After a toast closed (`hadFocus`: focus was in the stack). */
  closed(hadFocus: boolean): void {
    // With no toast left under it, the pointer cannot be hovering them (no pointerleave fires for removed nodes).
    if (!this.host.toasts.length) this.set(false, this.focused);
    if (!hadFocus) return;
    // Keep keyboard users inside the stack while toasts remain, then send them back where they came from.
    void this.host.updateComplete.then(() => {
      const next = this.host.shadowRoot!.querySelector<HTMLElement>("[part='close']");
      if (next) next.focus();
      else {
        this.set(this.hovered, false);
        this.returnFocus?.focus();
      }
    });
  }
}

// lucide's circle-check, circle-x, info and x (v1.65, ISC) as `icon()` would build them, written into the templates as
// reconnect-button's plug is: this chunk imports nothing but lit, so the page's own modules (tokens, icon) are not
// split out of its entry into a chunk shared with this one.
const ICONS = {
  success: html`<svg viewBox="0 0 24 24" width="1em" height="1em" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round"
    stroke-linejoin="round" aria-hidden="true" focusable="false"><circle cx="12" cy="12" r="10"></circle><path d="m16 9-5.5 5.5L8 12"></path></svg>`,
  error: html`<svg viewBox="0 0 24 24" width="1em" height="1em" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round"
    stroke-linejoin="round" aria-hidden="true" focusable="false"><circle cx="12" cy="12" r="10"></circle><path d="m15 9-6 6"></path><path
    d="m9 9 6 6"></path></svg>`,
  info: html`<svg viewBox="0 0 24 24" width="1em" height="1em" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round"
    stroke-linejoin="round" aria-hidden="true" focusable="false"><circle cx="12" cy="12" r="10"></circle><path d="M12 16v-4"></path><path
    d="M12 8h.01"></path></svg>`,
};
const CLOSE = html`<svg viewBox="0 0 24 24" width="1em" height="1em" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round"
  stroke-linejoin="round" aria-hidden="true" focusable="false"><path d="M18 6 6 18"></path><path d="m6 6 12 12"></path></svg>`;

/**
 * The toaster's visible toasts (`<li part="toast">` each: icon, title, description, action, close), its icons and
 * their rules. A page shows no toast until something happens, so `relink-toaster` loads this module with its first
 * toast; the live regions that announce it are the toaster's own and exist from the start.
 */
export function renderToasts(toasts: readonly ShownToast[], handlers: ToastListHandlers): TemplateResult[] {
  return toasts.map(
    (t) => html`<li part="toast" class=${t.tone} @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && handlers.close(t.id, 'escape')}>
      <span part="icon">${ICONS[t.tone]}</span>
      <div class="body">
        <p part="title" id=${`${t.id}-title`}>${t.title}</p>
        ${t.description ? html`<p part="description">${t.description}</p>` : nothing}
        ${t.action ? handlers.action(t) : nothing}
      </div>
      <button part="close" type="button" aria-label=${handlers.dismiss} aria-describedby=${`${t.id}-title`}
        @click=${() => handlers.close(t.id, 'close')}>${CLOSE}</button>
    </li>`,
  );
}

/**
 * The toasts' rules, adopted by the toaster beside its own once this module has loaded. The design tokens they read
 * are the toaster's private `--_` properties (set on its host from `styles/tokens.ts`), not imports.
 */
export const toastStyles = css`
  [part='toast'] {
    --_tone: var(--_info);
    display: flex;
    align-items: flex-start;
    gap: var(--_space-2);
    padding: var(--_space-3);
    border: 1px solid var(--_border);
    border-inline-start: 4px solid var(--_tone);
    border-radius: var(--_toast-radius);
    background: var(--_background);
    box-shadow: var(--_shadow);
    color: var(--_text);
    overflow-wrap: anywhere;
  }
  .success { --_tone: var(--_success); }
  .error { --_tone: var(--_error); }
  .info { --_tone: var(--_info); }
  [part='icon'] { display: flex; padding-block: 0.2em; color: var(--_tone); }
  .body { display: grid; flex: 1; gap: var(--_space-1); min-inline-size: 0; }
  p { margin: 0; }
  [part='title'] { font-weight: 600; }
  [part='description'] { color: var(--_text-muted); font-size: var(--_font-size-small); }
  [part='action'] { justify-self: start; color: var(--_text); font: inherit; font-weight: 600; }
  button { font: inherit; }
  button[part='action'] { padding: 0; border: 0; background: none; text-decoration: underline; cursor: pointer; }
  [part='close'] {
    display: flex;
    padding: var(--_space-1);
    border: 0;
    border-radius: var(--_radius);
    background: none;
    color: var(--_text-muted);
    cursor: pointer;
  }
  [part='close']:hover { color: var(--_text); }
  @media (prefers-reduced-motion: no-preference) {
    [part='toast'] { animation: enter var(--_duration) ease-out; }
  }
  @keyframes enter {
    from { opacity: 0; translate: 0 var(--_space-2); }
  }
  @media (forced-colors: active) {
    [part='toast'] { border-color: CanvasText; }
  }
`;
