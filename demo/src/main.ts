// The demo host app: an agency console and a client portal built from Relink tags only. The host's own code is
// routing, layout and getting session tokens from its backend — what a product team would write.
import { html, nothing, render, type TemplateResult } from 'lit';
// The elements of the first screen, console and portal alike, come with the page's script. The others are defined
// by the route that shows them (`needs` below): each is an on-demand chunk, so a page never evaluates the whole kit.
import '@relink/elements/provider.js';
import '@relink/elements/toaster.js';
import '@relink/elements/reauth-banner.js';
import '@relink/elements/notification-bell.js';
import '@relink/elements/connections-table.js';
import { sessionToken } from './session.js';
import { demoPanel } from './demo-panel.js';
import { LANGUAGE_CHANGE, languagePicker } from './language.js';
import { words } from './words.js';
import { addConnection } from './add-connection.js';

const tokens = { agency: sessionToken('agency'), client: sessionToken('client') };
// The page's first token is asked for now, beside /host/config and the elements' first chunks, instead of when
// the provider connects: every request of the first screen waits for it. A failure is the provider's to report
// (it asks again), so this early ask stays quiet.
void Promise.resolve(tokens[location.pathname.startsWith('/portal') ? 'client' : 'agency']()).catch(() => undefined);
const app = document.querySelector<HTMLElement>('#app')!;
let demoMode = false;

function navigate(href: string): void {
  history.pushState(null, '', href);
  void show();
}

// Host routing: Relink elements announce navigation with cancelable events; the host takes over with pushState.
for (const type of ['relink-manage', 'relink-navigate'] as const) {
  document.addEventListener(type, (event) => {
    const href = (event as Event & { detail?: { href?: string } }).detail?.href;
    if (!href || !href.startsWith('/')) return;
    event.preventDefault();
    navigate(href);
  });
}
document.addEventListener('click', (event) => {
  const link = (event.target as Element).closest?.('a[data-route]');
  if (!link || event.defaultPrevented || event.metaKey || event.ctrlKey || event.shiftKey) return;
  event.preventDefault();
  navigate(link.getAttribute('href')!);
});
window.addEventListener('popstate', () => void show());
// The host's own words follow the language select; Relink's elements follow `lang` by themselves.
document.addEventListener(LANGUAGE_CHANGE, () => void show());

/** The elements a route shows beyond the first screen's; an element renders once its module has defined it. */
const elements = {
  runsList: () => import('@relink/elements/runs-list.js'),
  connectionRequests: () => import('@relink/elements/connection-requests.js'),
  appCatalog: () => import('@relink/elements/app-catalog.js'),
  connectionDetail: () => import('@relink/elements/connection-detail.js'),
  runDetail: () => import('@relink/elements/run-detail.js'),
  notificationSettings: () => import('@relink/elements/notification-settings.js'),
};

function needs(...loads: Array<() => Promise<unknown>>): void {
  for (const load of loads) load().catch((error: unknown) => console.error('Could not load a Relink element.', error));
}

const monogram = (text: string) => html`<span class="logo" aria-hidden="true">${text}</span>`;

function agencyShell(active: string, title: string, content: TemplateResult): TemplateResult {
  const w = words();
  const nav = (href: string, label: string) =>
    html`<a data-route href=${href} aria-current=${active === href ? 'page' : nothing}>${label}</a>`;
  return html`
    <relink-provider .token=${tokens.agency} base-url="/v1">
      <div class="shell">
        <aside class="sidebar">
          <div class="brand">${monogram('N')}<span>Northwind Automations</span></div>
          <nav aria-label=${w.workspace}>
            ${nav('/', w.overview)} ${nav('/connections', w.connections)} ${nav('/runs', w.runs)} ${nav('/settings', w.settings)}
          </nav>
          ${demoMode ? demoPanel(tokens.agency) : nothing}
          <p class="sidebar-foot"><a data-route href="/portal/connections">${w.openPortal}</a></p>
        </aside>
        <div class="main">
          <header class="topbar">
            <h1>${title}</h1>
            ${languagePicker()}
            <relink-notification-bell connection-href="/connections/{id}">
              <a slot="footer" data-route href="/settings" style="display: block; padding: 0.5rem 0.75rem; border-block-start: 1px solid var(--line)">${w.notificationSettings}</a>
            </relink-notification-bell>
            <span class="avatar" title="Northwind Agency">NA</span>
          </header>
          <relink-reauth-banner href="/connections"></relink-reauth-banner>
          <main class="content">${content}</main>
        </div>
      </div>
      <relink-toaster></relink-toaster>
    </relink-provider>
  `;
}

