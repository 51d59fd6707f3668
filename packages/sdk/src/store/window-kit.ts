import type { compareTimes, replaces, shows } from './change.js';
import type { pageParams } from './page-params.js';

/**
 * What the list windows' chunk (windows.ts) uses of the store's up-front code: handed to it as it loads (store.ts,
 * `loadWindows`), not imported by it. Imported, change.ts and page-params.ts were split out of the page's entry into a
 * chunk of their own that both load (one more request up front, its bytes compressed apart from the entry's), as
 * internal/kit.ts says of the SDK's on-demand chunk. Only the windows' modules import this one.
 */
export interface WindowKit {
  compareTimes: typeof compareTimes;
  replaces: typeof replaces;
  shows: typeof shows;
  pageParams: typeof pageParams;
}

/** Filled by `provideKit` before the store hands the windows' code to anyone. */
export const kit = {} as WindowKit;

export function provideKit(given: WindowKit): void {
  Object.assign(kit, given);
}
