import * as z from 'zod/mini';
import { Connection } from './connection.js';
import { ConnectSession } from './connect-session.js';

/**
 * What `POST /connections` created: a consent flow to follow (OAuth; the connection exists once it completes, so a
 * denied consent leaves nothing behind), or the connection itself (API key).
 */
// A plain union: each option's `type` literal already tells them apart, and z.discriminatedUnion costs about 0.5 KiB
// gzip more in the browser's schema chunk (its option map); /openapi.json says anyOf instead of oneOf.
export const CreatedConnection = z.union([
  z.object({ type: z.literal('consent'), session: ConnectSession }),
  z.object({ type: z.literal('connection'), connection: Connection }),
]);
export type CreatedConnection = z.infer<typeof CreatedConnection>;
