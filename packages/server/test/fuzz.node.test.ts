// A property-based fuzz of every route in the OpenAPI document: arbitrary path ids, query values, bodies and headers
// (NUL, lone surrogates, huge and malformed values, other people's ids), from several principals. Properties:
// no 5xx (except the documented 503 provider_unavailable), every error has the `{ error: { code, message } }` body,
// and a request refused as bad, unauthorised, forbidden or not found changes nothing.
// FUZZ_RUNS sets the cases per route (default 30; the 10,000-per-route run is done by hand, see the README);
// FUZZ_SHARD=k/n takes every n-th route.
import assert from 'node:assert/strict';
import { appendFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { DEMO_SECRET_KEY } from '../src/demo/seed.js';
import type { SqlDatabase } from '../src/store/sql/db.js';
import { SqlStore } from '../src/store/sql/sql-store.js';
import { harness } from './helpers.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 30);
/** FUZZ_SHARD=k/n runs every n-th route from the k-th, so a long run can split over processes (`1/1`: all). */
const [SHARD, SHARDS] = (process.env.FUZZ_SHARD ?? '1/1').split('/').map(Number) as [number, number];
/** FUZZ_PROGRESS=file: a line per 1,000 cases of a route with the statuses so far (how far a long run got). */
const PROGRESS = process.env.FUZZ_PROGRESS;

/** Percent-encode anything, lone surrogates included (as the UTF-8 bytes a raw client could send). */
function encode(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return [...value].map((ch) => {
      try {
        return encodeURIComponent(ch);
      } catch {
        return '%ED%A0%80';
      }
    }).join('');
  }
}

const hostile = fc.constantFrom('\u0000', '\ud800', 'x\udc00', 'a\u0000b', '%', '%00', '../..', '<script>', ' ', '', 'a'.repeat(300), '-1', '1e309', 'true', 'null');
const anyText = fc.oneof(
  { arbitrary: hostile, weight: 3 },
  { arbitrary: fc.string(), weight: 1 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 1 },
);
const someId = fc.oneof(
  { arbitrary: fc.constantFrom('con_slack', 'con_hubspot', 'con_quickbooks', 'con_mailchimp', 'con_other', 'ntf_hubspot', 'ntf_quickbooks', 'run_failed',
    'run_running', 'run_operator_reauth', 'req_salesforce', 'wf_lead_sync', 'cs_nope', 'prn_agency'), weight: 3 },
  { arbitrary: anyText, weight: 1 },
);
const anyJson = fc.oneof(
  fc.jsonValue(),
  fc.dictionary(fc.constantFrom('connectionId', 'note', 'returnTo', 'fields', 'role', 'principalId', 'ttlSeconds', 'count', 'appKey', 'api_key'),
    fc.oneof(anyText, fc.integer(), fc.dictionary(anyText, anyText), fc.constant(null), someId)),
);

/** A body each route accepts, so one mutated field reaches the code behind validation. */
const VALID_BODIES: Record<string, Record<string, unknown>> = {
  '/v1/sessions': { role: 'agency', principalId: 'prn_agency' },
  '/v1/connection-requests': { connectionId: 'con_quickbooks', note: 'Please reconnect' },
  '/v1/connections/{id}/credentials': { fields: { api_key: '0123456789abcdef0123456789abcdef-us21' } },
  '/v1/connections/{id}/reconnect': { returnTo: 'http://127.0.0.1/back' },
  '/v1/connection-requests/{id}/connect': { returnTo: 'http://127.0.0.1/back' },
  '/v1/demo/provider/fail-transiently': { count: 1 },
  '/v1/notification-preferences': { preferences: [{ kind: 'run_failed', enabled: false }] },
};

