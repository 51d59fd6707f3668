// Up front, only what must run inside the user's click (opening the popup) and the cheap check of a page that came
// back from a redirect; the rest of the flow (consent-wait.ts) loads with the SDK's on-demand chunk, which the page's
// first request has usually loaded already.
import type { RelinkClient } from './client.js';
import type { RequestOptions } from './http.js';
import { RelinkAbortError } from './errors.js';
import type { ConnectSession, GrantedAccount } from './schema/connect-session.js';
import { loadOnDemand } from './internal/on-demand.js';

/** How a reconnect ended. `redirected`: the page is navigating to the provider and will come back to `returnTo`. */
export type ConnectSessionOutcome =
  | { status: 'completed'; session: ConnectSession }
  | { status: 'cancelled'; session: ConnectSession | undefined }
  | { status: 'failed'; session: ConnectSession | undefined; message: string }
  | {
      status: 'account_mismatch';
      session: ConnectSession;
      /** The account the connection had, and the one the user just authorised (seed 000's warning). */
      previousAccountEmail: string | undefined;
      newAccountEmail: string | undefined;
      /** Switch the connection to the new account after the user agreed (`signal` aborts the request). */
      confirm: (options?: RequestOptions) => Promise<ConnectSessionOutcome>;
      /** Keep the account the connection had: the server revokes and discards the other account's tokens. */
      decline: (options?: RequestOptions) => Promise<void>;
    }
  | {
      status: 'choose_accounts';
      session: ConnectSession;
      /** What the consent granted (seed 004: "Select the accounts you want to reconnect"), each with its connection if it has one. */
      accounts: GrantedAccount[];
      /** Connect the chosen accounts (ids from `accounts`), one connection each; resolves `completed` with `session.connectionIds`. */
      choose: (accountIds: readonly string[], options?: RequestOptions) => Promise<ConnectSessionOutcome>;
      /** Connect none: the server revokes and discards the consent's tokens. */
      decline: (options?: RequestOptions) => Promise<void>;
    }
  | { status: 'auth_config_missing'; message: string; error: unknown }
  | { status: 'redirected'; session: ConnectSession };

export interface StartReconnectOptions {
  /** `popup` (default) falls back to `redirect` when the browser blocks the popup. */
  mode?: 'popup' | 'redirect';
  /** Where the provider sends the user back in redirect mode (defaults to the current page). */
  returnTo?: string;
  /**
   * Ends the flow: polling stops, the popup closes, its answer is ignored, and the promise rejects with
   * `RelinkAbortError`. An element passes its task's signal so a removed element stops following the flow.
   */
  signal?: AbortSignal | undefined;
  /** How often the connect session is polled, covering a popup whose opener link was severed (ms, default 1,500). */
  pollInterval?: number;
  /** Give up after this long (ms, default 10 minutes). */
  timeout?: number;
  /** The window to open the popup from (tests, iframes). */
  window?: Window;
  /**
   * The language the provider's consent page should speak, sent as OpenID Connect's `ui_locales` (an element passes
   * its `lang`). Default: the page's `<html lang>`. A provider that does not know it shows its own default.
   */
  locale?: string | undefined;
}

const POPUP_FEATURES = 'popup=yes,width=520,height=720';

/**
 * Re-run the provider's consent flow for a connection (DESIGN: Reconnect). Opens the connect link in a popup —
 * synchronously, inside the click that called it, so popup blockers let it through — or redirects when asked or when
 * the popup is blocked. The popup's answer arrives by `postMessage`, accepted only from the backend's origin and only
 * with this session's `state`; polling the connect session covers a popup that lost its opener. The server's session
 * is the authority: a message only says "look now".
 */
export function startReconnect(client: RelinkClient, connectionId: string, options: StartReconnectOptions = {}): Promise<ConnectSessionOutcome> {
  return runConsent(client, (params, signal) => client.connections.reconnect(connectionId, params, { signal }), options);
}

/**
 * Add a connection of an OAuth app (seed 000: "link apps directly while building an automation"): the same consent
 * flow as `startReconnect`, for a connection that exists once it completes (`session.connectionId`). An API-key app
 * is added with `client.connections.create({ appKey, fields })` instead; this rejects for one.
 */
export function startConnect(client: RelinkClient, appKey: string, options: StartReconnectOptions & { label?: string | undefined } = {}): Promise<ConnectSessionOutcome> {
  const { label, ...rest } = options;
  return runConsent(client, async (params, signal) => {
    const created = await client.connections.create({ appKey, ...(label ? { label } : {}), ...params }, { signal });
    if (created.type !== 'consent') throw new TypeError(`startConnect: ${appKey} answered with a connection, not a consent flow.`);
    return created.session;
  }, rest);
}

/** A client answering a connection request (seed 001's "Connect"): the same consent flow as `startReconnect`. */
export function startConnectRequest(client: RelinkClient, requestId: string, options: StartReconnectOptions = {}): Promise<ConnectSessionOutcome> {
  return runConsent(client, (params, signal) => client.connectionRequests.connect(requestId, params, { signal }), options);
}

/** Starts the provider's part of the flow: what `begin` asks the server for, with `returnTo` when there is no popup. */
export type BeginConsent = (params: { returnTo?: string }, signal: AbortSignal | undefined) => Promise<ConnectSession>;

async function runConsent(client: RelinkClient, begin: BeginConsent, options: StartReconnectOptions): Promise<ConnectSessionOutcome> {
  const { signal } = options;
  // Before any popup: an element removed before the click's work began opens nothing.
  if (signal?.aborted) throw new RelinkAbortError('Consent flow aborted.', { cause: signal.reason });
  const win = options.window ?? window;
  // Synchronously, inside the click that called it, so popup blockers let it through.
  const popup = options.mode === 'redirect' ? null : win.open('', 'relink-connect', POPUP_FEATURES);
  // The rest of the flow comes with the on-demand chunk; one that cannot load (a RelinkChunkLoadError) closes the popup.
  const { followConsent } = await loadOnDemand().catch((error: unknown) => {
    popup?.close();
    throw error;
  });
  return followConsent(client, begin, popup, win, options);
}

/** The query parameters the backend's callback adds to `returnTo` when a redirect-mode flow ends. */
export const REDIRECT_RESULT_PARAMS = ['relink_session', 'relink_state', 'relink_status'] as const;

export interface ResumeRedirectOptions {
  /** The window that came back from the provider (tests, iframes). */
  window?: Window;
  signal?: AbortSignal | undefined;
}

/**
 * Finish a consent flow that came back by redirect (the popup was blocked): read the callback's parameters from the
 * address bar, take them out at once with `history.replaceState` (the rest of the URL stays; a reload or a shared link
 * does not replay the answer), then ask the server how the session ended — the server's session is the authority, and
 * its `state` must match the one in the URL. Resolves `undefined` when the page did not come back from a flow (or the
 * parameters do not belong to one).
 */
export async function resumeRedirect(client: RelinkClient, options: ResumeRedirectOptions = {}): Promise<ConnectSessionOutcome | undefined> {
  const win = options.window ?? window;
  const url = new URL(win.location.href);
  if (!REDIRECT_RESULT_PARAMS.some((name) => url.searchParams.has(name))) return undefined;
  const sessionId = url.searchParams.get('relink_session');
  const state = url.searchParams.get('relink_state');
  for (const name of REDIRECT_RESULT_PARAMS) url.searchParams.delete(name);
  win.history.replaceState(win.history.state, '', url.href);
  if (!sessionId || !state) return undefined;
  const { resumeFromRedirect } = await loadOnDemand();
  return resumeFromRedirect(client, sessionId, state, options.signal);
}

