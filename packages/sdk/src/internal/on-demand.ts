// Loads the SDK's on-demand chunk (../on-demand.ts: the zod schemas and the live-events reader). The module graph a
// host loads up front holds no zod.
import type * as OnDemand from '../on-demand.js';
import { backoffDelay } from '../backoff.js';
import { RelinkAbortError, RelinkApiError, RelinkChunkLoadError, RelinkResponseError, RelinkSessionError, isAuthConfigMissing, isRelinkApiError } from '../errors.js';
import { transportOf } from './transport.js';

export type Schemas = typeof OnDemand;

let loading: Promise<Schemas> | undefined;

/**
 * For an `import()` of the SDK's own code: its rejection as a `RelinkChunkLoadError` naming what did not load (the
 * browser's error as its cause), so a host or an element says "reload the page", not "something went wrong".
 */
export const chunkFailed = (what: string) => (cause: unknown): never => {
  throw new RelinkChunkLoadError(`Could not load the SDK's ${what}.`, { cause });
};

/** Loads the chunk once per page. A failed load is forgotten, so the next caller tries again. */
export function loadOnDemand(): Promise<Schemas> {
  loading ??= import('../on-demand.js').then((code) => {
    // What the chunk uses of the up-front code, handed over rather than imported (internal/kit.ts says why).
    code.provideKit({ RelinkAbortError, RelinkApiError, RelinkResponseError, RelinkSessionError, isRelinkApiError, isAuthConfigMissing, backoffDelay, transportOf });
    return code;
  }, (error: unknown) => {
    loading = undefined;
    return chunkFailed('on-demand code (response schemas, live events, consent flow)')(error);
  });
  return loading;
}
