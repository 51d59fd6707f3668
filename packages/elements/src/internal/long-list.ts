import type { ConnectionWindow, RunWindow } from '@relink/sdk';

// How a list that may be long starts (issue 17), one way for the connections table and the runs list: a window counts
// it; above `page-threshold` its first screenful shows in a plain table, then the virtualizer takes over.

/**
 * Rows a long list shows in a plain table while its virtualizer loads: about as many as fill the virtualized list's
 * default height (480px), so the page does not jump when it takes over.
 */
export const FIRST_SCREEN = 12;

/** What a view reads of a window's rows. */
interface Rows<T> {
  readonly total: number | undefined;
  at(index: number): T | undefined;
}

/** A window's loaded rows among its first screenful: what the plain table shows until the virtualizer takes over. */
export const firstRows = <T>(window: Rows<T>): T[] =>
  Array.from({ length: Math.min(FIRST_SCREEN, window.total ?? 0) }, (_, i) => window.at(i)).filter((row): row is T => row !== undefined);

/**
 * A window's rows when all of them fit in the first screenful and are loaded (a search with few matches): shown in the
 * plain table, sized to them, rather than in the virtualizer's fixed-height scroller, mostly empty.
 */
function allRows<T>(window: Rows<T>): T[] | undefined {
  if (window.total === undefined || window.total > FIRST_SCREEN) return undefined;
  const rows = firstRows(window);
  return rows.length === window.total ? rows : undefined;
}

/**
 * Whether a window shows its rows in the plain table (`allRows`): decided when the window opens, and let go for good
 * once it holds more than a screenful. A list whose total moves around a screenful is then not rebuilt back and forth
 * between the two tables, which would take a row's running reconnect flow and the keyboard focus with it.
 */
export class FewRows {
  #few = false;

  opened(window: Rows<unknown>): void {
    this.#few = window.total !== undefined && window.total <= FIRST_SCREEN;
  }

  /** The rows for the plain table, or undefined when the window is virtualized. */
  rows<T>(window: Rows<T>): T[] | undefined {
    if (this.#few && (window.total ?? 0) > FIRST_SCREEN) this.#few = false;
    return this.#few ? allRows(window) : undefined;
  }
}

/** A window's rows as the virtualizer's items: its length is the total, a row not loaded yet is undefined. */
export function windowItems<T>(window: Rows<T>): (T | undefined)[] {
  const length = window.total ?? 0;
  return new Proxy([], {
    get: (target, key, receiver) =>
      key === 'length' ? length : typeof key === 'string' && /^\d+$/.test(key) ? window.at(Number(key)) : Reflect.get(target, key, receiver),
  });
}

/** Runs `task` when the page is next idle (at most 100 ms later); a timer where there is no `requestIdleCallback` (Safari). */
export const whenIdle = (task: () => void): void =>
  void (typeof requestIdleCallback === 'function' ? requestIdleCallback(task, { timeout: 100 }) : setTimeout(task));

/**
 * Counts a list with `opening` (a window opened `{ share: false, prefetch: true }`): whether it is longer than
 * `threshold()`, read once counted. A change heard while a first page is in flight drops its answer, so up to five are
 * asked for one with a total; if none was taken (changes kept coming faster than a page) the list counts as long, as a
 * window works at any size and loading a huge workspace does not. A page without a total (a server may leave it out)
 * counts as short. Undefined once `signal` aborted, rejects with the page's error, closing the window either way;
 * otherwise the caller keeps it (`share()`) or closes it.
 */
export async function countList<W extends ConnectionWindow | RunWindow>(
  opening: Promise<W>,
  threshold: () => number,
  signal: AbortSignal,
): Promise<{ probe: W; long: boolean } | undefined> {
  const probe = await opening;
  const stop = () => probe.close();
  signal.addEventListener('abort', stop, { once: true });
  try {
    for (let tries = 0; tries < 5 && probe.total === undefined && probe.error === undefined && !signal.aborted; tries++) {
      await probe.ensure(0, FIRST_SCREEN);
    }
  } finally {
    signal.removeEventListener('abort', stop);
  }
  if (signal.aborted || probe.error !== undefined) {
    probe.close();
    if (signal.aborted) return undefined;
    throw probe.error;
  }
  return { probe, long: (probe.total === undefined && !probe.answered) || (probe.total ?? 0) > threshold() };
}
