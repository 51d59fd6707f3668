// Where oidc-provider keeps its state (grants, codes, tokens, interactions, sessions): the `oidc_payloads` table of
// the same database as the store, or memory when the store is in memory. Clients are configuration, not state:
// every instance registers them at start, so they live in memory on both.
import type { Adapter, AdapterFactory, AdapterPayload } from 'oidc-provider';
import type { SqlDatabase } from '../../store/sql/db.js';

export interface PayloadBackend {
  upsert(model: string, id: string, payload: AdapterPayload, expiresIn: number | undefined): Promise<void>;
  find(model: string, id: string): Promise<AdapterPayload | undefined>;
  findBy(model: string, field: 'uid' | 'userCode', value: string): Promise<AdapterPayload | undefined>;
  consume(model: string, id: string): Promise<void>;
  destroy(model: string, id: string): Promise<void>;
  revokeByGrantId(model: string, grantId: string): Promise<void>;
  /** Grant ids of an account (optionally for one client): what the demo's "revoke grant" lever acts on. */
  grantIds(accountId: string, clientId?: string): Promise<string[]>;
  /** Destroy every grant and everything issued under it. */
  destroyGrant(grantId: string): Promise<void>;
  /** Forget all state (demo reset). */
  clear(): Promise<void>;
}

const epoch = () => Math.floor(Date.now() / 1000);

export class MemoryPayloads implements PayloadBackend {
  private readonly rows = new Map<string, { payload: AdapterPayload; expiresAt: number | undefined }>();
  private static k(model: string, id: string) {
    return `${model}\u0000${id}`;
  }
  private live(model: string, id: string) {
    const row = this.rows.get(MemoryPayloads.k(model, id));
    if (!row) return undefined;
    if (row.expiresAt !== undefined && row.expiresAt <= Date.now()) {
      this.rows.delete(MemoryPayloads.k(model, id));
      return undefined;
    }
    return row;
  }
  async upsert(model: string, id: string, payload: AdapterPayload, expiresIn: number | undefined) {
    this.rows.set(MemoryPayloads.k(model, id), { payload: structuredClone(payload), expiresAt: expiresIn ? Date.now() + expiresIn * 1000 : undefined });
  }
  async find(model: string, id: string) {
    const row = this.live(model, id);
    return row && structuredClone(row.payload);
  }
  async findBy(model: string, field: 'uid' | 'userCode', value: string) {
    for (const [key, row] of this.rows) {
      if (key.startsWith(`${model}\u0000`) && row.payload[field] === value) return this.find(model, key.slice(model.length + 1));
    }
    return undefined;
  }
  async consume(model: string, id: string) {
    const row = this.live(model, id);
    if (row) row.payload.consumed = epoch();
  }
  async destroy(model: string, id: string) {
    this.rows.delete(MemoryPayloads.k(model, id));
  }
  async revokeByGrantId(model: string, grantId: string) {
    for (const [key, row] of this.rows) if (key.startsWith(`${model}\u0000`) && row.payload.grantId === grantId) this.rows.delete(key);
  }
  async grantIds(accountId: string, clientId?: string) {
    return [...this.rows.entries()]
      .filter(([key, row]) => key.startsWith('Grant\u0000') && row.payload.accountId === accountId && (clientId === undefined || row.payload.clientId === clientId))
      .map(([key]) => key.slice('Grant\u0000'.length));
  }
  async destroyGrant(grantId: string) {
    for (const [key, row] of this.rows) if (row.payload.grantId === grantId || key === `Grant\u0000${grantId}`) this.rows.delete(key);
  }
  async clear() {
    this.rows.clear();
  }
}

