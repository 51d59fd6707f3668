/**
 * The SDK's one backoff: `min(maxDelay, initialDelay * 2^attempt)` with full jitter (AWS architecture blog), so
 * clients retrying at once after an outage do not stampede a restarted server. `attempt` counts from 0.
 * The request retries (via ky's `retry.delay`), the live stream's reconnects and the consent flow's polling after a
 * failed check all use it.
 */
export function backoffDelay(attempt: number, initialDelay: number, maxDelay: number, random: () => number = Math.random): number {
  return Math.round(random() * Math.min(maxDelay, initialDelay * 2 ** attempt));
}
