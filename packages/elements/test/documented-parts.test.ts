// Every documented part exists, and no part is undocumented (the style notes' test list): for each element of the
// manifest, drive the states its parts live in (loading, error, empty, open, the API-key form…) against the
// in-page reference backend and collect the parts of its shadow root.
import { expect, fixture, waitUntil } from '@open-wc/testing';
import { html, type TemplateResult } from 'lit';
import type { Role } from '@relink/sdk';
import type { InPageRelink } from '@relink/server/browser';
import '../src/index.js';
import { consentWindow, demo, inProvider, type Demo } from './relink.js';
import { putRun, putRunsInEveryStatus } from './runs.js';

interface Declaration { tagName?: string; cssParts?: { name: string; description?: string }[] }
// The manifest as published (the test server serves the package's files as they are).
const manifest = (await (await fetch(new URL('../custom-elements.json', import.meta.url))).json()) as { modules: { declarations?: Declaration[] }[] };
const documented = new Map<string, string[]>(
  manifest.modules.flatMap((m) => m.declarations ?? [])
    .filter((d) => d.tagName)
    .map((d) => [d.tagName!, (d.cssParts ?? []).map((p) => p.name)]),
);
/**
 * State names a part also carries (`item unread`, `chip chip-pressed`), documented in backticks in the description
 * of the part they modify.
 */
const modifiers = new Map<string, string[]>(
  manifest.modules.flatMap((m) => m.declarations ?? [])
    .filter((d) => d.tagName)
    .map((d) => [d.tagName!, (d.cssParts ?? []).flatMap((p) => [...(p.description ?? '').matchAll(/`([\w-]+)`/g)].map((x) => x[1]!))]),
);

/** The part names in an element's own shadow root (not those of elements nested in it). */
const partsOf = (el: Element): string[] =>
  [...el.shadowRoot!.querySelectorAll('[part]')].flatMap((node) => node.getAttribute('part')!.split(/\s+/)).filter(Boolean);

type Fetch = InPageRelink['fetch'];
const urlOf = (input: Parameters<Fetch>[0]) => (input instanceof Request ? input.url : String(input));
/** Requests to a path containing `fragment` never answer: the element stays loading. */
const hang = (fragment: string) => (f: Fetch): Fetch => async (input, init) =>
  urlOf(input).includes(fragment) ? new Promise<Response>(() => {}) : f(input, init);
/** Requests to a path containing `fragment` fail as a network error does. */
const fail = (fragment: string) => (f: Fetch): Fetch => async (input, init) => {
  if (urlOf(input).includes(fragment)) throw new TypeError('offline');
  return f(input, init);
};

interface Scene {
  role?: Role;
  principal?: string;
  fetch?: (f: Fetch) => Fetch;
  runs?: boolean;
  prepare?: (d: Demo) => Promise<unknown>;
  /** The window the element opens its consent popup from. */
  window?: (d: Demo) => Window;
  /** Another rendering than the element's usual one (another id, another run). */
  template?: TemplateResult;
  /** Waits for (or drives the element into) the state. */
  until: (el: HTMLElement & { shadowRoot: ShadowRoot }) => unknown;
}

/** The two Pages the demo provider's Facebook consent grants. */
const FACEBOOK_PAGES = ['page_bakery_main', 'page_bakery_harbor'];
const has = (name: string) => (el: Element) => el.shadowRoot!.querySelector(`[part~='${name}']`);
/** Clicks the part `name` once it shows, and only once per element (a second click would undo the first). */
const clicked = new WeakMap<Element, Set<string>>();
function clickOnce(el: Element, name: string): void {
  const button = (el.shadowRoot ?? el).querySelector<HTMLElement>(`[part~='${name}']`);
  const done = clicked.get(el) ?? new Set<string>();
  clicked.set(el, done);
  if (!button || done.has(name)) return;
  done.add(name);
  button.click();
}
/** Clicks Connect in the requests panel's row for `app`, once. */
function connectRow(el: Element, app: string): void {
  const row = [...el.shadowRoot!.querySelectorAll('[part~=request]')].find((r) => r.textContent!.includes(app));
  if (row) clickOnce(row, 'connect');
}
/** Opens the bell's popover. */
const opened = (el: Element) => {
  clickOnce(el, 'button');
  return (el as Element & { open: boolean }).open;
};

