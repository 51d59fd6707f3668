import type { App, Notification } from '@relink/sdk/schema';
import { newId } from '../../internal/ids.js';
import { decodeCursor, decodeKeyset, encodeCursor, encodeKeyset, type SortKey } from '../cursor.js';
import { CONNECTION_SORT_KEYS, connectionKeys, defaultOrder, fold, RUN_SORT_KEYS, runKeys } from '../sort-keys.js';
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
} from '../store.js';
import { openDatabase, type Listener, type OpenDatabaseOptions, type ReconnectPolicy, type SqlClient, type SqlDatabase } from './db.js';
import { migrate } from './migrate.js';
import { CountCache } from './count-cache.js';
import { isSealed, type SecretBox } from '../secret-box.js';

const EVENTS_CHANNEL = 'relink_events';

type Row = { data: unknown };
const docs = <T>(rows: Row[]): T[] => rows.map((r) => r.data as T);
const json = (value: unknown) => JSON.stringify(value);
/** A sort key's column (`labelKey` → `label_key`). */
const column = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * Live event delivery for one process. Each workspace with subscribers keeps a high-water mark and reads the log
 * after it (`eventsSince`) whenever something may have been appended: after a local commit, or when another
 * instance's NOTIFY arrives. Reads are queued per workspace, so listeners hear events once, in id order.
 */
class EventHub {
  /** The newest event id this process knows exists; a new workspace subscription starts after it. */
  lastKnownId = 0;
  private readonly groups = new Map<string, { listeners: Set<(event: StoredEvent) => void>; hwm: number; chain: Promise<void> }>();
  constructor(private readonly read: (workspaceId: string, afterId: number) => Promise<StoredEvent[]>) {}

  subscribe(workspaceId: string, listener: (event: StoredEvent) => void): () => void {
    let group = this.groups.get(workspaceId);
    if (!group) this.groups.set(workspaceId, (group = { listeners: new Set(), hwm: this.lastKnownId, chain: Promise.resolve() }));
    group.listeners.add(listener);
    const own = group;
    return () => {
      own.listeners.delete(listener);
      if (own.listeners.size === 0 && this.groups.get(workspaceId) === own) this.groups.delete(workspaceId);
    };
  }

  seen(id: number): void {
    if (id > this.lastKnownId) this.lastKnownId = id;
  }

  /** Wake every workspace with subscribers: after the listener was down, any of them may have missed a NOTIFY. */
  pumpAll(): Promise<void> {
    return Promise.all([...this.groups.keys()].map((workspaceId) => this.pump(workspaceId))).then(() => undefined);
  }

  /** Deliver whatever the workspace's subscribers have not heard yet. */
  pump(workspaceId: string): Promise<void> {
    const group = this.groups.get(workspaceId);
    if (!group) return Promise.resolve();
    group.chain = group.chain.then(async () => {
      for (;;) {
        const events = await this.read(workspaceId, group.hwm);
        for (const event of events) {
          group.hwm = Math.max(group.hwm, event.id);
          this.seen(event.id);
          for (const listener of [...group.listeners]) {
            try {
              listener(structuredClone(event));
            } catch {
              // A broken subscriber must not break the writer.
            }
          }
        }
        if (events.length < 500) break;
      }
    }).catch(() => undefined);
    return group.chain;
  }
}

interface Shared {
  db: SqlDatabase;
  /** Seals connection secrets and connect-session secrets at rest; undefined = stored plain. */
  box?: SecretBox;
  hub: EventHub;
  instanceId: string;
  listener?: Listener;
  /** Totals of first pages, per workspace and filter. */
  counts: CountCache;
  /** Connection and run writes since the last ANALYZE (PGlite has no autovacuum to keep the planner's statistics). */
  writesSinceAnalyze: number;
  /** The app catalog as last read, and when (every list page and connection view names its app). */
  apps?: { at: number; list: Promise<App[]> } | undefined;
}

/**
 * How long the app catalog is reused. A write in this process refreshes it at once; another instance's (apps change
 * only when an operator registers one) shows within this long.
 */
const APPS_TTL_MS = 10_000;

/** PGlite: re-analyze after this many writes, so keyset pages keep their index as a table grows. */
const ANALYZE_EVERY = 1_000;

export interface SqlStoreOptions extends OpenDatabaseOptions {
  /** Apply pending migrations on open. Default true. */
  migrate?: boolean;
  /** How the LISTEN connection reconnects after a drop (PostgreSQL). Defaults: `DEFAULT_RECONNECT_POLICY`. */
  listenReconnect?: Partial<ReconnectPolicy>;
}

/**
 * The Store on SQL: embedded PGlite (a directory, one process) or PostgreSQL (many instances). Same conformance
 * suite as `MemoryStore`. Refresh work is claimed with `FOR UPDATE SKIP LOCKED`; events live in a table with a
 * sequence id and fan out across instances with `LISTEN/NOTIFY`.
 */
export class SqlStore implements Store {
  private readonly touched = new Set<string>();
  private readonly written = new Set<string>();
  private wroteApps = false;
  private lastAppendedId = 0;

  private constructor(private readonly shared: Shared, private readonly q: SqlClient, private readonly inTransaction: boolean) {}

  /** Open (and migrate) a database and start listening for other instances' events. */
  static async open(options: SqlStoreOptions = {}): Promise<SqlStore> {
    const db = await openDatabase(options);
    try {
      const shared: Shared = { db, instanceId: newId('inst'), hub: undefined as unknown as EventHub, counts: new CountCache(), writesSinceAnalyze: 0 };
      const store = new SqlStore(shared, db, false);
      if (options.migrate !== false) {
        await migrate(db);
        await store.fillSortKeys();
        if (db.kind === 'pglite') await db.exec('ANALYZE connections, runs');
      }
      shared.hub = new EventHub((workspaceId, afterId) => store.eventsSince(workspaceId, afterId, 500));
      const maxEventId = async () => Number((await db.query<{ id: string }>('SELECT coalesce(max(id), 0) AS id FROM events')).rows[0]?.id ?? 0);
      shared.hub.seen(await maxEventId());
      if (db.listen) {
        shared.listener = await db.listen(EVENTS_CHANNEL, (payload) => {
          try {
            const { workspaceId, id } = JSON.parse(payload) as { workspaceId: string; id: number };
            // Another instance changed something in the workspace: its totals may be stale.
            shared.counts.changed(workspaceId);
            shared.hub.seen(id);
            void shared.hub.pump(workspaceId);
          } catch {
            // not ours
          }
        }, {
          applicationName: `relink-listen:${shared.instanceId}`,
          ...(options.listenReconnect ? { reconnect: options.listenReconnect } : {}),
          // NOTIFYs sent while the listener was down are gone; the log is not. LISTEN is back in force before this
          // runs, so every subscriber reads from its own high-water mark: what it missed, in order, once — and
          // anything committed from here on arrives by NOTIFY as usual.
          onReconnect: () => {
            void maxEventId().then((id) => shared.hub.seen(id), () => undefined).finally(() => shared.hub.pumpAll());
          },
        });
      }
      return store;
    } catch (error) {
      await db.close();
      throw error;
    }
  }

