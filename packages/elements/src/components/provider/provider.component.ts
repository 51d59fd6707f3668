import { html, LitElement, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { ContextProvider } from '@lit/context';
import {
  createRelinkClient,
  createRelinkStore,
  REDIRECT_RESULT_PARAMS,
  resumeRedirect,
  type RelinkClient,
  type RelinkStore,
  type TokenRequest,
  type TokenSource,
} from '@relink/sdk';
import { clientContext } from '../../context/client-context.js';
import { storeContext } from '../../context/store-context.js';
import type { MismatchMessages } from '../../internal/consent-outcome.js';
import { chunkFailed, errorCopy, noCodes, type ErrorKindMessages } from '../../internal/error-copy.js';
import { flowKit } from '../../internal/flow-kit.js';
import { copyOf, languageReady, resolveCopy } from '../../internal/registry.js';
import { localeOf } from '../../internal/relink-element.js';
import { errorKinds, mismatch, provider, reconnection } from '../../translations/en.js';
import type { CommonMessages, ElementMessages } from '../../translations/translation.js';
import { toast } from '../toaster/toaster.js';
import styles from './provider.styles.js';

/** The provider's words: the toasts after a consent flow's redirect (its own `provider` namespace and common words). */
export type ProviderMessages = ElementMessages['provider'] & MismatchMessages & ErrorKindMessages & Pick<CommonMessages, 'reconnected'>;

const providerCopy = copyOf('provider', provider, reconnection, mismatch, errorKinds, noCodes);

/**
 * Gives every Relink element inside it one SDK client and one shared, live store, through `@lit/context`.
 * Either set `base-url` and `token` (the provider creates the client and the store), or hand it a ready `client`
 * or `store`. While connected it follows the server's event stream (`store.startLive()`) and loads the viewer
 * (`store.loadViewer()`), so the elements offer only what the server would allow.
 *
 * @tag relink-provider
 * @summary Provides the Relink SDK client and live store to the elements inside it; sets the theme.
 *
 * Its only words are the toasts after a consent flow's redirect, taken from the copy registry (its `provider`
 * namespace and common words, set with `setMessages()`) in its locale; it takes no `messages` of its own.
 *
 * @slot - The page content that uses Relink elements.
 */
export class RelinkProvider extends LitElement {
  static override styles = styles;

  private readonly clientProvider = new ContextProvider(this, { context: clientContext });
  private readonly storeProvider = new ContextProvider(this, { context: storeContext });

  /** The API root, e.g. `https://api.example.com/v1`. Ignored when `client` or `store` is set. */
  @property({ attribute: 'base-url' }) baseUrl?: string;

  /**
   * The session token: a string, or a function (sync or async) called before every request so a short-lived token
   * can be renewed, and with `{ renew: true }` when the server refused the last one (mint a new one then, do not
   * return a cached one). Property only: a token never goes in an attribute. With `base-url`, the provider starts (client,
   * store, live updates) once this is set.
   */
  @property({ attribute: false }) token?: TokenSource;

  /** A ready SDK client (wins over `base-url`). */
  @property({ attribute: false }) client?: RelinkClient;

  /** A ready store (wins over `client`); share one store between providers or with non-Lit code. */
  @property({ attribute: false }) store?: RelinkStore;

  /** Forces the colour scheme of the elements inside: `light` or `dark`. Default: the user's preference. */
  @property({ reflect: true }) theme?: 'light' | 'dark';

  /** What counts as "expiring soon", in days (used when the provider creates the store). Default 14. */
  @property({ type: Number, attribute: 'expiring-within-days' }) expiringWithinDays?: number;

  /** Turns live updates off (no event stream; lists change only on reload or after the viewer's own actions). */
  @property({ type: Boolean, attribute: 'no-live' }) noLive = false;

  private ownClient?: { baseUrl: string; client: RelinkClient };
  private current?: RelinkStore;
  private stopLive?: () => void;

  /** The store in use: `store`, or the one the provider created. */
  get resolvedStore(): RelinkStore | undefined {
    return this.current;
  }

  /** The client in use. */
  get resolvedClient(): RelinkClient | undefined {
    return this.current?.client ?? this.clientProvider.value;
  }

  private resolve(): void {
    let client = this.store?.client ?? this.client;
    // Its own client starts once it has both a base URL and a token: a host often hands the token over from a
    // script that runs after the kit (or sets it before the kit is defined, restored at Lit's first update), and
    // requests sent before that would only be refused.
    if (!client && this.baseUrl && this.token !== undefined) {
      if (this.ownClient?.baseUrl !== this.baseUrl) {
        // The token is read at each request, so a new token needs no new client.
        // It passes the SDK's `{ renew: true }` on, so a getter asked after a 401 can mint a new token.
        const token = async (request?: TokenRequest) => {
          const source = this.token;
          return typeof source === 'function' ? source(request) : source;
        };
        this.ownClient = { baseUrl: this.baseUrl, client: createRelinkClient({ baseUrl: this.baseUrl, token }) };
      }
      client = this.ownClient.client;
    }
    let store = this.store;
    if (!store && client) {
      store = this.current && this.current.client === client && this.current.expiringWithinDays === (this.expiringWithinDays ?? 14)
        ? this.current
        : createRelinkStore(client, this.expiringWithinDays !== undefined ? { expiringWithinDays: this.expiringWithinDays } : {});
    }
    this.clientProvider.setValue(client);
    if (store !== this.current) {
      this.stopLive?.();
      this.stopLive = undefined;
      this.current = store;
      store?.loadViewer().catch(() => undefined);
      if (store) this.finishRedirect(store);
    }
    this.storeProvider.setValue(store);
    this.live();
  }

  private live(): void {
    if (this.noLive || !this.isConnected) {
      this.stopLive?.();
      this.stopLive = undefined;
    } else if (this.current && !this.stopLive) {
      this.stopLive = this.current.startLive();
    }
  }

  /**
   * The page came back from a consent flow's redirect fallback (the popup was blocked): its code
   * (`internal/redirect-return.ts`) loads only then, and says how the flow ended in toasts with the provider's words
   * (the registry's, in its locale, read when each toast shows).
   */
  private finishRedirect(store: RelinkStore): void {
    const url = new URL(location.href);
    if (!REDIRECT_RESULT_PARAMS.some((name) => url.searchParams.has(name))) return;
    // The page just loaded: its language may still be on its way.
    const words = async () => {
      await languageReady(localeOf(this));
      return resolveCopy(providerCopy, localeOf(this)) as ProviderMessages;
    };
    // Read (and cleaned from the address) now, not once the code below has loaded: a host router that rewrites the
    // address as the page mounts would otherwise take the flow's answer with it.
    const outcome = resumeRedirect(store.client);
    outcome.catch(() => undefined); // said by the code below
    import('../../internal/redirect-return.js').catch(chunkFailed).then(
      ({ finishRedirect }) => finishRedirect(store, outcome, words, flowKit),
      // Said as a failed return is; the store catches up with the connection from the live stream or its next load.
      async (error: unknown) => toast({ title: errorCopy(error, await words()), tone: 'error' }),
    );
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Resolve now, not at the first update: children ask for the context as they connect.
    this.resolve();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.live();
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (['baseUrl', 'token', 'client', 'store', 'expiringWithinDays', 'noLive'].some((key) => changed.has(key))) this.resolve();
  }

  override render() {
    return html`<slot></slot>`;
  }
}
