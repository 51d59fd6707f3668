// What the server accepts: list queries and request bodies. Only the server validates with these, so they live apart
// from the response schemas: the browser's on-demand chunk (on-demand.ts) never imports this module. (Module-level
// `.check()` and `z.coerce` calls are kept by bundlers whether used or not; a separate module is dropped whole.)
import * as z from 'zod/mini';
import { Cursor, Id, MAX_PAGE_SIZE, SortOrder } from './common.js';
import { ConnectionSort, ConnectionStatus } from './connection.js';
import { ConnectionRequestState } from './connection-request.js';
import { NotificationKind } from './notification.js';
import { RunPreset, RunSort, RunStatus } from './run.js';
import { Role } from './session.js';

/** `limit` arrives as a query string; coerced, then held to 1..100 (an oversize page is a 400, not a silent clamp). */
export const Limit = z.coerce.number().check(z.int(), z.gte(1), z.lte(MAX_PAGE_SIZE));

/** `q`: a case- and accent-insensitive substring search; empty means no search. */
export const SearchText = z.string().check(z.maxLength(100));

/** The deepest row a list lets a caller jump to with `offset` (a window scrolled to row 50,000 asks for its page directly). */
export const MAX_LIST_OFFSET = 1_000_000;

/** `offset`: matching rows to skip from the start of the sorted list; 0..MAX_LIST_OFFSET, never with a cursor. */
export const ListOffset = z.coerce.number().check(z.int(), z.gte(0), z.lte(MAX_LIST_OFFSET));

export const ConnectionListQuery = z.strictObject({
  status: z.optional(ConnectionStatus),
  app: z.optional(z.string().check(z.maxLength(64))),
  /** Search by app name or label. */
  q: z.optional(SearchText),
  sort: z.optional(ConnectionSort),
  order: z.optional(SortOrder),
  cursor: z.optional(Cursor),
  /** Jump to a row without walking cursors (a virtualized table's window); the page still ends with a `nextCursor`. */
  offset: z.optional(ListOffset),
  limit: z.optional(Limit),
});
export type ConnectionListQuery = z.input<typeof ConnectionListQuery>;

/**
 * Body of `POST /connections`: add a connection of an app from the catalog. An OAuth app starts a consent flow (as
 * reconnect does: `returnTo` for the redirect fallback); an API-key app sends its credential `fields` by name.
 * The caller owns the new connection: the agency adds agency-owned ones, a client adds its own.
 */
export const CreateConnectionBody = z.strictObject({
  appKey: z.string().check(z.minLength(1), z.maxLength(64)),
  /** What the connection is for ("Acme team workspace"); defaults to the app's name. */
  label: z.optional(z.string().check(z.maxLength(120))),
  fields: z.optional(z.record(z.string().check(z.maxLength(64)), z.string().check(z.maxLength(4096)))),
  returnTo: z.optional(z.string().check(z.url(), z.maxLength(2048))),
});
export type CreateConnectionBody = z.infer<typeof CreateConnectionBody>;

/** Body of `POST /connections/{id}/credentials`: an API-key app's fields by name. */
export const CredentialsBody = z.strictObject({
  fields: z.record(z.string().check(z.maxLength(64)), z.string().check(z.maxLength(4096))),
});
export type CredentialsBody = z.infer<typeof CredentialsBody>;

/**
 * Body of `POST /connections/{id}/reconnect` (optional). Without `returnTo` the flow is a popup whose result comes back
 * by `postMessage`; with it the callback redirects the browser there (redirect fallback), adding `relink_session`,
 * `relink_state` and `relink_status` to its query.
 */
export const ReconnectBody = z.strictObject({
  returnTo: z.optional(z.string().check(z.url(), z.maxLength(2048))),
});
export type ReconnectBody = z.infer<typeof ReconnectBody>;

/** `POST /connect-sessions/{id}/accounts`: the accounts to connect after `choose_accounts` (an empty choice is refused with words for a person). */
export const ChooseAccountsBody = z.strictObject({
  accountIds: z.array(z.string().check(z.minLength(1), z.maxLength(64))).check(z.maxLength(100)),
});
export type ChooseAccountsBody = z.infer<typeof ChooseAccountsBody>;

export const ConnectionRequestListQuery = z.strictObject({
  state: z.optional(ConnectionRequestState),
  cursor: z.optional(Cursor),
  limit: z.optional(Limit),
});
export type ConnectionRequestListQuery = z.input<typeof ConnectionRequestListQuery>;

/**
 * Body of `POST /connection-requests` (agency only). Either `connectionId` — ask the owner of that connection to
 * reconnect it — or `appKey` and `principalId` — ask a client to connect a new app.
 */
export const CreateConnectionRequestBody = z.strictObject({
  appKey: z.optional(z.string().check(z.maxLength(64))),
  principalId: z.optional(Id),
  connectionId: z.optional(Id),
  note: z.optional(z.string().check(z.maxLength(500))),
});
export type CreateConnectionRequestBody = z.infer<typeof CreateConnectionRequestBody>;

/** `unread` and `resolved` arrive as the query strings "true" or "false". */
export const NotificationListQuery = z.strictObject({
  unread: z.optional(z.enum(['true', 'false'])),
  /** `false`: the alerts whose problem still exists (the banner's source); `true`: the resolved ones. */
  resolved: z.optional(z.enum(['true', 'false'])),
  cursor: z.optional(Cursor),
  limit: z.optional(Limit),
});
export type NotificationListQuery = z.input<typeof NotificationListQuery>;

/**
 * `PUT /notification-preferences`: the kinds to change, each once; kinds left out keep their setting (two tabs each
 * changing one kind do not undo each other).
 */
export const UpdateNotificationPreferencesBody = z.strictObject({
  preferences: z
    .array(z.strictObject({ kind: NotificationKind, enabled: z.boolean() }))
    .check(
      z.minLength(1),
      z.refine((changes) => new Set(changes.map((c) => c.kind)).size === changes.length, { message: 'Each kind may appear once.' }),
    ),
});
export type UpdateNotificationPreferencesBody = z.input<typeof UpdateNotificationPreferencesBody>;

export const RunListQuery = z.strictObject({
  preset: z.optional(RunPreset),
  status: z.optional(RunStatus),
  workflowId: z.optional(Id),
  /** The replays of this run (a run detail's "Replayed as …"), without loading the list. */
  replayOf: z.optional(Id),
  /** Search by workflow name. */
  q: z.optional(SearchText),
  sort: z.optional(RunSort),
  order: z.optional(SortOrder),
  cursor: z.optional(Cursor),
  /** Jump to a row without walking cursors (a virtualized runs list's window); the page still ends with a `nextCursor`. */
  offset: z.optional(ListOffset),
  limit: z.optional(Limit),
});
export type RunListQuery = z.input<typeof RunListQuery>;

/** Body of `POST /sessions`, called by the host's backend with the workspace's secret key. */
export const CreateSessionBody = z.strictObject({
  role: Role,
  principalId: Id,
  /** Lifetime in seconds; short by default. */
  ttlSeconds: z.optional(z.number().check(z.int(), z.gte(60), z.lte(86_400))),
});
export type CreateSessionBody = z.infer<typeof CreateSessionBody>;
