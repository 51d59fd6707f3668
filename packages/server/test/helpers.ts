import { ManualClock } from '../src/clock.js';
import { createRelinkServer, type RelinkApp, type RelinkServerOptions } from '../src/app.js';
import { DEMO_AGENCY_ID, DEMO_CLIENT_ID, DEMO_WORKSPACE_ID } from '../src/demo/seed.js';
import { sha256Base64url } from '../src/internal/ids.js';

export const PUBLIC_URL = 'http://relink.test';
export const OTHER_WORKSPACE_ID = 'ws_other';
export const OTHER_AGENCY_ID = 'prn_other_agency';

export interface Harness {
  app: RelinkApp;
  clock: ManualClock;
  agency: string;
  client: string;
  other: string;
  // Response bodies are asserted field by field; `any` keeps those assertions readable.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  request(method: string, path: string, options?: { token?: string | undefined; body?: unknown; headers?: Record<string, string> }): Promise<{ status: number; body: any; headers: Headers; text: string }>;
}

/** A demo server on a manual clock with tokens for the agency, the client and an agency in another workspace. */
export async function harness(options: Partial<RelinkServerOptions> = {}): Promise<Harness> {
  const clock = new ManualClock();
  const app = createRelinkServer({
    publicUrl: PUBLIC_URL,
    secretKey: 'test-signing-secret-0123456789',
    demo: true,
    clock,
    random: () => 0.5,
    refresher: { autoStart: false },
    ...options,
  });
  await app.relink.ready;
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
    app, clock, agency: agency.token, client: client.token, other: other.token,
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

/** Walk the real consent page: GET the authorize URL, submit the form for `accountId` with `decision`, land on the callback. */
export async function consent(h: Harness, connectUrl: string, accountId: string, decision: 'approve' | 'deny' = 'approve'): Promise<{ status: number; text: string; headers: Headers }> {
  const page = await h.app.request(connectUrl);
  if (page.status !== 200) throw new Error(`consent page answered ${page.status}`);
  const html = await page.text();
  const requestId = /name="request" value="([^"]+)"/.exec(html)?.[1];
  const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
  if (!requestId || !action) throw new Error('consent form not found');
  if (!html.includes(`value="${accountId}"`)) throw new Error(`account ${accountId} not offered`);
  const form = new URLSearchParams({ request: requestId, account: accountId, decision });
  const submitted = await h.app.request(action.replace(/&amp;/g, '&'), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
  });
  if (submitted.status !== 302) throw new Error(`consent submit answered ${submitted.status}`);
  const callback = await h.app.request(submitted.headers.get('location') ?? '');
  return { status: callback.status, text: await callback.text(), headers: callback.headers };
}
