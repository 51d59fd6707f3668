/**
 * `@relink/elements/autoload.js`: defines each Relink element the first time its tag appears, so a page loads only
 * the elements it shows (one on-demand chunk each in a host's bundler) instead of the whole kit up front.
 *
 * Like Shoelace's autoloader it watches the document with a MutationObserver and imports an undefined `relink-*`
 * element's module when it shows up. Elements rendered inside shadow roots (a host's own components, Lit apps) are
 * invisible to an observer on the document, so every shadow root is watched too: the ones already open when this
 * module runs, and each new one as `attachShadow` creates it.
 *
 * @example
 * <script type="module">import '@relink/elements/autoload.js';</script>
 * <relink-provider base-url="/v1"><relink-connections-table></relink-connections-table></relink-provider>
 */

/** Each element's module. A new element adds a line here (and to package.json `exports`). */
const loaders: Record<string, () => Promise<unknown>> = {
  'relink-status-badge': () => import('./components/status-badge/status-badge.js'),
  'relink-toaster': () => import('./components/toaster/toaster.js'),
  'relink-provider': () => import('./components/provider/provider.js'),
  'relink-refresh-button': () => import('./components/refresh-button/refresh-button.js'),
  'relink-revoke-dialog': () => import('./components/revoke-dialog/revoke-dialog.js'),
  'relink-reconnect-button': () => import('./components/reconnect-button/reconnect-button.js'),
  'relink-connection-detail': () => import('./components/connection-detail/connection-detail.js'),
  'relink-connections-table': () => import('./components/connections-table/connections-table.js'),
  'relink-reauth-banner': () => import('./components/reauth-banner/reauth-banner.js'),
  'relink-notification-bell': () => import('./components/notification-bell/notification-bell.js'),
  'relink-run-actions': () => import('./components/run-actions/run-actions.js'),
  'relink-runs-list': () => import('./components/runs-list/runs-list.js'),
  'relink-connection-requests': () => import('./components/connection-requests/connection-requests.js'),
  'relink-publish-check': () => import('./components/publish-check/publish-check.js'),
  'relink-run-detail': () => import('./components/run-detail/run-detail.js'),
  'relink-notification-settings': () => import('./components/notification-settings/notification-settings.js'),
};

/** Tags whose module was asked for: each is imported once, however often it appears. */
const requested = new Map<string, Promise<unknown>>();

/**
 * Imports the module of `tag` (a Relink element's tag) unless it is defined or on its way. A module that fails to load
 * (a network blip) is forgotten, so the tag's next appearance tries again.
 */
export function load(tag: string): Promise<unknown> {
  const loader = loaders[tag];
  if (!loader || customElements.get(tag)) return Promise.resolve();
  let pending = requested.get(tag);
  if (!pending) {
    pending = loader().catch((error: unknown) => {
      requested.delete(tag);
      throw error;
    });
    requested.set(tag, pending);
  }
  return pending;
}

const observer = new MutationObserver((records) => {
  for (const record of records) for (const node of record.addedNodes) if (node instanceof Element) discover(node);
});

function watch(root: Document | ShadowRoot): void {
  observer.observe(root, { childList: true, subtree: true });
  discover(root);
}

/** Loads every undefined Relink element in `root`, `root` itself included. */
function discover(root: Element | Document | ShadowRoot): void {
  const undefinedElements = [...root.querySelectorAll(':not(:defined)')];
  if (root instanceof Element && !root.matches(':defined')) undefinedElements.push(root);
  for (const { localName } of undefinedElements) {
    if (localName.startsWith('relink-')) {
      load(localName).catch((error: unknown) => console.error(`Relink: could not load <${localName}>.`, error));
    }
  }
}

// Shadow roots created from now on (open or closed) are watched as they are attached; they are empty then, so
// their content arrives as mutations. Watching a root twice is harmless: observe() replaces the earlier options.
const attachShadow = Element.prototype.attachShadow;
Element.prototype.attachShadow = function attachAndWatch(this: Element, init: ShadowRootInit): ShadowRoot {
  const shadowRoot = attachShadow.call(this, init);
  watch(shadowRoot);
  return shadowRoot;
};

watch(document);
// Open shadow roots attached before this module ran (declarative shadow DOM, components defined earlier).
for (const element of document.querySelectorAll('*')) if (element.shadowRoot) watch(element.shadowRoot);
