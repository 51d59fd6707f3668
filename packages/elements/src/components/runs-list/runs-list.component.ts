import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { RelinkChunkLoadError, blockedConnectionIds, isPausedForReauth, type Connection, type RelinkSnapshot, type RelinkStore, type Run, type RunWindowQuery } from '@relink/sdk';
import { ClockController } from '../../controllers/clock-controller.js';
import { ConnectionNames } from '../../controllers/connection-names.js';
import { initialState, ResourceController } from '../../controllers/resource-controller.js';
import { StoreController } from '../../controllers/store-controller.js';
import { RelinkNavigateEvent, type NavigateDetail } from '../../events/navigate.js';
import { absoluteTime, relativeTime } from '../../internal/format.js';
import { fillHref } from '../../internal/href.js';
import { countList, FIRST_SCREEN, loadWindowView } from '../../internal/long-list.js';
import { errorCopy, noCodes, type ErrorKindMessages } from '../../internal/error-copy.js';
import { isStale, staleNote, type StaleMessages } from '../../internal/stale.js';
import { emptyState, errorState, failedState, loadingState } from '../../internal/load-state.js';
import { RelinkElement } from '../../internal/relink-element.js';
import { connectionList, pauseReason, runStatus, type RunStatusMessages } from '../../internal/run-status.js';
import { RelinkRunActions, type RunActionsMessages } from '../run-actions/run-actions.js';
import { messagesFor } from '../../internal/messages-for.js';
import { copyOf } from '../../internal/registry.js';
import { errorKinds, retry, runVocabulary, runsList, stale } from '../../translations/en.js';
import type { CommonMessages, ElementMessages } from '../../translations/translation.js';
import styles from './runs-list.styles.js';
import type { VirtualRows, WindowView, WindowViewHost } from '../../internal/window-view.js';

/** The preset chips: every run, runs paused on reauth, running runs, failed runs. */
export type RunsFilter = 'all' | 'paused_for_reauth' | 'running' | 'failed';

export type RunsListMessages = ElementMessages['runs-list'] & RunStatusMessages & ErrorKindMessages & StaleMessages & Pick<CommonMessages, 'retry'>;

