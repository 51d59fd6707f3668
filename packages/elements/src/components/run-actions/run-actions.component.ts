import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { blockedConnectionIds, canResume, isTerminalRun, type Connection, type Run } from '@relink/sdk';
import Play from 'lucide/dist/esm/icons/play.mjs';
import RotateCcw from 'lucide/dist/esm/icons/rotate-ccw.mjs';
import { ConnectionNames } from '../../controllers/connection-names.js';
import { initialState, ResourceController } from '../../controllers/resource-controller.js';
import { StoreController } from '../../controllers/store-controller.js';
import { RelinkNavigateEvent } from '../../events/navigate.js';
import { RelinkReplayEvent, RelinkResumeEvent } from '../../events/run-action.js';
import { errorCopy, noCodes, type ErrorKindMessages } from '../../internal/error-copy.js';
import { fillHref } from '../../internal/href.js';
import { icon } from '../../internal/icon.js';
import { RelinkElement } from '../../internal/relink-element.js';
import { connectionList } from '../../internal/run-status.js';
import { toast } from '../toaster/toaster.js';
import { copyOf } from '../../internal/registry.js';
import { errorKinds, runActions } from '../../translations/en.js';
import type { ElementMessages } from '../../translations/translation.js';
import styles from './run-actions.styles.js';

export type RunActionsMessages = ElementMessages['run-actions'] & ErrorKindMessages;


type Action = 'resume' | 'replay';

/**
 * The actions of one run (seed 002): "Resume" only while the run is `paused` and the server says it is `resumable`
 * (every connection it needs is active), "Replay" only once it is terminal (`completed`, `failed`, `cancelled`);
 * nothing otherwise. A paused run without Resume says why, naming each broken connection (linked with
 * `connection-href`): "Reconnect HubSpot before resuming this run." or, for an agent run parked on reauth, "This run
 * resumes by itself once HubSpot is reconnected." (seed 000: "Confirm the app shows as active before re-running"). A
 * failed run the server retries after a reconnect (`retry: 'after_reconnect'`, seed 004) offers no Replay either:
 * "Will retry automatically after you reconnect LinkedIn." While a request is in flight the button is
 * `aria-disabled` and `aria-busy` (it keeps focus). The outcome is a toast: "Run resumed." / "Run replayed." (with a
 * link to the run, or to the new run of a replay, when `run-href` is set), or the server's error message (network trouble gets the error-kind copy). Follows
 * the run live in the provider's store; fetches the run, and each connection it names, by id when the store does not
 * hold them (never the whole runs or connections list).
 *
 * @tag relink-run-actions
 * @summary "Resume" for a paused run, "Replay" for a finished one, with the outcome in a toast.
 *
 * @event {RelinkResumeEvent} relink-resume - "Resume" was chosen, `{ run }`, before anything is sent; cancel it to stop the resume.
 * @event {RelinkNavigateEvent} relink-navigate - A blocked connection's link was activated (`{ href, connectionId, runId }`); cancel it to route in the host app.
 * @event {RelinkReplayEvent} relink-replay - "Replay" was chosen, `{ run }`, before anything is sent; cancel it to stop the replay.
 *
 * @csspart base - The group of buttons.
 * @csspart resume - The "Resume" button.
 * @csspart replay - The "Replay" button.
 * @csspart unavailable - Why a paused run offers no Resume ("Reconnect HubSpot before resuming this run."), or a failed run no Replay ("Will retry automatically after you reconnect LinkedIn.").
 * @csspart blocked-connection - Each connection named there (a link with `connection-href`).
 * @csspart icon - Each button's icon.
 *
 * @cssproperty --relink-button-background - Button background; defaults to `--relink-color-surface-raised`.
 * @cssproperty --relink-button-color - Button text colour; defaults to `--relink-color-text`.
 * @cssproperty --relink-button-radius - Button corner radius; defaults to `--relink-radius`.
 */
export class RelinkRunActions extends RelinkElement<RunActionsMessages> {
  static override styles = styles;

  /** @internal Its namespace and the English it prints (`translations/en.ts`). */
  static override copy = copyOf('run-actions', runActions, errorKinds, noCodes);

  private readonly data = new StoreController<Run | undefined>(this, (s) => s.runs.byId.get(this.runId));
  // The connections a run waits for, by name: fetched by id when the store does not hold them (never the whole list).
  private readonly connections = new StoreController(this, (s) => s.connections);
  private readonly names = new ConnectionNames(this, () => this.data.store);
  // The run, fetched by id when the store does not hold it: in a runs list or a runs window it already does, and a
  // row's actions must not load the workspace's runs.
  private readonly loader = new ResourceController(this, {
    args: () => [this.data.store, this.runId] as const,
    idle: ([store, id]) => !store || !id || store.getSnapshot().runs.byId.has(id),
    load: async ([store, id], { signal }) => {
      if (!store || !id || store.getSnapshot().runs.byId.has(id)) return initialState;
      await store.runs.get(id, { signal });
      return undefined;
    },
  });

