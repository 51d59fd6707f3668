// The two SQL databases the reference backend runs on, behind one small interface: embedded PGlite (one process,
// data in a directory) and a PostgreSQL server through `pg` (any number of instances). Node only.
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

export interface SqlClient {
  /** One statement with `$n` parameters. */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
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
  /** LISTEN on a channel (PostgreSQL only; PGlite is one process and needs no fan-out). Resolves to an unlisten. */
  listen?(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
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

/** The advisory-lock key every Relink transaction takes (an arbitrary constant: "relink" in ASCII). */
const TX_LOCK_KEY = 0x72656c696e6b;

class PgliteDatabase implements SqlDatabase {
  readonly kind = 'pglite' as const;
  private readonly txLock = new Mutex();
  constructor(private readonly db: PGlite) {}

  async query<T>(sql: string, params: unknown[] = []): Promise<{ rows: T[] }> {
    const result = await this.db.query<T>(sql, params);
    return { rows: result.rows };
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

function pgClient(client: pg.PoolClient | pg.Client): SqlClient {
  return {
    async query<T>(sql: string, params: unknown[] = []) {
      const result = await client.query(sql, params);
      return { rows: result.rows as T[] };
    },
    async exec(sql: string) {
      await client.query(sql);
    },
  };
}

class PostgresDatabase implements SqlDatabase {
  readonly kind = 'postgres' as const;
  private readonly pool: pg.Pool;
  private readonly txLock = new Mutex();
  private readonly listeners = new Set<pg.Client>();

  constructor(private readonly url: string, poolSize: number) {
    this.pool = new pg.Pool({ connectionString: url, max: poolSize });
    // An idle client dropped by the server must not crash the process; the pool replaces it.
    this.pool.on('error', () => undefined);
  }

  async query<T>(sql: string, params: unknown[] = []): Promise<{ rows: T[] }> {
    const result = await this.pool.query(sql, params);
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
        const result = await fn(pgClient(client));
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

  async listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>> {
    if (!/^[a-z_]+$/.test(channel)) throw new Error('channel names are lower-case identifiers');
    const client = new pg.Client({ connectionString: this.url });
    client.on('error', () => undefined);
    await client.connect();
    client.on('notification', (message) => {
      if (message.channel === channel && message.payload !== undefined) onPayload(message.payload);
    });
    await client.query(`LISTEN ${channel}`);
    this.listeners.add(client);
    return async () => {
      this.listeners.delete(client);
      await client.end().catch(() => undefined);
    };
  }

  async close(): Promise<void> {
    await Promise.all([...this.listeners].map((c) => c.end().catch(() => undefined)));
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
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<SqlDatabase> {
  if (options.url) {
    const db = new PostgresDatabase(options.url, options.poolSize ?? 10);
    await db.query('SELECT 1');
    return db;
  }
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const lite = options.dataDir ? new PGlite(options.dataDir) : new PGlite();
  await lite.waitReady;
  return new PgliteDatabase(lite);
}
