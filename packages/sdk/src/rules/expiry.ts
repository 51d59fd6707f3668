import type { Connection } from '../schema/connection.js';

const DAY = 86_400_000;

/** Whole days until a hard expiry (rounded up), or undefined when there is none or it has passed. */
export function daysUntil(expiresAt: string | undefined, now: number = Date.now()): number | undefined {
  if (!expiresAt) return undefined;
  const left = Date.parse(expiresAt) - now;
  return left > 0 ? Math.ceil(left / DAY) : undefined;
}

/**
 * The "Reconnect within N days" hint of a connection: the days left when it is active and its hard expiry falls
 * inside the window (seed 004: LinkedIn tokens expire after a year), else undefined.
 */
export function expiryHintDays(connection: Pick<Connection, 'status' | 'expiresAt'>, withinDays: number, now: number = Date.now()): number | undefined {
  if (connection.status !== 'active') return undefined;
  const days = daysUntil(connection.expiresAt, now);
  return days !== undefined && days <= withinDays ? days : undefined;
}
