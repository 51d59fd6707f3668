import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { blockedConnectionIds, isNotFound, type Connection, type Run } from '@relink/sdk';
import { ClockController } from '../../controllers/clock-controller.js';
import { ConnectionNames } from '../../controllers/connection-names.js';
import { initialState, ResourceController } from '../../controllers/resource-controller.js';
import { StoreController } from '../../controllers/store-controller.js';
import { RelinkNavigateEvent, type NavigateDetail } from '../../events/navigate.js';
import { fill } from '../../internal/fill.js';
import { absoluteTime, relativeTime } from '../../internal/format.js';
import { heading } from '../../internal/heading.js';
import { fillHref } from '../../internal/href.js';
import { noCodes, type ErrorKindMessages } from '../../internal/error-copy.js';
import { errorState, failedState, loadingState } from '../../internal/load-state.js';
import { RelinkElement } from '../../internal/relink-element.js';
import { connectionList, pauseReason, runStatus, type RunStatusMessages } from '../../internal/run-status.js';
import { RelinkRunActions, type RunActionsMessages } from '../run-actions/run-actions.js';
import { messagesFor } from '../../internal/messages-for.js';
import { copyOf } from '../../internal/registry.js';
import { errorKinds, retry, runDetail, runVocabulary } from '../../translations/en.js';
import type { CommonMessages, ElementMessages } from '../../translations/translation.js';
import styles from './run-detail.styles.js';

export type RunDetailMessages = ElementMessages['run-detail'] & RunStatusMessages & ErrorKindMessages & Pick<CommonMessages, 'retry'>;

/**
 * One run's page (seed 002's run detail, `/{workspaceSlug}/monitoring/workflow-runs/{workflowId}/{runId}`): the
 * workflow's name as a heading, the status (icon and text, never colour alone, the runs list's vocabulary), why a
 * paused run is paused ("Needs reauthorization"), the connection it waits for named and linked (`connection-href`),
 * the run's kind (agent or operator), when it started, was last updated and finished (relative, with the absolute time
 * beside it, in `<time datetime>`), the error of a failed run, "Replay of …" linking to the run a replay re-ran
 * (`run-href`), and its `relink-run-actions`: "Resume" while paused, "Replay" once terminal; after a replay it links
 * to the new run ("Retried automatically as …" when the server replayed it after a reconnect, seed 004). Live: follows the provider's store, so an agent run parked on reauth flips to running when its
 * connection is reconnected anywhere. Fetches the run if the store does not know it, its replays (`replayOf`), the run it
 * replays and each connection it names by id (never the runs or connections list); loading, not-found and error
 * (with "Try again") states.
 *
 * @tag relink-run-detail
 * @summary A run's workflow, status, pause reason, blocked connection, times, error and Resume/Replay.
 *
 * @event {RelinkNavigateEvent} relink-navigate - A link was activated before the browser follows it: the blocked connection (`{ href, connectionId, runId }`), the original run of a replay or the latest replay (`{ href, connectionId: undefined, runId }`, the linked run's id). Cancel it to route in the host app.
 * @event {RelinkResumeEvent} relink-resume - From the embedded `relink-run-actions`: "Resume" was chosen (cancelable).
 * @event {RelinkReplayEvent} relink-replay - From the embedded `relink-run-actions`: "Replay" was chosen (cancelable).
 *
 * @csspart base - The card.
 * @csspart header - The heading.
 * @csspart title - The workflow's name (a heading, `heading-level`).
 * @csspart status-line - Status, reason, blocked connection and actions.
 * @csspart status - The status: icon and label.
 * @csspart status-icon - The status icon (decorative).
 * @csspart reason - Why a paused run is paused.
 * @csspart blocked - "Blocked by …".
 * @csspart blocked-connection - The blocked connection's name (a link with `connection-href`).
 * @csspart actions - The `relink-run-actions`.
 * @csspart error-message - A failed run's error message.
 * @csspart facts - The list of times and relations.
 * @csspart time - Each `<time>`.
 * @csspart original-run - The link to the run a replay re-ran.
 * @csspart replay-run - The link to this run's latest replay.
 * @csspart loading - The loading placeholder.
 * @csspart error - Not found, or the load error with "Try again".
 * @csspart retry - The "Try again" button.
 *
 * @cssproperty --relink-run-detail-padding - Card padding; defaults to `--relink-space-4`.
 * @cssproperty --relink-run-detail-radius - Card corner radius; defaults to `--relink-radius`.
 * @cssproperty --relink-run-detail-background - Card background; defaults to `--relink-color-surface`.
 * @cssproperty --relink-run-detail-link-color - Colour of links; defaults to `--relink-color-focus-ring`.
 */
