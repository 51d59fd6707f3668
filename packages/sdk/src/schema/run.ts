import * as z from 'zod/mini';
import { CountedPage, Id, Timestamp } from './common.js';
import { RUN_STATUSES } from './run-statuses.js';

export { RUN_STATUSES, TERMINAL_RUN_STATUSES } from './run-statuses.js';
export const RunStatus = z.enum(RUN_STATUSES);
export type RunStatus = z.infer<typeof RunStatus>;

/** `agent` runs parked on reauth resume by themselves after a reconnect; `operator` runs wait for Resume. */
export const RunKind = z.enum(['agent', 'operator']);
export type RunKind = z.infer<typeof RunKind>;

/** `connection_removed`: a connection the run needs was removed (seed 004's Remove); it never comes back by itself. */
export const PauseReason = z.enum(['reauth', 'approval', 'spend_cap', 'operator', 'connection_removed']);
export type PauseReason = z.infer<typeof PauseReason>;

/**
 * Why a paused run offers no Resume. Each is also the code of the 409 that `POST /runs/{id}/resume` answers then:
 * `connection_not_active` — a connection it needs is not active (seed 000: "Confirm the app shows as active before
 * re-running"); `resumes_automatically` — an agent run parked on reauth resumes by itself once its connections are
 * healthy (seed 002), so a manual Resume would only compete with that.
 */
export const ResumeUnavailableReason = z.enum(['connection_not_active', 'resumes_automatically']);
export type ResumeUnavailableReason = z.infer<typeof ResumeUnavailableReason>;

/**
 * A failed run of a workflow that retries after reconnect (seed 004: "Posts that failed while disconnected will retry
 * automatically"): `after_reconnect` — it failed because of the connection in `error.connectionId`, and the server
 * replays it by itself once every connection it needs is active (a manual Replay would only compete with that: 409
 * `retries_automatically`); `retried` — the server did, as `retriedBy`.
 */
export const RunRetry = z.enum(['after_reconnect', 'retried']);
export type RunRetry = z.infer<typeof RunRetry>;

export const Run = z.object({
  id: Id,
  workflowId: Id,
  workflowName: z.string(),
  kind: RunKind,
  status: RunStatus,
  pauseReason: z.optional(PauseReason),
  /** @deprecated The first of `blockedConnectionIds`; kept while clients move over. */
  blockedConnectionId: z.optional(Id),
  /**
   * Every connection a paused run needs that is not active, in the order the run uses them: it resumes (or may be
   * resumed) only when this is empty. Empty for runs that are not paused. The reference backend always sends it
   * (optional only so older servers' runs still parse).
   */
  blockedConnectionIds: z.optional(z.array(Id)),
  /** True when a manual Resume would be accepted now: paused, and every connection it needs is active. Always sent. */
  resumable: z.optional(z.boolean()),
  /** Why a paused run is not `resumable`. */
  resumeUnavailable: z.optional(ResumeUnavailableReason),
  /** Connections the run's steps use. */
  connectionIds: z.array(Id),
  /** Set on a replay: the run it re-ran. */
  replayOf: z.optional(Id),
  /**
   * Whether its workflow retries runs that fail because of a connection once the connection is healthy again (seed
   * 004's scheduled posts). False: a failed run waits for Replay (seed 002: "reconnecting alone will not restart
   * it"). The reference backend always sends it.
   */
  retryAfterReconnect: z.optional(z.boolean()),
  /** Why a failed run failed; `connectionId` when a connection caused it (reauth required, revoked, removed). */
  error: z.optional(z.object({ code: z.string(), message: z.string(), connectionId: z.optional(Id) })),
  /** Set on a failed run of a `retryAfterReconnect` workflow that failed because of a connection. */
  retry: z.optional(RunRetry),
  /** The run the server replayed this one as, automatically (`retry: 'retried'`). */
  retriedBy: z.optional(Id),
  startedAt: Timestamp,
  updatedAt: Timestamp,
  finishedAt: z.optional(Timestamp),
});
export type Run = z.infer<typeof Run>;

export const RunPage = CountedPage(Run);

/** What `GET /runs` sorts by. Default `startedAt`, newest first (`desc`); `workflowName` defaults to `asc`. */
export const RUN_SORTS = ['startedAt', 'updatedAt', 'workflowName'] as const;
export const RunSort = z.enum(RUN_SORTS);
export type RunSort = z.infer<typeof RunSort>;

/** Named filters the runs list offers as chips. */
export const RunPreset = z.enum(['paused_for_reauth']);
export type RunPreset = z.infer<typeof RunPreset>;

