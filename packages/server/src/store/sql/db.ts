// The two SQL databases the reference backend runs on, behind one small interface: embedded PGlite (one process,
// data in a directory) and a PostgreSQL server through `pg` (any number of instances). Node only.
import { mkdirSync } from 'node:fs';
import { messages, PGlite, parse, protocol } from '@electric-sql/pglite';
import pg from 'pg';

export interface QueryOptions {
  /**
   * Run as a named prepared statement: parsed and planned once per database session, then only bound and executed.
   * For hot statements whose text comes from a bounded set (values always as `$n` parameters, never spliced in),
   * such as the list pages: planning their page query cost about as much as running it.
   */
  prepare?: boolean;
}

export interface SqlClient {
  /** One statement with `$n` parameters. */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[], options?: QueryOptions): Promise<{ rows: T[] }>;
  /** Several statements, no parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface SqlDatabase extends SqlClient {
  readonly kind: 'pglite' | 'postgres';
  /**
   * BEGIN … COMMIT on one connection. Transactions are serialised: within the process by a queue, and across
   * processes (PostgreSQL) by a transaction-scoped advisory lock, so read-modify-write lifecycle code never loses an
   * update and event ids commit in order. Plain queries outside a transaction do not wait for it.
   */
  transaction<T>(fn: (client: SqlClient) => Promise<T>): Promise<T>;
  /**
   * LISTEN on a channel (PostgreSQL only; PGlite is one process and needs no fan-out). Resolves to a handle whose
   * `stop()` unlistens. The first connect must succeed (or this rejects); after that a dropped listening connection
   * is re-opened with capped, fully jittered backoff, LISTEN is re-issued, and `onReconnect` runs — payloads sent
   * while it was down are lost, so the caller catches up from its own log there.
   */
  listen?(channel: string, onPayload: (payload: string) => void, options?: ListenOptions): Promise<Listener>;
  close(): Promise<void>;
}

export interface ReconnectPolicy {
  /** The first retry waits up to this long; each failed attempt doubles the ceiling. */
  baseMs: number;
  /** The ceiling never exceeds this. */
  capMs: number;
  /** Every so often the listener runs `SELECT 1`, so a connection that died silently (a half-open socket) is noticed. */
  pingIntervalMs: number;
  /** A ping not answered within this long counts as a drop. */
  pingTimeoutMs: number;
  /** Random source for the jitter, in [0, 1). */
  random: () => number;
}

export const DEFAULT_RECONNECT_POLICY: ReconnectPolicy = {
  baseMs: 100,
  capMs: 10_000,
  pingIntervalMs: 15_000,
  pingTimeoutMs: 5_000,
  random: Math.random,
};

/** "Full jitter": a delay drawn uniformly from [0, min(cap, base · 2^attempt)), so a fleet does not reconnect in step. */
export function fullJitterDelayMs(attempt: number, policy: Pick<ReconnectPolicy, 'baseMs' | 'capMs' | 'random'>): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(Math.max(0, attempt), 30));
  return Math.floor(policy.random() * ceiling);
}

export interface ListenOptions {
  /** Runs after a dropped listening connection is back and LISTEN is re-issued (not after the first connect). */
  onReconnect?: () => void;
  /** PostgreSQL `application_name` of the listening session (names it in `pg_stat_activity`). */
  applicationName?: string;
  reconnect?: Partial<ReconnectPolicy>;
}

export interface Listener {
  /** `listening` while LISTEN is in force; `reconnecting` between a drop and the next successful LISTEN. */
  readonly state: 'listening' | 'reconnecting' | 'stopped';
  /** How many times the connection was re-established. */
  readonly reconnects: number;
  /** Unlisten, close the connection and cancel any pending reconnect. */
  stop(): Promise<void>;
}

/** A FIFO lock: `run` waits for every earlier holder to settle. */
export class Mutex {
  private tail: Promise<unknown> = Promise.resolve();
  run<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.tail.then(fn);
    this.tail = result.catch(() => undefined);
    return result;
  }
}