export class RelinkRunDetail extends RelinkElement<RunDetailMessages, { 'run-actions'?: Partial<RunActionsMessages> }> {
  static override styles = styles;

  /** @internal Its namespace and the English it prints (`translations/en.ts`). */
  static override copy = copyOf('run-detail', runDetail, runVocabulary, errorKinds, noCodes, retry);

  private readonly data = new StoreController(this, (s) => ({ runs: s.runs, connections: s.connections }), {
    equals: (a, b) => a.runs === b.runs && a.connections === b.connections,
  });
  // Keep "5 minutes ago" true.
  private readonly clock = new ClockController(this);
  // The replays of this run ("Replayed as …"), asked for by id: never the whole list. Later ones arrive live.
  private readonly replays = new ResourceController(this, {
    args: () => [this.data.store, this.runId] as const,
    load: async ([store, id], { signal }) => {
      if (!store || !id) return initialState;
      await store.runs.replays(id, { signal }).catch(() => undefined); // without them the run still shows
      return undefined;
    },
  });
  // The run this one replays, for its start time ("Replay of the run started …"), when the store does not hold it.
  private readonly original = new ResourceController(this, {
    args: () => [this.data.store, this.run?.replayOf] as const,
    load: async ([store, id], { signal }) => {
      if (!store || !id || store.getSnapshot().runs.byId.has(id)) return initialState;
      await store.runs.get(id, { signal }).catch(() => undefined); // without it the link names the run by id
      return undefined;
    },
  });
  // The connections a paused run waits for, by name: fetched by id when the store does not hold them.
  private readonly names = new ConnectionNames(this, () => this.data.store);
  // A run the store does not know (a page opened directly): fetched once per id, aborted when the id changes.
  private readonly fetcher = new ResourceController(this, {
    args: () => [this.data.store, this.runId] as const,
    load: async ([store, id], { signal }) => {
      if (!store || !id || store.getSnapshot().runs.byId.has(id)) return initialState;
      await store.runs.get(id, { signal });
      return undefined;
    },
  });

  /** The run's id, e.g. `run_failed`. */
  @property({ attribute: 'run-id', reflect: true }) runId = '';

  /** Level of the workflow name's heading, 1–6. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2;

  /** Link of a connection (the one a paused run waits for): `{id}` is the connection's id; unset, the name is plain text. */
  @property({ attribute: 'connection-href' }) connectionHref?: string;

  /** Link of a run (a replay's original, the latest replay, the toasts' "View run"): `{id}` is the run's id. */
  @property({ attribute: 'run-href' }) runHref?: string;

  /** The run, from the provider's store. */
  get run(): Run | undefined {
    return this.data.value?.runs.byId.get(this.runId);
  }

  /** Fetches the run again (what "Try again" does). */
  load(): Promise<void> {
    return this.fetcher.run();
  }

  private navigate(event: MouseEvent, detail: NavigateDetail): void {
    // Built first so the manifest analyzer does not read `detail` as an event name (the JSDoc names it).
    const navigate = new RelinkNavigateEvent(detail);
    if (!this.dispatchEvent(navigate)) event.preventDefault();
  }

  private connectionName(id: string): string {
    const c: Connection | undefined = this.names.get(id);
    return c ? `${c.app.name} (${c.label})` : id;
  }

