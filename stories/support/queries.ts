// Play-function helpers: reach into the elements' open shadow roots with Testing Library's queries, the way a user
// meets one component at a time. `storybook/test`'s `waitFor` retries until the element has rendered what we ask.
// Its `expect` is instrumented (typed as returning promises), so every assertion is awaited.
import { expect, waitFor, within } from 'storybook/test';

/** The first `selector` in the story's light DOM, once it exists. */
export const element = <T extends Element = HTMLElement>(root: ParentNode, selector: string): Promise<T> =>
  waitFor(async () => {
    const found = root.querySelector<T>(selector);
    await expect(found, `${selector} in the story`).not.toBeNull();
    return found!;
  });

/** Testing Library queries scoped to `host`'s shadow root, once it has one (one component, not its children). */
export async function inShadow(host: Element) {
  const root = await waitFor(async () => {
    await expect(host.shadowRoot, `${host.localName} has rendered`).not.toBeNull();
    return host.shadowRoot!;
  });
  // A ShadowRoot answers querySelectorAll like an element, which is all the queries use.
  return within(root as unknown as HTMLElement);
}

/** The first `selector` inside `host`'s shadow root, once it exists (`timeout`: waitFor's, default the preview's). */
export const part = <T extends Element = HTMLElement>(host: Element, selector: string, timeout?: number): Promise<T> =>
  waitFor(async () => {
    const found = host.shadowRoot?.querySelector<T>(selector);
    await expect(found, `${selector} in ${host.localName}`).toBeTruthy();
    return found!;
  }, timeout === undefined ? undefined : { timeout });

/** The text a reader sees: through shadow roots and into slotted content, block boxes apart, whitespace collapsed. */
export function renderedText(node: Node): string {
  const walk = (n: Node): string => {
    if (n.nodeType === Node.TEXT_NODE) return n.textContent ?? '';
    if (n instanceof HTMLSlotElement) return n.assignedNodes({ flatten: true }).map(walk).join('');
    if (n instanceof HTMLStyleElement || n instanceof HTMLScriptElement) return '';
    if (!(n instanceof Element) && !(n instanceof DocumentFragment)) return '';
    const children = n instanceof Element && n.shadowRoot ? n.shadowRoot.childNodes : n.childNodes;
    const text = [...children].map(walk).join('');
    // Words in separate blocks (a <dt> and its <dd>) read apart; inline runs read as written.
    return n instanceof Element && !getComputedStyle(n).display.startsWith('inline') ? ` ${text} ` : text;
  };
  return walk(node).replace(/\s+/g, ' ').trim();
}

/** Waits until `host` reads `text` (through its shadow root and the elements inside). */
export const readsEventually = (host: Element, text: string | RegExp): Promise<void> =>
  waitFor(() => expect(renderedText(host)).toMatch(text));

/** The toaster the elements' `toast()` appends to the page, once a toast with `title` shows in it. */
export async function toastTitled(title: string | RegExp): Promise<HTMLElement> {
  const toast = await waitFor(async () => {
    const toasts = [...document.querySelectorAll('relink-toaster')].flatMap((t) => [...(t.shadowRoot?.querySelectorAll<HTMLElement>("[part='toast']") ?? [])]);
    const match = toasts.find((t) => (typeof title === 'string' ? renderedText(t).includes(title) : title.test(renderedText(t))));
    await expect(match, `a toast reading ${String(title)} (toasts: ${toasts.map(renderedText).join(' | ') || 'none'})`).toBeTruthy();
    return match!;
  });
  await animationsDone(toast.getRootNode() instanceof ShadowRoot ? (toast.getRootNode() as ShadowRoot).host : toast);
  return toast;
}

/** The element resolved its colours for the dark scheme (the theme reached it through the page or provider). */
export const expectDark = (el: Element): Promise<void> => waitFor(() => expect(getComputedStyle(el).colorScheme).toBe('dark'));

/** The element lays out right to left (it inherits `dir` from the page). */
export const expectRtl = (el: Element): Promise<void> => expect(getComputedStyle(el).direction).toBe('rtl');

/** The element fits the narrow column it was given: no wider than `px`, and nothing of it scrolls sideways. */
export async function expectFits(el: HTMLElement, px: number): Promise<void> {
  await expect(el.getBoundingClientRect().width).toBeLessThanOrEqual(px);
  await expect(el.scrollWidth, `${el.localName} overflows its ${px}px column`).toBeLessThanOrEqual(el.clientWidth + 1);
}

/** jest-dom's `toBeVisible` needs the node in the document tree; shadow DOM is not, so ask the browser instead. */
export const expectVisible = async (el: Element | null | undefined): Promise<void> => {
  await expect(el, 'element exists').toBeTruthy();
  await expect(el!.checkVisibility({ visibilityProperty: true }), `${el!.localName} is visible`).toBe(true);
};

/**
 * Waits for `host`'s finite CSS animations (a toast fading in) to end. Under addon-vitest Storybook pauses animations
 * before axe runs instead of waiting, so axe would otherwise measure contrast on a half-faded frame.
 */
export async function animationsDone(host: Element): Promise<void> {
  const running = (host.shadowRoot ?? host).getAnimations().filter((a) => a.effect?.getComputedTiming().endTime !== Infinity);
  await Promise.all(running.map((a) => a.finished.catch(() => undefined)));
}
