import type {
  App,
  ConnectionError,
  ConnectionOwner,
  ConnectionRequestState,
  ConnectionSort,
  ConnectionStatus,
  ConnectSessionStatus,
  Notification,
  NotificationKind,
  PauseReason,
  RelinkEventType,
  Requester,
  Role,
  Run,
  RunSort,
  RunStatus,
  SortOrder,
} from '@relink/sdk/schema';

/**
 * Persistence for the reference backend. Async everywhere and free of in-memory assumptions, so a PostgreSQL store
 * (`SELECT … FOR UPDATE SKIP LOCKED` for refresh claims, `LISTEN/NOTIFY` for events) can replace `MemoryStore`
 * and pass the same conformance suite (test/store-conformance.ts).
 *
 * Records are plain data. Every `put*` is an upsert of the whole record; reads return copies, never live objects.
 * Timestamps are ISO strings, as the contract writes them.
 */

export interface WorkspaceRecord {
  id: string;
  name: string;
  /** SHA-256 (base64url) of the workspace's secret key; the key itself is never stored. */
  secretKeyHash: string;
  createdAt: string;
}

export interface PrincipalRecord {
  id: string;
  workspaceId: string;
  role: Role;
  name: string;
  createdAt: string;
}

/** Credentials: never serialised out of the server, never logged. */
export interface ConnectionSecrets {
  accessToken?: string;
  accessTokenExpiresAt?: string;
  refreshToken?: string;
  apiKeyFields?: Record<string, string>;
}

export interface RefreshSchedule {
  /** When the refresher should renew the access token next (ahead of expiry, or a backoff retry). */
  nextAt?: string;
  /** Consecutive transient failures; drives the backoff. */
  attempts: number;
  /** A worker holds the connection until then; nobody else may refresh it. */
  leaseUntil?: string;
}

export interface ConnectionRecord {
  id: string;
  workspaceId: string;
  appKey: string;
  label: string;
  status: ConnectionStatus;
  owner: ConnectionOwner;
  /** The principal who authorised it: the client for client-owned connections. */
  ownerPrincipalId: string;
  externalAccountId?: string;
  externalAccountEmail?: string;
  lastRefreshedAt?: string;
  expiresAt?: string;
  lastError?: ConnectionError;
  secrets: ConnectionSecrets;
  refresh: RefreshSchedule;
  createdAt: string;
  updatedAt: string;
}

export type NotificationRecord = Notification & { workspaceId: string };

/**
 * One principal's notification preferences: the kinds it turned off. Stored as what is off, so a principal that never
 * chose anything (no record) and a kind added later are on.
 */
export interface NotificationPreferencesRecord {
  workspaceId: string;
  principalId: string;
  disabled: NotificationKind[];
  updatedAt: string;
}
/**
 * A run as stored. `blockedConnectionIds` is what the lifecycle maintains (read it through `blockersOf`, which also
 * reads the single `blockedConnectionId` of runs written before it); `resumable` and `resumeUnavailable` are derived
 * when the run is serialised.
 */
export type RunRecord = Omit<Run, 'blockedConnectionIds' | 'resumable' | 'resumeUnavailable'> & {
  workspaceId: string;
  blockedConnectionIds?: string[];
};

export interface ConnectionRequestRecord {
  id: string;
  workspaceId: string;
  appKey: string;
  requestedBy: Requester;
  requestedFor: string;
  requestedAt: string;
  state: ConnectionRequestState;
  connectionId?: string;
  note?: string;
}

export interface WorkflowNode {
  id: string;
  kind: 'trigger' | 'action';
  connectionId: string;
}

export interface WorkflowRecord {
  id: string;
  workspaceId: string;
  name: string;
  nodes: WorkflowNode[];
  /**
   * Runs that fail because of a connection are replayed by the server once it is healthy again (seed 004: "Posts that
   * failed while disconnected will retry automatically"). Absent or false: they wait for Replay (seed 002).
   */
  retryAfterReconnect?: boolean;
}

export interface ExternalAccount {
  id: string;
  email: string;
}