  /** The database underneath (the OIDC provider keeps its grants and tokens in the same one). */
  get db(): SqlDatabase {
    return this.shared.db;
  }

  get kind(): SqlDatabase['kind'] {
    return this.shared.db.kind;
  }

  /** This process's id; its LISTEN session shows in `pg_stat_activity` as `relink-listen:<instanceId>`. */
  get instanceId(): string {
    return this.shared.instanceId;
  }

  /** The cross-instance event listener (PostgreSQL only): `state` and `reconnects`, for health checks and tests. */
  get listener(): Pick<Listener, 'state' | 'reconnects'> | undefined {
    return this.shared.listener;
  }

  /**
   * Seal secrets at rest from now on: provider tokens and API-key fields (`connections.data.secrets`), a consent
   * flow's PKCE verifier and held tokens. Values written plain before stay readable and are sealed when next written
   * (or at once by `rotateSecrets`).
   */
  useEncryption(box: SecretBox): void {
    this.shared.box = box;
  }

  private async sealConnection(c: ConnectionRecord): Promise<unknown> {
    const box = this.shared.box;
    return box ? { ...c, secrets: await box.seal(c.secrets) } : c;
  }

  private async openSealed<T>(value: T): Promise<T> {
    if (!isSealed(value)) return value;
    if (!this.shared.box) throw new Error('A secret in the database is sealed but no encryption keys are configured.');
    return this.shared.box.open<T>(value);
  }

  private async openConnection(c: ConnectionRecord | undefined): Promise<ConnectionRecord | undefined> {
    return c && { ...c, secrets: await this.openSealed(c.secrets) };
  }

  private async openConnections(list: ConnectionRecord[]): Promise<ConnectionRecord[]> {
    return Promise.all(list.map(async (c) => (await this.openConnection(c))!));
  }

  private async sealSession(s: ConnectSessionRecord): Promise<unknown> {
    const box = this.shared.box;
    if (!box) return s;
    return { ...s, codeVerifier: await box.seal(s.codeVerifier), ...(s.pendingSecrets ? { pendingSecrets: await box.seal(s.pendingSecrets) } : {}) };
  }

  private async openSession(s: ConnectSessionRecord | undefined): Promise<ConnectSessionRecord | undefined> {
    if (!s) return s;
    const opened = { ...s, codeVerifier: await this.openSealed(s.codeVerifier) };
    if (s.pendingSecrets) opened.pendingSecrets = await this.openSealed(s.pendingSecrets);
    return opened;
  }

  /**
   * Re-seal every stored secret with the current key (after adding a new current key; then the old key can go).
   * Row by row, each in its own transaction that re-reads the row, so it runs safely beside live traffic.
   * Answers how many records were re-sealed.
   */
  async rotateSecrets(): Promise<number> {
    const box = this.shared.box;
    if (!box) throw new Error('Configure encryption keys before rotating.');
    let count = 0;
    const stale = (value: unknown) => !isSealed(value) || value.$sealed.kid !== box.currentKeyId;
    const connections = (await this.q.query<{ workspace_id: string; id: string; data: ConnectionRecord }>('SELECT workspace_id, id, data FROM connections')).rows;
    for (const row of connections) {
      if (!stale(row.data.secrets)) continue;
      await this.transaction(async (tx) => {
        const current = await tx.getConnection(row.workspace_id, row.id);
        if (current) await tx.putConnection(current);
      });
      count++;
    }
    const sessions = (await this.q.query<{ workspace_id: string; id: string; data: ConnectSessionRecord }>('SELECT workspace_id, id, data FROM connect_sessions')).rows;
    for (const row of sessions) {
      if (!stale(row.data.codeVerifier) && (row.data.pendingSecrets === undefined || !stale(row.data.pendingSecrets))) continue;
      await this.transaction(async (tx) => {
        const current = await tx.getConnectSession(row.workspace_id, row.id);
        if (current) await tx.putConnectSession(current);
      });
      count++;
    }
    return count;
  }

  async close(): Promise<void> {
    await this.shared.listener?.stop();
    await this.shared.db.close();
  }

  async transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T> {
    if (this.inTransaction) return fn(this);
    let tx: SqlStore | undefined;
    const result = await this.shared.db.transaction(async (client) => {
      tx = new SqlStore(this.shared, client, true);
      return fn(tx);
    });
    // Committed: totals counted meanwhile may have missed the writes; this process's subscribers may hear the events.
    for (const workspaceId of tx?.written ?? []) this.shared.counts.changed(workspaceId);
    if (tx?.wroteApps) this.shared.apps = undefined;
    this.analyzeIfDue();
    if (tx) this.shared.hub.seen(tx.lastAppendedId);
    for (const workspaceId of tx?.touched ?? []) await this.shared.hub.pump(workspaceId);
    return result;
  }

  /** A connection or run was written: totals of its workspace are stale, and PGlite's statistics may be. */
  private wrote(workspaceId: string): void {
    this.shared.counts.changed(workspaceId);
    this.shared.writesSinceAnalyze++;
    if (this.inTransaction) this.written.add(workspaceId);
    else this.analyzeIfDue();
  }

  private analyzeIfDue(): void {
    if (this.shared.db.kind !== 'pglite' || this.shared.writesSinceAnalyze < ANALYZE_EVERY) return;
    this.shared.writesSinceAnalyze = 0;
    void this.shared.db.exec('ANALYZE connections, runs').catch(() => undefined);
  }

