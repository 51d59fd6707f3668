import type { ConnectionWindow, RunWindow } from '@relink/sdk';
import { chunkFailed } from './error-copy.js';
import type * as WindowViewCode from './window-view.js';

// How a list that may be long starts (issue 17), one way for the connections table and the runs list: a window counts
// it; above `page-threshold` its first screenful shows plainly, then the virtualizer takes over (the rest is
// window-view.ts, loaded on demand).

/**
 * Rows a long list shows plainly while its virtualizer loads: about as many as fill the virtualized list's default
 * height (480px), the height of the frame they show in (window-view.ts), so it is full when the virtualizer takes over.
 */
export const FIRST_SCREEN = 12;

/** The window view's code once loaded: a list mounted after that opens its window without waiting for `import()`. */
let windowViewCode: typeof WindowViewCode | undefined;

/** The window view's code, loaded once for every long list (its request starts while the list is being counted). */
export const loadWindowView = (): Promise<typeof WindowViewCode> =>
  windowViewCode ? Promise.resolve(windowViewCode) : import('./window-view.js').then((code) => (windowViewCode = code), chunkFailed);

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
