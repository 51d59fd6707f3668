import * as z from 'zod/mini';
import { Connection } from './connection.js';
import { ConnectSession } from './connect-session.js';

/**
 * What `POST /connections` created: a consent flow to follow (OAuth; the connection exists once it completes, so a
 * denied consent leaves nothing behind), or the connection itself (API key).
 */
export const CreatedConnection = z.discriminatedUnion('type', [
  z.object({ type: z.literal('consent'), session: ConnectSession }),
  z.object({ type: z.literal('connection'), connection: Connection }),
]);
export type CreatedConnection = z.infer<typeof CreatedConnection>;