export interface ConnectSessionRecord {
  id: string;
  workspaceId: string;
  connectionId: string;
  /** Who started it; only they may read, confirm or decline it. */
  principalId: string;
  status: ConnectSessionStatus;
  state: string;
  /** PKCE verifier: secret, never serialised. */
  codeVerifier: string;
  redirectUri: string;
  connectUrl: string;
  /** The origin the callback page posts its result to. */
  origin: string;
  /** Redirect mode: where the callback sends the browser back to. */
  returnTo?: string;
  /** The connection request this flow fulfils, if any. */
  requestId?: string;
  /**
   * A request for a new app: the connection this flow creates, under the id `connectionId`. It is written only when
   * the consent completes, so a denied or failed consent leaves no stray `pending` connection behind.
   */
  newConnection?: { appKey: string; label: string; owner: ConnectionOwner; ownerPrincipalId: string };
  expiresAt: string;
  previousAccount?: ExternalAccount;
  newAccount?: ExternalAccount;
  /** Set when a callback claimed the session to exchange its code: a second load of the callback waits instead. */
  exchangeStartedAt?: string;
  /** Tokens from an `account_mismatch` exchange, applied only on confirm. Secret. */
  pendingSecrets?: ConnectionSecrets;
  /** `choose_accounts`: what a multi-account consent granted (the user's token, in `pendingSecrets`, mints the chosen ones'). */
  grantedAccounts?: HeldAccount[];
  /** Completed after a choice of accounts: one connection per chosen account. */
  connectionIds?: string[];
  error?: { code: string; message: string };
  createdAt: string;
}

/** An account a multi-account consent granted (a Facebook Page), as the session holds it: no token, and the caller's connection it maps to, if any. */
export interface HeldAccount extends ExternalAccount {
  name: string;
  connectionId?: string;
}

export interface IdempotencyRecord {
  // `status: 0` marks a reservation: the first request with this key is still running.
  /** workspace + principal + client key. */
  key: string;
  /** method + path + body digest: the same key with another request is refused. */
  fingerprint: string;
  status: number;
  body: string;
  contentType: string;
  createdAt: string;
}

export interface StoredEvent {
  /** Monotonically increasing across the store; the SSE `id:` and the Last-Event-ID to resume from. */
  id: number;
  workspaceId: string;
  at: string;
  type: RelinkEventType;
  /** Client principals allowed to see it; agency principals of the workspace see every event. */
  audience: string[];
  /** The event body minus `id`/`at`, e.g. `{ type, connection }`, already serialised through the contract. */
  data: Record<string, unknown>;
}

export type NewEvent = Omit<StoredEvent, 'id'>;

export interface PageRequest {
  /** Opaque cursor from a previous page's `nextCursor`. */
  cursor?: string;
  limit: number;
}

export interface PageResult<T> {
  items: T[];
  nextCursor: string | null;
  /** How many items match the query's filters in all; only when the query asked (`withTotal`). */
  total?: number;
}

/** Sorting, searching and counting of the lists a table pages through (connections, runs). */
export interface SortedQuery<S extends string> {
  /** Default: the list's natural order (connections `createdAt`, runs `startedAt`). */
  sort?: S;
  /** Default: `defaultOrder(sort)`. */
  order?: SortOrder;
  /** A case- and accent-insensitive substring of the label or app name (connections), workflow name (runs). */
  search?: string;
  /** Count the matches too (one count query: the route asks on a first page only). */
  withTotal?: boolean;
  /** Skip this many matches from the start (never with a cursor): a window jumping to the rows it shows. */
  offset?: number;
}

/** What a redacted list holds in place of a stored refresh token (see `ConnectionQuery.redactSecrets`). */
export const REDACTED_SECRET = '[redacted]';

export interface ConnectionQuery extends PageRequest, SortedQuery<ConnectionSort> {
  workspaceId: string;
  /**
   * Leave the secrets sealed: each record's `secrets` holds only `refreshToken: REDACTED_SECRET` when one is stored
   * (what `refreshable` needs). A list route never needs more, and opening 100 sealed secrets cost more than the page.
   */
  redactSecrets?: boolean;
  ownerPrincipalId?: string;
  owner?: ConnectionOwner;
  status?: ConnectionStatus;
  appKey?: string;
}

export interface NotificationQuery extends PageRequest {
  workspaceId: string;
  unread?: boolean;
  /** true: only resolved (`resolvedAt` set); false: only unresolved. */
  resolved?: boolean;
  /** Restrict to notifications about these connections (a client's view). */
  connectionIds?: string[];
  /** Leave out these kinds (the ones the caller turned off in its notification preferences). */
  excludeKinds?: NotificationKind[];
}

export interface RunQuery extends PageRequest, SortedQuery<RunSort> {
  workspaceId: string;
  status?: RunStatus;
  pauseReason?: PauseReason;
  workflowId?: string;
  /** The replays of this run (`replayOf`). */
  replayOf?: string;
}

export interface ConnectionRequestQuery extends PageRequest {
  workspaceId: string;
  state?: ConnectionRequestState;
  requestedFor?: string;
}

