import type { App, Notification } from '@relink/sdk/schema';
import { decodeCursor, decodeKeyset, encodeCursor, encodeKeyset, type SortKey } from './cursor.js';
import { selectPage } from './keyset-page.js';
import { CONNECTION_SORT_KEYS, connectionKeys, defaultOrder, fold, RUN_SORT_KEYS, runKeys, type ConnectionKeys } from './sort-keys.js';
import {
  REDACTED_SECRET,
  type ConnectionQuery,
  type ConnectionRecord,
  type ConnectionRequestQuery,
  type ConnectionRequestRecord,
  type ConnectSessionRecord,
  type IdempotencyRecord,
  type NewEvent,
  type NotificationPreferencesRecord,
  type NotificationQuery,
  type NotificationRecord,
  type PageResult,
  type PrincipalRecord,
  type RunQuery,
  type RunRecord,
  type Store,
  type StoredEvent,
  type WorkflowRecord,
  type WorkspaceRecord,
} from './store.js';

// structuredClone keeps callers from mutating stored records through a returned reference, as a database would.
const copy = <T>(value: T): T => structuredClone(value);

function compareKeys(a: SortKey, b: SortKey): number {
  return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0;
}

/** Keyset pagination over an in-memory list: the same cursor semantics an SQL `WHERE (a, b) > ($1, $2)` gives. */
function paginate<T>(items: T[], keyOf: (item: T) => SortKey, order: 'asc' | 'desc', cursor: string | undefined, limit: number): PageResult<T> {
  const sign = order === 'asc' ? 1 : -1;
  const sorted = [...items].sort((a, b) => sign * compareKeys(keyOf(a), keyOf(b)));
  const after = cursor === undefined ? undefined : decodeCursor(cursor);
  const rest = after ? sorted.filter((item) => sign * compareKeys(keyOf(item), after) > 0) : sorted;
  const page = rest.slice(0, limit);
  const last = page[page.length - 1];
  const nextCursor = rest.length > limit && last ? encodeCursor(keyOf(last)) : null;
  return { items: page.map(copy), nextCursor };
}

/** The reference store: everything in Maps. Single process only; its events do not cross instances. */
export class MemoryStore implements Store {
  private workspaces = new Map<string, WorkspaceRecord>();
  private principals = new Map<string, PrincipalRecord>();
  private apps = new Map<string, App>();
  private connections = new Map<string, ConnectionRecord>();
  private notifications = new Map<string, NotificationRecord>();
  private preferences = new Map<string, NotificationPreferencesRecord>();
  private runs = new Map<string, RunRecord>();
  private requests = new Map<string, ConnectionRequestRecord>();
  private workflows = new Map<string, WorkflowRecord>();
  private sessions = new Map<string, ConnectSessionRecord>();
  private idempotency = new Map<string, IdempotencyRecord>();
  private rateWindows = new Map<string, { start: number; count: number }>();
  private settings = new Map<string, unknown>();
  private events: StoredEvent[] = [];
  private lastEventId = 0;
  private listeners = new Map<string, Set<(event: StoredEvent) => void>>();
  private queue: Promise<unknown> = Promise.resolve();

  // Workspace-scoped maps are keyed by `${workspaceId}/${id}` so a foreign id simply is not found.
  private static k(workspaceId: string, id: string): string {
    return `${workspaceId}/${id}`;
  }

  transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T> {
    // Serialise transactions: the next starts when the previous settles, as row locks would order them.
    const run = this.queue.then(() => fn(this));
    this.queue = run.catch(() => undefined);
    return run;
  }

  async putWorkspace(workspace: WorkspaceRecord): Promise<void> {
    this.workspaces.set(workspace.id, copy(workspace));
  }
  async getWorkspace(id: string): Promise<WorkspaceRecord | undefined> {
    const w = this.workspaces.get(id);
    return w && copy(w);
  }
  async findWorkspaceBySecretKeyHash(hash: string): Promise<WorkspaceRecord | undefined> {
    const w = [...this.workspaces.values()].find((ws) => ws.secretKeyHash === hash);
    return w && copy(w);
  }

  async putPrincipal(principal: PrincipalRecord): Promise<void> {
    this.principals.set(MemoryStore.k(principal.workspaceId, principal.id), copy(principal));
  }
  async getPrincipal(workspaceId: string, id: string): Promise<PrincipalRecord | undefined> {
    const p = this.principals.get(MemoryStore.k(workspaceId, id));
    return p && copy(p);
  }

