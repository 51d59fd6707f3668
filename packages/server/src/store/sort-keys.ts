import type { ConnectionSort, ConnectionStatus, RunSort, SortOrder } from '@relink/sdk/schema';
import type { ConnectionRecord, RunRecord } from './store.js';

/**
 * Sort and search keys, computed once in JavaScript when a record is written and stored beside it (SQL columns,
 * memory side table), so PostgreSQL, PGlite and the memory store order and match exactly alike: keys compare as
 * code points (the "C" collation), never by a database locale.
 */

/** Case- and accent-insensitive form of user text ("Équipe" → "equipe"), for sorting and searching. */
export function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Status sort: what needs attention first (the connections table's order). */
const STATUS_RANK: Record<ConnectionStatus, string> = { error: '0', revoked: '1', pending: '2', active: '3' };

export interface ConnectionKeys {
  labelKey: string;
  appNameKey: string;
  statusRank: string;
}

export function connectionKeys(record: Pick<ConnectionRecord, 'label' | 'status'>, appName: string): ConnectionKeys {
  return { labelKey: fold(record.label), appNameKey: fold(appName), statusRank: STATUS_RANK[record.status] };
}

/** Which keys, in order, a connections sort compares; the record id breaks ties last. */
export const CONNECTION_SORT_KEYS = {
  createdAt: ['createdAt'],
  updatedAt: ['updatedAt'],
  label: ['labelKey', 'appNameKey'],
  app: ['appNameKey', 'labelKey'],
  status: ['statusRank', 'appNameKey'],
} as const satisfies Record<ConnectionSort, readonly (keyof ConnectionKeys | 'createdAt' | 'updatedAt')[]>;

export const RUN_SORT_KEYS = {
  startedAt: ['startedAt'],
  updatedAt: ['updatedAt'],
  workflowName: ['workflowNameKey'],
} as const satisfies Record<RunSort, readonly string[]>;

export const runKeys = (record: Pick<RunRecord, 'workflowName'>) => ({ workflowNameKey: fold(record.workflowName) });

/** The default direction of each sort when `order` is not given: names A→Z, runs newest first. */
export function defaultOrder(sort: ConnectionSort | RunSort): SortOrder {
  return sort === 'startedAt' ? 'desc' : 'asc';
}

/** Code-point order, as PostgreSQL's "C" collation compares (UTF-16 `<` differs above U+D7FF). */
export function compareText(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // A surrogate (a code point above U+FFFF) sorts after every BMP character, as its UTF-8 bytes do.
    const sx = x >= 0xd800 && x <= 0xdfff;
    const sy = y >= 0xd800 && y <= 0xdfff;
    if (sx !== sy) return sx ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}

/** Compare two key tuples (the sort keys, then the id). */
export function compareKeyTuples(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < a.length; i++) {
    const c = compareText(a[i] ?? '', b[i] ?? '');
    if (c !== 0) return c;
  }
  return 0;
}
