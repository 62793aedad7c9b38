/** Services take a Clock instead of calling `new Date()`, so tests can pin and move time. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export type Duration = number | { days?: number; hours?: number; minutes?: number; seconds?: number };

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function toTime(date: Date | string): number {
  const time = typeof date === 'string' ? Date.parse(date) : date.getTime();
  if (Number.isNaN(time)) throw new RangeError(`Invalid date: ${String(date)}`);
  return time;
}

function toMilliseconds(by: Duration): number {
  if (typeof by === 'number') return by;
  const { days = 0, hours = 0, minutes = 0, seconds = 0 } = by;
  return days * DAY + hours * HOUR + minutes * MINUTE + seconds * SECOND;
}

export class TestClock implements Clock {
  #time: number;

  constructor(start: Date | string) {
    this.#time = toTime(start);
  }

  // A fresh Date each call, so a caller mutating the result cannot move the clock.
  now(): Date {
    return new Date(this.#time);
  }

  set(date: Date | string): void {
    this.#time = toTime(date);
  }

  /** Moves forward only; use `set` to go back, so a sign slip in a test fails loudly. */
  advance(by: Duration): Date {
    const ms = toMilliseconds(by);
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`Cannot advance by ${ms} ms`);
    this.#time += ms;
    return this.now();
  }
}