const FILTERS: RunsFilter[] = ['all', 'paused_for_reauth', 'running', 'failed'];
/** Each chip as the server's query, for a window onto the runs list. */
const QUERIES: Record<RunsFilter, RunWindowQuery> = {
  all: {},
  paused_for_reauth: { preset: 'paused_for_reauth' },
  running: { status: 'running' },
  failed: { status: 'failed' },
};
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
 * At scale (issue 17): when the workspace holds more than `page-threshold` runs (the first page's total) the list does
 * not load them all. It asks the server for the rows it shows (`store.runs.window`): a virtualized list (ARIA table
 * roles, `aria-rowcount` the total + 1) whose range asks for their pages, placeholder rows until they arrive, and the
 * chips as the server's query. A store that already holds every run, or a workspace at or below the threshold, is
 * shown from memory as before.
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
 * @csspart table - The `<table>` (or, above `page-threshold`, the `role=table` container).
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
 * @cssproperty --relink-runs-list-max-height - Height of the virtualized list (above `page-threshold`); defaults to 480px.
 */
export class RelinkRunsList extends RelinkElement<RunsListMessages, { 'run-actions'?: Partial<RunActionsMessages> }> implements WindowViewHost<Run> {
  static override styles = styles;

  /** @internal Its namespace and the English it prints (`translations/en.ts`). */
  static override copy = copyOf('runs-list', runsList, runVocabulary, errorKinds, noCodes, stale, retry);

  // Whether the service can be reached: old data says it may be out of date.
  private readonly live = new StoreController(this, (s) => s.live);
  private readonly data = new StoreController<Slice>(this, (s) => ({ runs: s.runs, connections: s.connections }), {
    equals: (a, b) => a.runs === b.runs && a.connections === b.connections,
  });
  /** Decides, once per store, whether the runs live in the store or are asked for a window at a time. */
  private readonly loader = new ResourceController(this, {
    args: () => [this.data.store] as const,
    load: ([store], { signal }) => this.chooseMode(store, signal),
  });
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

  /** Runs above which the list asks the server for the rows it shows instead of loading them all (the first page's total). */
  @property({ type: Number, attribute: 'page-threshold' }) pageThreshold = 200;

  private rows: readonly Run[] = [];
  /** Where the rows come from: every run in the store, or a window of the server's list. Unset until known. */
  @state() private mode?: 'client' | 'window';
  /** Above `page-threshold`: the window onto the server's list and its virtualized rows (loaded then, not before). */
  private view?: WindowView<Run>;

  /** Loads the runs again (what "Try again" does). */
  reload(): Promise<void> {
    return this.loader.run();
  }

  /**
   * Whether the runs live in the store or in a window: a store that holds (or is loading) every run is shown from
   * memory; otherwise the first page of the server's list says how many there are, and above `page-threshold` the
   * list keeps asking for the rows it shows instead of loading them all.
   */
  private async chooseMode(store: RelinkStore | undefined, signal: AbortSignal): Promise<undefined | typeof initialState> {
    this.view?.close();
    this.mode = undefined;
    if (!store) return initialState;
    const held = store.getSnapshot().runs;
    if (held.status !== 'ready' && held.status !== 'loading') {
      // The count is the workspace's (every run); its rows join the store only if the window is kept. Its request
      // starts while the window's code loads, and the view's code loads with it: a long list needs it right after.
      const viewCode = loadWindowView();
      viewCode.catch(() => undefined); // a short list never waits on it
      const counted = await countList(store.runs.window({}, { share: false, prefetch: true }), () => this.pageThreshold, signal);
      if (!counted) return initialState;
      const { probe, long } = counted;
      if (long) {
        try {
          this.view ??= new (await viewCode).WindowView<Run>(this, FIRST_SCREEN);
        } catch (error) {
          probe.close();
          throw error;
        }
        if (signal.aborted) {
          probe.close();
          return initialState;
        }
        if (this.filter === 'all') {
          probe.share();
          this.view.open(probe);
        } else probe.close();
        this.mode = 'window';
        return undefined;
      }
      probe.close();
    }
    this.mode = 'client';
    if (held.status !== 'ready') await store.runs.load({ signal }).catch(() => undefined);
    return undefined;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // A list off the page holds no pages and hears nothing; it opens a window again when it comes back.
    this.view?.close();
  }

  override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.view?.updated();
  }

  /** @internal For the window view: whether the rows come from the server's list. */
  showsWindow(): boolean {
    return this.mode === 'window';
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const store = this.data.store;
    if (this.mode === 'window') {
      const query = QUERIES[this.filter] ?? QUERIES.all;
      return store && this.view?.update(query, () => store.runs.window(query));
    }
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

  /** The contents of a run's six cells, shared by the table's rows and the virtualized ones. */
  private cells(run: Run, context: ReturnType<RelinkRunsList['rowContext']>) {
    const { m, locale, now } = context;
    const href = fillHref(this.runHref, run.id);
    const time = (at: string) => html`<time datetime=${at} title=${absoluteTime(locale, at)}>${relativeTime(locale, at, now)}</time>`;
    return {
      workflow: href !== undefined
        ? html`<a part="workflow" href=${href} @click=${(e: MouseEvent) => this.navigate(e, { href, connectionId: undefined, runId: run.id })}>${run.workflowName}</a>`
        : html`<span part="workflow">${run.workflowName}</span>`,
      status: html`<span class="status-cell">${this.renderStatus(run, context)}</span>`,
      kind: run.kind === 'agent' ? m.agent : m.operator,
      started: time(run.startedAt),
      updated: time(run.updatedAt),
      actions: html`<relink-run-actions part="actions" run-id=${run.id} .messages=${messagesFor(this.messages, RelinkRunActions)} run-href=${this.runHref ?? nothing} connection-href=${this.connectionHref ?? nothing} lang=${locale}></relink-run-actions>`,
    };
  }

  private renderRow(run: Run, context: ReturnType<RelinkRunsList['rowContext']>) {
    const { m } = context;
    const x = this.cells(run, context);
    return html`<tr part="row" data-id=${run.id}>
      <th part="cell" scope="row">${x.workflow}</th>
      <td part="cell">${x.status}</td>
      <td part="cell">${x.kind}</td>
      <td part="cell" data-label=${m.started}>${x.started}</td>
      <td part="cell" data-label=${m.updated}>${x.updated}</td>
      <td part="cell">${x.actions}</td>
    </tr>`;
  }

  /** @internal For the window view: one render's virtualized rows. */
  virtualRows(): VirtualRows<Run> {
    const context = this.rowContext();
    return { render: (run, index) => this.renderVirtualRow(run, index, context) };
  }

  private renderVirtualRow(run: Run, index: number, context: ReturnType<RelinkRunsList['rowContext']>) {
    const { m } = context;
    const x = this.cells(run, context);
    return html`<div part="row" role="row" aria-rowindex=${index + 2} data-id=${run.id}>
      <div part="cell" role="rowheader">${x.workflow}</div>
      <div part="cell" role="cell">${x.status}</div>
      <div part="cell" role="cell">${x.kind}</div>
      <div part="cell" role="cell" data-label=${m.started}>${x.started}</div>
      <div part="cell" role="cell" data-label=${m.updated}>${x.updated}</div>
      <div part="cell" role="cell">${x.actions}</div>
    </div>`;
  }

  private headings(): string[] {
    const m = this.m;
    return [m.workflow, m.status, m.kind, m.started, m.updated, m.actions];
  }

  /** @internal For the window view: the virtualized header's cells. */
  columnHeaders() {
    return this.headings().map((h) => html`<div role="columnheader">${h}</div>`);
  }

  /** @internal For the window view: the list's accessible name. */
  caption(): string {
    return this.m.caption;
  }

  /** @internal For the window view: the virtualizer did not load (only the first rows show); reloading the page helps. */
  virtualizerFailed(error: unknown): TemplateResult {
    return errorState(errorCopy(new RelinkChunkLoadError('The virtualizer did not load.', { cause: error }), this.m));
  }

  /** @internal The plain table of these rows (every run from the store, or a window's first rows). */
  renderTable(rows: readonly Run[]) {
    const m = this.m;
    const context = this.rowContext();
    return html`<div class="scroll"><table part="table">
        <caption class="sr">${m.caption}</caption>
        <thead><tr>${this.headings().map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
        <tbody>${repeat(rows, (r) => r.id, (r) => this.renderRow(r, context))}</tbody>
      </table></div>`;
  }

  override render() {
    const m = this.m;
    const runs = this.data.value?.runs;
    const window = this.mode === 'window' ? this.view?.window : undefined;
    let loading: boolean;
    let failure: { error: unknown } | undefined;
    if (this.mode === undefined) {
      // Not known yet whether the runs live in the store or on the server: the first page is on its way.
      loading = this.loader.error === undefined;
      failure = this.loader.error !== undefined ? { error: this.loader.error } : undefined;
    } else if (this.mode === 'window') {
      failure = window?.error !== undefined && window.total === undefined ? { error: window.error } : undefined;
      loading = window?.total === undefined && !failure;
    } else {
      loading = !runs || runs.status === 'idle' || (runs.status === 'loading' && !runs.items.length);
      failure = runs?.status === 'error' && !runs.items.length ? { error: runs.error } : undefined;
    }
    const failed = failure !== undefined;
    let body;
    if (failure) {
      body = failedState(failure.error, m, () => void this.reload());
    } else if (window && !loading) {
      body = window.total === 0 ? emptyState(this.filter === 'all' ? m.empty : m.noMatches) : this.view!.render(window);
    } else if (loading || !runs) {
      body = loadingState(m.loading);
    } else if (!runs.items.length) {
      body = emptyState(m.empty);
    } else if (!this.rows.length) {
      body = emptyState(m.noMatches);
    } else {
      body = this.renderTable(this.rows);
    }
    return html`<div part="base" aria-busy=${loading ? 'true' : 'false'}>
      <div part="chips" role="group" aria-label=${m.filters}>${FILTERS.map((f) => html`<button
        part=${f === this.filter ? 'chip chip-pressed' : 'chip'} type="button" aria-pressed=${f === this.filter ? 'true' : 'false'}
        @click=${() => (this.filter = f)}>${m[f]}</button>`)}</div>
      ${failed || loading ? nothing : staleNote(this.live.value !== undefined && isStale({ live: this.live.value }, window ? undefined : runs), m)}
      ${body}
    </div>`;
  }
}