export class SqlPayloads implements PayloadBackend {
  constructor(private readonly db: SqlDatabase) {}
  async upsert(model: string, id: string, payload: AdapterPayload, expiresIn: number | undefined) {
    await this.db.query(
      `INSERT INTO oidc_payloads (model, id, payload, grant_id, uid, user_code, expires_at)
       VALUES ($1, $2, $3::jsonb, $4, $5, $6, CASE WHEN $7::int IS NULL THEN NULL ELSE now() + make_interval(secs => $7::int) END)
       ON CONFLICT (model, id) DO UPDATE SET payload = excluded.payload, grant_id = excluded.grant_id, uid = excluded.uid,
         user_code = excluded.user_code, expires_at = excluded.expires_at`,
      [model, id, JSON.stringify(payload), payload.grantId ?? null, payload.uid ?? null, payload.userCode ?? null, expiresIn ?? null],
    );
  }
  private async first(sql: string, params: unknown[]) {
    const row = (await this.db.query<{ payload: AdapterPayload; consumed: string | null }>(sql, params)).rows[0];
    if (!row) return undefined;
    return row.consumed ? { ...row.payload, consumed: Number(row.consumed) } : row.payload;
  }
  find(model: string, id: string) {
    return this.first(
      `SELECT payload, extract(epoch FROM consumed_at)::bigint AS consumed FROM oidc_payloads
       WHERE model = $1 AND id = $2 AND (expires_at IS NULL OR expires_at > now())`,
      [model, id],
    );
  }
  findBy(model: string, field: 'uid' | 'userCode', value: string) {
    return this.first(
      `SELECT payload, extract(epoch FROM consumed_at)::bigint AS consumed FROM oidc_payloads
       WHERE model = $1 AND ${field === 'uid' ? 'uid' : 'user_code'} = $2 AND (expires_at IS NULL OR expires_at > now())`,
      [model, value],
    );
  }
  async consume(model: string, id: string) {
    await this.db.query('UPDATE oidc_payloads SET consumed_at = now() WHERE model = $1 AND id = $2', [model, id]);
  }
  async destroy(model: string, id: string) {
    await this.db.query('DELETE FROM oidc_payloads WHERE model = $1 AND id = $2', [model, id]);
  }
  async revokeByGrantId(model: string, grantId: string) {
    await this.db.query('DELETE FROM oidc_payloads WHERE model = $1 AND grant_id = $2', [model, grantId]);
  }
  async grantIds(accountId: string, clientId?: string) {
    const rows = (await this.db.query<{ id: string }>(
      `SELECT id FROM oidc_payloads WHERE model = 'Grant' AND payload->>'accountId' = $1 AND ($2::text IS NULL OR payload->>'clientId' = $2)`,
      [accountId, clientId ?? null],
    )).rows;
    return rows.map((r) => r.id);
  }
  async destroyGrant(grantId: string) {
    await this.db.query(`DELETE FROM oidc_payloads WHERE grant_id = $1 OR (model = 'Grant' AND id = $1)`, [grantId]);
  }
  async clear() {
    await this.db.query('DELETE FROM oidc_payloads');
  }
}

/** oidc-provider's adapter factory over a backend; `Client` always comes from the in-memory client registry. */
export function adapterFactory(backend: PayloadBackend, clients: Map<string, AdapterPayload>): AdapterFactory {
  return (model: string): Adapter => {
    if (model === 'Client') {
      return {
        upsert: async () => undefined,
        find: async (id) => {
          const c = clients.get(id);
          return c && structuredClone(c);
        },
        findByUserCode: async () => undefined,
        findByUid: async () => undefined,
        consume: async () => undefined,
        destroy: async () => undefined,
        revokeByGrantId: async () => undefined,
      };
    }
    return {
      upsert: (id, payload, expiresIn) => backend.upsert(model, id, payload, expiresIn),
      find: (id) => backend.find(model, id),
      findByUserCode: (code) => backend.findBy(model, 'userCode', code),
      findByUid: (uid) => backend.findBy(model, 'uid', uid),
      consume: (id) => backend.consume(model, id),
      destroy: (id) => backend.destroy(model, id),
      revokeByGrantId: (grantId) => backend.revokeByGrantId(model, grantId),
    };
  };
}
