/**
 * The one clock. Nothing else reads the time (STYLE.md habit 8: time is a parameter).
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/**
 * A clock running at real speed from a shifted start (dev only: demos and tests set
 * `DEV_NOW` or call the gateway's /dev/clock). `setNow` shifts it again.
 */
export class ShiftedClock implements Clock {
  private offsetMs: number;

  constructor(start?: Date, private readonly base: Clock = systemClock) {
    this.offsetMs = start ? start.getTime() - base.now().getTime() : 0;
  }

  now(): Date {
    return new Date(this.base.now().getTime() + this.offsetMs);
  }

  setNow(at: Date | null): void {
    this.offsetMs = at ? at.getTime() - this.base.now().getTime() : 0;
  }
}
