// The zod schemas the browser side of the SDK parses with (responses, the consent popup's message, the error body),
// loaded on demand: the module graph a host loads up front holds no zod. Each request starts the load as it starts,
// so the schemas download in parallel with the first response.
import type * as Responses from '../responses.js';

export type Schemas = typeof Responses;

let schemas: Promise<Schemas> | undefined;

/** Loads the schemas once per page. A failed load is forgotten, so the next caller tries again. */
export function loadSchemas(): Promise<Schemas> {
  schemas ??= import('../responses.js').catch((error: unknown) => {
    schemas = undefined;
    throw error;
  });
  return schemas;
}
