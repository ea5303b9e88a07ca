import type { Clock } from '../../electron/core/base/clock.js';

export class FakeClock implements Clock {
  private t: number;
  constructor(start = '2026-11-24T08:00:00.000Z') {
    this.t = Date.parse(start);
  }
  now(): Date {
    return new Date(this.t);
  }
  advanceMinutes(minutes: number): void {
    this.t += minutes * 60_000;
  }
}
