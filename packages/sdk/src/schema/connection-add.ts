import * as z from 'zod/mini';
import { Connection } from './connection.js';
import { ConnectSession } from './connect-session.js';

/**
 * Body of `POST /connections`: add a connection of an app from the catalog. An OAuth app starts a consent flow (as
 * reconnect does: `returnTo` for the redirect fallback); an API-key app sends its credential `fields` by name.
 * The caller owns the new connection: the agency adds agency-owned ones, a client adds its own.
 */
export const CreateConnectionBody = z.strictObject({
  appKey: z.string().check(z.minLength(1), z.maxLength(64)),
  /** What the connection is for ("Acme team workspace"); defaults to the app's name. */
  label: z.optional(z.string().check(z.maxLength(120))),
  fields: z.optional(z.record(z.string().check(z.maxLength(64)), z.string().check(z.maxLength(4096)))),
  returnTo: z.optional(z.string().check(z.url(), z.maxLength(2048))),
});
export type CreateConnectionBody = z.infer<typeof CreateConnectionBody>;

/**
 * What `POST /connections` created: a consent flow to follow (OAuth; the connection exists once it completes, so a
 * denied consent leaves nothing behind), or the connection itself (API key).
 */
export const CreatedConnection = z.discriminatedUnion('type', [
  z.object({ type: z.literal('consent'), session: ConnectSession }),
  z.object({ type: z.literal('connection'), connection: Connection }),
]);
export type CreatedConnection = z.infer<typeof CreatedConnection>;
