import type { RelinkAbortError, RelinkApiError, RelinkResponseError, RelinkSessionError, isAuthConfigMissing, isRelinkApiError } from '../errors.js';
import type { backoffDelay } from '../backoff.js';
import type { transportOf } from './transport.js';

/**
 * The SDK's up-front code that its on-demand chunk (../on-demand.ts) uses: handed to the chunk as it loads
 * (internal/on-demand.ts, `provideKit`), not imported by it. A module the chunk imported from the page's up-front graph
 * would be split out of the entry into a chunk of its own that both load (one more request up front, and its bytes
 * compressed apart from the entry's: 0.2 KiB gz more up front, measured with `npm run size`), as the elements' flow-kit.ts
 * explains for theirs. Only the chunk's modules import this one.
 */
export interface Kit {
  RelinkAbortError: typeof RelinkAbortError;
  RelinkApiError: typeof RelinkApiError;
  RelinkResponseError: typeof RelinkResponseError;
  RelinkSessionError: typeof RelinkSessionError;
  isRelinkApiError: typeof isRelinkApiError;
  isAuthConfigMissing: typeof isAuthConfigMissing;
  backoffDelay: typeof backoffDelay;
  transportOf: typeof transportOf;
}

/** Filled by `provideKit` before the chunk's loader hands the chunk to anyone. */
export const kit = {} as Kit;

export function provideKit(given: Kit): void {
  Object.assign(kit, given);
}
