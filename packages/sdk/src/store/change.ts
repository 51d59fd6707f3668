/**
 * A change heard to a row: its state after (undefined: removed), and whether the live event stream brought it, in
 * the order the server made the changes (`live`), or an answer to a request (a `get`, a write), which may have been
 * read before a change heard since.
 */
export interface Change<T> {
  readonly item: T | undefined;
  readonly live: boolean;
  /** The stream's event that brought it (`live` changes): a page read at or after it shows it already (`shows`). */
  readonly eventId?: string | undefined;
}

/**
 * Whether a list page that stands at `pageEventId` in the event log (it was read after every event up to it) already
 * shows `change`: one the stream brought at or before that event. The server's event ids are decimal strings; any
 * other id (an event a host relays under its own ids) is never taken as shown.
 */
export const shows = (pageEventId: string | undefined, change: Change<unknown>): boolean =>
  isEventId(pageEventId) && isEventId(change.eventId) && Number(change.eventId) <= Number(pageEventId);

const isEventId = (id: string | undefined): id is string => id !== undefined && /^\d{1,15}$/.test(id);

/**
 * Whether `next` replaces `kept` as the latest known of one row, whatever order they were heard in: of two states the
 * newer (`updatedAt`, by instant: the schema allows any offset); a removal always, and only the stream brings a
 * removed row back (a removal has no `updatedAt` to compare, and an answer heard after it may have been read before
 * it). Kept per row by a window's pages in flight and by an early first page, so a late answer never undoes a newer
 * change.
 *
 * Two writes in the same millisecond tie on `updatedAt`; what was heard says which is newer where anything does. The
 * stream is in the server's order, so of two live changes the later heard is the newer, and a live change heard after
 * an answer replaces it (the answer may have been read before it). An answer heard after a live change of the same
 * time does not: it may have been read before that change, and if it was read after a later one, that change's own
 * event is still to come. Of two answers of the same time nothing says which was read last (an answer carries no event
 * id): the later heard.
 */
export const replaces = <T extends { readonly updatedAt: string }>(kept: Change<T> | undefined, next: Change<T>): boolean => {
  if (!kept || !next.item) return true;
  if (!kept.item) return next.live;
  const newer = compareTimes(next.item.updatedAt, kept.item.updatedAt);
  return newer > 0 || (newer === 0 && (next.live || !kept.live));
};

/** Text in the server's sort order: a time that does not parse, the digits past a millisecond. */
const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The digits of a time's seconds past the millisecond, of one length (`Date.parse` stops at the millisecond). */
const pastMilli = (time: string): string => (/\.\d{3}(\d+)/.exec(time)?.[1] ?? '').padEnd(12, '0');

/**
 * Which of two times is later, by instant (negative: `a` is earlier). Their text does not say: the schema allows any
 * offset, and fractions of any length, which a server may trim (`…:05Z` is after `…:04.5Z` but sorts before it).
 * Microseconds, as PostgreSQL keeps them, still order two writes of one millisecond. A time that does not parse (an
 * event a host relayed through `store.apply`) is compared as text.
 */
export const compareTimes = (a: string, b: string): number => {
  const ms = Date.parse(a) - Date.parse(b);
  return Number.isNaN(ms) ? byText(a, b) : ms || byText(pastMilli(a), pastMilli(b));
};
