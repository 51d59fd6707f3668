/**
 * Exponential backoff with jitter for transient refresh failures: 1 s, 2 s, 4 s … capped at 5 min, each scaled by
 * a random factor in [0.5, 1) so a fleet of connections that failed together does not retry together.
 * A provider's Retry-After is a floor.
 */
export function backoffDelayMs(attempt: number, random: () => number, retryAfterSeconds?: number): number {
  const base = Math.min(1000 * 2 ** Math.max(0, attempt - 1), 5 * 60 * 1000);
  const jittered = Math.round(base * (0.5 + random() * 0.5));
  return Math.max(jittered, (retryAfterSeconds ?? 0) * 1000);
}
