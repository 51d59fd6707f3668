import type { Collection, Connection, ConnectionStatus } from '@relink/sdk';

// The connections table's answer to live changes: which rows' status to announce, and rows replaced in place. Its
// first screen does not need it, so it loads once that is painted (or on the first change, if that comes sooner). Like
// every on-demand module it imports nothing of the page's up-front code (test/on-demand-leaves.node.test.ts): the
// table hands in what it needs.

/**
 * The connections whose status differs from `before`'s. A change replaces the changed items and keeps the rest, so
 * comparing items by identity finds the changed ones without building anything per row; `replaced` (the SDK's
 * `replacedSince`) names them when only live changes came between, otherwise (a load) every item is compared.
 */
export function statusChanged(before: Collection<Connection>, after: Collection<Connection>, replaced: Iterable<string> | undefined): Connection[] {
  const changed: Connection[] = [];
  const check = (c: Connection | undefined) => {
    const was = c && before.byId.get(c.id);
    if (c && was !== undefined && was.status !== c.status) changed.push(c);
  };
  if (replaced) {
    for (const id of replaced) check(after.byId.get(id));
  } else {
    const { items } = after;
    for (let i = 0; i < items.length; i++) if (items[i] !== before.items[i]) check(items[i]);
  }
  return changed;
}

/**
 * A window's rows on screen whose status differs from when they were last on screen (rows scrolled into view are not
 * news), and the statuses to compare the next ones with.
 */
export function shownChanged(seen: ReadonlyMap<string, ConnectionStatus>, rows: readonly Connection[]): [changed: Connection[], seen: Map<string, ConnectionStatus>] {
  const changed: Connection[] = [];
  const now = new Map<string, ConnectionStatus>();
  for (const c of rows) {
    const before = seen.get(c.id);
    if (before !== undefined && before !== c.status) changed.push(c);
    now.set(c.id, c.status);
  }
  return [changed, now];
}

/** What decides a row's place among the table's rows. */
export interface RowsQuery {
  status: string;
  /** The search, folded as `matches` compares it. */
  search: string;
  sort: 'app' | 'label' | 'status' | undefined;
  matches(c: Connection, search: string): boolean;
}

/**
 * Writes into `rows` the connections `replaced` since `before`, when none of them enters or leaves the filter or
 * search or changes its sort key: no filtering and sorting of every row per change. The index it used (a burst builds
 * one, a few changes find their rows by a scan), or false when the rows must be derived again.
 */
export function replaceRows(
  rows: Connection[],
  index: Map<string, number> | undefined,
  before: Collection<Connection>,
  after: Collection<Connection>,
  replaced: Iterable<string>,
  { status, search, sort, matches }: RowsQuery,
): { index: Map<string, number> | undefined } | false {
  const key = (c: Connection) => (sort === 'status' ? c.status : sort === 'label' ? c.label : sort === 'app' ? c.app.name : '');
  const shown = (c: Connection) => (!status || c.status === status) && (!search || matches(c, search));
  const changed: [was: Connection, now: Connection][] = [];
  for (const id of replaced) {
    const was = before.byId.get(id);
    const now = after.byId.get(id);
    if (!was || !now) return false;
    if (shown(was) !== shown(now) || key(was) !== key(now) || (sort && was.app.name !== now.app.name)) return false;
    if (shown(now)) changed.push([was, now]);
  }
  if (!index && changed.length > 16) index = new Map(rows.map((c, i) => [c.id, i]));
  for (const [was, now] of changed) {
    const at = index ? index.get(now.id) : rows.indexOf(was);
    if (at === undefined || at < 0) return false;
    rows[at] = now;
  }
  return { index };
}
