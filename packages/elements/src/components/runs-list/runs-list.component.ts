import { html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { blockedConnectionIds, isPausedForReauth, type Connection, type RelinkSnapshot, type Run } from '@relink/sdk';
import { ClockController } from '../../controllers/clock-controller.js';
import { ConnectionNames } from '../../controllers/connection-names.js';
import { collectionLoader } from '../../controllers/resource-controller.js';
import { StoreController } from '../../controllers/store-controller.js';
import { RelinkNavigateEvent, type NavigateDetail } from '../../events/navigate.js';
import { absoluteTime, relativeTime } from '../../internal/format.js';
import { fillHref } from '../../internal/href.js';
import { errorCopy, noCodes, type ErrorKindMessages } from '../../internal/error-copy.js';
import { isStale, staleNote, type StaleMessages } from '../../internal/stale.js';
import { emptyState, errorState, loadingState } from '../../internal/load-state.js';
import { RelinkElement } from '../../internal/relink-element.js';
import { connectionList, pauseReason, runStatus, type RunStatusMessages } from '../../internal/run-status.js';
import { RelinkRunActions, type RunActionsMessages } from '../run-actions/run-actions.js';
import { messagesFor } from '../../internal/messages-for.js';
import { copyOf } from '../../internal/registry.js';
import { errorKinds, retry, runVocabulary, runsList, stale } from '../../translations/en.js';
import type { CommonMessages, ElementMessages } from '../../translations/translation.js';
import styles from './runs-list.styles.js';

/** The preset chips: every run, runs paused on reauth, running runs, failed runs. */
export type RunsFilter = 'all' | 'paused_for_reauth' | 'running' | 'failed';

export type RunsListMessages = ElementMessages['runs-list'] & RunStatusMessages & ErrorKindMessages & StaleMessages & Pick<CommonMessages, 'retry'>;

const FILTERS: RunsFilter[] = ['all', 'paused_for_reauth', 'running', 'failed'];
const matches: Record<RunsFilter, (run: Run) => boolean> = {
  all: () => true,
  paused_for_reauth: isPausedForReauth,
  running: (run) => run.status === 'running',
  failed: (run) => run.status === 'failed',
};

interface Slice {
  runs: RelinkSnapshot['runs'];
  connections: RelinkSnapshot['connections'];
}

/**
 * The runs list of seed 002: workflow, status (icon and text, never colour alone), kind (agent or operator),
 * started and updated times, and `relink-run-actions` on each row. Preset chips ("All", "Paused for reauth",
 * "Running", "Failed") are toggle buttons with `aria-pressed`; "Paused for reauth" shows exactly the runs paused
 * with reason reauth, each naming and linking the connection it waits for (`connection-href`). Live: a run parked on
 * reauth flips to running when its connection is reconnected, and leaves the "Paused for reauth" view; a failed run of a
 * workflow that retries after reconnect says "Will retry automatically after you reconnect LinkedIn." in place of
 * Replay, then "Retried automatically" once the server replayed it (seed 004). Loads the
 * runs if no other element did, and each connection it names by id if the store does not hold it (never the whole
 * connections list); loading, error and empty states.
 *
 * @tag relink-runs-list
 * @summary Runs with status, kind and times; preset chips incl. "Paused for reauth"; Resume/Replay per row.
 *
 * @event {RelinkNavigateEvent} relink-navigate - A run link (`{ href, runId }`) or a blocked connection's link (`{ href, connectionId, runId }`) was activated; cancel it to route in the host app.
 *
 * @csspart base - Chips and table.
 * @csspart chips - The group of preset chips.
 * @csspart chip - Each chip (`aria-pressed`).
 * @csspart chip-pressed - Also on the pressed chip.
 * @csspart table - The `<table>`.
 * @csspart row - Each run's row.
 * @csspart cell - Each cell.
 * @csspart workflow - The workflow name (a link with `run-href`).
 * @csspart status - The status: icon and label.
 * @csspart status-icon - The status icon (decorative).
 * @csspart reason - Why a paused run is paused.
 * @csspart retried - "Retried automatically", beside a failed run the server replayed after a reconnect (seed 004).
 * @csspart blocked-connection - The link to the connection a run waits for.
 * @csspart actions - The row's `relink-run-actions`.
 * @csspart loading - The loading state (`role="status"`).
 * @csspart empty - The empty state ("No runs yet", or no runs match the chip).
 * @csspart empty-title - The empty state's text.
 * @csspart error - The load error with "Try again".
 * @csspart retry - The "Try again" button.
 *
 * @cssproperty --relink-runs-list-chip-pressed-background - Background of the pressed chip; defaults to `--relink-color-text`.
 * @cssproperty --relink-runs-list-cell-padding - Cell padding; defaults to `--relink-space-2 --relink-space-3`.
 * @cssproperty --relink-runs-list-link-color - Colour of links; defaults to `--relink-color-focus-ring`.
 */
export class RelinkRunsList extends RelinkElement<RunsListMessages, { 'run-actions'?: Partial<RunActionsMessages> }> {
  static override styles = styles;

  /** @internal Its namespace and the English it prints (`translations/en.ts`). */
  static override copy = copyOf('runs-list', runsList, runVocabulary, errorKinds, noCodes, stale, retry);

  // Whether the service can be reached: old data says it may be out of date.
  private readonly live = new StoreController(this, (s) => s.live);
  private readonly data = new StoreController<Slice>(this, (s) => ({ runs: s.runs, connections: s.connections }), {
    equals: (a, b) => a.runs === b.runs && a.connections === b.connections,
  });
  private readonly loader = collectionLoader(this, () => this.data.store, ['runs']);
  // The connections a paused run waits for, by name: fetched by id when the store does not hold them.
  private readonly names = new ConnectionNames(this, () => this.data.store);
  // Keep "5 minutes ago" true.
  private readonly clock = new ClockController(this);

  /** The pressed preset chip. */
  @property({ reflect: true }) filter: RunsFilter = 'all';

  /** Link of a connection a run is blocked on: `{id}` is the connection's id. */
  @property({ attribute: 'connection-href' }) connectionHref?: string;

  /** Link of a run's detail page: `{id}` is the run's id; unset, the workflow name is plain text. */
  @property({ attribute: 'run-href' }) runHref?: string;

  private rows: readonly Run[] = [];

  /** Loads the runs again (what "Try again" does). */
  reload(): Promise<void> {
    return this.loader.run();
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const slice = this.data.value;
    const keep = matches[this.filter] ?? matches.all;
    this.rows = (slice?.runs.items ?? []).filter(keep);
  }

  private navigate(event: MouseEvent, target: NavigateDetail): void {
    if (!this.dispatchEvent(new RelinkNavigateEvent({ ...target }))) event.preventDefault();
  }

  private connectionName(id: string): string {
    const c: Connection | undefined = this.names.get(id);
    return c ? `${c.app.name} (${c.label})` : id;
  }

  /** What every row of one render shares: the merged copy, the locale and the clock are read once, not per row. */
  private rowContext() {
    return { m: this.m, locale: this.locale, now: this.data.store?.now() ?? Date.now() };
  }

  private renderStatus(run: Run, { m, locale }: ReturnType<RelinkRunsList['rowContext']>) {
    const blocked = blockedConnectionIds(run);
    return html`${runStatus(run, m)}
      ${pauseReason(run, m)}
      ${run.retry === 'retried' ? html`<span part="retried">${m.retried}</span>` : nothing}
      ${blocked.length ? html`<span class="blocked">${m.blockedBy} ${connectionList(blocked, {
        locale,
        name: (id) => this.connectionName(id),
        href: (id) => fillHref(this.connectionHref, id),
        part: 'blocked-connection',
        onNavigate: (e, id, href) => this.navigate(e, { href, connectionId: id, runId: run.id }),
      })}</span>` : nothing}`;
  }

  private renderRow(run: Run, context: ReturnType<RelinkRunsList['rowContext']>) {
    const { m, locale, now } = context;
    const href = fillHref(this.runHref, run.id);
    const time = (at: string) => html`<time datetime=${at} title=${absoluteTime(locale, at)}>${relativeTime(locale, at, now)}</time>`;
    return html`<tr part="row" data-id=${run.id}>
      <th part="cell" scope="row">${href !== undefined
        ? html`<a part="workflow" href=${href} @click=${(e: MouseEvent) => this.navigate(e, { href, connectionId: undefined, runId: run.id })}>${run.workflowName}</a>`
        : html`<span part="workflow">${run.workflowName}</span>`}</th>
      <td part="cell"><span class="status-cell">${this.renderStatus(run, context)}</span></td>
      <td part="cell">${run.kind === 'agent' ? m.agent : m.operator}</td>
      <td part="cell" data-label=${m.started}>${time(run.startedAt)}</td>
      <td part="cell" data-label=${m.updated}>${time(run.updatedAt)}</td>
      <td part="cell"><relink-run-actions part="actions" run-id=${run.id} .messages=${messagesFor(this.messages, RelinkRunActions)} run-href=${this.runHref ?? nothing} connection-href=${this.connectionHref ?? nothing} lang=${locale}></relink-run-actions></td>
    </tr>`;
  }

  override render() {
    const m = this.m;
    const runs = this.data.value?.runs;
    const loading = !runs || runs.status === 'idle' || (runs.status === 'loading' && !runs.items.length);
    const failed = runs?.status === 'error' && !runs.items.length;
    let body;
    if (failed) {
      body = errorState(errorCopy(runs.error, m), { label: m.retry, onRetry: () => void this.reload() });
    } else if (loading) {
      body = loadingState(m.loading);
    } else if (!runs.items.length) {
      body = emptyState(m.empty);
    } else if (!this.rows.length) {
      body = emptyState(m.noMatches);
    } else {
      const context = this.rowContext();
      body = html`<div class="scroll"><table part="table">
        <caption class="sr">${m.caption}</caption>
        <thead><tr>${[m.workflow, m.status, m.kind, m.started, m.updated, m.actions].map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
        <tbody>${repeat(this.rows, (r) => r.id, (r) => this.renderRow(r, context))}</tbody>
      </table></div>`;
    }
    return html`<div part="base" aria-busy=${loading ? 'true' : 'false'}>
      <div part="chips" role="group" aria-label=${m.filters}>${FILTERS.map((f) => html`<button
        part=${f === this.filter ? 'chip chip-pressed' : 'chip'} type="button" aria-pressed=${f === this.filter ? 'true' : 'false'}
        @click=${() => (this.filter = f)}>${m[f]}</button>`)}</div>
      ${failed || loading ? nothing : staleNote(this.live.value !== undefined && isStale({ live: this.live.value }, runs), m)}
      ${body}
    </div>`;
  }
}
