// Fixtures for the connection elements: a fresh in-page reference backend per test (fresh demo state), a client
// for a demo principal, and readers for what the toaster shows.
import { fixture, waitUntil } from '@open-wc/testing';
import './lit-warnings.js';
import { html, type TemplateResult } from 'lit';
import { createRelinkClient, type RelinkClient, type Role } from '@relink/sdk';
import { createInPageRelink, type InPageRelink } from '@relink/server/browser';
import '../src/components/provider/provider.js';
import type { RelinkProvider } from '../src/components/provider/provider.js';

const servers: InPageRelink[] = [];

afterEach(() => {
  for (const server of servers.splice(0)) server.close();
  document.querySelectorAll('relink-toaster').forEach((toaster) => toaster.remove());
});

export interface Demo {
  server: InPageRelink;
  client: RelinkClient;
  token: string;
  /** A second client, for changing things "from elsewhere" (another tab, the server's demo levers). */
  other(role?: Role, principalId?: string): Promise<RelinkClient>;
}

const principalOf = (role: Role) => (role === 'agency' ? 'prn_agency' : 'prn_client');

/** A fresh in-page server and a client for `role` (demo principals: prn_agency, prn_client). */
export async function demo(role: Role = 'client', principalId = principalOf(role), fetchWrapper?: (f: InPageRelink['fetch']) => InPageRelink['fetch']): Promise<Demo> {
  const server = createInPageRelink();
  servers.push(server);
  await server.app.relink.ready;
  if (principalId !== principalOf(role)) {
    // A principal of the demo workspace with nothing connected yet.
    await server.app.relink.store.putPrincipal({ id: principalId, workspaceId: 'ws_northwind', role, name: 'Newcomer', createdAt: new Date().toISOString() });
  }
  const token = await server.mintToken(role, principalId);
  const fetch = fetchWrapper ? fetchWrapper(server.fetch) : server.fetch;
  const client = createRelinkClient({ baseUrl: server.baseUrl, fetch, token, retry: 0 });
  const other = async (r: Role = 'agency', p = principalOf(r)) =>
    createRelinkClient({ baseUrl: server.baseUrl, fetch: server.fetch, token: await server.mintToken(r, p), retry: 0 });
  return { server, client, token, other };
}

/** Renders `content` inside a `relink-provider` wired to `client`; returns the first element matching `selector`. */
export async function inProvider<T extends Element>(
  client: RelinkClient,
  content: TemplateResult,
  selector: string,
  { live = false } = {},
): Promise<{ el: T; provider: RelinkProvider }> {
  const provider = await fixture<RelinkProvider>(html`<relink-provider .client=${client} ?no-live=${!live}>${content}</relink-provider>`);
  const el = provider.querySelector<T>(selector)!;
  await provider.resolvedStore!.loadViewer();
  return { el, provider };
}

export interface ShownToast {
  tone: string;
  title: string;
  description: string | undefined;
  action: string | undefined;
  actionElement: HTMLElement | null;
}

/** The toasts on screen, oldest first. */
export function toasts(): ShownToast[] {
  const toaster = document.querySelector('relink-toaster');
  if (!toaster?.shadowRoot) return [];
  return [...toaster.shadowRoot.querySelectorAll<HTMLElement>("[part='toast']")].map((li) => ({
    tone: li.className,
    title: li.querySelector("[part='title']")!.textContent!.trim(),
    description: li.querySelector("[part='description']")?.textContent?.trim(),
    action: li.querySelector("[part='action']")?.textContent?.trim(),
    actionElement: li.querySelector<HTMLElement>("[part='action']"),
  }));
}

/** Waits for a toast with this title and returns it. */
export async function toastTitled(title: string): Promise<ShownToast> {
  await waitUntil(() => toasts().some((t) => t.title === title), `a toast "${title}" (saw ${JSON.stringify(toasts().map((t) => t.title))})`, { timeout: 5000 });
  return toasts().find((t) => t.title === title)!;
}