/** A malformed or foreign cursor. Routes turn it into a 400. */
export class InvalidCursorError extends Error {
  override name = 'InvalidCursorError';
}

export interface Store {
  /** Run `fn` atomically with respect to other transactions (BEGIN … COMMIT in SQL). Do not nest. */
  transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T>;

  putWorkspace(workspace: WorkspaceRecord): Promise<void>;
  getWorkspace(id: string): Promise<WorkspaceRecord | undefined>;
  findWorkspaceBySecretKeyHash(hash: string): Promise<WorkspaceRecord | undefined>;

  putPrincipal(principal: PrincipalRecord): Promise<void>;
  getPrincipal(workspaceId: string, id: string): Promise<PrincipalRecord | undefined>;

  /** The app catalog is global (apps are the same in every workspace). */
  putApp(app: App): Promise<void>;
  getApp(key: string): Promise<App | undefined>;
  listApps(): Promise<App[]>;

  putConnection(connection: ConnectionRecord): Promise<void>;
  getConnection(workspaceId: string, id: string): Promise<ConnectionRecord | undefined>;
  /**
   * Delete a connection with its stored secrets and the consent flows started for it (Remove, seed 004). Answers
   * whether it existed. Notifications, runs and requests that name it stay: they are history.
   */
  deleteConnection(workspaceId: string, id: string): Promise<boolean>;
  /** Ordered by `sort` (default createdAt) and id, ascending unless `order` says otherwise. */
  listConnections(query: ConnectionQuery): Promise<PageResult<ConnectionRecord>>;

  /**
   * Claim up to `limit` connections whose `refresh.nextAt <= now` and whose lease is free or lapsed, setting
   * `leaseUntil = now + leaseMs` on each. Two concurrent callers never receive the same connection.
   * Only `active` connections holding a refresh token are eligible.
   */
  claimDueRefreshes(now: Date, leaseMs: number, limit: number): Promise<ConnectionRecord[]>;
  /**
   * Claim up to `limit` connections whose hard expiry has passed with nothing to renew them: `active`, no refresh
   * token, `expiresAt <= now`, lease free or lapsed — setting `leaseUntil = now + leaseMs` on each, soonest expiry
   * first. Two concurrent callers never receive the same connection (seed 004: LinkedIn's expiry raises one alert).
   */
  claimExpired(now: Date, leaseMs: number, limit: number): Promise<ConnectionRecord[]>;
  /**
   * Claim up to `limit` connections whose first sync is due (seed 001: "The connection finishes setting up on its
   * own"): `pending`, holding credentials (an access token or API-key fields), pending since (`updatedAt`) at or
   * before `pendingSince`, lease free or lapsed — setting `leaseUntil = now + leaseMs` on each, oldest first.
   * Two concurrent callers never receive the same connection.
   */
  claimDueFirstSyncs(pendingSince: Date, now: Date, leaseMs: number, limit: number): Promise<ConnectionRecord[]>;
  /**
   * Claim up to `limit` connections entering their expiry warning window (seed 004: "Reconnect within N days"):
   * `active`, `now < expiresAt <= windowEnd`, no unresolved `expiring_soon` notification yet, lease free or lapsed —
   * setting `leaseUntil = now + leaseMs` on each, soonest expiry first. Two concurrent callers never receive the same
   * connection, so each connection raises one alert.
   */
  claimExpiring(now: Date, windowEnd: Date, leaseMs: number, limit: number): Promise<ConnectionRecord[]>;
  /** Claim one connection for an on-demand refresh; undefined when another worker holds its lease. */
  claimRefresh(workspaceId: string, id: string, now: Date, leaseMs: number): Promise<ConnectionRecord | undefined>;

  putNotification(notification: NotificationRecord): Promise<void>;
  getNotification(workspaceId: string, id: string): Promise<NotificationRecord | undefined>;
  /** Newest first. */
  listNotifications(query: NotificationQuery): Promise<PageResult<NotificationRecord>>;
  /** Unread notifications of one kind about one connection. */
  findUnreadNotifications(workspaceId: string, connectionId: string, kind: Notification['kind']): Promise<NotificationRecord[]>;
  /**
   * Unresolved notifications (no `resolvedAt`) of one kind about one connection, read or not, oldest first: the
   * "exactly one reauth alert while the problem exists" check, and what fixing the connection resolves.
   */
  findUnresolvedNotifications(workspaceId: string, connectionId: string, kind: Notification['kind']): Promise<NotificationRecord[]>;

