import type { RelinkContext } from '../context.js';
import { EXPIRY_LEASE_MS, expireClaimed } from './expiry.js';
import { REFRESH_LEASE_MS, refreshClaimed, type RefreshOutcome } from './refresh.js';

export interface RefresherOptions {
  /** How often to look for due refreshes. */
  intervalMs?: number;
  /** Connections claimed per pass. */
  batchSize?: number;
}

/**
 * The background refresher: claims due connections (leased, so several instances never refresh one twice)
 * and refreshes them ahead of expiry; and claims connections past a hard expiry that nothing can renew (seed 004,
 * LinkedIn) and runs the reauth lifecycle on them. Scheduling goes through the Clock, so tests drive it with `advance()`.
 */
export class Refresher {
  private handle: unknown;
  private running = false;
  /** The pass the background loop is running now, if any (see `whenIdle`). */
  private pass: Promise<void> | undefined;
  private readonly intervalMs: number;
  private readonly batchSize: number;

  constructor(private readonly ctx: RelinkContext, options: RefresherOptions = {}) {
    this.intervalMs = options.intervalMs ?? 5_000;
    this.batchSize = options.batchSize ?? 25;
  }

  /** One pass: expire what has hit its hard expiry, then refresh everything due now. */
  async runDue(): Promise<RefreshOutcome[]> {
    const outcomes: RefreshOutcome[] = [];
    for (;;) {
      const claimed = await this.ctx.store.claimExpired(this.ctx.clock.now(), EXPIRY_LEASE_MS, this.batchSize);
      for (const connection of claimed) {
        try {
          const expired = await expireClaimed(this.ctx, connection);
          if (expired) outcomes.push({ outcome: 'reauth_required', connection: expired });
        } catch (error) {
          this.ctx.log.error('refresher failed to expire a connection', { connectionId: connection.id, error: (error as Error).name });
        }
      }
      if (claimed.length < this.batchSize) break;
    }
    for (;;) {
      const claimed = await this.ctx.store.claimDueRefreshes(this.ctx.clock.now(), REFRESH_LEASE_MS, this.batchSize);
      if (claimed.length === 0) break;
      for (const connection of claimed) {
        try {
          outcomes.push(await refreshClaimed(this.ctx, connection));
        } catch (error) {
          this.ctx.log.error('refresher failed on a connection', { connectionId: connection.id, error: (error as Error).name });
        }
      }
      if (claimed.length < this.batchSize) break;
    }
    return outcomes;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    const tick = () => {
      if (!this.running) return;
      this.pass = this.runDue().then(() => undefined, () => undefined).finally(() => {
        this.pass = undefined;
        if (this.running) this.handle = this.ctx.clock.setTimeout(tick, this.intervalMs);
      });
    };
    this.handle = this.ctx.clock.setTimeout(tick, this.intervalMs);
  }

  /**
   * Resolves once the background loop is between passes (its next tick scheduled). Tests that move a manual clock
   * wait on this instead of sleeping: a pass still running when time moves on would schedule its next tick late.
   */
  async whenIdle(): Promise<void> {
    while (this.pass) await this.pass;
  }

  stop(): void {
    this.running = false;
    if (this.handle !== undefined) this.ctx.clock.clearTimeout(this.handle);
    this.handle = undefined;
  }
}
