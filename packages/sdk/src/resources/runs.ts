import type { Http, RequestOptions } from '../http.js';
import type { Run, RunPreset, RunSort, RunStatus } from '../schema/run.js';
import type { Page, SortOrder } from '../schema/common.js';
import { segment } from '../internal/path.js';

/** Filters and paging of `runs.list`. */
export interface RunListParams {
  /** A named filter: `paused_for_reauth`. */
  preset?: RunPreset | undefined;
  status?: RunStatus | undefined;
  workflowId?: string | undefined;
  /** The replays of this run, without the others. */
  replayOf?: string | undefined;
  /** Search by workflow name. */
  q?: string | undefined;
  /** `startedAt` (default, newest first), `updatedAt` or `workflowName`. */
  sort?: RunSort | undefined;
  order?: SortOrder | undefined;
  cursor?: string | undefined;
  /** Matching runs to skip from the start of the sorted list (0–1,000,000), never with `cursor`: the page carries `total`. */
  offset?: number | undefined;
  limit?: number | undefined;
}

/** `/runs`: workflow runs, and getting stalled ones going again. */
export function createRuns(http: Http) {
  return {
    /** One page of runs; a page without a cursor (the first, or one at an `offset`) carries `total`. */
    list: async (query: RunListParams = {}, options?: RequestOptions): Promise<Page<Run>> =>
      http.get('runs', 'RunPage', { ...query }, options),
    /** One run. */
    get: async (id: string, options?: RequestOptions): Promise<Run> => http.get(`runs/${segment(id)}`, 'Run', undefined, options),
    /** Resumes a paused run. 409 `run_not_paused` → `isRunNotPaused`. */
    resume: async (id: string, options?: RequestOptions): Promise<Run> =>
      http.post(`runs/${segment(id)}/resume`, 'Run', undefined, options),
    /**
     * Re-runs a completed, failed or cancelled run; answers with the **new** run (its `replayOf` is `id`).
     * 409 `run_not_terminal` → `isRunNotTerminal`.
     */
    replay: async (id: string, options?: RequestOptions): Promise<Run> =>
      http.post(`runs/${segment(id)}/replay`, 'Run', undefined, options),
  };
}

export type RunsResource = ReturnType<typeof createRuns>;