  async putApp(app: App): Promise<void> {
    this.apps.set(app.key, copy(app));
  }
  async getApp(key: string): Promise<App | undefined> {
    const a = this.apps.get(key);
    return a && copy(a);
  }
  async listApps(): Promise<App[]> {
    return [...this.apps.values()].map(copy);
  }

  async putConnection(connection: ConnectionRecord): Promise<void> {
    this.connections.set(MemoryStore.k(connection.workspaceId, connection.id), copy(connection));
  }
  async getConnection(workspaceId: string, id: string): Promise<ConnectionRecord | undefined> {
    const c = this.connections.get(MemoryStore.k(workspaceId, id));
    return c && copy(c);
  }
  // Sort keys of stored connections, computed once per stored version (and again if its app is renamed).
  private connectionKeyCache = new WeakMap<ConnectionRecord, { appName: string; keys: ConnectionKeys }>();
  private keysOf(c: ConnectionRecord): ConnectionKeys {
    const appName = this.apps.get(c.appKey)?.name ?? c.appKey;
    let cached = this.connectionKeyCache.get(c);
    if (!cached || cached.appName !== appName) this.connectionKeyCache.set(c, (cached = { appName, keys: connectionKeys(c, appName) }));
    return cached.keys;
  }

  async deleteConnection(workspaceId: string, id: string): Promise<boolean> {
    for (const [key, session] of this.sessions) if (session.workspaceId === workspaceId && session.connectionId === id) this.sessions.delete(key);
    return this.connections.delete(MemoryStore.k(workspaceId, id));
  }
  async listConnections(q: ConnectionQuery): Promise<PageResult<ConnectionRecord>> {
    const sort = q.sort ?? 'createdAt';
    const order = q.order ?? defaultOrder(sort);
    const tag = `connections:${sort}:${order}`;
    const fields = CONNECTION_SORT_KEYS[sort];
    const after = q.cursor === undefined ? undefined : decodeKeyset(q.cursor, tag, fields.length + 1);
    const search = q.search ? fold(q.search) : '';
    const tuple = (c: ConnectionRecord): string[] => {
      const keys = this.keysOf(c);
      return [...fields.map((f) => (f === 'createdAt' || f === 'updatedAt' ? c[f] : keys[f])), c.id];
    };
    const page = selectPage(
      this.connections.values(),
      (c) =>
        c.workspaceId === q.workspaceId &&
        (q.ownerPrincipalId === undefined || c.ownerPrincipalId === q.ownerPrincipalId) &&
        (q.owner === undefined || c.owner === q.owner) &&
        (q.status === undefined || c.status === q.status) &&
        (q.appKey === undefined || c.appKey === q.appKey) &&
        (search === '' || this.keysOf(c).labelKey.includes(search) || this.keysOf(c).appNameKey.includes(search)),
      tuple, order, after, q.limit, q.withTotal, q.offset,
    );
    const redact = (c: ConnectionRecord): ConnectionRecord => ({ ...c, secrets: c.secrets.refreshToken !== undefined ? { refreshToken: REDACTED_SECRET } : {} });
    return {
      items: page.items.map((c) => copy(q.redactSecrets ? redact(c) : c)),
      nextCursor: page.nextKeys && encodeKeyset(tag, page.nextKeys),
      ...(page.total !== undefined ? { total: page.total } : {}),
    };
  }

  private eligible(c: ConnectionRecord, now: number): boolean {
    const leaseFree = c.refresh.leaseUntil === undefined || Date.parse(c.refresh.leaseUntil) <= now;
    return c.status === 'active' && c.secrets.refreshToken !== undefined && leaseFree;
  }

  async claimDueRefreshes(now: Date, leaseMs: number, limit: number): Promise<ConnectionRecord[]> {
    const t = now.getTime();
    const leaseUntil = new Date(t + leaseMs).toISOString();
    const due = [...this.connections.values()]
      .filter((c) => this.eligible(c, t) && c.refresh.nextAt !== undefined && Date.parse(c.refresh.nextAt) <= t)
      .sort((a, b) => (a.refresh.nextAt ?? '').localeCompare(b.refresh.nextAt ?? ''))
      .slice(0, limit);
    // No await between the check and the mark: in one JS thread that is as atomic as FOR UPDATE SKIP LOCKED.
    for (const c of due) c.refresh.leaseUntil = leaseUntil;
    return due.map(copy);
  }

