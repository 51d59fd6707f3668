/**
 * Time, injected. Expiry, backoff, leases, session tokens and the refresher loop all read `now()` and schedule
 * through here, so tests move time with `ManualClock.advance()` instead of waiting.
 */
export interface Clock {
  now(): Date;
  /** Run `fn` after `ms`; returns a handle for `clearTimeout`. */
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export class SystemClock implements Clock {
  now(): Date {
    return new Date();
  }
  setTimeout(fn: () => void, ms: number): unknown {
    return globalThis.setTimeout(fn, ms);
  }
  clearTimeout(handle: unknown): void {
    globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>);
  }
}

interface Timer {
  id: number;
  at: number;
  fn: () => void;
}

/** A clock that only moves when told to; timers fire in order as `advance()` passes them. */
export class ManualClock implements Clock {
  private current: number;
  private timers: Timer[] = [];
  private nextId = 1;

  constructor(start: Date | string | number = '2026-11-02T09:00:00.000Z') {
    this.current = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  setTimeout(fn: () => void, ms: number): unknown {
    const timer = { id: this.nextId++, at: this.current + Math.max(0, ms), fn };
    this.timers.push(timer);
    return timer.id;
  }

  clearTimeout(handle: unknown): void {
    this.timers = this.timers.filter((t) => t.id !== handle);
  }

  /** Move time forward, firing every timer that falls due on the way (including ones scheduled meanwhile). */
  advance(ms: number): void {
    const target = this.current + ms;
    for (;;) {
      const due = this.timers.filter((t) => t.at <= target).sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!due) break;
      this.timers = this.timers.filter((t) => t !== due);
      this.current = Math.max(this.current, due.at);
      due.fn();
    }
    this.current = target;
  }

  /** Jump to an instant (never backwards). */
  set(instant: Date | string | number): void {
    this.advance(Math.max(0, new Date(instant).getTime() - this.current));
  }

  get pendingTimers(): number {
    return this.timers.length;
  }
}
