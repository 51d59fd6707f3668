import type { SortOrder } from '@relink/sdk/schema';
import { compareKeyTuples } from './sort-keys.js';

export interface SelectedPage<T> {
  items: T[];
  /** The key tuple of the last item, when another page follows. */
  nextKeys: string[] | null;
  /** How many items matched in all (counted when asked). */
  total?: number;
}

/**
 * One keyset page from an unsorted collection, in one pass: the `limit` items that come first after `after` in
 * `order`, without copying or sorting everything (a bounded insertion buffer of limit + 1). The memory store's
 * equivalent of `WHERE (keys) > (after) ORDER BY keys LIMIT n + 1`.
 */
export function selectPage<T>(
  items: Iterable<T>,
  match: (item: T) => boolean,
  keysOf: (item: T) => string[],
  order: SortOrder,
  after: readonly string[] | undefined,
  limit: number,
  withTotal = false,
  offset = 0,
): SelectedPage<T> {
  if (offset > 0) return selectAtOffset(items, match, keysOf, order, offset, limit, withTotal);
  const sign = order === 'asc' ? 1 : -1;
  const buffer: { item: T; keys: string[] }[] = [];
  let total = 0;
  for (const item of items) {
    if (!match(item)) continue;
    total++;
    const keys = keysOf(item);
    if (after && sign * compareKeyTuples(keys, after) <= 0) continue;
    const last = buffer[buffer.length - 1];
    if (buffer.length > limit && last && sign * compareKeyTuples(keys, last.keys) >= 0) continue;
    // Binary search for the insertion point.
    let lo = 0;
    let hi = buffer.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sign * compareKeyTuples(buffer[mid]!.keys, keys) < 0) lo = mid + 1;
      else hi = mid;
    }
    buffer.splice(lo, 0, { item, keys });
    if (buffer.length > limit + 1) buffer.pop();
  }
  const page = buffer.slice(0, limit);
  return {
    items: page.map((entry) => entry.item),
    nextKeys: buffer.length > limit ? page[page.length - 1]!.keys : null,
    ...(withTotal ? { total } : {}),
  };
}

/** A page `offset` matches in: every match sorted once (a bounded buffer that deep would cost more than the sort). */
function selectAtOffset<T>(
  items: Iterable<T>,
  match: (item: T) => boolean,
  keysOf: (item: T) => string[],
  order: SortOrder,
  offset: number,
  limit: number,
  withTotal: boolean,
): SelectedPage<T> {
  const sign = order === 'asc' ? 1 : -1;
  const matches: { item: T; keys: string[] }[] = [];
  for (const item of items) if (match(item)) matches.push({ item, keys: keysOf(item) });
  matches.sort((a, b) => sign * compareKeyTuples(a.keys, b.keys));
  const page = matches.slice(offset, offset + limit);
  return {
    items: page.map((entry) => entry.item),
    nextKeys: matches.length > offset + limit ? page[page.length - 1]!.keys : null,
    ...(withTotal ? { total: matches.length } : {}),
  };
}
