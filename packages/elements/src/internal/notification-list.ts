import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { Notification, NotificationSeverity } from '@relink/sdk';
import CircleAlert from 'lucide/dist/esm/icons/circle-alert.mjs';
import Info from 'lucide/dist/esm/icons/info.mjs';
import TriangleAlert from 'lucide/dist/esm/icons/triangle-alert.mjs';
import type { BellKit, NotificationBellMessages } from '../components/notification-bell/notification-bell.component.js';

/**
 * What `relink-notification-bell` lists in its popover: each notification's title, body, time and link. It loads on
 * demand, the first time the bell has notifications to list (a page without any never fetches it), and imports
 * nothing but lit's chunks, its icons and types, using the page's helpers it is given (`BellKit`, see `flow-kit.ts`
 * for why).
 */

const SEVERITY_ICONS = { critical: CircleAlert, warning: TriangleAlert, info: Info };

/** What the list reads from its bell. */
export interface ListHost {
  m: NotificationBellMessages;
  locale: string;
  connectionHref: string | undefined;
  now: number;
  /** Opens a notification (marks it read, fires `relink-navigate`, closes the popover). */
  open(event: MouseEvent, notification: Notification, href: string): void;
}

/** The title in the page's language for the kinds the kit knows (the server's English title otherwise). */
function titleOf(n: Notification, m: NotificationBellMessages, { fill }: BellKit): string {
  if (n.kind === 'run_failed' && n.workflowName) return fill(m.runFailedTitle, { workflow: n.workflowName });
  const template = n.appName ? { reauth_required: m.reauthTitle, expiring_soon: m.expiringTitle }[n.kind as string] : undefined;
  return template ? fill(template, { app: n.appName! }) : n.title;
}

/**
 * The body in the page's language, said from the notification's fields (`connectionLabel`, `appName`, `expiresAt`)
 * for the kinds the kit knows; the server's English `body` for any other kind. A notification the kit titles but
 * cannot say the body of (from a server without those fields) shows no body on a non-English page, rather than
 * mixing languages: the title carries the message, the connection's page the details.
 */
function bodyOf(n: Notification, { m, locale, now }: ListHost, kit: BellKit): string | undefined {
  const runFailed = runFailedBody(n, m, kit);
  if (runFailed !== undefined) return runFailed;
  const label = n.connectionLabel;
  if (!n.appName || (n.kind !== 'reauth_required' && n.kind !== 'expiring_soon')) return n.body;
  if (label !== undefined && n.kind === 'reauth_required') return kit.fill(m.reauthBody, { label, app: n.appName });
  if (label !== undefined && n.expiresAt !== undefined) {
    // Counted now, not when it was raised ("within 14 days" goes stale); past the expiry the title says enough.
    const days = kit.daysUntil(n.expiresAt, now);
    return days === undefined ? undefined : kit.plural(locale, days, m.expiringBody, { label });
  }
  return /^en\b/i.test(locale) ? n.body : undefined;
}

/** A failed run's body in the page's language: which app broke it, and whether it retries by itself or needs Replay. */
function runFailedBody(n: Notification, m: NotificationBellMessages, { fill }: BellKit): string | undefined {
  if (n.kind !== 'run_failed' || !n.appName) return undefined;
  const template = n.retry === 'retried' ? m.runFailedRetried : n.retry === 'after_reconnect' ? m.runFailedWillRetry : m.runFailedReplay;
  return fill(template, { app: n.appName });
}

function renderItem(n: Notification, host: ListHost, kit: BellKit): TemplateResult {
  const { m, locale, now } = host;
  const severity: NotificationSeverity = n.severity;
  const href = n.connectionId ? kit.fillHref(host.connectionHref, n.connectionId) : undefined;
  const body = bodyOf(n, host, kit);
  const content = html`<span part="item-icon">${kit.icon(SEVERITY_ICONS[severity])}</span>
    <span class="text">
      <span part="item-title"><span class="sr">${m[severity]}: </span>${titleOf(n, m, kit)}</span>
      ${body ? html`<span part="item-body">${body}</span>` : nothing}
      <time part="item-time" datetime=${n.createdAt}>${kit.relativeTime(locale, n.createdAt, now)}</time>
    </span>
    ${n.read ? nothing : html`<span class="dot" aria-hidden="true"></span><span class="sr">, ${m.unread}</span>`}`;
  const open = (e: MouseEvent) => host.open(e, n, href ?? '');
  return html`<li part="item ${severity}${n.read ? '' : ' unread'}" class=${severity}>${href !== undefined
    ? html`<a part="item-link" href=${href} @click=${open}>${content}</a>`
    : html`<button part="item-link" type="button" @click=${open}>${content}</button>`}</li>`;
}

/** The notifications shown, newest first (`part="list"`). */
export function renderList(shown: readonly Notification[], host: ListHost, kit: BellKit): TemplateResult {
  return html`<ul part="list" role="list">${repeat(shown, (n) => n.id, (n) => renderItem(n, host, kit))}</ul>`;
}