  async claimExpired(now: Date, leaseMs: number, limit: number): Promise<ConnectionRecord[]> {
    const t = now.getTime();
    const leaseUntil = new Date(t + leaseMs).toISOString();
    const expired = [...this.connections.values()]
      .filter((c) => c.status === 'active' && c.secrets.refreshToken === undefined && c.expiresAt !== undefined && Date.parse(c.expiresAt) <= t &&
        (c.refresh.leaseUntil === undefined || Date.parse(c.refresh.leaseUntil) <= t))
      .sort((a, b) => Date.parse(a.expiresAt ?? '') - Date.parse(b.expiresAt ?? '') || (a.id < b.id ? -1 : 1))
      .slice(0, limit);
    for (const c of expired) c.refresh.leaseUntil = leaseUntil;
    return expired.map(copy);
  }

  async claimExpiring(now: Date, windowEnd: Date, leaseMs: number, limit: number): Promise<ConnectionRecord[]> {
    const t = now.getTime();
    const leaseUntil = new Date(t + leaseMs).toISOString();
    const alerted = new Set([...this.notifications.values()]
      .filter((n) => n.kind === 'expiring_soon' && n.resolvedAt === undefined && n.connectionId !== undefined)
      .map((n) => MemoryStore.k(n.workspaceId, n.connectionId!)));
    const entering = [...this.connections.values()]
      .filter((c) => c.status === 'active' && c.expiresAt !== undefined && Date.parse(c.expiresAt) > t && Date.parse(c.expiresAt) <= windowEnd.getTime() &&
        !alerted.has(MemoryStore.k(c.workspaceId, c.id)) && (c.refresh.leaseUntil === undefined || Date.parse(c.refresh.leaseUntil) <= t))
      .sort((a, b) => Date.parse(a.expiresAt ?? '') - Date.parse(b.expiresAt ?? '') || (a.id < b.id ? -1 : 1))
      .slice(0, limit);
    for (const c of entering) c.refresh.leaseUntil = leaseUntil;
    return entering.map(copy);
  }

  async claimDueFirstSyncs(pendingSince: Date, now: Date, leaseMs: number, limit: number): Promise<ConnectionRecord[]> {
    const t = now.getTime();
    const leaseUntil = new Date(t + leaseMs).toISOString();
    const due = [...this.connections.values()]
      .filter((c) => c.status === 'pending' && (c.secrets.accessToken !== undefined || c.secrets.apiKeyFields !== undefined) &&
        Date.parse(c.updatedAt) <= pendingSince.getTime() && (c.refresh.leaseUntil === undefined || Date.parse(c.refresh.leaseUntil) <= t))
      .sort((a, b) => compareKeys([a.updatedAt, a.id], [b.updatedAt, b.id]))
      .slice(0, limit);
    for (const c of due) c.refresh.leaseUntil = leaseUntil;
    return due.map(copy);
  }

  async claimRefresh(workspaceId: string, id: string, now: Date, leaseMs: number): Promise<ConnectionRecord | undefined> {
    const c = this.connections.get(MemoryStore.k(workspaceId, id));
    const t = now.getTime();
    if (!c || !(c.refresh.leaseUntil === undefined || Date.parse(c.refresh.leaseUntil) <= t)) return undefined;
    c.refresh.leaseUntil = new Date(t + leaseMs).toISOString();
    return copy(c);
  }

  async putNotification(n: NotificationRecord): Promise<void> {
    this.notifications.set(MemoryStore.k(n.workspaceId, n.id), copy(n));
  }
  async getNotification(workspaceId: string, id: string): Promise<NotificationRecord | undefined> {
    const n = this.notifications.get(MemoryStore.k(workspaceId, id));
    return n && copy(n);
  }
  async listNotifications(q: NotificationQuery): Promise<PageResult<NotificationRecord>> {
    const items = [...this.notifications.values()].filter(
      (n) =>
        n.workspaceId === q.workspaceId &&
        (q.unread === undefined || n.read === !q.unread) &&
        (q.resolved === undefined || (n.resolvedAt !== undefined) === q.resolved) &&
        (q.connectionIds === undefined || (n.connectionId !== undefined && q.connectionIds.includes(n.connectionId))) &&
        !(q.excludeKinds?.includes(n.kind) ?? false),
    );
    return paginate(items, (n) => [n.createdAt, n.id], 'desc', q.cursor, q.limit);
  }
  async getNotificationPreferences(workspaceId: string, principalId: string): Promise<NotificationPreferencesRecord | undefined> {
    const p = this.preferences.get(MemoryStore.k(workspaceId, principalId));
    return p && copy(p);
  }
  async putNotificationPreferences(p: NotificationPreferencesRecord): Promise<void> {
    this.preferences.set(MemoryStore.k(p.workspaceId, p.principalId), copy(p));
  }

