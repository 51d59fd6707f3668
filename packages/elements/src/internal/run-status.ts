import { css, html, nothing, type TemplateResult } from 'lit';
import { isPausedForReauth, type PauseReason, type Run, type RunStatus } from '@relink/sdk';
import Ban from 'lucide/dist/esm/icons/ban.mjs';
import CircleCheck from 'lucide/dist/esm/icons/circle-check.mjs';
import CirclePause from 'lucide/dist/esm/icons/circle-pause.mjs';
import CircleX from 'lucide/dist/esm/icons/circle-x.mjs';
import Hourglass from 'lucide/dist/esm/icons/hourglass.mjs';
import LoaderCircle from 'lucide/dist/esm/icons/loader-circle.mjs';
import type { CommonMessages } from '../translations/translation.js';
import { colorAttention, colorDanger, colorInfo, colorNeutral, colorSuccess, space1 } from '../styles/tokens.js';
import { conjunction } from './format.js';
import { icon } from './icon.js';

/** The run vocabulary shared by the runs list and the run detail (seed 002), so both say the same thing. */
export type RunStatusMessages = Pick<CommonMessages, 'agent' | 'operator' | 'blockedBy' | 'reauthFixed'> & {
  statusLabels: Record<RunStatus, string>;
  pauseReasons: Record<PauseReason, string>;
};

/**
 * Connections as a list in the page's language ("HubSpot and Slack"), each a link (with `href`) or text:
 * `part` on each name, `onNavigate` on each click.
 */
export function connectionList(
  ids: readonly string[],
  options: { locale: string; name: (id: string) => string; href: (id: string) => string | undefined; part: string; onNavigate?: (event: MouseEvent, id: string, href: string) => void },
): (TemplateResult | string)[] {
  const { locale, name, href, part, onNavigate } = options;
  const parts = conjunction(locale).formatToParts(ids.map(name));
  let index = 0;
  return parts.map((p) => {
    if (p.type === 'literal') return p.value;
    const id = ids[index++]!;
    const link = href(id);
    // `dir="auto"` isolates each name for bidi: an Arabic app name does not reorder the sentence around it.
    return link === undefined
      ? html`<span part=${part} dir="auto">${p.value}</span>`
      : html`<a part=${part} dir="auto" href=${link} @click=${(e: MouseEvent) => onNavigate?.(e, id, link)}>${p.value}</a>`;
  });
}

const STATUS_ICONS: Record<RunStatus, Parameters<typeof icon>[0]> = {
  running: LoaderCircle, paused: CirclePause, waiting: Hourglass, completed: CircleCheck, failed: CircleX, cancelled: Ban,
};

/** The status as icon (decorative) and text, never colour alone: `part="status"` holding `part="status-icon"`. */
export const runStatus = (run: Run, m: RunStatusMessages) =>
  html`<span part="status" class=${run.status}><span part="status-icon">${icon(STATUS_ICONS[run.status])}</span>${m.statusLabels[run.status]}</span>`;

/** Why a paused run is paused (`part="reason"`), or nothing. */
export const pauseReason = (run: Run, m: RunStatusMessages) => {
  if (run.status !== 'paused' || !run.pauseReason) return nothing;
  // The server says which connections still block it: none left means the reauth is done, only Resume remains.
  const fixed = isPausedForReauth(run) && run.blockedConnectionIds !== undefined && run.blockedConnectionIds.length === 0;
  return html`<span part="reason">${fixed ? m.reauthFixed : m.pauseReasons[run.pauseReason]}</span>`;
};

/** Tones of `runStatus()`: the icon takes the status's tone, the text stays in the text colour (AA on any surface). */
export const runStatusStyles = css`
  [part='status'] { --_tone: ${colorNeutral}; display: inline-flex; align-items: center; gap: ${space1}; font-weight: 500; }
  [part='status-icon'] { display: inline-flex; color: var(--_tone); }
  .running { --_tone: ${colorInfo}; }
  .paused, .waiting { --_tone: ${colorAttention}; }
  .completed { --_tone: ${colorSuccess}; }
  .failed { --_tone: ${colorDanger}; }
`;
