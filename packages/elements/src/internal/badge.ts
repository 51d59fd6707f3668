import { css, html, type TemplateResult } from 'lit';
import type { ConnectionStatus } from '@relink/sdk/schema';
import Ban from 'lucide/dist/esm/icons/ban.mjs';
import Check from 'lucide/dist/esm/icons/check.mjs';
import Clock from 'lucide/dist/esm/icons/clock.mjs';
import Link2Off from 'lucide/dist/esm/icons/link-2-off.mjs';
import { colorAttention, colorDanger, colorNeutral, colorSuccess, colorSurface, fontSizeSmall, radius, space1, space2 } from '../styles/tokens.js';
import { iconMarkup, type IconNode } from './icon.js';

/**
 * A connection status as a label, an icon and a tone, written once for `relink-status-badge` and for the rows of the
 * connections table. A table row renders this markup in the table's own shadow root: no element and shadow root per
 * row (a badge element per row cost more than the rest of the row).
 */
const ICONS: Record<ConnectionStatus, IconNode> = { active: Check, error: Link2Off, pending: Clock, revoked: Ban };

/** `status` when it is one of the four, else undefined (own keys only: `__proto__` is an unknown status). */
export const knownStatus = (status: string | undefined): ConnectionStatus | undefined =>
  status !== undefined && Object.hasOwn(ICONS, status) ? (status as ConnectionStatus) : undefined;

/** Part names of the badge's nodes; unset ones get none. */
export interface BadgeParts {
  base?: string;
  icon?: string;
  label?: string;
}

/** Strings of a template written here rather than in a literal (Lit takes only arrays with `raw`, as a tag gets them). */
export const templateStrings = (strings: string[]): TemplateStringsArray => Object.assign(strings, { raw: strings }) as unknown as TemplateStringsArray;

/**
 * One template per status and set of part names, its icon and part names written into the template's strings
 * (`iconMarkup`): a table renders a badge per row, and an icon directive per row (a node cloned and inserted on its
 * own) cost more than the rest of the badge; the only value left is the label. Built on first use, then the same
 * strings every time (Lit caches a template by its strings). Part names are the elements' own constants, never data.
 */
const templates = new Map<string, TemplateStringsArray>();

function badgeTemplate(given: ConnectionStatus | undefined, parts: BadgeParts): TemplateStringsArray {
  // Written into the template's markup and its cache key: only one of the four, whatever a caller passes.
  const status = knownStatus(given);
  const key = JSON.stringify([status, parts.base, parts.icon, parts.label]);
  let strings = templates.get(key);
  if (!strings) {
    const part = (name: string | undefined) => (name ? ` part="${name.replace(/[^\w -]/g, '')}"` : '');
    // An unknown status has no icon (and no icon part).
    const svg = status ? iconMarkup(ICONS[status]) : '';
    const icon = parts.icon && status ? `<span${part(parts.icon)} class="badge-icon">${svg}</span>` : svg;
    // The label's place: the one value of the template.
    const [before, after] = parts.label ? [`<span${part(parts.label)}>`, '</span>'] : ['', ''];
    strings = templateStrings([`<span${part(parts.base)} class="${status ?? 'unknown'}" data-badge>${icon}${before}`, `${after}</span>`]);
    templates.set(key, strings);
  }
  return strings;
}

/**
 * The badge: `label` is the status's word (or "Unknown" for a status this version does not know, without an icon).
 * Without a label part (a table's rows) the word is a text node of the badge, and without an icon part the icon is
 * the badge's own child: two elements fewer per row (each element of 100 rows is style and layout work).
 */
export const badge = (status: ConnectionStatus | undefined, label: string, parts: BadgeParts = {}): TemplateResult =>
  html(badgeTemplate(status, parts), label);

/** Styles of `badge()` (`[data-badge]`, its class is the status) and of the hint beside it (`.badge-hint`). */
export const badgeStyles = css`
  [data-badge] {
    --_tone: ${colorNeutral};
    display: inline-flex;
    align-items: center;
    gap: ${space1};
    min-inline-size: 0;
    padding: 0 ${space2};
    border: 1px solid color-mix(in srgb, var(--_tone) 40%, transparent);
    border-radius: var(--relink-status-badge-radius, ${radius});
    background: color-mix(in srgb, var(--_tone) 12%, ${colorSurface});
    color: var(--_tone);
    font-size: var(--relink-status-badge-font-size, ${fontSizeSmall});
    font-weight: 500;
    line-height: 1.5;
    /*
     * A status never breaks inside a word (\`anywhere\` let a table squeeze "active" into "activ e"); a host's longer
     * label still wraps between words rather than overflow its column.
     */
    overflow-wrap: break-word;
  }
  [data-badge].active { --_tone: var(--relink-status-badge-active-color, ${colorSuccess}); }
  [data-badge].error { --_tone: var(--relink-status-badge-error-color, ${colorDanger}); }
  [data-badge].pending { --_tone: var(--relink-status-badge-pending-color, ${colorAttention}); }
  [data-badge].revoked { --_tone: var(--relink-status-badge-revoked-color, ${colorNeutral}); }
  .badge-icon { display: inline-flex; flex: none; }
  .badge-hint { font-size: ${fontSizeSmall}; color: var(--relink-status-badge-hint-color, ${colorAttention}); }
  /* forced-colors: the border is forced to a system colour by the browser, so the badge keeps its outline. */
`;