  /**
   * One document by key. Prepared: these are a dozen fixed texts, and one of them (the principal of a session token)
   * runs before every authenticated request.
   */
  private async one<T>(sql: string, params: unknown[]): Promise<T | undefined> {
    return docs<T>((await this.q.query<Row>(sql, params, { prepare: true })).rows)[0];
  }

  /** Keyset pagination: `WHERE (sort, id) > cursor ORDER BY sort, id LIMIT n+1` (or < and DESC). */
  private async page<T>(table: string, sortColumn: string, order: 'asc' | 'desc', filters: [string, unknown][], cursor: string | undefined, limit: number, keyOf: (item: T) => SortKey): Promise<PageResult<T>> {
    const where: string[] = [];
    const params: unknown[] = [];
    for (const [clause, value] of filters) {
      params.push(value);
      where.push(clause.replaceAll('?', `$${params.length}`));
    }
    if (cursor !== undefined) {
      const [a, b] = decodeCursor(cursor);
      params.push(a, b);
      where.push(`(${sortColumn}, id) ${order === 'asc' ? '>' : '<'} ($${params.length - 1}, $${params.length})`);
    }
    params.push(limit + 1);
    const dir = order === 'asc' ? 'ASC' : 'DESC';
    const rows = (await this.q.query<Row>(
      `SELECT data FROM ${table} WHERE ${where.join(' AND ')} ORDER BY ${sortColumn} ${dir}, id ${dir} LIMIT $${params.length}`,
      params,
    )).rows;
    const items = docs<T>(rows);
    const page = items.slice(0, limit);
    const last = page[page.length - 1];
    return { items: page, nextCursor: items.length > limit && last ? encodeCursor(keyOf(last)) : null };
  }

