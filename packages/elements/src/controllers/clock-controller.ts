import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** How often relative times ("5 minutes ago") are rendered again: they never show seconds. */
export const CLOCK_INTERVAL = 60_000;

/**
 * Re-renders its host every minute while it is on the page, so relative times stay true. The one clock of the
 * elements (a fake clock in tests drives it).
 */
export class ClockController implements ReactiveController {
  private timer?: ReturnType<typeof setInterval>;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    clearInterval(this.timer);
    this.timer = setInterval(() => this.host.requestUpdate(), CLOCK_INTERVAL);
  }

  hostDisconnected(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }
}
