import { readdirSync, readFileSync } from 'node:fs';
import type { SqlDatabase } from './db.js';

/** `packages/server/migrations`: `NNNN_name.sql`, applied in order, each once, recorded in `relink_migrations`. */
export const MIGRATIONS_DIR = new URL('../../../migrations/', import.meta.url);

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export function loadMigrations(dir: URL = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .map((file) => /^(\d{4})_([\w-]+)\.sql$/.exec(file))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ version: Number(m[1]), name: m[2] ?? '', sql: readFileSync(new URL(m[0], dir), 'utf8') }))
    .sort((a, b) => a.version - b.version);
}

/**
 * Apply every migration not yet recorded. Runs inside one transaction, which on PostgreSQL also holds the Relink
 * advisory lock: instances starting together apply each migration exactly once. Returns the versions applied now.
 */
export async function migrate(db: SqlDatabase, migrations: Migration[] = loadMigrations()): Promise<number[]> {
  return db.transaction(async (tx) => {
    await tx.exec(`CREATE TABLE IF NOT EXISTS relink_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const done = new Set((await tx.query<{ version: number }>('SELECT version FROM relink_migrations')).rows.map((r) => Number(r.version)));
    const applied: number[] = [];
    for (const migration of migrations) {
      if (done.has(migration.version)) continue;
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO relink_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
      applied.push(migration.version);
    }
    return applied;
  });
}