  /**
   * Keyset pagination over several sort columns: `WHERE (c1, c2, id) > ($1, $2, $3) ORDER BY c1, c2, id LIMIT n+1`
   * (or < and DESC) on an index of the same columns; with `withTotal`, one count of the filtered rows beside it.
   * `select` is the SQL for one item as JSON text (default: the stored document). `counted`: a table of counts
   * (column `n`) with the filters' columns, summed for the total in the page's own query instead of counting rows.
   */
  private async sortedPage(
    table: string, columns: readonly string[], tag: string, order: 'asc' | 'desc', filters: [string, unknown][],
    cursor: string | undefined, limit: number, withTotal: boolean | undefined, workspaceId: string, select = 'data::text',
    counted?: string, offset = 0,
  ): Promise<PageResult<unknown>> {
    const where: string[] = [];
    const params: unknown[] = [];
    for (const [clause, value] of filters) {
      params.push(value);
      where.push(clause.replaceAll('?', `$${params.length}`));
    }
    const keyColumns = [...columns, 'id'];
    const countWhere = where.join(' AND ');
    const countParams = [...params];
    if (cursor !== undefined) {
      const after = decodeKeyset(cursor, tag, keyColumns.length);
      const placeholders = after.map((value) => {
        params.push(value);
        return `$${params.length}`;
      });
      where.push(`(${keyColumns.join(', ')}) ${order === 'asc' ? '>' : '<'} (${placeholders.join(', ')})`);
    }
    // The page size goes into the text, not a parameter: with `LIMIT $n` the planner cannot tell 101 rows from 10% of
    // the table, so it re-planned the prepared page on every run; with the number it settles on one plan (the keyset
    // index walk it would choose anyway). A page size is one of a few numbers; the statements stay a bounded set.
    if (!Number.isSafeInteger(limit) || limit < 1) throw new RangeError(`A page size is a positive integer, not ${limit}.`);
    const take = limit + 1;
    // A window jumping to a row skips matches on the same index (`offset`); sequential pages use the cursor.
    const skip = offset > 0 ? ` OFFSET ${Math.trunc(offset)}` : '';
    const dir = order === 'asc' ? 'ASC' : 'DESC';
    // The page comes back as one text value, `[item, key…],[item, key…],…`, parsed once here: PGlite pays a fixed cost
    // per result row (its wire protocol in JavaScript), and text joined in SQL costs far less than json_agg of records
    // (which re-encodes every document): the page query took half the time.
    const keys = keyColumns.map((_, i) => `k${i}`);
    // A NULL key would make the whole entry NULL and string_agg drop the row: it goes as JSON null.
    const entry = `'[' || item || ${keys.map((k) => `',' || coalesce(to_json(${k})::text, 'null')`).join(' || ')} || ']'`;
    const summed = withTotal && counted !== undefined;
    const result = await this.q.query<{ page: string | null; total?: string | number }>(
      `SELECT string_agg(${entry}, ',' ORDER BY ${keys.map((k) => `${k} ${dir}`).join(', ')}) AS page${
        summed ? `, (SELECT coalesce(sum(n), 0) FROM ${counted} WHERE ${countWhere}) AS total` : ''} FROM (
         SELECT ${select} AS item, ${keyColumns.map((c, i) => `${c} AS ${keys[i]}`).join(', ')} FROM ${table} WHERE ${where.join(' AND ')}
         ORDER BY ${keyColumns.map((c) => `${c} ${dir}`).join(', ')} LIMIT ${take}${skip}) p`,
      params,
      // Prepared: the page's text is one of a few per list (filters, sort, cursor, page size) and planning it cost about
      // as much as running it. Not a window at an offset, whose text carries the offset.
      { prepare: skip === '' },
    );
    const rows = JSON.parse(`[${result.rows[0]?.page ?? ''}]`) as unknown[][];
    const countSql = `SELECT count(*) AS n FROM ${table} WHERE ${countWhere}`;
    const count = async () => Number((await this.q.query<{ n: string | number }>(countSql, countParams)).rows[0]?.n ?? 0);
    // Inside a transaction the count must see its own writes: no cache there.
    const total = summed ? Number(result.rows[0]?.total ?? 0)
      : withTotal ? await (this.inTransaction ? count() : this.shared.counts.get(workspaceId, `${countSql}${json(countParams)}`, count)) : undefined;
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map((r) => r[0]),
      nextCursor: rows.length > limit && last ? encodeKeyset(tag, last.slice(1).map((key) => String(key ?? ''))) : null,
      ...(total !== undefined ? { total } : {}),
    };
  }

  /** Fill the folded sort keys (0005) of rows written before they existed; cheap when there are none. */
  async fillSortKeys(): Promise<void> {
    const names = new Map((await this.listApps()).map((a) => [a.key, a.name]));
    const connections = (await this.q.query<{ w: string; i: string; app: string; label: string; status: ConnectionRecord['status'] }>(
      "SELECT workspace_id AS w, id AS i, app_key AS app, data->>'label' AS label, status FROM connections WHERE label_key IS NULL OR app_name_key IS NULL",
    )).rows;
    if (connections.length > 0) {
      const values = connections.map((r) => {
        const keys = connectionKeys({ label: r.label, status: r.status }, names.get(r.app) ?? r.app);
        return { w: r.w, i: r.i, l: keys.labelKey, a: keys.appNameKey };
      });
      await this.q.query(
        `UPDATE connections c SET label_key = v.l, app_name_key = v.a
         FROM jsonb_to_recordset($1::jsonb) AS v(w text, i text, l text, a text) WHERE c.workspace_id = v.w AND c.id = v.i`,
        [json(values)],
      );
    }
    const runs = (await this.q.query<{ w: string; i: string; name: string }>(
      "SELECT workspace_id AS w, id AS i, data->>'workflowName' AS name FROM runs WHERE workflow_name_key IS NULL",
    )).rows;
    if (runs.length > 0) {
      await this.q.query(
        `UPDATE runs r SET workflow_name_key = v.n
         FROM jsonb_to_recordset($1::jsonb) AS v(w text, i text, n text) WHERE r.workspace_id = v.w AND r.id = v.i`,
        [json(runs.map((r) => ({ w: r.w, i: r.i, n: runKeys({ workflowName: r.name }).workflowNameKey })))],
      );
    }
  }

  async putWorkspace(w: WorkspaceRecord): Promise<void> {
    await this.q.query(
      `INSERT INTO workspaces (id, secret_key_hash, data) VALUES ($1, $2, $3::jsonb)
       ON CONFLICT (id) DO UPDATE SET secret_key_hash = excluded.secret_key_hash, data = excluded.data`,
      [w.id, w.secretKeyHash, json(w)],
    );
  }
  getWorkspace(id: string): Promise<WorkspaceRecord | undefined> {
    return this.one('SELECT data FROM workspaces WHERE id = $1', [id]);
  }
  findWorkspaceBySecretKeyHash(hash: string): Promise<WorkspaceRecord | undefined> {
    return this.one('SELECT data FROM workspaces WHERE secret_key_hash = $1 LIMIT 1', [hash]);
  }

  async putPrincipal(p: PrincipalRecord): Promise<void> {
    await this.q.query(
      `INSERT INTO principals (workspace_id, id, data) VALUES ($1, $2, $3::jsonb)
       ON CONFLICT (workspace_id, id) DO UPDATE SET data = excluded.data`,
      [p.workspaceId, p.id, json(p)],
    );
  }
  getPrincipal(workspaceId: string, id: string): Promise<PrincipalRecord | undefined> {
    return this.one('SELECT data FROM principals WHERE workspace_id = $1 AND id = $2', [workspaceId, id]);
  }

  async putApp(app: App): Promise<void> {
    await this.q.query('INSERT INTO apps (key, data) VALUES ($1, $2::jsonb) ON CONFLICT (key) DO UPDATE SET data = excluded.data', [app.key, json(app)]);
    // A renamed app moves its connections in the app sort.
    await this.q.query('UPDATE connections SET app_name_key = $2 WHERE app_key = $1 AND app_name_key IS DISTINCT FROM $2', [app.key, fold(app.name)]);
    this.shared.counts.reset(); // searches by app name count differently now
    this.shared.apps = undefined;
    if (this.inTransaction) this.wroteApps = true; // and again at commit: a read meanwhile saw the old catalog
  }
  async getApp(key: string): Promise<App | undefined> {
    return (await this.listApps()).find((app) => app.key === key);
  }
  async listApps(): Promise<App[]> {
    const read = async () => docs<App>((await this.q.query<Row>('SELECT data FROM apps ORDER BY key')).rows);
    // A transaction reads its own writes; everyone else shares the catalog read last.
    if (this.inTransaction) return read();
    const now = Date.now();
    let cached = this.shared.apps;
    if (!cached || now - cached.at >= APPS_TTL_MS) {
      const entry = (cached = { at: now, list: read() });
      this.shared.apps = entry;
      entry.list.catch(() => {
        if (this.shared.apps === entry) this.shared.apps = undefined;
      });
    }
    return [...(await cached.list)];
  }

  async putConnection(c: ConnectionRecord): Promise<void> {
    const appName = (await this.q.query<{ name: string }>("SELECT data->>'name' AS name FROM apps WHERE key = $1", [c.appKey])).rows[0]?.name ?? c.appKey;
    const keys = connectionKeys(c, appName);
    await this.q.query(
      `INSERT INTO connections (workspace_id, id, owner_principal_id, status, app_key, created_at, next_at, lease_until, has_refresh_token, expires_at, data,
         owner, updated_at, label_key, app_name_key, status_rank)
       VALUES ($1, $2, $3, $4, $5, $6, $7::timestamptz, $8::timestamptz, $9, $10::timestamptz, $11::jsonb, $12, $13, $14, $15, $16)
       ON CONFLICT (workspace_id, id) DO UPDATE SET owner_principal_id = excluded.owner_principal_id, status = excluded.status,
         app_key = excluded.app_key, created_at = excluded.created_at, next_at = excluded.next_at, lease_until = excluded.lease_until,
         has_refresh_token = excluded.has_refresh_token, expires_at = excluded.expires_at, data = excluded.data,
         owner = excluded.owner, updated_at = excluded.updated_at, label_key = excluded.label_key, app_name_key = excluded.app_name_key,
         status_rank = excluded.status_rank`,
      [c.workspaceId, c.id, c.ownerPrincipalId, c.status, c.appKey, c.createdAt, c.refresh.nextAt ?? null, c.refresh.leaseUntil ?? null,
        c.secrets.refreshToken !== undefined, c.expiresAt ?? null, json(await this.sealConnection(c)),
        c.owner, c.updatedAt, keys.labelKey, keys.appNameKey, keys.statusRank],
    );
    this.wrote(c.workspaceId);
  }
  async getConnection(workspaceId: string, id: string): Promise<ConnectionRecord | undefined> {
    return this.openConnection(await this.one('SELECT data FROM connections WHERE workspace_id = $1 AND id = $2', [workspaceId, id]));
  }
  async deleteConnection(workspaceId: string, id: string): Promise<boolean> {
    await this.q.query("DELETE FROM connect_sessions WHERE workspace_id = $1 AND data->>'connectionId' = $2", [workspaceId, id]);
    const deleted = await this.q.query('DELETE FROM connections WHERE workspace_id = $1 AND id = $2 RETURNING id', [workspaceId, id]);
    this.wrote(workspaceId); // a removal changes the totals too
    return deleted.rows.length > 0;
  }
  async listConnections(q: ConnectionQuery): Promise<PageResult<ConnectionRecord>> {
    const filters: [string, unknown][] = [['workspace_id = ?', q.workspaceId]];
    if (q.ownerPrincipalId !== undefined) filters.push(['owner_principal_id = ?', q.ownerPrincipalId]);
    if (q.owner !== undefined) filters.push(['owner = ?', q.owner]);
    if (q.status !== undefined) filters.push(['status = ?', q.status]);
    if (q.appKey !== undefined) filters.push(['app_key = ?', q.appKey]);
    if (q.search) filters.push(['(strpos(label_key, ?) > 0 OR strpos(app_name_key, ?) > 0)', fold(q.search)]);
    const sort = q.sort ?? 'createdAt';
    const order = q.order ?? defaultOrder(sort);
    // Redacted: the sealed secrets never leave the database (`listing` is the document without them, 0007), only
    // whether a refresh token is held (a column); each item comes back as `[record without secrets, has_refresh_token]`.
    const select = q.redactSecrets ? `'[' || listing || ',' || has_refresh_token::text || ']'` : 'data::text';
    // Totals come from the counts a trigger keeps (0008), exact and cheap; a search counts its matches.
    const page = await this.sortedPage('connections', CONNECTION_SORT_KEYS[sort].map(column), `connections:${sort}:${order}`, order, filters, q.cursor, q.limit, q.withTotal, q.workspaceId, select,
      q.search ? undefined : 'connection_counts', q.offset);
    if (!q.redactSecrets) return { ...page, items: await this.openConnections(page.items as ConnectionRecord[]) };
    const items = (page.items as [ConnectionRecord, boolean][]).map(([record, hasRefreshToken]) => {
      record.secrets = hasRefreshToken ? { refreshToken: REDACTED_SECRET } : {};
      return record;
    });
    return { ...page, items };
  }

  async claimDueRefreshes(now: Date, leaseMs: number, limit: number): Promise<ConnectionRecord[]> {
    const leaseUntil = new Date(now.getTime() + leaseMs).toISOString();
    // Two instances running this at once lock disjoint rows: SKIP LOCKED passes over what the other one holds.
    const rows = (await this.q.query<Row>(
      `WITH due AS (
         SELECT workspace_id, id FROM connections
         WHERE status = 'active' AND has_refresh_token AND next_at <= $1::timestamptz
           AND (lease_until IS NULL OR lease_until <= $1::timestamptz)
         ORDER BY next_at, id
         LIMIT $3
         FOR UPDATE SKIP LOCKED)
       UPDATE connections c SET lease_until = $2::timestamptz, data = jsonb_set(c.data, '{refresh,leaseUntil}', to_jsonb($4::text))
       FROM due WHERE c.workspace_id = due.workspace_id AND c.id = due.id
       RETURNING c.data`,
      [now.toISOString(), leaseUntil, limit, leaseUntil],
    )).rows;
    return (await this.openConnections(docs<ConnectionRecord>(rows))).sort((a, b) => (a.refresh.nextAt ?? '').localeCompare(b.refresh.nextAt ?? '') || (a.id < b.id ? -1 : 1));
  }

  async claimExpired(now: Date, leaseMs: number, limit: number): Promise<ConnectionRecord[]> {
    const leaseUntil = new Date(now.getTime() + leaseMs).toISOString();
    // The refresh claim's pattern: instances running this at once lock disjoint rows, and the lease keeps a row
    // claimed until the reauth transition (which moves it out of `active`) commits.
    const rows = (await this.q.query<Row>(
      `WITH expired AS (
         SELECT workspace_id, id FROM connections
         WHERE status = 'active' AND NOT has_refresh_token AND expires_at <= $1::timestamptz
           AND (lease_until IS NULL OR lease_until <= $1::timestamptz)
         ORDER BY expires_at, id
         LIMIT $3
         FOR UPDATE SKIP LOCKED)
       UPDATE connections c SET lease_until = $2::timestamptz, data = jsonb_set(c.data, '{refresh,leaseUntil}', to_jsonb($4::text))
       FROM expired WHERE c.workspace_id = expired.workspace_id AND c.id = expired.id
       RETURNING c.data`,
      [now.toISOString(), leaseUntil, limit, leaseUntil],
    )).rows;
    return (await this.openConnections(docs<ConnectionRecord>(rows))).sort((a, b) => Date.parse(a.expiresAt ?? '') - Date.parse(b.expiresAt ?? '') || (a.id < b.id ? -1 : 1));
  }

  async claimExpiring(now: Date, windowEnd: Date, leaseMs: number, limit: number): Promise<ConnectionRecord[]> {
    const leaseUntil = new Date(now.getTime() + leaseMs).toISOString();
    // The expiry claim's pattern; a connection already alerted (an unresolved expiring_soon) is not claimed again.
    const rows = (await this.q.query<Row>(
      `WITH entering AS (
         SELECT workspace_id, id FROM connections c0
         WHERE status = 'active' AND expires_at > $1::timestamptz AND expires_at <= $5::timestamptz
           AND (lease_until IS NULL OR lease_until <= $1::timestamptz)
           AND NOT EXISTS (SELECT 1 FROM notifications n WHERE n.workspace_id = c0.workspace_id AND n.connection_id = c0.id
             AND n.kind = 'expiring_soon' AND n.data->>'resolvedAt' IS NULL)
         ORDER BY expires_at, id
         LIMIT $3
         FOR UPDATE SKIP LOCKED)
       UPDATE connections c SET lease_until = $2::timestamptz, data = jsonb_set(c.data, '{refresh,leaseUntil}', to_jsonb($4::text))
       FROM entering WHERE c.workspace_id = entering.workspace_id AND c.id = entering.id
       RETURNING c.data`,
      [now.toISOString(), leaseUntil, limit, leaseUntil, windowEnd.toISOString()],
    )).rows;
    return (await this.openConnections(docs<ConnectionRecord>(rows))).sort((a, b) => Date.parse(a.expiresAt ?? '') - Date.parse(b.expiresAt ?? '') || (a.id < b.id ? -1 : 1));
  }

  async claimDueFirstSyncs(pendingSince: Date, now: Date, leaseMs: number, limit: number): Promise<ConnectionRecord[]> {
    const leaseUntil = new Date(now.getTime() + leaseMs).toISOString();
    // The refresh claim's pattern. Pending connections are few, so no index: the status filter is enough.
    const rows = (await this.q.query<Row>(
      `WITH due AS (
         SELECT workspace_id, id FROM connections
         WHERE status = 'pending'
           -- Sealed secrets hide what they hold: claim them too, and keep those with credentials once opened (below).
           AND (data->'secrets' ? '$sealed' OR data->'secrets'->>'accessToken' IS NOT NULL OR data->'secrets'->'apiKeyFields' IS NOT NULL)
           AND (data->>'updatedAt')::timestamptz <= $1::timestamptz
           AND (lease_until IS NULL OR lease_until <= $2::timestamptz)
         ORDER BY data->>'updatedAt', id
         LIMIT $4
         FOR UPDATE SKIP LOCKED)
       UPDATE connections c SET lease_until = $3::timestamptz, data = jsonb_set(c.data, '{refresh,leaseUntil}', to_jsonb($5::text))
       FROM due WHERE c.workspace_id = due.workspace_id AND c.id = due.id
       RETURNING c.data`,
      [pendingSince.toISOString(), now.toISOString(), leaseUntil, limit, leaseUntil],
    )).rows;
    return (await this.openConnections(docs<ConnectionRecord>(rows)))
      .filter((c) => c.secrets.accessToken !== undefined || c.secrets.apiKeyFields !== undefined)
      .sort((a, b) => a.updatedAt.localeCompare(b.updatedAt) || (a.id < b.id ? -1 : 1));
  }

  async claimRefresh(workspaceId: string, id: string, now: Date, leaseMs: number): Promise<ConnectionRecord | undefined> {
    const leaseUntil = new Date(now.getTime() + leaseMs).toISOString();
    // One UPDATE: a concurrent claimer waits on the row lock, then re-checks the lease and finds it held.
    return this.openConnection(await this.one(
      `UPDATE connections SET lease_until = $4::timestamptz, data = jsonb_set(data, '{refresh,leaseUntil}', to_jsonb($5::text))
       WHERE workspace_id = $1 AND id = $2 AND (lease_until IS NULL OR lease_until <= $3::timestamptz)
       RETURNING data`,
      [workspaceId, id, now.toISOString(), leaseUntil, leaseUntil],
    ));
  }

  async putNotification(n: NotificationRecord): Promise<void> {
    await this.q.query(
      `INSERT INTO notifications (workspace_id, id, connection_id, kind, read, created_at, data) VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb)
       ON CONFLICT (workspace_id, id) DO UPDATE SET connection_id = excluded.connection_id, kind = excluded.kind, read = excluded.read,
         created_at = excluded.created_at, data = excluded.data`,
      [n.workspaceId, n.id, n.connectionId ?? null, n.kind, n.read, n.createdAt, json(n)],
    );
  }
  getNotification(workspaceId: string, id: string): Promise<NotificationRecord | undefined> {
    return this.one('SELECT data FROM notifications WHERE workspace_id = $1 AND id = $2', [workspaceId, id]);
  }
  listNotifications(q: NotificationQuery): Promise<PageResult<NotificationRecord>> {
    const filters: [string, unknown][] = [['workspace_id = ?', q.workspaceId]];
    if (q.unread !== undefined) filters.push(['read = ?', !q.unread]);
    if (q.resolved !== undefined) filters.push(["(data->>'resolvedAt' IS NOT NULL) = ?", q.resolved]);
    if (q.connectionIds !== undefined) filters.push(['connection_id IN (SELECT jsonb_array_elements_text(?::jsonb))', json(q.connectionIds)]);
    if (q.excludeKinds?.length) filters.push(['kind NOT IN (SELECT jsonb_array_elements_text(?::jsonb))', json(q.excludeKinds)]);
    return this.page('notifications', 'created_at', 'desc', filters, q.cursor, q.limit, (n) => [n.createdAt, n.id]);
  }
  getNotificationPreferences(workspaceId: string, principalId: string): Promise<NotificationPreferencesRecord | undefined> {
    return this.one('SELECT data FROM notification_preferences WHERE workspace_id = $1 AND principal_id = $2', [workspaceId, principalId]);
  }
  async putNotificationPreferences(p: NotificationPreferencesRecord): Promise<void> {
    await this.q.query(
      `INSERT INTO notification_preferences (workspace_id, principal_id, data) VALUES ($1, $2, $3::jsonb)
       ON CONFLICT (workspace_id, principal_id) DO UPDATE SET data = excluded.data`,
      [p.workspaceId, p.principalId, json(p)],
    );
  }

  async findUnreadNotifications(workspaceId: string, connectionId: string, kind: Notification['kind']): Promise<NotificationRecord[]> {
    return docs<NotificationRecord>((await this.q.query<Row>(
      'SELECT data FROM notifications WHERE workspace_id = $1 AND connection_id = $2 AND kind = $3 AND NOT read ORDER BY created_at, id',
      [workspaceId, connectionId, kind],
    )).rows);
  }

  async findUnresolvedNotifications(workspaceId: string, connectionId: string, kind: Notification['kind']): Promise<NotificationRecord[]> {
    return docs<NotificationRecord>((await this.q.query<Row>(
      "SELECT data FROM notifications WHERE workspace_id = $1 AND connection_id = $2 AND kind = $3 AND data->>'resolvedAt' IS NULL ORDER BY created_at, id",
      [workspaceId, connectionId, kind],
    )).rows);
  }

  async putRun(r: RunRecord): Promise<void> {
    await this.q.query(
      `INSERT INTO runs (workspace_id, id, status, pause_reason, workflow_id, started_at, connection_ids, data, updated_at, workflow_name_key, replay_of)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb, $9, $10, $11)
       ON CONFLICT (workspace_id, id) DO UPDATE SET status = excluded.status, pause_reason = excluded.pause_reason, workflow_id = excluded.workflow_id,
         started_at = excluded.started_at, connection_ids = excluded.connection_ids, data = excluded.data, updated_at = excluded.updated_at,
         workflow_name_key = excluded.workflow_name_key, replay_of = excluded.replay_of`,
      [r.workspaceId, r.id, r.status, r.pauseReason ?? null, r.workflowId, r.startedAt, json(r.connectionIds), json(r), r.updatedAt, runKeys(r).workflowNameKey,
        r.replayOf ?? null],
    );
    this.wrote(r.workspaceId);
  }
  getRun(workspaceId: string, id: string): Promise<RunRecord | undefined> {
    return this.one('SELECT data FROM runs WHERE workspace_id = $1 AND id = $2', [workspaceId, id]);
  }
  async listRuns(q: RunQuery): Promise<PageResult<RunRecord>> {
    const filters: [string, unknown][] = [['workspace_id = ?', q.workspaceId]];
    if (q.status !== undefined) filters.push(['status = ?', q.status]);
    if (q.pauseReason !== undefined) filters.push(['pause_reason = ?', q.pauseReason]);
    if (q.workflowId !== undefined) filters.push(['workflow_id = ?', q.workflowId]);
    if (q.replayOf !== undefined) filters.push(['replay_of = ?', q.replayOf]);
    if (q.search) filters.push(['strpos(workflow_name_key, ?) > 0', fold(q.search)]);
    const sort = q.sort ?? 'startedAt';
    const order = q.order ?? defaultOrder(sort);
    return this.sortedPage('runs', RUN_SORT_KEYS[sort].map(column), `runs:${sort}:${order}`, order, filters, q.cursor, q.limit, q.withTotal, q.workspaceId,
      undefined, undefined, q.offset) as Promise<PageResult<RunRecord>>;
  }
  async listRunsUsingConnection(workspaceId: string, connectionId: string): Promise<RunRecord[]> {
    return docs<RunRecord>((await this.q.query<Row>(
      'SELECT data FROM runs WHERE workspace_id = $1 AND connection_ids @> $2::jsonb ORDER BY started_at, id',
      [workspaceId, json([connectionId])],
    )).rows);
  }

  async putConnectionRequest(r: ConnectionRequestRecord): Promise<void> {
    await this.q.query(
      `INSERT INTO connection_requests (workspace_id, id, state, requested_for, connection_id, requested_at, data) VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb)
       ON CONFLICT (workspace_id, id) DO UPDATE SET state = excluded.state, requested_for = excluded.requested_for,
         connection_id = excluded.connection_id, requested_at = excluded.requested_at, data = excluded.data`,
      [r.workspaceId, r.id, r.state, r.requestedFor, r.connectionId ?? null, r.requestedAt, json(r)],
    );
  }
  getConnectionRequest(workspaceId: string, id: string): Promise<ConnectionRequestRecord | undefined> {
    return this.one('SELECT data FROM connection_requests WHERE workspace_id = $1 AND id = $2', [workspaceId, id]);
  }
  listConnectionRequests(q: ConnectionRequestQuery): Promise<PageResult<ConnectionRequestRecord>> {
    const filters: [string, unknown][] = [['workspace_id = ?', q.workspaceId]];
    if (q.state !== undefined) filters.push(['state = ?', q.state]);
    if (q.requestedFor !== undefined) filters.push(['requested_for = ?', q.requestedFor]);
    return this.page('connection_requests', 'requested_at', 'asc', filters, q.cursor, q.limit, (r) => [r.requestedAt, r.id]);
  }
  async listOutstandingRequestsForConnection(workspaceId: string, connectionId: string): Promise<ConnectionRequestRecord[]> {
    return docs<ConnectionRequestRecord>((await this.q.query<Row>(
      "SELECT data FROM connection_requests WHERE workspace_id = $1 AND connection_id = $2 AND state = 'outstanding' ORDER BY requested_at, id",
      [workspaceId, connectionId],
    )).rows);
  }

  async putWorkflow(w: WorkflowRecord): Promise<void> {
    await this.q.query(
      'INSERT INTO workflows (workspace_id, id, data) VALUES ($1, $2, $3::jsonb) ON CONFLICT (workspace_id, id) DO UPDATE SET data = excluded.data',
      [w.workspaceId, w.id, json(w)],
    );
  }
  getWorkflow(workspaceId: string, id: string): Promise<WorkflowRecord | undefined> {
    return this.one('SELECT data FROM workflows WHERE workspace_id = $1 AND id = $2', [workspaceId, id]);
  }

  async putConnectSession(s: ConnectSessionRecord): Promise<void> {
    await this.q.query(
      `INSERT INTO connect_sessions (workspace_id, id, state, data) VALUES ($1, $2, $3, $4::jsonb)
       ON CONFLICT (workspace_id, id) DO UPDATE SET state = excluded.state, data = excluded.data`,
      [s.workspaceId, s.id, s.state, json(await this.sealSession(s))],
    );
  }
  async getConnectSession(workspaceId: string, id: string): Promise<ConnectSessionRecord | undefined> {
    return this.openSession(await this.one('SELECT data FROM connect_sessions WHERE workspace_id = $1 AND id = $2', [workspaceId, id]));
  }
  async findConnectSessionByState(state: string): Promise<ConnectSessionRecord | undefined> {
    return this.openSession(await this.one('SELECT data FROM connect_sessions WHERE state = $1', [state]));
  }
  async listLapsedHeldSessions(now: Date, limit: number): Promise<ConnectSessionRecord[]> {
    // `expiresAt` is an ISO instant (toISOString), so text order is time order; the partial index (0009) holds only
    // the sessions that still hold tokens.
    const rows = (await this.q.query<{ data: ConnectSessionRecord }>(
      `SELECT data FROM connect_sessions WHERE data->>'status' IN ('account_mismatch', 'choose_accounts') AND data->>'expiresAt' <= $1
       ORDER BY data->>'expiresAt', id LIMIT $2`,
      [now.toISOString(), limit],
    )).rows;
    return Promise.all(rows.map(async (r) => (await this.openSession(r.data))!));
  }

  getIdempotency(key: string): Promise<IdempotencyRecord | undefined> {
    return this.one('SELECT data FROM idempotency_keys WHERE key = $1', [key]);
  }
  async reserveIdempotency(record: IdempotencyRecord): Promise<IdempotencyRecord | undefined> {
    // The primary key serialises instances: one INSERT wins, every other one reads the winner's row.
    const inserted = await this.q.query('INSERT INTO idempotency_keys (key, data) VALUES ($1, $2::jsonb) ON CONFLICT (key) DO NOTHING RETURNING key', [record.key, json(record)]);
    if (inserted.rows.length > 0) return undefined;
    return (await this.getIdempotency(record.key)) ?? this.reserveIdempotency(record);
  }
  async putIdempotency(record: IdempotencyRecord): Promise<void> {
    await this.q.query('INSERT INTO idempotency_keys (key, data) VALUES ($1, $2::jsonb) ON CONFLICT (key) DO UPDATE SET data = excluded.data', [record.key, json(record)]);
  }
  async deleteIdempotency(key: string): Promise<void> {
    await this.q.query('DELETE FROM idempotency_keys WHERE key = $1', [key]);
  }

  async hitRateLimit(key: string, windowStart: number, hits = 1): Promise<number> {
    const row = (await this.q.query<{ count: number }>(
      `INSERT INTO rate_limits (key, window_start, count) VALUES ($1, $2, $3)
       ON CONFLICT (key) DO UPDATE SET
         count = CASE WHEN rate_limits.window_start = excluded.window_start THEN rate_limits.count + excluded.count ELSE excluded.count END,
         window_start = excluded.window_start
       RETURNING count`,
      [key, windowStart, hits],
    )).rows[0];
    return Number(row?.count ?? hits);
  }

  async getSetting<T>(name: string): Promise<T | undefined> {
    return (await this.q.query<{ value: T }>('SELECT value FROM settings WHERE name = $1', [name])).rows[0]?.value;
  }
  async initSetting<T>(name: string, value: T): Promise<T> {
    // First writer wins, so instances starting together agree on one generated key.
    await this.q.query('INSERT INTO settings (name, value) VALUES ($1, $2::jsonb) ON CONFLICT (name) DO NOTHING', [name, json(value)]);
    return (await this.getSetting<T>(name)) as T;
  }

  async appendEvent(event: NewEvent): Promise<StoredEvent> {
    // Outside a transaction, take one: the transaction lock keeps event ids committing in id order.
    if (!this.inTransaction) return this.transaction((tx) => tx.appendEvent(event));
    const row = (await this.q.query<{ id: string | number }>(
      'INSERT INTO events (workspace_id, at, type, audience, data) VALUES ($1, $2, $3, $4::jsonb, $5::jsonb) RETURNING id',
      [event.workspaceId, event.at, event.type, json(event.audience), json(event.data)],
    )).rows[0];
    const id = Number(row?.id);
    if (this.shared.db.kind === 'postgres') {
      // Delivered to every listening instance when (and only if) the transaction commits.
      await this.q.query('SELECT pg_notify($1, $2)', [EVENTS_CHANNEL, json({ workspaceId: event.workspaceId, id, from: this.shared.instanceId })]);
    }
    this.touched.add(event.workspaceId);
    this.lastAppendedId = Math.max(this.lastAppendedId, id);
    return { ...structuredClone(event), id };
  }

  async latestEventId(): Promise<number> {
    // The sequence, not max(id): a demo reset truncates the log but the ids keep counting.
    const row = (await this.q.query<{ last_value: string | number; is_called: boolean }>('SELECT last_value, is_called FROM events_id_seq')).rows[0];
    return row && row.is_called ? Number(row.last_value) : 0;
  }

  committedEventId(): number {
    // What this process has seen committed: its own commits, other instances' NOTIFYs (sent at commit), the log's
    // newest at open. Never the sequence, whose last value may belong to a transaction still open.
    return this.shared.hub.lastKnownId;
  }

  async eventsSince(workspaceId: string, lastId: number, limit = 1000): Promise<StoredEvent[]> {
    const rows = (await this.q.query<{ id: string | number; workspace_id: string; at: string; type: StoredEvent['type']; audience: string[]; data: Record<string, unknown> }>(
      'SELECT id, workspace_id, at, type, audience, data FROM events WHERE workspace_id = $1 AND id > $2 ORDER BY id LIMIT $3',
      [workspaceId, lastId, limit],
    )).rows;
    return rows.map((r) => ({ id: Number(r.id), workspaceId: r.workspace_id, at: r.at, type: r.type, audience: r.audience, data: r.data }));
  }

  subscribe(workspaceId: string, listener: (event: StoredEvent) => void): () => void {
    return this.shared.hub.subscribe(workspaceId, listener);
  }

  async clear(): Promise<void> {
    // TRUNCATE without RESTART IDENTITY: the event id sequence keeps counting.
    await this.q.exec(`TRUNCATE workspaces, principals, apps, connections, connection_counts, notifications, notification_preferences, runs, connection_requests, workflows,
      connect_sessions, idempotency_keys, rate_limits, events`);
    this.shared.counts.reset();
  }

  async clearWorkspace(workspaceId: string): Promise<void> {
    const run = async (tx: SqlStore) => {
      await tx.q.query('DELETE FROM workspaces WHERE id = $1', [workspaceId]);
      for (const table of ['principals', 'connections', 'notifications', 'notification_preferences', 'runs', 'connection_requests', 'workflows', 'connect_sessions', 'events']) {
        await tx.q.query(`DELETE FROM ${table} WHERE workspace_id = $1`, [workspaceId]);
      }
      await tx.q.query("DELETE FROM idempotency_keys WHERE starts_with(key, $1 || '/')", [workspaceId]);
      tx.wrote(workspaceId);
    };
    await (this.inTransaction ? run(this) : this.transaction((tx) => run(tx as SqlStore)));
  }

  /** True when no workspace exists yet (start-up seeds the demo only then). */
  async isEmpty(): Promise<boolean> {
    return (await this.q.query('SELECT 1 FROM workspaces LIMIT 1')).rows.length === 0;
  }
}
