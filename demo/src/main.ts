// The demo host app: an agency console and a client portal built from Relink tags only. The host's own code is
// routing, layout and getting session tokens from its backend — what a product team would write.
import { html, nothing, render, type TemplateResult } from 'lit';
import '@relink/elements';
import { sessionToken } from './session.js';
import { demoPanel } from './demo-panel.js';
import { languagePicker } from './language.js';

const tokens = { agency: sessionToken('agency'), client: sessionToken('client') };
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

const monogram = (text: string) => html`<span class="logo" aria-hidden="true">${text}</span>`;

function agencyShell(active: string, title: string, content: TemplateResult): TemplateResult {
  const nav = (href: string, label: string) =>
    html`<a data-route href=${href} aria-current=${active === href ? 'page' : nothing}>${label}</a>`;
  return html`
    <relink-provider .token=${tokens.agency} base-url="/v1">
      <div class="shell">
        <aside class="sidebar">
          <div class="brand">${monogram('N')}<span>Northwind Automations</span></div>
          <nav aria-label="Workspace">
            ${nav('/', 'Overview')} ${nav('/connections', 'Connections')} ${nav('/runs', 'Runs')} ${nav('/settings', 'Settings')}
          </nav>
          ${demoMode ? demoPanel(tokens.agency) : nothing}
          <p class="sidebar-foot"><a data-route href="/portal/connections">Open the client portal</a></p>
        </aside>
        <div class="main">
          <header class="topbar">
            <h1>${title}</h1>
            ${languagePicker()}
            <relink-notification-bell connection-href="/connections/{id}">
              <a slot="footer" data-route href="/settings" style="display: block; padding: 0.5rem 0.75rem; border-block-start: 1px solid var(--line)">Notification settings</a>
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
  return html`
    <relink-provider .token=${tokens.client} base-url="/v1">
      <div class="portal">
        <header class="portal-bar">
          <div class="brand">${monogram('A')}<span>Acme Bakery · Client portal</span></div>
          <nav aria-label="Portal"><a data-route href="/portal/connections" aria-current="page">Connections</a></nav>
          <span class="portal-switch">${languagePicker()}<a data-route href="/">Agency console</a></span>
        </header>
        <main class="content narrow">${content}</main>
      </div>
      <relink-toaster></relink-toaster>
    </relink-provider>
  `;
}

const routes: Array<[RegExp, (...params: string[]) => TemplateResult]> = [
  [
    /^\/$/,
    () =>
      agencyShell(
        '/',
        'Overview',
        html`
          <section aria-labelledby="connections-heading">
            <h2 id="connections-heading">Connections</h2>
            <relink-connections-table manage-href="/connections/{id}"></relink-connections-table>
          </section>
          <section aria-labelledby="runs-heading">
            <h2 id="runs-heading">Workflow runs</h2>
            <relink-runs-list connection-href="/connections/{id}" run-href="/runs/{id}"></relink-runs-list>
          </section>
          <section aria-labelledby="requests-heading">
            <h2 id="requests-heading">Connection requests</h2>
            <relink-connection-requests></relink-connection-requests>
          </section>
        `,
      ),
  ],
  [
    /^\/connections$/,
    () =>
      agencyShell('/connections', 'Connections', html`<relink-connections-table manage-href="/connections/{id}"></relink-connections-table>`),
  ],
  [
    /^\/connections\/([\w-]+)$/,
    (id) =>
      agencyShell(
        '/connections',
        'Connection',
        html`<p><a data-route href="/connections">← All connections</a></p>
          <relink-connection-detail connection-id=${id}></relink-connection-detail>`,
      ),
  ],
  [
    /^\/runs$/,
    () => agencyShell('/runs', 'Runs', html`<relink-runs-list connection-href="/connections/{id}" run-href="/runs/{id}"></relink-runs-list>`),
  ],
  [
    /^\/runs\/([\w-]+)$/,
    (id) =>
      agencyShell(
        '/runs',
        'Run',
        html`<p><a data-route href="/runs">← All runs</a></p>
          <relink-run-detail run-id=${id} connection-href="/connections/{id}" run-href="/runs/{id}"></relink-run-detail>`,
      ),
  ],
  [
    /^\/settings$/,
    () =>
      agencyShell(
        '/settings',
        'Settings',
        html`<section aria-labelledby="notifications-heading" style="max-inline-size: 40rem">
          <h2 id="notifications-heading">Notification settings</h2>
          <relink-notification-settings></relink-notification-settings>
        </section>`,
      ),
  ],
  [
    /^\/portal\/connections$/,
    () =>
      portalShell(html`
        <h1>Connections</h1>
        <p class="lede">Apps you connected for Northwind Agency. Check their health, refresh a credential, or revoke access.</p>
        <relink-connections-table manage-href="/portal/connections/{id}"></relink-connections-table>
        <relink-connection-requests></relink-connection-requests>
      `),
  ],
  [
    /^\/portal\/connections\/([\w-]+)$/,
    (id) =>
      portalShell(html`
        <p><a data-route href="/portal/connections">← Connections</a></p>
        <h1>Manage connection</h1>
        <relink-connection-detail connection-id=${id}></relink-connection-detail>
      `),
  ],
];

async function show(): Promise<void> {
  const path = location.pathname.replace(/\/+$/, '') || '/';
  for (const [pattern, page] of routes) {
    const match = pattern.exec(path);
    if (match) {
      render(page(...match.slice(1)), app);
      return;
    }
  }
  render(html`<main class="content"><h1>Page not found</h1><p><a data-route href="/">Back to the console</a></p></main>`, app);
}

try {
  demoMode = ((await (await fetch('/host/config')).json()) as { demo?: boolean }).demo === true;
} catch {
  demoMode = false;
}
await show();