/** Clicks the Replay of the run detail's own actions, once. */
const replaying = new WeakSet<Element>();
function replay(el: Element): void {
  const button = el.shadowRoot!.querySelector('relink-run-actions')?.shadowRoot!.querySelector<HTMLElement>("[part~='replay']");
  if (!button || replaying.has(el)) return;
  replaying.add(el);
  button.click();
}

/** The parts shown once the scene's state is reached (or when waiting for it timed out: `reached` false). */
async function render(tag: string, template: TemplateResult, scene: Scene): Promise<{ parts: string[]; reached: boolean }> {
  const d = await demo(scene.role ?? 'agency', scene.principal, scene.fetch);
  if (scene.runs) await putRunsInEveryStatus(d.server);
  await scene.prepare?.(d);
  const { el } = await inProvider<HTMLElement & { shadowRoot: ShadowRoot; updateComplete: Promise<unknown> }>(d.client, scene.template ?? template, tag);
  if (scene.window) (el as unknown as { window: Window }).window = scene.window(d);
  const reached = await waitUntil(async () => Boolean(await scene.until(el)), `${tag} reached its state`, { timeout: 5000 })
    .then(() => true, () => false);
  await el.updateComplete;
  return { parts: partsOf(el), reached };
}

const scenes: Record<string, { template: TemplateResult; scenes: Scene[] }> = {
  'relink-connection-detail': {
    template: html`<relink-connection-detail connection-id="con_quickbooks"></relink-connection-detail>`,
    scenes: [
      { role: 'client', until: has('last-error') },
      { role: 'client', template: html`<relink-connection-detail connection-id="con_facebook"></relink-connection-detail>`, until: has('notice') },
      // GoHighLevel's managed auth config is invalid: the detail says so instead of "Waiting for the first sync."
      { template: html`<relink-connection-detail connection-id="con_ghl"></relink-connection-detail>`, until: has('auth-config') },
      { role: 'client', fetch: hang('/connections'), until: has('loading') },
      { role: 'client', fetch: fail('/connections'), until: has('retry') },
      { role: 'client', template: html`<relink-connection-detail connection-id="con_slack" list-href="/portal/connections"></relink-connection-detail>`,
        until: (el) => {
          // Remove's dialog renders once it is opened (its template loads then): open it, then confirm.
          const remove = el.shadowRoot.querySelector('relink-remove-dialog') ?? el;
          return has('back')(el) || clickOnce(remove, 'confirm') || clickOnce(remove, 'trigger');
        } },
    ],
  },
  'relink-connection-requests': {
    template: html`<relink-connection-requests></relink-connection-requests>`,
    scenes: [
      { role: 'client', until: has('request') },
      { role: 'agency', until: has('cancel') },
      // Connect on an app with no auth config: the server's message shows under the request.
      {
        role: 'client',
        prepare: async (d) => (await d.other('agency')).connectionRequests.create({ appKey: 'follow-up-boss', principalId: 'prn_client' }),
        // The popup the flow opens first (and closes on the error): a stand-in, as the browser would block a real one here.
        window: () => ({ open: () => ({ closed: false, close() {} }), location: { href: location.href }, addEventListener() {}, removeEventListener() {} }) as unknown as Window,
        until: (el) => has('message')(el) || connectRow(el, 'Follow Up Boss'),
      },
      // Connect for a connection that had another account, approved at the real consent page as another: asks first.
      {
        role: 'client',
        prepare: async (d) => (await d.other('agency')).connectionRequests.create({ connectionId: 'con_quickbooks' }),
        window: (d) => consentWindow(d.server, { account: 'acct_sam' }).window,
        until: (el) => has('confirm')(el) || connectRow(el, 'QuickBooks'),
      },
      { role: 'client', principal: 'prn_new', until: has('empty') },
      { role: 'client', fetch: hang('/connection-requests'), until: has('loading') },
      { role: 'client', fetch: fail('/connection-requests'), until: has('retry') },
    ],
  },
  'relink-connections-table': {
    template: html`<relink-connections-table></relink-connections-table>`,
    scenes: [
      { role: 'client', until: has('manage') },
      { role: 'client', principal: 'prn_new', until: has('empty-body') },
      { role: 'client', fetch: fail('/connections'), until: has('retry') },
      // The agency's LinkedIn expires within the window: its row offers the renewal beside Manage.
      { role: 'agency', until: has('renew') },
    ],
  },
  'relink-notification-bell': {
    template: html`<relink-notification-bell></relink-notification-bell>`,
    scenes: [
      { until: (el) => opened(el) && has('item-time')(el) && has('badge')(el) },
      // The demo raises critical alerts only: a warning and an informational one, as other kinds would be.
      {
        prepare: (d) => Promise.all((['warning', 'info'] as const).map((severity, i) => d.server.app.relink.store.putNotification({
          id: `ntf_${severity}`, workspaceId: 'ws_northwind', kind: 'expiring_soon', severity, title: `A ${severity}`,
          read: false, createdAt: new Date(Date.now() - i * 1000).toISOString(),
        }))),
        until: (el) => opened(el) && has('warning')(el) && has('info')(el),
      },
      { role: 'client', principal: 'prn_newcomer', until: (el) => opened(el) && has('empty')(el) },
      { fetch: hang('/notifications'), until: (el) => opened(el) && has('loading')(el) },
      { fetch: fail('/notifications'), until: (el) => opened(el) && has('retry')(el) },
    ],
  },
  'relink-provider': { template: html`<relink-provider></relink-provider>`, scenes: [] },
  'relink-publish-check': {
    template: html`<relink-publish-check workflow-id="wf_lead_sync"></relink-publish-check>`,
    scenes: [
      { until: has('fix') },
      { template: html`<relink-publish-check workflow-id="wf_slack_digest"></relink-publish-check>`, until: has('ok') },
      { fetch: hang('/workflows'), until: has('loading') },
      { fetch: fail('/workflows'), until: has('retry') },
    ],
  },
  'relink-reauth-banner': {
    template: html`<relink-reauth-banner href="#connections/{id}"></relink-reauth-banner>`,
    scenes: [{ until: has('more') }],
  },
  'relink-reconnect-button': {
    template: html`<relink-reconnect-button connection-id="con_mailchimp"></relink-reconnect-button>`,
    scenes: [
      { until: (el) => has('form')(el) || clickOnce(el, 'base') },
      // HubSpot approved at the real consent page with another account than the connection's: asks first.
      {
        template: html`<relink-reconnect-button connection-id="con_hubspot"></relink-reconnect-button>`,
        window: (d) => consentWindow(d.server, { account: 'acct_sam' }).window,
        until: (el) => has('confirm')(el) || clickOnce(el, 'base'),
      },
      // Facebook Pages, both ticked at the real consent page: the kit asks which to connect.
      {
        // The agency's own revoked Page connection (the demo seeds only the client's, which the client reconnects
        // through a connection request).
        prepare: async (d) => {
          const now = new Date().toISOString();
          await d.server.app.relink.store.putConnection({
            id: 'con_agency_harbor', workspaceId: 'ws_northwind', appKey: 'facebook-pages', label: 'Harbor page (agency)', status: 'revoked', owner: 'agency',
            ownerPrincipalId: 'prn_agency', externalAccountId: 'page_bakery_harbor', externalAccountEmail: 'harbor@acmebakery.example',
            secrets: {}, refresh: { attempts: 0 }, createdAt: now, updatedAt: now,
          });
        },
        template: html`<relink-reconnect-button connection-id="con_agency_harbor"></relink-reconnect-button>`,
        window: (d) => consentWindow(d.server, { account: 'acct_ada', pages: FACEBOOK_PAGES }).window,
        until: (el) => has('choose')(el) || clickOnce(el, 'base'),
      },
      // Follow Up Boss has no auth config: the server's message shows under the button.
      {
        template: html`<relink-reconnect-button connection-id="con_fub"></relink-reconnect-button>`,
        until: (el) => has('error')(el) || clickOnce(el, 'base'),
      },
    ],
  },
  'relink-refresh-button': {
    template: html`<relink-refresh-button connection-id="con_slack"></relink-refresh-button>`,
    scenes: [{ until: has('label') }],
  },
  'relink-revoke-dialog': {
    template: html`<relink-revoke-dialog connection-id="con_slack"></relink-revoke-dialog>`,
    // Open: the dialog renders once it is opened (its template loads then).
    scenes: [{ until: (el) => has('cancel')(el) || clickOnce(el, 'trigger') }],
  },
  'relink-remove-dialog': {
    template: html`<relink-remove-dialog connection-id="con_slack"></relink-remove-dialog>`,
    // Open: the usage (what stops working) loads inside the dialog.
    scenes: [{ until: (el) => has('usage')(el)?.querySelector('li') || clickOnce(el, 'trigger') }],
  },
  'relink-connect-button': {
    template: html`<relink-connect-button app-key="mailchimp"></relink-connect-button>`,
    scenes: [
      { role: 'agency', until: (el) => has('form')(el) || clickOnce(el, 'base') },
      { role: 'agency', template: html`<relink-connect-button app-key="follow-up-boss"></relink-connect-button>`, until: (el) => has('error')(el) || clickOnce(el, 'base') },
      {
        role: 'client',
        template: html`<relink-connect-button app-key="facebook-pages"></relink-connect-button>`,
        window: (d) => consentWindow(d.server, { account: 'acct_ada', pages: FACEBOOK_PAGES }).window,
        until: (el) => has('choose')(el) || clickOnce(el, 'base'),
      },
    ],
  },
  'relink-app-catalog': {
    template: html`<relink-app-catalog></relink-app-catalog>`,
    scenes: [
      { until: has('list') },
      { fetch: hang('/apps'), until: has('loading') },
      { fetch: fail('/apps'), until: has('retry') },
      { prepare: async (d) => (d.server.app.relink.store as unknown as { apps: Map<string, unknown> }).apps.clear(), until: has('empty-body') },
    ],
  },
  'relink-notification-settings': {
    template: html`<relink-notification-settings></relink-notification-settings>`,
    scenes: [
      { role: 'agency', until: has('locked-reason') },
      // A save the network drops: the box goes back and the reason shows (a client: its first box can change).
      {
        role: 'client',
        fetch: (f) => async (input, init) => {
          if ((input instanceof Request ? input.method : init?.method) === 'PUT') throw new TypeError('offline');
          return f(input, init);
        },
        until: (el) => has('save-error')(el) || clickOnce(el, 'checkbox'),
      },
      { fetch: hang('/notification-preferences'), until: has('loading') },
      { fetch: fail('/notification-preferences'), until: has('retry') },
      // The server always lists every kind: only this answer is made up, to reach the empty state.
      { fetch: (f) => async (input, init) => (urlOf(input).includes('/notification-preferences') ? Response.json({ data: [] }) : f(input, init)), until: has('empty') },
    ],
  },
  'relink-run-actions': {
    template: html`<relink-run-actions run-id="run_s_paused"></relink-run-actions>`,
    scenes: [
      { runs: true, until: has('resume') },
      // The operator run waits for HubSpot, still broken: no Resume, but why, with a link to fix the connection.
      { template: html`<relink-run-actions run-id="run_operator_reauth" connection-href="#connections/{id}"></relink-run-actions>`, until: has('blocked-connection') },
      { runs: true, template: html`<relink-run-actions run-id="run_s_failed"></relink-run-actions>`, until: has('replay') },
    ],
  },
  'relink-run-detail': {
    template: html`<relink-run-detail run-id="run_operator_reauth" connection-href="#connections/{id}"></relink-run-detail>`,
    scenes: [
      { until: has('blocked-connection') },
      // A failed run: its error; Replay links the new run ("Replayed as").
      {
        template: html`<relink-run-detail run-id="run_failed"></relink-run-detail>`,
        until: (el) => has('replay-run')(el) || (has('error-message')(el) && void replay(el)),
      },
      {
        prepare: (d) => putRun(d.server, { id: 'run_replay', replayOf: 'run_completed', workflowId: 'wf_slack_digest', kind: 'agent' }),
        template: html`<relink-run-detail run-id="run_replay"></relink-run-detail>`,
        until: has('original-run'),
      },
      { fetch: hang('/runs'), until: has('loading') },
      { fetch: fail('/runs'), until: has('retry') },
    ],
  },
  'relink-runs-list': {
    template: html`<relink-runs-list connection-href="#connections/{id}"></relink-runs-list>`,
    scenes: [
      { until: has('blocked-connection') },
      // A failed run the server retried after the reconnect (seed 004).
      { prepare: (d) => putRun(d.server, { id: 'run_retried', status: 'failed', retryAfterReconnect: true, retry: 'retried', retriedBy: 'run_completed' }), until: has('retried') },
      // The demo workspace always has runs: only this answer is made up, to reach the empty state.
      { fetch: (f) => async (input, init) => (new URL(urlOf(input)).pathname.endsWith('/runs') ? Response.json({ data: [], nextCursor: null }) : f(input, init)), until: has('empty') },
      { fetch: hang('/runs'), until: has('loading') },
      { fetch: fail('/runs'), until: has('retry') },
    ],
  },
  'relink-status-badge': {
    template: html`<relink-status-badge status="active" with-description expires-in-days="3"></relink-status-badge>`,
    scenes: [{ until: has('hint') }],
  },
  'relink-toaster': {
    template: html`<relink-toaster></relink-toaster>`,
    scenes: [
      {
        until: (el) => {
          if (!has('toast')(el)) (el as unknown as { show(t: object): void }).show({ title: 'Saved', description: 'Done.', tone: 'success', action: { label: 'View', href: '#x' } });
          return has('toast')(el);
        },
      },
    ],
  },
};

describe('documented parts', () => {
  it('covers every element in the manifest', () => {
    expect(Object.keys(scenes).sort()).to.deep.equal([...documented.keys()].sort());
  });

  for (const [tag, { template, scenes: list }] of Object.entries(scenes)) {
    it(`${tag}: every documented part exists in one of its states, and every part it renders is documented`, async () => {
      const seen = new Set<string>();
      const unreached: number[] = [];
      for (const [index, scene] of list.entries()) {
        const { parts, reached } = await render(tag, template, scene);
        for (const name of parts) seen.add(name);
        if (!reached) unreached.push(index);
      }
      if (!list.length) for (const name of partsOf(await fixture(template))) seen.add(name);
      const expected = documented.get(tag) ?? [];
      const known = [...documented.get(tag)!, ...modifiers.get(tag)!];
      expect([...seen].filter((name) => !known.includes(name)), 'rendered but undocumented').to.deep.equal([]);
      expect(expected.filter((name) => !seen.has(name)), 'documented but never rendered').to.deep.equal([]);
      expect(unreached, 'scenes (by index) that never reached their state').to.deep.equal([]);
    });
  }
});
