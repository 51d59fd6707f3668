// Loads the SDK's on-demand chunk (../on-demand.ts: the zod schemas and the live-events reader). The module graph a
// host loads up front holds no zod.
import type * as OnDemand from '../on-demand.js';

export type Schemas = typeof OnDemand;

let loading: Promise<Schemas> | undefined;

/** Loads the chunk once per page. A failed load is forgotten, so the next caller tries again. */
export function loadOnDemand(): Promise<Schemas> {
  loading ??= import('../on-demand.js').catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}