/** The valid body with one field (or one nested field) replaced by hostile text. */
const mutatedBody = (valid: Record<string, unknown>) => fc.record({ field: fc.constantFrom(...Object.keys(valid), 'fields.api_key', 'extra'), value: anyText })
  .map(({ field, value }) => {
    const body = structuredClone(valid);
    if (field === 'fields.api_key') body.fields = { api_key: value, [value]: 'x' };
    else body[field] = value;
    return JSON.stringify(body);
  });

/** Tables a refusal changes by design: the replay cache keeps 4xx answers, the rate limiter counts every attempt. */
const BOOKKEEPING_TABLES = new Set(['idempotency_keys', 'rate_limits', 'relink_migrations']);

/**
 * Log every write to every other table of the store: a trigger per table appends `INSERT connections` (etc.) to
 * `fuzz_writes` inside the writer's own transaction, so a rolled-back write leaves nothing. "A refusal changes
 * nothing" is then "no write was logged during it": one indexed read before and after a request, however large the
 * tables grow. (Listing and comparing the workspace's rows, secrets decrypted, took ~80% of a case.) Stricter than
 * comparing rows: it also sees other workspaces, the OAuth provider's grants and writes that restore a value.
 * An UPDATE that rewrites a row unchanged is not a write.
 */
async function logWrites(db: SqlDatabase): Promise<{ last(): Promise<number>; since(id: number): Promise<string> }> {
  const tables = (await db.query<{ name: string }>("SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'")).rows
    .map((r) => r.name).filter((name) => !BOOKKEEPING_TABLES.has(name));
  assert.ok(tables.includes('connections') && tables.includes('events') && tables.includes('oidc_payloads'), `tables: ${tables.join(', ')}`);
  await db.exec(`
    CREATE TABLE fuzz_writes (id bigserial PRIMARY KEY, write text NOT NULL);
    CREATE FUNCTION fuzz_log_write() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN INSERT INTO fuzz_writes (write) VALUES (TG_OP || ' ' || TG_TABLE_NAME); RETURN NULL; END $$;
    ${tables.map((t) => `
      CREATE TRIGGER fuzz_insert_delete AFTER INSERT OR DELETE ON ${t} FOR EACH ROW EXECUTE FUNCTION fuzz_log_write();
      CREATE TRIGGER fuzz_update AFTER UPDATE ON ${t} FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION fuzz_log_write();
      CREATE TRIGGER fuzz_truncate AFTER TRUNCATE ON ${t} FOR EACH STATEMENT EXECUTE FUNCTION fuzz_log_write();`).join('')}`);
  return {
    last: async () => Number((await db.query<{ id: string }>('SELECT coalesce(max(id), 0) AS id FROM fuzz_writes')).rows[0]?.id),
    since: async (id) => (await db.query<{ writes: string | null }>('SELECT string_agg(DISTINCT write, \', \') AS writes FROM fuzz_writes WHERE id > $1', [id])).rows[0]?.writes ?? '',
  };
}

const UNCHANGING_CODES = new Set(['bad_request', 'validation_failed', 'unauthorized', 'forbidden', 'not_found', 'payload_too_large']);

