import * as z from 'zod/mini';
import { Id, Page, Timestamp } from './common.js';
import { RunRetry } from './run.js';

export const NotificationKind = z.enum(['reauth_required', 'run_failed', 'connection_revoked', 'expiring_soon']);
export type NotificationKind = z.infer<typeof NotificationKind>;

export const NotificationSeverity = z.enum(['critical', 'warning', 'info']);
export type NotificationSeverity = z.infer<typeof NotificationSeverity>;

export const Notification = z.object({
  id: Id,
  kind: NotificationKind,
  severity: NotificationSeverity,
  /** Titled after the app for reauth notifications: "Slack reauth required". */
  title: z.string(),
  body: z.optional(z.string()),
  /** The app's display name, so a banner can name the first affected app without another request. */
  appName: z.optional(z.string()),
  connectionId: z.optional(Id),
  runId: z.optional(Id),
  /** `run_failed`: the failed run's workflow, so the bell names it ("Publish scheduled LinkedIn posts failed"). */
  workflowName: z.optional(z.string()),
  /**
   * `run_failed` about a run of a workflow that retries after reconnect: `after_reconnect` while it waits for the
   * connection, `retried` once the server replayed it (the notification is then resolved). Absent: the run needs Replay.
   */
  retry: z.optional(RunRetry),
  /** Read in the bell. Reading never resolves an alert. */
  read: z.boolean(),
  /**
   * When the problem it reports was fixed (the connection is healthy again). A reauth alert is resolved by fixing the
   * connection, not by reading it: the banner counts the unresolved ones (seed 002: "it disappears once the alert is
   * resolved"). Resolving also marks it read.
   */
  resolvedAt: z.optional(Timestamp),
  createdAt: Timestamp,
});
export type Notification = z.infer<typeof Notification>;

export const NotificationPage = Page(Notification);