/**
 * One name per prepared statement text, for the whole database (every session that prepares a text gives it this
 * name). At most `limit` texts get one: past that a statement runs unnamed, so a caller that splices values into its
 * text by mistake cannot grow every session's statement cache without bound.
 */
export class StatementNames {
  private readonly names = new Map<string, string>();
  constructor(private readonly limit = 256) {}

  of(sql: string): string | undefined {
    let name = this.names.get(sql);
    if (name === undefined && this.names.size < this.limit) this.names.set(sql, (name = `relink_${this.names.size + 1}`));
    return name;
  }
}

/** A prepared statement's parameters in text format, or undefined when one is not a plain scalar (then run unnamed). */
function textParams(params: unknown[]): (string | null)[] | undefined {
  const values: (string | null)[] = [];
  for (const value of params) {
    if (value === null || value === undefined) values.push(null);
    else if (typeof value === 'string') values.push(value);
    else if (typeof value === 'number' || typeof value === 'bigint') values.push(String(value));
    else return undefined;
  }
  return values;
}

function concatBytes(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** The advisory-lock key every Relink transaction takes (an arbitrary constant: "relink" in ASCII). */
const TX_LOCK_KEY = 0x72656c696e6b;

class PgliteDatabase implements SqlDatabase {
  readonly kind = 'pglite' as const;
  private readonly txLock = new Mutex();
  private readonly statements = new StatementNames();
  /** The statements this session has parsed (PGlite is one session). */
  private readonly parsed = new Set<string>();
  constructor(private readonly db: PGlite) {}

  async query<T>(sql: string, params: unknown[] = [], options?: QueryOptions): Promise<{ rows: T[] }> {
    const name = options?.prepare ? this.statements.of(sql) : undefined;
    const values = name === undefined ? undefined : textParams(params);
    if (name !== undefined && values !== undefined) return this.runPrepared<T>(name, sql, values);
    const result = await this.db.query<T>(sql, params);
    return { rows: result.rows };
  }

  /**
   * A named statement in one call into the engine: Parse (the first time), Bind, Describe, Execute and Sync sent
   * together. PGlite's `query` sends each of its six messages as a call of its own and parses and plans the text
   * every time; for the connections page that was most of the query's cost.
   */
  private runPrepared<T>(name: string, sql: string, values: (string | null)[]): Promise<{ rows: T[] }> {
    const { serialize } = protocol;
    return this.db.runExclusive(async () => {
      const replies = await this.db.execProtocolStream(concatBytes([
        ...(this.parsed.has(name) ? [] : [serialize.parse({ name, text: sql })]),
        serialize.bind({ statement: name, values }),
        serialize.describe({ type: 'P' }),
        serialize.execute({}),
        serialize.sync(),
      ]), { throwOnError: false });
      // Parsed even when a later step failed (a bad parameter): the session keeps the statement, so mark it.
      if (replies.some((reply) => reply.name === 'parseComplete')) this.parsed.add(name);
      const error = replies.find((reply) => reply instanceof messages.DatabaseError);
      if (error) throw error;
      return { rows: parse.parseResults(replies, this.db.parsers)[0]?.rows as T[] ?? [] };
    });
  }

  async exec(sql: string): Promise<void> {
    await this.db.exec(sql);
  }

  transaction<T>(fn: (client: SqlClient) => Promise<T>): Promise<T> {
    // PGlite is a single session: BEGIN/COMMIT by hand so a plain query issued while a transaction is open (the
    // lifecycle reads the app catalog through the root store) runs instead of deadlocking on PGlite's own lock.
    return this.txLock.run(async () => {
      await this.db.query('BEGIN');
      try {
        const result = await fn(this);
        await this.db.query('COMMIT');
        return result;
      } catch (error) {
        await this.db.query('ROLLBACK');
        throw error;
      }
    });
  }

  async close(): Promise<void> {
    if (!this.db.closed) await this.db.close();
  }
}

/** node-postgres prepares a named statement on each pooled connection the first time that connection runs it. */
function pgQuery(sql: string, params: unknown[], names: StatementNames, options?: QueryOptions): pg.QueryConfig {
  const name = options?.prepare ? names.of(sql) : undefined;
  return name === undefined ? { text: sql, values: params } : { name, text: sql, values: params };
}

function pgClient(client: pg.PoolClient | pg.Client, names: StatementNames): SqlClient {
  return {
    async query<T>(sql: string, params: unknown[] = [], options?: QueryOptions) {
      const result = await client.query(pgQuery(sql, params, names, options));
      return { rows: result.rows as T[] };
    },
    async exec(sql: string) {
      await client.query(sql);
    },
  };
}

/**
 * One LISTEN session on its own connection (not the pool's: a pooled client would be handed to queries). When the
 * connection ends — PostgreSQL restarted, a network blip, `pg_terminate_backend`, a ping that went unanswered — it
 * reconnects after a fully jittered, capped backoff, re-issues LISTEN and calls `onReconnect`, until `stop()`.
 * Timers are unref'd: a listener waiting to reconnect never keeps the process alive.
 */
class PgListener {
  state: Listener['state'] = 'reconnecting';
  reconnects = 0;
  private client: pg.Client | undefined;
  private attempt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private pingTimer: ReturnType<typeof setInterval> | undefined;
  private pinging = false;
  private connecting: Promise<unknown> | undefined;
  private readonly policy: ReconnectPolicy;

  constructor(
    private readonly url: string,
    private readonly channel: string,
    private readonly onPayload: (payload: string) => void,
    private readonly options: ListenOptions,
  ) {
    this.policy = { ...DEFAULT_RECONNECT_POLICY, ...options.reconnect };
  }

  /** The first connect: its failure is the caller's (opening the store fails loudly, as before). */
  async start(): Promise<void> {
    this.attach(await this.connect());
  }

  private async connect(): Promise<pg.Client> {
    const client = new pg.Client({
      connectionString: this.url,
      keepAlive: true,
      connectionTimeoutMillis: this.policy.pingTimeoutMs,
      ...(this.options.applicationName ? { application_name: this.options.applicationName } : {}),
    });
    // A dropped connection emits 'error' and then 'end'; 'end' drives the reconnect.
    client.on('error', () => undefined);
    client.on('end', () => this.dropped(client));
    client.on('notification', (message) => {
      if (message.channel === this.channel && message.payload !== undefined) this.onPayload(message.payload);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${this.channel}`);
      return client;
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
  }

  private attach(client: pg.Client): void {
    this.client = client;
    this.state = 'listening';
    this.attempt = 0;
    this.pingTimer = setInterval(() => void this.ping(client), this.policy.pingIntervalMs);
    this.pingTimer.unref?.();
  }

  private async ping(client: pg.Client): Promise<void> {
    if (this.pinging || this.client !== client) return;
    this.pinging = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      await Promise.race([
        client.query('SELECT 1'),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error('listener ping timed out')), this.policy.pingTimeoutMs);
        }),
      ]);
    } catch {
      this.dropped(client);
    } finally {
      clearTimeout(timer);
      this.pinging = false;
    }
  }

  /** The current connection is gone (or deemed gone): forget it and schedule a reconnect. Idempotent per client. */
  private dropped(client: pg.Client): void {
    if (this.client !== client) return;
    this.client = undefined;
    clearInterval(this.pingTimer);
    this.pingTimer = undefined;
    void client.end().catch(() => undefined);
    if (this.stopped()) return;
    this.state = 'reconnecting';
    this.schedule();
  }

  private schedule(): void {
    const delay = fullJitterDelayMs(this.attempt++, this.policy);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      this.connecting = this.retry().finally(() => (this.connecting = undefined));
    }, delay);
    this.retryTimer.unref?.();
  }

  // A method, not `this.state === 'stopped'`: the state changes across awaits, which narrowing does not see.
  private stopped(): boolean {
    return this.state === 'stopped';
  }

  private async retry(): Promise<void> {
    if (this.stopped()) return;
    let client: pg.Client;
    try {
      client = await this.connect();
    } catch {
      if (!this.stopped()) this.schedule();
      return;
    }
    if (this.stopped()) {
      await client.end().catch(() => undefined);
      return;
    }
    this.attach(client);
    this.reconnects++;
    try {
      this.options.onReconnect?.();
    } catch {
      // The caller's catch-up must not take the listener down.
    }
  }

  async stop(): Promise<void> {
    this.state = 'stopped';
    clearTimeout(this.retryTimer);
    clearInterval(this.pingTimer);
    this.retryTimer = undefined;
    this.pingTimer = undefined;
    await this.connecting;
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }
}

class PostgresDatabase implements SqlDatabase {
  readonly kind = 'postgres' as const;
  private readonly pool: pg.Pool;
  private readonly txLock = new Mutex();
  private readonly listeners = new Set<PgListener>();
  private readonly statements: StatementNames;

  constructor(private readonly url: string, poolSize: number, preparedStatements: boolean) {
    // No names to give: every `prepare` runs unnamed, exactly as a statement past the limit does.
    this.statements = new StatementNames(preparedStatements ? undefined : 0);
    this.pool = new pg.Pool({ connectionString: url, max: poolSize });
    // An idle client dropped by the server must not crash the process; the pool replaces it.
    this.pool.on('error', () => undefined);
  }

  async query<T>(sql: string, params: unknown[] = [], options?: QueryOptions): Promise<{ rows: T[] }> {
    const result = await this.pool.query(pgQuery(sql, params, this.statements, options));
    return { rows: result.rows as T[] };
  }

  async exec(sql: string): Promise<void> {
    await this.pool.query(sql);
  }

  transaction<T>(fn: (client: SqlClient) => Promise<T>): Promise<T> {
    // One transaction per process at a time: a transaction that waits on the advisory lock holds a pool connection,
    // and the holder may need another one for a plain read; queueing here keeps the pool from running dry.
    return this.txLock.run(async () => {
      const client = await this.pool.connect();
      try {
        await client.query('BEGIN');
        await client.query('SELECT pg_advisory_xact_lock($1)', [TX_LOCK_KEY]);
        const result = await fn(pgClient(client, this.statements));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    });
  }

  async listen(channel: string, onPayload: (payload: string) => void, options: ListenOptions = {}): Promise<Listener> {
    if (!/^[a-z_]+$/.test(channel)) throw new Error('channel names are lower-case identifiers');
    const listener = new PgListener(this.url, channel, onPayload, options);
    await listener.start();
    this.listeners.add(listener);
    return {
      get state() {
        return listener.state;
      },
      get reconnects() {
        return listener.reconnects;
      },
      stop: async () => {
        this.listeners.delete(listener);
        await listener.stop();
      },
    };
  }

  async close(): Promise<void> {
    await Promise.all([...this.listeners].map((l) => l.stop()));
    this.listeners.clear();
    await this.pool.end();
  }
}

export interface OpenDatabaseOptions {
  /** `postgres://…`: a PostgreSQL server. Otherwise embedded PGlite. */
  url?: string;
  /** PGlite data directory; omitted = in memory (tests). */
  dataDir?: string;
  /** PostgreSQL pool size. Default 10. */
  poolSize?: number;
  /**
   * PostgreSQL: run hot statements as named prepared statements (default true). Off for a pooler in transaction mode
   * that cannot carry them (PgBouncer before 1.21, or without `max_prepared_statements`): every statement then runs
   * unnamed. PGlite is always one session and always prepares.
   */
  preparedStatements?: boolean;
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<SqlDatabase> {
  if (options.url) {
    const db = new PostgresDatabase(options.url, options.poolSize ?? 10, options.preparedStatements ?? true);
    await db.query('SELECT 1');
    return db;
  }
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const lite = options.dataDir ? new PGlite(options.dataDir) : new PGlite();
  await lite.waitReady;
  return new PgliteDatabase(lite);
}