/** Text of an element's shadow root, whitespace collapsed. */
export const text = (el: Element | null | undefined): string =>
  (el?.shadowRoot ?? el)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** Deepest focused element across shadow roots. */
export function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

export interface ConsentWindow {
  /** Hand it to an element's `window` property: the consent popup opens from it. */
  window: Window;
  /** How many consent flows have reached the callback page. */
  readonly completed: number;
}

/**
 * A window whose consent popup is a user at the in-page server's real consent page: when the SDK points the popup at
 * the connect link, this follows it to the provider's consent page, submits the form for `account` with `decision`
 * (as clicking Approve or Deny would), follows the provider's redirect to the backend's real callback page, and
 * delivers that page's own `postMessage` to the opener, from the backend's origin. Everything else is the real flow:
 * the SDK's consent orchestration, the server's connect session, the provider's authorization and token exchange.
 * (The page cannot open the in-page server's URLs in a real popup: they live on a reserved origin served by fetch.)
 */
export function consentWindow(server: InPageRelink, { account, decision = 'approve', pages = [] }: { account: string; decision?: 'approve' | 'deny'; pages?: string[] }): ConsentWindow {
  const opener = new EventTarget();
  let completed = 0;
  const backendOrigin = new URL(server.baseUrl).origin;
  const drive = async (connectUrl: string) => {
    let url = connectUrl;
    let response = await server.fetch(url);
    for (let hops = 0; response.status >= 300 && response.status < 400 && hops < 5; hops++) {
      url = new URL(response.headers.get('location')!, url).toString();
      response = await server.fetch(url);
    }
    const page = await response.text();
    const requestId = /name="request" value="([^"]+)"/.exec(page)?.[1];
    const action = /<form method="post" action="([^"]+)"/.exec(page)?.[1];
    if (!requestId || !action) throw new Error(`no consent form at ${url}: ${page.slice(0, 200)}`);
    const body = new URLSearchParams({ request: requestId, account, decision });
    // A multi-account app (Facebook Pages): the Pages ticked on the provider's page.
    for (const page of pages) body.append('page', page);
    const submitted = await server.fetch(new URL(action.replace(/&amp;/g, '&'), url).toString(), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: body.toString(),
    });
    const callbackUrl = new URL(submitted.headers.get('location')!, url).toString();
    const callback = await (await server.fetch(callbackUrl)).text();
    // The page's JSON data block, which its script file posts to the opener (the page runs no inline script).
    const block = /<script type="application\/json" id="relink-result">(.*?)<\/script>/s.exec(callback)?.[1];
    if (!block) throw new Error(`no result message on the callback page: ${callback.slice(0, 200)}`);
    completed++;
    const { message } = JSON.parse(block) as { message: unknown };
    opener.dispatchEvent(new MessageEvent('message', { origin: backendOrigin, data: message }));
  };
  // A new popup per flow, as window.open gives.
  const open = () => ({
    closed: false,
    close() {
      this.closed = true;
    },
    location: {
      set href(url: string) {
        void drive(url).catch((error: unknown) => console.error(error));
      },
    },
  });
  const win = Object.assign(opener, { open, location: window.location });
  return {
    window: win as unknown as Window,
    get completed() {
      return completed;
    },
  };
}

/** `count` more connections of the agency's, put straight into the in-page server's records. */
export async function addConnections(d: Demo, count: number): Promise<void> {
  const records = d.server.app.relink.store;
  const at = Date.parse('2026-01-01T00:00:00.000Z');
  for (let i = 0; i < count; i++) {
    await records.putConnection({
      id: `con_many_${String(i).padStart(4, '0')}`, workspaceId: 'ws_northwind', appKey: i % 2 ? 'slack' : 'hubspot', label: `Team ${String(i).padStart(4, '0')}`,
      status: i % 7 ? 'active' : 'error', owner: 'agency', ownerPrincipalId: 'prn_agency', secrets: {}, refresh: { attempts: 0 },
      createdAt: new Date(at + i * 1000).toISOString(), updatedAt: new Date(at).toISOString(),
    });
  }
}
