import type { RelinkContext } from '../context.js';
import type { ConnectionRecord } from '../store/store.js';
import { EXPIRY_LEASE_MS, expireClaimed } from './expiry.js';
import { DEFAULT_EXPIRY_WARNING_DAYS, EXPIRING_LEASE_MS, warnClaimed } from './expiring-soon.js';
import { completeFirstSync, DEFAULT_FIRST_SYNC_DELAY_MS, FIRST_SYNC_LEASE_MS } from './first-sync.js';
import { expireHeldSession } from './reconnect.js';
import { REFRESH_LEASE_MS, refreshClaimed, type RefreshOutcome } from './refresh.js';

/** What one pass did to a connection: a refresh outcome, or a pending connection's first sync finished. */
export type RefresherOutcome =
  | RefreshOutcome
  | { outcome: 'first_sync'; connection: ConnectionRecord }
  | { outcome: 'expiring_soon'; connection: ConnectionRecord };

export interface RefresherOptions {
  /** How often to look for due refreshes. */
  intervalMs?: number;
  /** Connections claimed per pass. */
  batchSize?: number;
  /** A pending connection holding credentials becomes active this long after it went pending; `false`: never. */
  firstSyncDelayMs?: number | false;
  /** An active connection whose hard expiry is this close raises one `expiring_soon` alert (default 14 days). */
  expiryWarningDays?: number;
}

/**
 * The background refresher: claims due connections (leased, so several instances never refresh one twice)
 * and refreshes them ahead of expiry; and claims connections past a hard expiry that nothing can renew (seed 004,
 * LinkedIn) and runs the reauth lifecycle on them. Scheduling goes through the Clock, so tests drive it with `advance()`.
 */
export class Refresher {
  private handle: unknown;
  private running = false;
  /** Background passes finished (and the next one scheduled): tests wait on it instead of sleeping. */
  passes = 0;
  private readonly passWaiters: { n: number; resolve: () => void }[] = [];
  private readonly intervalMs: number;
  private readonly batchSize: number;
  private readonly firstSyncDelayMs: number | false;
  private readonly expiryWarningMs: number;

  constructor(private readonly ctx: RelinkContext, options: RefresherOptions = {}) {
    this.intervalMs = options.intervalMs ?? 5_000;
    this.batchSize = options.batchSize ?? 25;
    this.firstSyncDelayMs = options.firstSyncDelayMs ?? DEFAULT_FIRST_SYNC_DELAY_MS;
    this.expiryWarningMs = (options.expiryWarningDays ?? DEFAULT_EXPIRY_WARNING_DAYS) * 86_400_000;
  }

  /**
   * One pass: expire what has hit its hard expiry, warn about what entered the expiry window, refresh everything due
   * now, finish due first syncs, drop the tokens of connect sessions that expired waiting on a decision.
   */
  async runDue(): Promise<RefresherOutcome[]> {
    const outcomes: RefresherOutcome[] = [];
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
      const now = this.ctx.clock.now();
      const claimed = await this.ctx.store.claimExpiring(now, new Date(now.getTime() + this.expiryWarningMs), EXPIRING_LEASE_MS, this.batchSize);
      for (const connection of claimed) {
        try {
          if (await warnClaimed(this.ctx, connection, this.expiryWarningMs)) outcomes.push({ outcome: 'expiring_soon', connection });
        } catch (error) {
          this.ctx.log.error('refresher failed to raise an expiry warning', { connectionId: connection.id, error: (error as Error).name });
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
    while (this.firstSyncDelayMs !== false) {
      const now = this.ctx.clock.now();
      const claimed = await this.ctx.store.claimDueFirstSyncs(new Date(now.getTime() - this.firstSyncDelayMs), now, FIRST_SYNC_LEASE_MS, this.batchSize);
      for (const connection of claimed) {
        try {
          const synced = await completeFirstSync(this.ctx, connection);
          if (synced) outcomes.push({ outcome: 'first_sync', connection: synced });
        } catch (error) {
          this.ctx.log.error('refresher failed to finish a first sync', { connectionId: connection.id, error: (error as Error).name });
        }
      }
      if (claimed.length < this.batchSize) break;
    }
    // One batch a pass, no lease: ending a session is a compare-and-set in a transaction (a second instance finds it
    // no longer holding and does nothing), and a session that fails to end is simply found again next pass.
    for (const session of await this.ctx.store.listLapsedHeldSessions(this.ctx.clock.now(), this.batchSize)) {
      try {
        await expireHeldSession(this.ctx, session);
      } catch (error) {
        this.ctx.log.error('refresher failed to drop an expired session\'s tokens', { sessionId: session.id, error: (error as Error).name });
      }
    }
    return outcomes;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    const tick = () => {
      if (!this.running) return;
      void this.runDue().finally(() => {
        if (this.running) this.handle = this.ctx.clock.setTimeout(tick, this.intervalMs);
        this.passes++;
        for (const waiter of this.passWaiters.filter((w) => w.n <= this.passes)) {
          this.passWaiters.splice(this.passWaiters.indexOf(waiter), 1);
          waiter.resolve();
        }
      });
    };
    this.handle = this.ctx.clock.setTimeout(tick, this.intervalMs);
  }

  /** Resolves once `n` background passes have finished (the signal that a pass the clock started is done). */
  afterPasses(n: number): Promise<void> {
    if (this.passes >= n) return Promise.resolve();
    return new Promise((resolve) => this.passWaiters.push({ n, resolve }));
  }

  stop(): void {
    this.running = false;
    if (this.handle !== undefined) this.ctx.clock.clearTimeout(this.handle);
    this.handle = undefined;
  }
}