  async findUnreadNotifications(workspaceId: string, connectionId: string, kind: Notification['kind']): Promise<NotificationRecord[]> {
    return [...this.notifications.values()]
      .filter((n) => n.workspaceId === workspaceId && n.connectionId === connectionId && n.kind === kind && !n.read)
      .map(copy);
  }

  async findUnresolvedNotifications(workspaceId: string, connectionId: string, kind: Notification['kind']): Promise<NotificationRecord[]> {
    return [...this.notifications.values()]
      .filter((n) => n.workspaceId === workspaceId && n.connectionId === connectionId && n.kind === kind && n.resolvedAt === undefined)
      .sort((a, b) => compareKeys([a.createdAt, a.id], [b.createdAt, b.id]))
      .map(copy);
  }

  async putRun(run: RunRecord): Promise<void> {
    this.runs.set(MemoryStore.k(run.workspaceId, run.id), copy(run));
  }
  async getRun(workspaceId: string, id: string): Promise<RunRecord | undefined> {
    const r = this.runs.get(MemoryStore.k(workspaceId, id));
    return r && copy(r);
  }
  private runKeyCache = new WeakMap<RunRecord, { workflowNameKey: string }>();
  private runKeysOf(r: RunRecord): { workflowNameKey: string } {
    let keys = this.runKeyCache.get(r);
    if (!keys) this.runKeyCache.set(r, (keys = runKeys(r)));
    return keys;
  }

  async listRuns(q: RunQuery): Promise<PageResult<RunRecord>> {
    const sort = q.sort ?? 'startedAt';
    const order = q.order ?? defaultOrder(sort);
    const tag = `runs:${sort}:${order}`;
    const fields = RUN_SORT_KEYS[sort];
    const after = q.cursor === undefined ? undefined : decodeKeyset(q.cursor, tag, fields.length + 1);
    const search = q.search ? fold(q.search) : '';
    const page = selectPage(
      this.runs.values(),
      (r) =>
        r.workspaceId === q.workspaceId &&
        (q.status === undefined || r.status === q.status) &&
        (q.pauseReason === undefined || r.pauseReason === q.pauseReason) &&
        (q.workflowId === undefined || r.workflowId === q.workflowId) &&
        (q.replayOf === undefined || r.replayOf === q.replayOf) &&
        (search === '' || this.runKeysOf(r).workflowNameKey.includes(search)),
      (r) => [...fields.map((f) => (f === 'workflowNameKey' ? this.runKeysOf(r).workflowNameKey : r[f])), r.id],
      order, after, q.limit, q.withTotal, q.offset,
    );
    return {
      items: page.items.map(copy),
      nextCursor: page.nextKeys && encodeKeyset(tag, page.nextKeys),
      ...(page.total !== undefined ? { total: page.total } : {}),
    };
  }
  async listRunsUsingConnection(workspaceId: string, connectionId: string): Promise<RunRecord[]> {
    return [...this.runs.values()]
      .filter((r) => r.workspaceId === workspaceId && r.connectionIds.includes(connectionId))
      .sort((a, b) => compareKeys([a.startedAt, a.id], [b.startedAt, b.id]))
      .map(copy);
  }

  async putConnectionRequest(request: ConnectionRequestRecord): Promise<void> {
    this.requests.set(MemoryStore.k(request.workspaceId, request.id), copy(request));
  }
  async getConnectionRequest(workspaceId: string, id: string): Promise<ConnectionRequestRecord | undefined> {
    const r = this.requests.get(MemoryStore.k(workspaceId, id));
    return r && copy(r);
  }
  async listConnectionRequests(q: ConnectionRequestQuery): Promise<PageResult<ConnectionRequestRecord>> {
    const items = [...this.requests.values()].filter(
      (r) =>
        r.workspaceId === q.workspaceId &&
        (q.state === undefined || r.state === q.state) &&
        (q.requestedFor === undefined || r.requestedFor === q.requestedFor),
    );
    return paginate(items, (r) => [r.requestedAt, r.id], 'asc', q.cursor, q.limit);
  }
  async listOutstandingRequestsForConnection(workspaceId: string, connectionId: string): Promise<ConnectionRequestRecord[]> {
    return [...this.requests.values()]
      .filter((r) => r.workspaceId === workspaceId && r.connectionId === connectionId && r.state === 'outstanding')
      .map(copy);
  }

  async putWorkflow(workflow: WorkflowRecord): Promise<void> {
    this.workflows.set(MemoryStore.k(workflow.workspaceId, workflow.id), copy(workflow));
  }
  async getWorkflow(workspaceId: string, id: string): Promise<WorkflowRecord | undefined> {
    const w = this.workflows.get(MemoryStore.k(workspaceId, id));
    return w && copy(w);
  }

