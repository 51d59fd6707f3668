// Stories talk to the real reference backend running in the page (createInPageRelink), with the demo data.
import { html, nothing, type TemplateResult } from 'lit';
import { expect, waitFor } from 'storybook/test';
import { blockedConnectionIds, createRelinkClient, type RelinkSnapshot, type RelinkStore, type Role } from '@relink/sdk';
import { createInPageRelink, type InPageRelink } from '@relink/server/browser';
import '@relink/elements/provider.js';
import type { RelinkProvider } from '@relink/elements/provider.js';

export interface DemoOptions {
  role?: Role;
  /** A principal with nothing connected (the empty state) when not a demo principal. */
  principalId?: string;
  /** Wraps the in-page fetch (slow or failing networks). */
  fetch?: (fetch: InPageRelink['fetch']) => InPageRelink['fetch'];
  theme?: 'light' | 'dark';
  /** Keeps Google Drive pending: its first sync never finishes (by default it does, 30 s after the server starts). */
  holdPending?: boolean;
  /** Runs against the in-page backend before the provider's first request (e.g. fix a connection the real way). */
  prepare?: (server: InPageRelink) => Promise<unknown>;
}

let current: InPageRelink | undefined;

/** A fresh in-page backend (the previous story's is stopped) and a `relink-provider` around `content`. */
export function demoProvider(content: TemplateResult, { role = 'client', principalId, fetch, theme, holdPending, prepare }: DemoOptions = {}): TemplateResult {
  current?.close();
  // Each story starts on a clean page: no toasts left over from the previous one.
  document.querySelectorAll('relink-toaster').forEach((toaster) => toaster.remove());
  const server = (current = createInPageRelink(holdPending ? { refresher: { firstSyncDelayMs: false } } : {}));
  const principal = principalId ?? (role === 'agency' ? 'prn_agency' : 'prn_client');
  let token: Promise<string> | undefined;
  const mint = async () => {
    await server.app.relink.ready;
    await prepare?.(server);
    if (principalId) {
      await server.app.relink.store.putPrincipal({ id: principalId, workspaceId: 'ws_northwind', role, name: 'Newcomer', createdAt: new Date().toISOString() });
    }
    return server.mintToken(role, principal);
  };
  const client = createRelinkClient({
    baseUrl: server.baseUrl,
    fetch: fetch ? fetch(server.fetch) : server.fetch,
    token: () => (token ??= mint()),
    retry: 0,
  });
  return html`<relink-provider .client=${client} theme=${theme ?? nothing}>${content}</relink-provider>`;
}

/**
 * Wraps the in-page fetch so that requests whose path matches `path` get `answer()` instead: the faults the real
 * backend cannot produce (a request that never answers, a network that is down, a canned answer).
 */
export const intercept = (path: RegExp, answer: () => Promise<Response>): DemoOptions['fetch'] => (fetch) => (input, init) =>
  path.test(new URL(input instanceof Request ? input.url : String(input)).pathname) ? answer() : fetch(input, init);

/** An answer that never comes: the loading or busy state stays on screen. */
export const never = (): Promise<Response> => new Promise<Response>(() => {});

/** What the elements say when the network is down (by the SDK's error kind, never its raw text). */
export const NETWORK_DOWN = 'The service cannot be reached right now. Nothing was changed.';

/** The network is down. */
export const networkDown = (): Promise<Response> => Promise.reject(new TypeError('Failed to fetch'));

/**
 * A network that can drop while the page is open (the one fault the in-page backend cannot produce): `down()` breaks
 * the open event streams and fails every request until `up()`.
 */
export function dropout(): { fetch: NonNullable<DemoOptions['fetch']>; down(): void; up(): void } {
  let isDown = false;
  const streams: ReadableStreamDefaultController<Uint8Array>[] = [];
  return {
    fetch: (fetch) => async (input, init) => {
      if (isDown) throw new TypeError('Failed to fetch');
      const response = await fetch(input, init);
      if (!new URL(input instanceof Request ? input.url : String(input)).pathname.endsWith('/events') || !response.body) return response;
      const reader = response.body.getReader();
      const body = new ReadableStream<Uint8Array>({
        start: (controller) => void streams.push(controller),
        pull: async (controller) => {
          const { done, value } = await reader.read();
          if (done) controller.close();
          else controller.enqueue(value);
        },
        cancel: (reason) => reader.cancel(reason),
      });
      return new Response(body, { status: response.status, headers: response.headers });
    },
    down: () => {
      isDown = true;
      for (const controller of streams.splice(0)) controller.error(new TypeError('network changed'));
    },
    up: () => void (isDown = false),
  };
}

/** The connections never load. */
export const hang = intercept(/\/connections(\/|$)/, never);

/** The network is down for connections. */
export const offline = intercept(/\/connections(\/|$)/, networkDown);

/** The provider's store, once it exists. */
export const storeIn = (root: HTMLElement): Promise<RelinkStore> =>
  waitFor(async () => {
    const store = root.querySelector<RelinkProvider>('relink-provider')?.resolvedStore;
    await expect(store, 'the provider has a store').toBeTruthy();
    return store!;
  });

/** Waits until the store's snapshot passes `ready` (the real backend has answered), and returns the snapshot. */
export async function settled(root: HTMLElement, ready: (snapshot: RelinkSnapshot) => boolean): Promise<RelinkSnapshot> {
  const store = await storeIn(root);
  return waitFor(async () => {
    const snapshot = store.getSnapshot();
    await expect(ready(snapshot), 'the store has settled').toBe(true);
    return snapshot;
  });
}

/**
 * Whether the store holds every connection these runs name (a paused run's blockers, the connection a failed run
 * retries after): the run elements fetch each by id rather than loading the connections list.
 */
export function runNamesHeld(snapshot: RelinkSnapshot, runIds: readonly string[]): boolean {
  return runIds.every((id) => {
    const run = snapshot.runs.byId.get(id);
    return run !== undefined && [...blockedConnectionIds(run), ...(run.retry === 'after_reconnect' && run.error?.connectionId ? [run.error.connectionId] : [])]
      .every((named) => snapshot.connections.byId.has(named));
  });
}

/** Renames a connection in the page's store, as a live update would (hostile and long labels). */
export async function relabel(root: HTMLElement, id: string, label: string): Promise<void> {
  const store = await storeIn(root);
  const connection = (await settled(root, (s) => s.connections.byId.has(id))).connections.byId.get(id)!;
  store.apply({ id: `evt_${id}`, type: 'connection.updated', at: connection.updatedAt, connection: { ...connection, label } });
}

export const HOSTILE = '<img src=x onerror="alert(1)"> Acme "quoted" & <script>alert(2)</script>';
export const LONG = 'Acme Bakery — North-West regional franchise shared workspace for wholesale orders and catering enquiries (legacy)';
