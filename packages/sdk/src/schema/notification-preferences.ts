import * as z from 'zod/mini';
import { NotificationKind } from './notification.js';

/**
 * Why a viewer cannot turn a kind off. `reauth_always_on`: the agency always gets reauthorization alerts — they
 * drive the reauth banner, which must count every broken connection (seed 002).
 */
export const NotificationPreferenceLock = z.enum(['reauth_always_on']);
export type NotificationPreferenceLock = z.infer<typeof NotificationPreferenceLock>;

/** Whether one kind of notification reaches the viewer's bell. */
export const NotificationPreference = z.object({
  kind: NotificationKind,
  enabled: z.boolean(),
  /** Present when the viewer cannot turn this kind off; it then stays `enabled`. */
  locked: z.optional(NotificationPreferenceLock),
});
export type NotificationPreference = z.infer<typeof NotificationPreference>;

/**
 * `GET/PUT /notification-preferences`: the caller's own choice of which kinds reach its bell (seed 004: "Make sure
 * Flamel's connection status notifications are turned on"), one entry per kind, every kind on until turned off.
 * A kind turned off is left out of the caller's notification list and event stream; it still exists for everyone
 * else in the workspace, and turning it on again shows those notifications again.
 */
export const NotificationPreferences = z.object({ data: z.array(NotificationPreference) });
export type NotificationPreferences = z.infer<typeof NotificationPreferences>;