  /** Undefined when the principal never changed its preferences (every kind on). */
  getNotificationPreferences(workspaceId: string, principalId: string): Promise<NotificationPreferencesRecord | undefined>;
  putNotificationPreferences(preferences: NotificationPreferencesRecord): Promise<void>;

  putRun(run: RunRecord): Promise<void>;
  getRun(workspaceId: string, id: string): Promise<RunRecord | undefined>;
  /** Ordered by `sort` (default startedAt, newest first) and id. */
  listRuns(query: RunQuery): Promise<PageResult<RunRecord>>;
  /** Every run whose `connectionIds` include the connection. */
  listRunsUsingConnection(workspaceId: string, connectionId: string): Promise<RunRecord[]>;

  putConnectionRequest(request: ConnectionRequestRecord): Promise<void>;
  getConnectionRequest(workspaceId: string, id: string): Promise<ConnectionRequestRecord | undefined>;
  /** Ordered by (requestedAt, id) ascending. */
  listConnectionRequests(query: ConnectionRequestQuery): Promise<PageResult<ConnectionRequestRecord>>;
  listOutstandingRequestsForConnection(workspaceId: string, connectionId: string): Promise<ConnectionRequestRecord[]>;

  putWorkflow(workflow: WorkflowRecord): Promise<void>;
  getWorkflow(workspaceId: string, id: string): Promise<WorkflowRecord | undefined>;

  putConnectSession(session: ConnectSessionRecord): Promise<void>;
  getConnectSession(workspaceId: string, id: string): Promise<ConnectSessionRecord | undefined>;
  /** The OAuth callback only knows `state`. */
  findConnectSessionByState(state: string): Promise<ConnectSessionRecord | undefined>;
  /**
   * Sessions still holding another account's tokens (`account_mismatch`, `choose_accounts`) whose `expiresAt <= now`,
   * soonest expiry first, at most `limit`: what nobody decided on, for the refresher to revoke and drop.
   */
  listLapsedHeldSessions(now: Date, limit: number): Promise<ConnectSessionRecord[]>;

  getIdempotency(key: string): Promise<IdempotencyRecord | undefined>;
  /**
   * Atomically take `record.key` for a request now in flight (`status: 0`), across every instance on the store.
   * Answers undefined when this call took it, else the record already there (in flight or finished).
   */
  reserveIdempotency(record: IdempotencyRecord): Promise<IdempotencyRecord | undefined>;
  /** Store the finished answer for a key (replacing its in-flight reservation). */
  putIdempotency(record: IdempotencyRecord): Promise<void>;
  /** Give a key back (the request failed on our side, so a retry must really retry). */
  deleteIdempotency(key: string): Promise<void>;

  /**
   * Count `hits` (default 1; 0 only reads) against `key` in the fixed window starting at `windowStart` (ms since the
   * epoch) and answer the window's count so far, these hits included. Shared by every instance on the store.
   */
  hitRateLimit(key: string, windowStart: number, hits?: number): Promise<number>;

  /** Server settings that must outlive a restart and be shared by instances (signing keys, generated secrets). */
  getSetting<T>(name: string): Promise<T | undefined>;
  /** Store `value` under `name` unless a value is already there; answers the value that won. */
  initSetting<T>(name: string, value: T): Promise<T>;

  /** Append to the event log; the returned event has the next id. Subscribers of the workspace hear it. */
  appendEvent(event: NewEvent): Promise<StoredEvent>;
  /** The newest event id issued by the store (any workspace; 0 when none), so a cursor from the future shows. */
  latestEventId(): Promise<number>;
  /**
   * An event id up to which every event is committed, so a read that starts after this call sees all their changes
   * (≤ the newest: never an id still in flight). A list answers with it; a client opening the event stream from it
   * hears every change the list may have missed (list, then watch). Costs no query.
   */
  committedEventId(): number;
  /** Events of a workspace with id > lastId, oldest first (Last-Event-ID replay). */
  eventsSince(workspaceId: string, lastId: number, limit?: number): Promise<StoredEvent[]>;
  /** Hear events appended from now on (in SQL: LISTEN/NOTIFY across instances). Returns unsubscribe. */
  subscribe(workspaceId: string, listener: (event: StoredEvent) => void): () => void;

  /**
   * Delete every record (demo reset, tests). The event id sequence keeps counting so resumers never see reuse;
   * settings (signing keys) stay.
   */
  clear(): Promise<void>;
  /** Delete one workspace and everything in it (a demo reset must not touch other tenants). The app catalog stays. */
  clearWorkspace(workspaceId: string): Promise<void>;
}
