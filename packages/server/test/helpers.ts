import { after } from 'node:test';
import { ManualClock } from '../src/clock.js';
import type { RelinkApp } from '../src/app.js';
import { startNodeRelink, type NodeRelinkOptions, type RunningRelink } from '../src/node/server.js';
import { DEMO_AGENCY_ID, DEMO_CLIENT_ID, DEMO_WORKSPACE_ID } from '../src/demo/seed.js';
import { sha256Base64url } from '../src/internal/ids.js';

// Every harness is a real HTTP server on 127.0.0.1 (the OAuth provider is reached over HTTP); closed after the file.
const running: RunningRelink[] = [];
after(async () => {
  await Promise.all(running.splice(0).map((r) => r.close()));
});
export const OTHER_WORKSPACE_ID = 'ws_other';
export const OTHER_AGENCY_ID = 'prn_other_agency';

export interface Harness {
  app: RelinkApp;
  /** Where the server listens, e.g. `http://127.0.0.1:41234`. */
  url: string;
  running: RunningRelink;
  clock: ManualClock;
  agency: string;
  client: string;
  other: string;
  // Response bodies are asserted field by field; `any` keeps those assertions readable.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  request(method: string, path: string, options?: { token?: string | undefined; body?: unknown; headers?: Record<string, string> }): Promise<{ status: number; body: any; headers: Headers; text: string }>;
}

/** A demo server on a manual clock with tokens for the agency, the client and an agency in another workspace. */
export async function harness(options: Partial<NodeRelinkOptions> = {}): Promise<Harness> {
  const clock = options.clock instanceof ManualClock ? options.clock : new ManualClock();
  const server = await startNodeRelink({
    secretKey: 'test-signing-secret-0123456789',
    demo: true,
    random: () => 0.5,
    refresher: { autoStart: false },
    database: 'memory',
    ...options,
    clock,
  });
  server.server.unref();
  running.push(server);
  const { app } = server;
  const PUBLIC_URL = server.url;
  const { store } = app.relink;
  const now = clock.now().toISOString();
  // A second tenant with a look-alike connection: its ids must be invisible (404) to the demo workspace, and back.
  await store.putWorkspace({ id: OTHER_WORKSPACE_ID, name: 'Other agency', secretKeyHash: await sha256Base64url('sk_other'), createdAt: now });
  await store.putPrincipal({ id: OTHER_AGENCY_ID, workspaceId: OTHER_WORKSPACE_ID, role: 'agency', name: 'Other agency', createdAt: now });
  await store.putConnection({
    id: 'con_other', workspaceId: OTHER_WORKSPACE_ID, appKey: 'slack', label: 'Other', status: 'active', owner: 'agency',
    ownerPrincipalId: OTHER_AGENCY_ID, secrets: {}, refresh: { attempts: 0 }, createdAt: now, updatedAt: now,
  });
  const [agency, client, other] = await Promise.all([
    app.relink.mintToken(DEMO_WORKSPACE_ID, 'agency', DEMO_AGENCY_ID),
    app.relink.mintToken(DEMO_WORKSPACE_ID, 'client', DEMO_CLIENT_ID),
    app.relink.mintToken(OTHER_WORKSPACE_ID, 'agency', OTHER_AGENCY_ID),
  ]);
  return {
    app, url: server.url, running: server, clock, agency: agency.token, client: client.token, other: other.token,
    async request(method, path, { token, body, headers = {} } = {}) {
      const init: RequestInit = { method, headers: { ...headers } };
      if (token) (init.headers as Record<string, string>).authorization = `Bearer ${token}`;
      if (body !== undefined) {
        (init.headers as Record<string, string>)['content-type'] = 'application/json';
        init.body = typeof body === 'string' ? body : JSON.stringify(body);
      }
      const res = await app.request(path.startsWith('http') ? path : `${PUBLIC_URL}${path}`, init);
      const text = await res.text();
      let parsed: unknown = undefined;
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = undefined;
      }
      return { status: res.status, body: parsed, headers: res.headers, text };
    },
  };
}

/** A browser's worth of HTTP for the consent flow: manual redirects and a cookie jar (names only, no paths). */
export class Browser {
  private readonly jar = new Map<string, string>();
  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.jar.size > 0) headers.set('cookie', [...this.jar].map(([k, v]) => `${k}=${v}`).join('; '));
    const res = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const cookie of res.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(cookie)) this.jar.delete(name);
      else this.jar.set(name, value);
    }
    return res;
  }
  /** Follow redirects until `stop(url)` says the next URL is the caller's to fetch; returns that URL, or the page. */
  async follow(url: string, init: RequestInit = {}, stop: (next: URL) => boolean = () => false): Promise<{ url: string; res?: Response }> {
    let current = url;
    let res = await this.fetch(current, init);
    for (let hops = 0; hops < 10 && res.status >= 300 && res.status < 400; hops++) {
      const next = new URL(res.headers.get('location') ?? '', current);
      if (stop(next)) return { url: next.toString() };
      current = next.toString();
      res = await this.fetch(current);
    }
    return { url: current, res };
  }
}

const isCallback = (u: URL) => u.pathname === '/v1/connect/callback';

/** Open a connect URL in a fresh browser and return the provider's consent page (after its redirects). */
export async function consentPage(connectUrl: string, browser = new Browser()): Promise<{ html: string; url: string; browser: Browser }> {
  const { url, res } = await browser.follow(connectUrl);
  if (!res || res.status !== 200) throw new Error(`consent page answered ${res?.status}: ${await res?.text()}`);
  return { html: await res.text(), url, browser };
}

/**
 * Walk the real consent page over HTTP up to our callback: GET the authorize URL, follow to the provider's consent
 * page, submit the form for `accountId` with `decision`, follow the provider's redirects; answers the callback URL
 * without loading it (a test may load it as often as it likes).
 */
export async function consentCallbackUrl(connectUrl: string, accountId: string, decision: 'approve' | 'deny' = 'approve'): Promise<string> {
  const { html, url, browser } = await consentPage(connectUrl);
  const requestId = /name="request" value="([^"]+)"/.exec(html)?.[1];
  const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
  if (!requestId || !action) throw new Error('consent form not found');
  if (!html.includes(`value="${accountId}"`)) throw new Error(`account ${accountId} not offered`);
  const form = new URLSearchParams({ request: requestId, account: accountId, decision });
  const submitted = await browser.follow(new URL(action.replace(/&amp;/g, '&'), url).toString(), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
  }, isCallback);
  if (submitted.res) throw new Error(`consent submit ended at ${submitted.url} with ${submitted.res.status}: ${await submitted.res.text()}`);
  return submitted.url;
}

/** The consent walk, then the callback loaded once. */
export async function consent(h: Harness, connectUrl: string, accountId: string, decision: 'approve' | 'deny' = 'approve'): Promise<{ status: number; text: string; headers: Headers; callbackUrl: string }> {
  const callbackUrl = await consentCallbackUrl(connectUrl, accountId, decision);
  const callback = await h.app.request(callbackUrl);
  return { status: callback.status, text: await callback.text(), headers: callback.headers, callbackUrl };
}
