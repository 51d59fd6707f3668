import { css, html, nothing, type CSSResult, type TemplateResult } from 'lit';
import type { Connection, RelinkStore, Viewer } from '@relink/sdk';
import type { ConnectionDetailMessages, DetailKit } from '../components/connection-detail/connection-detail.component.js';

/** The detail, as its view sees it (`RelinkConnectionDetail`, which owns its state, events and focus). */
export interface DetailHost {
  readonly m: ConnectionDetailMessages;
  readonly messages: object;
  readonly locale: string;
  readonly store: RelinkStore | undefined;
  readonly viewer: Viewer | undefined;
  readonly headingLevel: number;
  readonly listHref: string | undefined;
  handleBack(event: MouseEvent, href: string): void;
}

/**
 * What `relink-connection-detail` shows once it has a connection, or once that connection was removed: loaded as the
 * first detail connects (a page of connections shows the table first; the detail shows after a click, often on a page
 * of its own). Until then, and while its connection loads, the element shows its loading state. Like every on-demand
 * module it imports nothing but lit and types, and gets the page's helpers from the element (`detailKit`), so it
 * never splits the page's own code out of its entry (`test/on-demand-leaves.node.test.ts`).
 */
export function renderConnection(host: DetailHost, c: Connection, kit: DetailKit): TemplateResult {
  const { m, locale, store, messages } = host;
  const path = kit.reconnectPath(host.viewer, c);
  const expiring = store ? kit.expiryHintDays(c, store.expiringWithinDays, store.now()) : undefined;
  const showNotice = host.viewer?.role === 'client' && !c.refreshable;
  // Not "Waiting for the first sync.": the app cannot connect until its managed auth config is fixed.
  const authProblem = c.status === 'active' ? undefined : kit.authConfigProblem(c);
  const { copies, messagesFor } = kit;
  return html`<section part="base" aria-labelledby="title">
    <div part="header">
      ${kit.monogram(c.app)}
      <div>
        ${kit.heading(host.headingLevel, { part: 'title', id: 'title' }, c.app.name)}
        <p part="label">${c.label}</p>
      </div>
    </div>
    <div part="status">
      <relink-status-badge part="badge" status=${c.status} ?with-description=${!authProblem} expires-in-days=${expiring ?? nothing}
        .messages=${messagesFor(messages, copies.badge)}></relink-status-badge>
      <div part="actions">
        <relink-refresh-button connection-id=${c.id} .messages=${messagesFor(messages, copies.refresh)}></relink-refresh-button>
        ${(kit.needsReconnect(c) || expiring !== undefined) && path !== 'none'
          ? html`<relink-reconnect-button connection-id=${c.id} .messages=${messagesFor(messages, copies.reconnect)}></relink-reconnect-button>`
          : nothing}
        <relink-revoke-dialog connection-id=${c.id} .messages=${messagesFor(messages, copies.revoke)}></relink-revoke-dialog>
        <relink-remove-dialog connection-id=${c.id} .messages=${messagesFor(messages, copies.remove)}></relink-remove-dialog>
      </div>
    </div>
    ${authProblem
      ? html`<div part="auth-config"><p>${kit.fill(kit.authConfigText(authProblem, m), { app: c.app.name })}</p><p>${m.authConfigHelp}</p></div>`
      : nothing}
    ${c.status === 'error' && c.lastError ? renderLastError(host, c.lastError) : nothing}
    <dl part="facts">
      ${c.externalAccountEmail ? html`<dt>${m.account}</dt><dd>${c.externalAccountEmail}</dd>` : nothing}
      <dt>${m.lastRefreshed}</dt>
      <dd>${c.lastRefreshedAt
        ? html`<time part="last-refreshed" datetime=${c.lastRefreshedAt} title=${kit.absoluteTime(locale, c.lastRefreshedAt)}
            >${kit.relativeTime(locale, c.lastRefreshedAt, store?.now())}</time>`
        : m.never}</dd>
    </dl>
    ${showNotice ? html`<p part="notice">${m.contactAgency}</p>` : nothing}
  </section>`;
}

/**
 * The server writes the last error in English, naming the app: an English page shows it; another language says the
 * error by its code, and an unknown code shows no sentence rather than English on a translated page.
 */
function renderLastError(host: DetailHost, error: { code: string; message: string }) {
  const text = /^en\b/i.test(host.locale) ? error.message : (host.m.lastErrors as Record<string, string>)[error.code];
  return text ? html`<p part="last-error">${text}</p>` : nothing;
}

/** The connection was removed while the page showed it: say so, and link back to the list when `list-href` is set. */
export function renderRemoved(host: DetailHost, connection: Connection, kit: DetailKit): TemplateResult {
  const m = host.m;
  const href = kit.fillHref(host.listHref, connection.id);
  return html`<section part="base removed" aria-labelledby="title">
    ${kit.heading(host.headingLevel, { part: 'title', id: 'title' }, kit.fill(m.removedTitle, { app: connection.app.name }))}
    <p part="removed-body">${m.removedBody}</p>
    ${href !== undefined ? html`<p><a part="back" href=${href} @click=${(e: MouseEvent) => host.handleBack(e, href)}>${m.backToList}</a></p>` : nothing}
  </section>`;
}

/** The view's rules, from the tokens the element hands in; its host rule stays with the element. */
export const detailStyles = (t: Record<'colorBorder' | 'colorDanger' | 'colorTextMuted' | 'space1' | 'space2' | 'space3' | 'space4', CSSResult>): CSSResult => css`
    [part='header'] { display: flex; align-items: center; gap: ${t.space3}; min-inline-size: 0; }
    [part='header'] > div { min-inline-size: 0; }
    [part='title'] { margin: 0; font-size: 1.25em; font-weight: 600; }
    [part='label'] { margin: 0; color: ${t.colorTextMuted}; }
    /*
     * The badge and every action button sit on one wrapping line. The actions box and the reconnect button's host
     * are transparent to layout (\`display: contents\`), so the reconnect button's inline form (API-key fields, the
     * account-mismatch prompt) and its message become lines of their own below that row (reconnect-button.styles.ts
     * orders them last at full width): opening them never moves the badge or the buttons.
     */
    [part='status'] { display: flex; flex-wrap: wrap; align-items: center; gap: ${t.space2}; }
    [part='status'] > relink-status-badge { margin-inline-end: ${t.space1}; }
    [part='actions'], [part='actions'] > relink-reconnect-button { display: contents; }
    [part='facts'] { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: ${t.space1} ${t.space4}; margin: 0; }
    /* Narrow: each fact's name above its value, so an e-mail address keeps the card's width. */
    @container relink-connection-detail (inline-size < 24rem) {
      [part='facts'] { grid-template-columns: minmax(0, 1fr); }
      dd + dt { margin-block-start: ${t.space2}; }
    }
    dt { color: ${t.colorTextMuted}; }
    dd { margin: 0; }
    [part='last-error'] { margin: 0; color: ${t.colorDanger}; }
    [part='notice'] { margin: 0; padding: ${t.space2} ${t.space3}; border-inline-start: 3px solid ${t.colorBorder}; color: ${t.colorTextMuted}; }
    [part='auth-config'] { padding: ${t.space2} ${t.space3}; border-inline-start: 3px solid ${t.colorDanger}; }
    [part='auth-config'] p { margin: 0; }
    [part~='removed'] p { margin: 0; }
    [part='removed-body'] { color: ${t.colorTextMuted}; }
`;