  /** The run's id, e.g. `run_failed`. */
  @property({ attribute: 'run-id', reflect: true }) runId = '';

  /** Link of a connection a run waits for (in "Reconnect HubSpot before resuming this run."): `{id}` is its id. */
  @property({ attribute: 'connection-href' }) connectionHref?: string;

  /** Link of a run for the toasts' "View run": `{id}` is the run's id (the new run's, after a replay). */
  @property({ attribute: 'run-href' }) runHref?: string;

  @state() private busy?: Action;

  /** The run, from the provider's store. */
  get run(): Run | undefined {
    return this.data.value;
  }

  private async act(action: Action): Promise<void> {
    const store = this.data.store;
    const run = this.run;
    if (this.busy || !store || !run) return;
    const Ctor = action === 'resume' ? RelinkResumeEvent : RelinkReplayEvent;
    if (!this.dispatchEvent(new Ctor({ run }))) return;
    const m = this.m;
    this.busy = action;
    try {
      const result = await (action === 'resume' ? store.resume(run.id) : store.replay(run.id));
      const href = fillHref(this.runHref, result.id);
      toast({
        title: action === 'resume' ? m.resumed : m.replayed,
        tone: 'success',
        ...(href !== undefined ? { action: { label: m.viewRun, href } } : {}),
      });
    } catch (error) {
      toast({ title: action === 'resume' ? m.resumeFailed : m.replayFailed, description: errorCopy(error, m), tone: 'error' });
    } finally {
      const hadFocus = this.shadowRoot!.activeElement !== null;
      this.busy = undefined;
      await this.updateComplete;
      // The button may be gone (a resumed run is running): keep keyboard users in place instead of on <body>.
      if (hadFocus && !this.shadowRoot!.activeElement) this.shadowRoot!.querySelector<HTMLElement>('[part=base]')?.focus();
    }
  }

  /** Resumes the run, as a click on "Resume" would (events, toasts). */
  resume(): Promise<void> {
    return this.act('resume');
  }

  /** Replays the run, as a click on "Replay" would. */
  replay(): Promise<void> {
    return this.act('replay');
  }

  private button(action: Action, label: string) {
    const busy = this.busy === action;
    return html`<button part=${action} class="btn" type="button" aria-disabled=${this.busy ? 'true' : 'false'}
      aria-busy=${busy ? 'true' : 'false'} @click=${() => this.act(action)}
    ><span part="icon" class="spin">${icon(action === 'resume' ? Play : RotateCcw)}</span>${label}</button>`;
  }

  /** Why Resume or Replay is not offered, naming and linking what to fix; `ids` are those connections. */
  private renderUnavailable(run: Run, template: string, ids: readonly string[]) {
    const [before = '', after = ''] = template.split('{connections}');
    const connection = (id: string): Connection | undefined => this.names.get(id);
    const list = connectionList(ids, {
      locale: this.locale,
      name: (id) => connection(id)?.app.name ?? id,
      href: (id) => fillHref(this.connectionHref, id),
      part: 'blocked-connection',
      onNavigate: (event, id, href) => {
        if (!this.dispatchEvent(new RelinkNavigateEvent({ href, connectionId: id, runId: run.id }))) event.preventDefault();
      },
    });
    return html`<span part="unavailable">${before}${list}${after}</span>`;
  }

  /** Why a paused run offers no Resume (the server's `resumeUnavailable`). */
  private renderPaused(run: Run) {
    const m = this.m;
    const ids = blockedConnectionIds(run);
    const template = run.resumeUnavailable === 'resumes_automatically'
      ? (ids.length > 1 ? m.resumesAutomaticallyMany : m.resumesAutomatically)
      : m.resumeNeedsConnection;
    return this.renderUnavailable(run, template, ids);
  }

  override render() {
    const run = this.run;
    const m = this.m;
    // A button in flight stays until its request settles, even if the run's status moved meanwhile.
    const resume = (run !== undefined && canResume(run)) || this.busy === 'resume';
    // A failed run the server retries after the reconnect (seed 004) is not replayed by hand: it says so instead.
    const retries = run?.retry === 'after_reconnect' && run.error?.connectionId !== undefined;
    const replay = (run && isTerminalRun(run) && !retries) || this.busy === 'replay';
    return html`<div part="base" role="group" aria-label=${m.label} tabindex="-1">${resume ? this.button('resume', m.resume) : nothing}${!resume && run?.status === 'paused'
      ? this.renderPaused(run)
      : nothing}${retries && !replay
      ? this.renderUnavailable(run, m.retriesAutomatically, [run.error!.connectionId!])
      : nothing}${replay
      ? this.button('replay', m.replay)
      : nothing}</div>`;
  }
}
