import type { RelinkClient } from '../client.js';
import type { Page, SortOrder } from '../schema/common.js';
import type { Run, RunPreset, RunSort, RunStatus } from '../schema/run.js';
import { byKeys, ListWindow, type ListWindowOptions, type ListWindowSource } from './list-window.js';
import { kit } from './window-kit.js';

/** What a runs window shows: sorted and filtered on the server (the runs list's chips are `preset` and `status`). */
export interface RunWindowQuery {
  /** `paused_for_reauth`: runs paused until a connection is reconnected. */
  preset?: RunPreset | undefined;
  status?: RunStatus | undefined;
  workflowId?: string | undefined;
  /** Search by workflow name (case- and accent-insensitive). */
  q?: string | undefined;
  /** `startedAt` (default, newest first), `updatedAt` or `workflowName`. */
  sort?: RunSort | undefined;
  order?: SortOrder | undefined;
}

export type RunWindowOptions = ListWindowOptions;

/**
 * A window onto the runs list for a view that shows a slice of a long list (a virtualized runs list): the pages
 * covering the rows shown, following live changes (`ListWindow` does the paging, keeping and live merging).
 */
export class RunWindow extends ListWindow<Run, RunWindowQuery> {
  readonly #client: RelinkClient;

  constructor(client: RelinkClient, source: ListWindowSource<Run>, query: RunWindowQuery = {}, options: RunWindowOptions = {}) {
    super(source, query, options);
    this.#client = client;
  }

  protected fetchPage(offset: number, limit: number, signal: AbortSignal): Promise<Page<Run>> {
    return this.#client.runs.list(kit.pageParams(this.query, limit, offset), { signal });
  }

  protected moves(before: Run, after: Run): boolean {
    const { sort = 'startedAt', q } = this.query;
    return (
      this.matches(after) === false ||
      ((sort === 'workflowName' || q !== undefined) && after.workflowName !== before.workflowName) ||
      (sort === 'updatedAt' && kit.compareTimes(after.updatedAt, before.updatedAt) !== 0) ||
      (sort === 'startedAt' && kit.compareTimes(after.startedAt, before.startedAt) !== 0)
    );
  }

  protected matches(run: Run): boolean | undefined {
    const { status, preset, workflowId, q } = this.query;
    if (
      (status !== undefined && run.status !== status) ||
      // rules/runs.ts's isPausedForReauth, written out: importing it split the rules into a chunk of their own that
      // every SDK entry then loaded up front (npm run size: +0.26 KiB gz for the client alone).
      (preset === 'paused_for_reauth' && !(run.status === 'paused' && run.pauseReason === 'reauth')) ||
      (workflowId !== undefined && run.workflowId !== workflowId)
    ) return false;
    return q === undefined ? true : undefined;
  }

  protected compare(a: Run, b: Run): number | undefined {
    const { sort = 'startedAt', order = sort === 'startedAt' ? 'desc' : 'asc' } = this.query;
    // Timestamps and ids compare as the server's keys do (code points); workflow names are folded there.
    if (sort === 'workflowName') return undefined;
    return byKeys([a[sort], a.id], [b[sort], b.id], order);
  }
}