function portalShell(content: TemplateResult): TemplateResult {
  const w = words();
  return html`
    <relink-provider .token=${tokens.client} base-url="/v1">
      <div class="portal">
        <header class="portal-bar">
          <div class="brand">${monogram('A')}<span>Acme Bakery · ${w.clientPortal}</span></div>
          <nav aria-label=${w.portal}><a data-route href="/portal/connections" aria-current="page">${w.connections}</a></nav>
          <span class="portal-switch">${languagePicker()}<a data-route href="/">${w.agencyConsole}</a></span>
        </header>
        <main class="content narrow">${content}</main>
      </div>
      <relink-toaster></relink-toaster>
    </relink-provider>
  `;
}

/** Each route: its path, the elements it needs beyond the first screen's, its page. */
const routes: Array<[RegExp, Array<() => Promise<unknown>>, (...params: string[]) => TemplateResult]> = [
  [
    /^\/$/,
    [elements.runsList, elements.connectionRequests],
    () =>
      agencyShell(
        '/',
        words().overview,
        html`
          <section aria-labelledby="connections-heading">
            <h2 id="connections-heading">${words().connections}</h2>
            <relink-connections-table manage-href="/connections/{id}"></relink-connections-table>
          </section>
          <section aria-labelledby="runs-heading">
            <h2 id="runs-heading">${words().workflowRuns}</h2>
            <relink-runs-list connection-href="/connections/{id}" run-href="/runs/{id}"></relink-runs-list>
          </section>
          <section aria-labelledby="requests-heading">
            <h2 id="requests-heading">${words().connectionRequests}</h2>
            <relink-connection-requests></relink-connection-requests>
          </section>
        `,
      ),
  ],
  [
    /^\/connections$/,
    [elements.appCatalog],
    () =>
      agencyShell('/connections', words().connections, html`${addConnection()}<relink-connections-table manage-href="/connections/{id}"></relink-connections-table>`),
  ],
  [
    /^\/connections\/([\w-]+)$/,
    [elements.connectionDetail],
    (id) =>
      agencyShell(
        '/connections',
        words().connection,
        html`<p><a data-route href="/connections">${words().allConnections}</a></p>
          <relink-connection-detail connection-id=${id} list-href="/connections"></relink-connection-detail>`,
      ),
  ],
  [
    /^\/runs$/,
    [elements.runsList],
    () => agencyShell('/runs', words().runs, html`<relink-runs-list connection-href="/connections/{id}" run-href="/runs/{id}"></relink-runs-list>`),
  ],
  [
    /^\/runs\/([\w-]+)$/,
    [elements.runDetail],
    (id) =>
      agencyShell(
        '/runs',
        words().run,
        html`<p><a data-route href="/runs">${words().allRuns}</a></p>
          <relink-run-detail run-id=${id} connection-href="/connections/{id}" run-href="/runs/{id}"></relink-run-detail>`,
      ),
  ],
  [
    /^\/settings$/,
    [elements.notificationSettings],
    () =>
      agencyShell(
        '/settings',
        words().settings,
        html`<section aria-labelledby="notifications-heading" style="max-inline-size: 40rem">
          <h2 id="notifications-heading">${words().notificationSettings}</h2>
          <relink-notification-settings></relink-notification-settings>
        </section>`,
      ),
  ],
  [
    /^\/portal\/connections$/,
    [elements.connectionRequests, elements.appCatalog],
    () =>
      portalShell(html`
        <h1>${words().connections}</h1>
        <p class="lede">${words().portalLede}</p>
        ${addConnection()}
        <relink-connections-table manage-href="/portal/connections/{id}"></relink-connections-table>
        <relink-connection-requests></relink-connection-requests>
      `),
  ],
  [
    /^\/portal\/connections\/([\w-]+)$/,
    [elements.connectionDetail],
    (id) =>
      portalShell(html`
        <p><a data-route href="/portal/connections">${words().backToConnections}</a></p>
        <h1>${words().manageConnection}</h1>
        <relink-connection-detail connection-id=${id} list-href="/portal/connections"></relink-connection-detail>
      `),
  ],
];

async function show(): Promise<void> {
  const path = location.pathname.replace(/\/+$/, '') || '/';
  for (const [pattern, loads, page] of routes) {
    const match = pattern.exec(path);
    if (match) {
      needs(...loads);
      render(page(...match.slice(1)), app);
      return;
    }
  }
  render(html`<main class="content"><h1>${words().notFound}</h1><p><a data-route href="/">${words().backToConsole}</a></p></main>`, app);
}

try {
  demoMode = ((await (await fetch('/host/config')).json()) as { demo?: boolean }).demo === true;
} catch {
  demoMode = false;
}
await show();
