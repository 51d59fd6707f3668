import { ContextRoot } from '@lit/context';
import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { themeRules } from '../styles/tokens.js';
import { copyOf, onCopyChange, resolveCopy, type ElementCopy } from './registry.js';

/**
 * Registers `ctor` as `tag` unless the tag is taken. A second copy of the package (two bundles on one page, a
 * micro-frontend) must not throw `NotSupportedError`; the first definition wins and a different class only warns.
 */
export function define(tag: string, ctor: CustomElementConstructor): void {
  holdContextRequests();
  const existing = customElements.get(tag);
  if (!existing) customElements.define(tag, ctor);
  else if (existing !== ctor) console.warn(`<${tag}> is already defined by another copy of @relink/elements; the first one stays.`);
}

let contextRoot: ContextRoot | undefined;

/**
 * An element can be defined before the provider above it: the autoloader defines each as its chunk lands, and a host
 * may import the table before the provider. Its request for the store then reaches no provider, and it would wait
 * forever ("Loading connections…"). Lit's `ContextRoot` on the document keeps such requests and asks again when a
 * provider appears; attached before the first element is defined, so no request goes by unseen. It keeps only requests
 * no provider answered, and a page's own root (Lit apps often attach one) alongside it only answers a request twice.
 */
function holdContextRequests(): void {
  if (contextRoot || typeof document === 'undefined') return;
  (contextRoot = new ContextRoot()).attach(document as unknown as HTMLElement);
}

const connected = new Set<RelinkElement>();
let sheet: CSSStyleSheet | undefined;
const themed = new WeakSet<Node>();

/**
 * Adopts the `data-relink-theme` rules once into the document or shadow root an element lives in. A deliberate
 * exception to "an element keeps to its own shadow root": the attribute sits on the host page's ancestors, and only a
 * rule in their tree can match them. It appends one constructed sheet of two zero-specificity rules (a host's own
 * `--relink-color-scheme` wins), once per root, and never removes, replaces or reorders the root's own sheets.
 */
function adoptThemeRules(root: Node): void {
  if (themed.has(root) || !('adoptedStyleSheets' in root)) return;
  themed.add(root);
  if (!sheet) (sheet = new CSSStyleSheet()).replaceSync(themeRules);
  const holder = root as Document | ShadowRoot;
  holder.adoptedStyleSheets = [...holder.adoptedStyleSheets, sheet];
}

// One observer for `lang` and `dir` anywhere in the trees that hold an element: the document, and each shadow root on
// the way up from an element. A change re-renders the elements (a rare event: a language switch, not a render path).
const observed = new WeakSet<Node>();
let languageObserver: MutationObserver | undefined;

const rerender = () => connected.forEach((el) => el.requestUpdate());

function observeLanguage(element: Element): void {
  if (!languageObserver) {
    languageObserver = new MutationObserver(rerender);
    // A language registered (or loaded on demand) or the host's words changed: every element picks its words again.
    onCopyChange(rerender);
  }
  for (let root: Node | undefined = element.getRootNode(); root; root = (root as ShadowRoot).host?.getRootNode()) {
    if (observed.has(root)) continue;
    observed.add(root);
    languageObserver.observe(root, { attributeFilter: ['lang', 'dir'], subtree: true });
  }
}

/** BCP 47 locale of `node`: the nearest `lang` attribute, crossing shadow roots, else the browser's language. */
export function localeOf(node: Node | null): string {
  for (; node; node = node.parentNode ?? (node as ShadowRoot).host ?? null) {
    if ((node as HTMLElement).lang) return (node as HTMLElement).lang;
  }
  return navigator.language;
}

/**
 * Base of every Relink element: its words from the kit's copy registry (`internal/registry.ts`) in its locale, with
 * `messages` over them; locale from the nearest `lang` (across shadow roots); re-rendered when `lang` or `dir`
 * changes on any ancestor (or the element) and when the registry changes; the theme attributes wired up.
 *
 * Direction needs no code: `dir` inherits into shadow roots and the styles use logical properties.
 *
 * @typeParam M - the words the element prints (its own and the common ones it uses); `static copy` declares them.
 * @typeParam N - what else its `messages` take: a composite element's words for the elements inside it.
 */
export class RelinkElement<M extends object = object, N extends object = object> extends LitElement {
  /** @internal The element's namespace and English words; each element declares its own with `copyOf()`. */
  static copy: ElementCopy = copyOf('', {});

  /**
   * Words for this element only, over the kit's (`setMessages()`) and its language's:
   * `badge.messages = { error: 'Expired' }`. A composite element hands the common words and a namespace per inner
   * element down (`messagesFor()`): `detail.messages = { error: 'Expired', 'refresh-button': { label: 'Renew' } }`.
   */
  @property({ attribute: false }) messages: Partial<M> & N = {} as Partial<M> & N;

  /** The words this element prints now. */
  protected get m(): M {
    return resolveCopy((this.constructor as typeof RelinkElement).copy, this.locale, this.messages) as M;
  }

  /** BCP 47 locale: the nearest `lang` attribute, crossing shadow roots, else the browser's language. */
  get locale(): string {
    return localeOf(this);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    connected.add(this);
    adoptThemeRules(this.getRootNode());
    observeLanguage(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    connected.delete(this);
  }

  /**
   * The on-demand code what this element shows now waits for (a dialog's body, a list's template), while it loads;
   * else undefined. A load that fails must be unset before its promise settles, as every loader here does.
   */
  protected pendingCode(): Promise<unknown> | undefined {
    return undefined;
  }

  /** Also waits for `pendingCode()`, so awaiting `updateComplete` means what it draws is rendered. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let result = await super.getUpdateComplete();
    for (let code = this.pendingCode(); code; code = this.pendingCode()) {
      await code.catch(() => undefined);
      result = await super.getUpdateComplete();
    }
    return result;
  }
}
