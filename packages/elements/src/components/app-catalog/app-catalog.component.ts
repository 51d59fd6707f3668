import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { App } from '@relink/sdk';
import { initialState, ResourceController } from '../../controllers/resource-controller.js';
import { StoreController } from '../../controllers/store-controller.js';
import { noCodes, type ErrorKindMessages } from '../../internal/error-copy.js';
import { fill } from '../../internal/fill.js';
import { emptyState, failedState, loadingState } from '../../internal/load-state.js';
import { monogram } from '../../internal/monogram.js';
import { copyOf } from '../../internal/registry.js';
import { RelinkElement } from '../../internal/relink-element.js';
import { appCatalog, errorKinds, retry } from '../../translations/en.js';
import type { CommonMessages, ElementMessages } from '../../translations/translation.js';
import '../connect-button/connect-button.js';
import styles from './app-catalog.styles.js';

/** The catalog's words, and the common ones it says (a failed load, Try again). */
export type AppCatalogMessages = ElementMessages['app-catalog'] & ErrorKindMessages & Pick<CommonMessages, 'retry'>;

/**
 * The apps the viewer may connect (seed 000: "link apps directly while building an automation"), each with its
 * monogram, name, how it connects (signing in, an API key, or a managed auth config that is missing) and a
 * `relink-connect-button`. A search field narrows the list by name as you type. Keyboard: Arrow Down from the search
 * field goes to the first app's "Connect"; Arrow Up/Down move between apps, Home/End to the first and last. While
 * loading it is busy with a skeleton; a failed load says why with "Try again"; an empty catalog says so.
 * A new connection bubbles out as `relink-connection-created` from the app's button.
 *
 * @tag relink-app-catalog
 * @summary The app catalog with search: "Connect" any app through consent or its API-key form.
 *
 * @event {RelinkConnectEvent} relink-connect - (From an app's button) before a connection starts, `{ app, action }`; cancelable.
 * @event {RelinkConnectionCreatedEvent} relink-connection-created - (From an app's button) a new connection exists, `{ connection }`.
 *
 * @csspart base - The whole catalog.
 * @csspart search - The search field and its label.
 * @csspart search-input - The search `<input>`.
 * @csspart list - The list of apps.
 * @csspart item - Each app.
 * @csspart logo - The app's logo or monogram.
 * @csspart name - The app's name.
 * @csspart auth-mode - How the app connects.
 * @csspart connect - Each app's `relink-connect-button`.
 * @csspart loading - The loading state.
 * @csspart error - The error state (with `retry`).
 * @csspart retry - "Try again".
 * @csspart empty - The empty state (`empty-title`, `empty-body`): no apps, or none matching the search.
 * @csspart empty-title - The empty state's title.
 * @csspart empty-body - The empty state's explanation.
 *
 * @cssproperty --relink-app-catalog-item-radius - Corner radius of each app; defaults to `--relink-radius`.
 */
export class RelinkAppCatalog extends RelinkElement<AppCatalogMessages> {
  static override styles = styles;

  /** @internal Its namespace and the English it prints (`translations/en.ts`). */
  static override copy = copyOf('app-catalog', appCatalog, errorKinds, noCodes, retry);

  private readonly data = new StoreController(this, () => undefined);

  /** The search text; set it to start filtered. */
  @property() query = '';

  /** The `label` given to connections added from here (default: each app's name). */
  @property() label?: string;

  /** How consent opens for every app here: `popup` (default; falls back to a redirect when blocked) or `redirect`. */
  @property() mode: 'popup' | 'redirect' = 'popup';

  /** The window consent popups open from (iframes, tests). */
  @property({ attribute: false }) window?: Window;

  /** What the user typed (undefined until they type: then `query` is what shows). */
  @state() private typed?: string;

  private readonly apps = new ResourceController(this, {
    args: () => [this.data.store] as const,
    load: async ([store], { signal }) => (store ? store.loadApps({ signal }) : initialState),
  });

  private get shown(): readonly App[] {
    const needle = (this.typed ?? this.query).trim().toLocaleLowerCase(this.locale);
    const apps = this.apps.value ?? [];
    return needle ? apps.filter((a) => a.name.toLocaleLowerCase(this.locale).includes(needle) || a.key.includes(needle)) : apps;
  }

  private authMode(app: App): string {
    const m = this.m;
    if (app.managedAuthConfig === 'missing' || app.managedAuthConfig === 'invalid') return m.managedMissing;
    return app.authMode === 'api_key' ? m.apiKey : m.oauth;
  }

  private handleInput(event: InputEvent): void {
    this.typed = (event.target as HTMLInputElement).value;
  }

  private buttons(): HTMLElement[] {
    return [...this.renderRoot.querySelectorAll<HTMLElement>("[part~='connect']")];
  }

  // Roving between apps: each app's "Connect" stays in the Tab order too, so nothing is reachable only by arrows.
  private handleKeydown(event: KeyboardEvent): void {
    const buttons = this.buttons();
    if (buttons.length === 0) return;
    const fromSearch = (event.composedPath()[0] as HTMLElement).matches?.("[part='search-input']") ?? false;
    const current = buttons.findIndex((b) => b === event.target || b.contains(event.target as Node));
    let next: number | undefined;
    if (event.key === 'ArrowDown') next = fromSearch ? 0 : Math.min(current + 1, buttons.length - 1);
    else if (event.key === 'ArrowUp' && !fromSearch) next = current - 1;
    else if (event.key === 'Home' && !fromSearch) next = 0;
    else if (event.key === 'End' && !fromSearch) next = buttons.length - 1;
    if (next === undefined) return;
    event.preventDefault();
    if (next < 0) this.renderRoot.querySelector<HTMLElement>("[part='search-input']")?.focus();
    else buttons[next]!.focus();
  }

  private renderList() {
    const m = this.m;
    if (this.apps.error !== undefined && !this.apps.value) {
      return failedState(this.apps.error, m, () => void this.apps.run());
    }
    if (!this.apps.value) return loadingState(m.loading);
    if (this.apps.value.length === 0) return emptyState(m.emptyTitle, m.emptyBody);
    const shown = this.shown;
    if (shown.length === 0) return emptyState(fill(m.noMatches, { query: (this.typed ?? this.query).trim() }));
    return html`<ul part="list" aria-label=${m.caption}>
      ${repeat(shown, (app) => app.key, (app) => html`<li part="item">
        ${monogram(app)}
        <div><p part="name">${app.name}</p><p part="auth-mode">${this.authMode(app)}</p></div>
        <relink-connect-button part="connect" .app=${app} app-key=${app.key} label=${this.label ?? nothing}
          mode=${this.mode} .window=${this.window}></relink-connect-button>
      </li>`)}
    </ul>`;
  }

  override render() {
    const m = this.m;
    return html`<div part="base" aria-busy=${this.apps.value ? 'false' : 'true'} @keydown=${this.handleKeydown}>
      <div part="search">
        <label for="search">${m.searchLabel}</label>
        <input part="search-input" id="search" type="search" autocomplete="off" placeholder=${m.searchPlaceholder}
          .value=${this.typed ?? this.query} @input=${this.handleInput} />
      </div>
      ${this.renderList()}
    </div>`;
  }
}
