import * as z from 'zod/mini';
import { Id, Timestamp } from './common.js';

export const Role = z.enum(['agency', 'client']);
export type Role = z.infer<typeof Role>;

/** Who the session token speaks for: `GET /me`. Elements use it to offer only what the server would allow. */
export const Viewer = z.object({
  workspaceId: Id,
  role: Role,
  principalId: Id,
  name: z.string(),
});
export type Viewer = z.infer<typeof Viewer>;

export const SessionToken = z.object({
  token: z.string(),
  expiresAt: Timestamp,
  viewer: Viewer,
});
export type SessionToken = z.infer<typeof SessionToken>;
