import type { Clock } from '../engine/ports.js';

/** A clock the simulation moves by hand: it stands still until `set` is called. */
export class VirtualClock implements Clock {
  constructor(private ms: number) {}

  now(): Date {
    return new Date(this.ms);
  }

  get millis(): number {
    return this.ms;
  }

  set(ms: number): void {
    this.ms = ms;
  }
}