  /** Relative time; under a minute it is "now" (a page that re-renders each minute should not count seconds). */
  private relative(at: string): string {
    const then = Date.parse(at);
    const now = this.data.store?.now() ?? Date.now();
    return relativeTime(this.locale, then, Math.abs(now - then) < 60_000 ? then : now);
  }

  private time(at: string) {
    return html`<time part="time" datetime=${at}>${this.relative(at)}<span class="absolute"> · ${absoluteTime(this.locale, at)}</span></time>`;
  }

  /** A link to another run (with `run-href`), named by when it started. */
  private runLink(partName: string, template: string, run: Run | undefined, id: string) {
    const label = fill(template, { time: run ? this.relative(run.startedAt) : id });
    const href = fillHref(this.runHref, id);
    return href === undefined
      ? html`<span part=${partName}>${label}</span>`
      : html`<a part=${partName} href=${href} @click=${(e: MouseEvent) => this.navigate(e, { href, connectionId: undefined, runId: id })}>${label}</a>`;
  }

  private renderBlocked(run: Run) {
    const blocked = blockedConnectionIds(run);
    if (!blocked.length) return nothing;
    return html`<span part="blocked">${this.m.blockedBy} ${connectionList(blocked, {
      locale: this.locale,
      name: (id) => this.connectionName(id),
      href: (id) => fillHref(this.connectionHref, id),
      part: 'blocked-connection',
      onNavigate: (e, id, href) => this.navigate(e, { href, connectionId: id, runId: run.id }),
    })}</span>`;
  }

  private renderState() {
    const m = this.m;
    const error = this.fetcher.error;
    if (error !== undefined) {
      return html`<div part="base">${isNotFound(error)
        ? errorState(m.notFound)
        : failedState(error, m, () => void this.load())}</div>`;
    }
    return html`<div part="base" aria-busy="true">${loadingState(m.loading)}</div>`;
  }

  override render() {
    const run = this.run;
    if (!run) return this.renderState();
    const m = this.m;
    const runs = this.data.value!.runs;
    // The newest replay of this run, e.g. the one just made with "Replay".
    const replay = runs.items.filter((r) => r.replayOf === run.id).sort((a, b) => b.startedAt.localeCompare(a.startedAt))[0];
    return html`<article part="base" aria-labelledby="title">
      <div part="header">
        ${heading(this.headingLevel, { part: 'title', id: 'title' }, run.workflowName)}
      </div>
      <div part="status-line" role="group" aria-label=${m.statusLabel}>
        ${runStatus(run, m)} ${pauseReason(run, m)} ${this.renderBlocked(run)}
        <relink-run-actions part="actions" run-id=${run.id} .messages=${messagesFor(this.messages, RelinkRunActions)} run-href=${this.runHref ?? nothing}
          connection-href=${this.connectionHref ?? nothing} lang=${this.locale}></relink-run-actions>
      </div>
      ${run.status === 'failed' && run.error
        ? html`<p part="error-message"><span class="label">${m.error}:</span> ${run.error.message}</p>`
        : nothing}
      <dl part="facts">
        <dt>${m.kind}</dt><dd>${run.kind === 'agent' ? m.agent : m.operator}</dd>
        <dt>${m.started}</dt><dd>${this.time(run.startedAt)}</dd>
        <dt>${m.updated}</dt><dd>${this.time(run.updatedAt)}</dd>
        ${run.finishedAt ? html`<dt>${m.finished}</dt><dd>${this.time(run.finishedAt)}</dd>` : nothing}
        ${run.replayOf
          ? html`<dt>${m.replayOf}</dt><dd>${this.runLink('original-run', m.originalRun, runs.byId.get(run.replayOf), run.replayOf)}</dd>`
          : nothing}
        ${replay
          ? html`<dt>${replay.id === run.retriedBy ? m.retriedAs : m.replayedAs}</dt><dd>${this.runLink('replay-run', m.replayRun, replay, replay.id)}</dd>`
          : nothing}
      </dl>
    </article>`;
  }
}