describe(`fuzz: every route, ${RUNS} cases each`, async () => {
  // PGlite, not memory: the database is what refuses NUL and lone surrogates.
  const h = await harness({ rateLimit: false, sessionRateLimit: false, database: { pglite: 'memory' } });
  const { store } = h.app.relink;
  assert.ok(store instanceof SqlStore);
  const writes = await logWrites(store.db);
  const doc = (await h.request('GET', '/v1/openapi.json')).body as { paths: Record<string, Record<string, { parameters?: { name: string; in: string }[] }>> };
  const tokens = { agency: h.agency, client: h.client, other: h.other, none: undefined, garbage: 'not.a-token', secret: DEMO_SECRET_KEY };

  let routeIndex = 0;
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const inShard = routeIndex++ % SHARDS === SHARD - 1;
      const queryNames = (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
      const name = `${method.toUpperCase()} ${path}`;
      it(name, { skip: !inShard && `not in shard ${SHARD}/${SHARDS}` }, async () => {
        let cases = 0;
        const statuses: Record<number, number> = {};
        await fc.assert(fc.asyncProperty(
          fc.record({
            id: someId,
            who: fc.oneof({ arbitrary: fc.constant(path === '/v1/sessions' ? 'secret' as const : 'agency' as const), weight: 4 }, fc.constantFrom(...(Object.keys(tokens) as (keyof typeof tokens)[]))),
            query: fc.dictionary(fc.oneof({ arbitrary: fc.constantFrom(...queryNames, 'lastEventId', 'cursor', 'state', 'code'), weight: 4 }, { arbitrary: anyText, weight: 1 }),
              fc.oneof({ arbitrary: anyText, weight: 3 }, { arbitrary: fc.tuple(anyText, anyText).map((key) => Buffer.from(JSON.stringify(key)).toString('base64url')), weight: 1 }), { maxKeys: 3 }),
            body: fc.option(fc.oneof(
              { arbitrary: VALID_BODIES[path] ? mutatedBody(VALID_BODIES[path]) : anyJson.map((v) => JSON.stringify(v)), weight: 4 },
              { arbitrary: anyJson.map((v) => JSON.stringify(v)), weight: 1 },
              { arbitrary: anyText, weight: 1 },
              { arbitrary: fc.constant('{ }'), weight: 1 },
            ), { nil: undefined }),
            lastEventId: fc.option(fc.oneof(fc.constantFrom('0', '999999999999999', ''), anyText), { nil: undefined }),
            idempotencyKey: fc.option(fc.string({ maxLength: 300 }), { nil: undefined }),
          }),
          async (input) => {
            if (method === 'post' && path === '/v1/demo/reset') return; // resets on success; its 4xx paths are the gate's
            const url = `${path.replace('{id}', encode(input.id))}?${Object.entries(input.query).map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&')}`;
            const headers: Record<string, string> = {};
            const token = tokens[input.who];
            if (token) headers.authorization = `Bearer ${token}`;
            if (input.lastEventId !== undefined && /^[\x20-\x7e]*$/.test(input.lastEventId)) headers['last-event-id'] = input.lastEventId;
            if (input.idempotencyKey !== undefined && /^[\x21-\x7e]+$/.test(input.idempotencyKey)) headers['idempotency-key'] = input.idempotencyKey;
            if (input.body !== undefined) headers['content-type'] = 'application/json';
            const before = await writes.last();
            const res = await h.app.request(`${h.url}${url}`, { method: method.toUpperCase(), headers, ...(input.body !== undefined && method === 'post' ? { body: input.body } : {}) });
            statuses[res.status] = (statuses[res.status] ?? 0) + 1;
            if (PROGRESS && ++cases % 1000 === 0) appendFileSync(PROGRESS, `${new Date().toISOString()} ${name}: ${cases} cases, statuses ${JSON.stringify(statuses)}\n`);
            const type = res.headers.get('content-type') ?? '';
            if (type.startsWith('text/event-stream')) {
              await res.body?.cancel();
              return;
            }
            const text = await res.text();
            const label = `${method.toUpperCase()} ${url} as ${input.who} → ${res.status} ${text.slice(0, 200)}`;
            let body: { error?: { code?: unknown; message?: unknown } } | undefined;
            try {
              body = JSON.parse(text) as typeof body;
            } catch {
              body = undefined;
            }
            assert.ok(res.status < 500 || (res.status === 503 && body?.error?.code === 'provider_unavailable'), label);
            if (res.status >= 400) {
              if (type.startsWith('text/html')) return; // the browser-facing callback's documented error page
              assert.ok(typeof body?.error?.code === 'string' && typeof body.error.message === 'string', `error body: ${label}`);
              if (UNCHANGING_CODES.has(body.error.code as string) && await writes.last() !== before) assert.fail(`state changed (${await writes.since(before)}): ${label}`);
            }
          },
        ), { numRuns: RUNS });
      });
    }
  }
});
