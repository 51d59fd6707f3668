import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { themeRules } from '../styles/tokens.js';

/**
 * Registers `ctor` as `tag` unless the tag is taken. A second copy of the package (two bundles on one page, a
 * micro-frontend) must not throw `NotSupportedError`; the first definition wins and a different class only warns.
 */
export function define(tag: string, ctor: CustomElementConstructor): void {
  const existing = customElements.get(tag);
  if (!existing) customElements.define(tag, ctor);
  else if (existing !== ctor) console.warn(`<${tag}> is already defined by another copy of @relink/elements; the first one stays.`);
}

const connected = new Set<RelinkElement>();
let observer: MutationObserver | undefined;
let sheet: CSSStyleSheet | undefined;
const themed = new WeakSet<Node>();

/** Adopts the theme-attribute rules once into the document or shadow root an element lives in. */
function adoptThemeRules(root: Node): void {
  if (themed.has(root) || !('adoptedStyleSheets' in root)) return;
  themed.add(root);
  if (!sheet) (sheet = new CSSStyleSheet()).replaceSync(themeRules);
  const holder = root as Document | ShadowRoot;
  holder.adoptedStyleSheets = [...holder.adoptedStyleSheets, sheet];
}

/**
 * Base of every Relink element: copy overridable through `messages`, locale from the nearest `lang` (across
 * shadow roots), re-rendered when `<html lang|dir>` changes, and the theme attributes wired up.
 *
 * Direction needs no code: `dir` inherits into shadow roots and the styles use logical properties.
 *
 * @typeParam M - the element's messages; `static defaults` holds the default copy.
 */
export class RelinkElement<M extends object = object> extends LitElement {
  /** The element's default copy; subclasses replace it. */
  static defaults: object = {};

  /**
   * Overrides for any of the element's strings, merged over the defaults:
   * `badge.messages = { error: 'Expired' }`.
   */
  @property({ attribute: false }) messages: Partial<M> = {};

  /** The defaults with `messages` merged over them. */
  protected get m(): M {
    return { ...(this.constructor as typeof RelinkElement).defaults, ...this.messages } as M;
  }

  /** BCP 47 locale: the nearest `lang` attribute, crossing shadow roots, else the browser's language. */
  get locale(): string {
    let node: Node | null = this as Node;
    for (; node; node = node.parentNode ?? (node as ShadowRoot).host ?? null) {
      if ((node as HTMLElement).lang) return (node as HTMLElement).lang;
    }
    return navigator.language;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    connected.add(this);
    adoptThemeRules(this.getRootNode());
    if (!observer) {
      observer = new MutationObserver(() => connected.forEach((el) => el.requestUpdate()));
      observer.observe(document.documentElement, { attributeFilter: ['lang', 'dir'] });
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    connected.delete(this);
  }
}