  async putConnectSession(session: ConnectSessionRecord): Promise<void> {
    this.sessions.set(MemoryStore.k(session.workspaceId, session.id), copy(session));
  }
  async getConnectSession(workspaceId: string, id: string): Promise<ConnectSessionRecord | undefined> {
    const s = this.sessions.get(MemoryStore.k(workspaceId, id));
    return s && copy(s);
  }
  async findConnectSessionByState(state: string): Promise<ConnectSessionRecord | undefined> {
    const s = [...this.sessions.values()].find((x) => x.state === state);
    return s && copy(s);
  }
  async listLapsedHeldSessions(now: Date, limit: number): Promise<ConnectSessionRecord[]> {
    const t = now.getTime();
    return [...this.sessions.values()]
      .filter((s) => (s.status === 'account_mismatch' || s.status === 'choose_accounts') && Date.parse(s.expiresAt) <= t)
      .sort((a, b) => Date.parse(a.expiresAt) - Date.parse(b.expiresAt) || (a.id < b.id ? -1 : 1))
      .slice(0, limit)
      .map(copy);
  }

  async getIdempotency(key: string): Promise<IdempotencyRecord | undefined> {
    const r = this.idempotency.get(key);
    return r && copy(r);
  }
  async reserveIdempotency(record: IdempotencyRecord): Promise<IdempotencyRecord | undefined> {
    // Check and set with no await between: atomic in one JS thread.
    const existing = this.idempotency.get(record.key);
    if (existing) return copy(existing);
    this.idempotency.set(record.key, copy(record));
    return undefined;
  }
  async putIdempotency(record: IdempotencyRecord): Promise<void> {
    this.idempotency.set(record.key, copy(record));
  }
  async deleteIdempotency(key: string): Promise<void> {
    this.idempotency.delete(key);
  }

  async hitRateLimit(key: string, windowStart: number, hits = 1): Promise<number> {
    const w = this.rateWindows.get(key);
    const next = w && w.start === windowStart ? { start: windowStart, count: w.count + hits } : { start: windowStart, count: hits };
    this.rateWindows.set(key, next);
    return next.count;
  }

  async getSetting<T>(name: string): Promise<T | undefined> {
    return this.settings.has(name) ? copy(this.settings.get(name) as T) : undefined;
  }
  async initSetting<T>(name: string, value: T): Promise<T> {
    if (!this.settings.has(name)) this.settings.set(name, copy(value));
    return copy(this.settings.get(name) as T);
  }

  async appendEvent(event: NewEvent): Promise<StoredEvent> {
    const stored: StoredEvent = { ...copy(event), id: ++this.lastEventId };
    this.events.push(stored);
    // Bound memory: keep the newest 10,000; a resumer older than that gets what is left.
    if (this.events.length > 10_000) this.events.splice(0, this.events.length - 10_000);
    for (const listener of this.listeners.get(stored.workspaceId) ?? []) {
      try {
        listener(copy(stored));
      } catch {
        // A broken subscriber must not break the writer.
      }
    }
    return copy(stored);
  }

  async latestEventId(): Promise<number> {
    return this.lastEventId;
  }

  committedEventId(): number {
    return this.lastEventId;
  }

  async eventsSince(workspaceId: string, lastId: number, limit = 1000): Promise<StoredEvent[]> {
    return this.events.filter((e) => e.workspaceId === workspaceId && e.id > lastId).slice(0, limit).map(copy);
  }

  subscribe(workspaceId: string, listener: (event: StoredEvent) => void): () => void {
    let set = this.listeners.get(workspaceId);
    if (!set) this.listeners.set(workspaceId, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  }

  async clear(): Promise<void> {
    for (const map of [this.workspaces, this.principals, this.apps, this.connections, this.notifications, this.preferences, this.runs,
      this.requests, this.workflows, this.sessions, this.idempotency, this.rateWindows]) map.clear();
    this.events = [];
  }

  async clearWorkspace(workspaceId: string): Promise<void> {
    this.workspaces.delete(workspaceId);
    for (const map of [this.principals, this.connections, this.notifications, this.preferences, this.runs, this.requests, this.workflows, this.sessions, this.idempotency] as Map<string, unknown>[]) {
      for (const key of map.keys()) if (key.startsWith(`${workspaceId}/`)) map.delete(key);
    }
    this.events = this.events.filter((e) => e.workspaceId !== workspaceId);
  }
}
