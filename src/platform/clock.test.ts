import { describe, expect, it } from 'vitest';
import { systemClock, TestClock } from './clock.ts';

const START = '2024-03-31T00:30:00.000Z';

describe('TestClock', () => {
  it('starts where it is told and stands still', () => {
    const clock = new TestClock(START);
    expect(clock.now().toISOString()).toBe(START);
    expect(clock.now().toISOString()).toBe(START);
    expect(new TestClock(new Date(START)).now().toISOString()).toBe(START);
  });

  it('advances by milliseconds or by a duration', () => {
    const clock = new TestClock(START);
    expect(clock.advance(1500).toISOString()).toBe('2024-03-31T00:30:01.500Z');
    clock.advance({ days: 1, hours: 2, minutes: 3, seconds: 4 });
    expect(clock.now().toISOString()).toBe('2024-04-01T02:33:05.500Z');
    clock.advance({ days: 30 });
    expect(clock.now().toISOString()).toBe('2024-05-01T02:33:05.500Z');
  });

  it('refuses to advance backwards', () => {
    const clock = new TestClock(START);
    expect(() => clock.advance(-1)).toThrow(RangeError);
    expect(() => clock.advance({ hours: -1 })).toThrow(RangeError);
    expect(() => clock.advance(Number.NaN)).toThrow(RangeError);
    expect(clock.now().toISOString()).toBe(START);
  });

  it('sets to any time, including the past', () => {
    const clock = new TestClock(START);
    clock.set('2023-01-01T00:00:00Z');
    expect(clock.now().toISOString()).toBe('2023-01-01T00:00:00.000Z');
    clock.set(new Date('2030-06-15T12:00:00Z'));
    expect(clock.now().toISOString()).toBe('2030-06-15T12:00:00.000Z');
  });

  it('is not moved by mutating a returned date', () => {
    const clock = new TestClock(START);
    clock.now().setUTCFullYear(1999);
    expect(clock.now().toISOString()).toBe(START);
  });

  it('rejects invalid dates', () => {
    expect(() => new TestClock('not a date')).toThrow(RangeError);
    expect(() => new TestClock(START).set('2024-13-45')).toThrow(RangeError);
  });
});

describe('systemClock', () => {
  it('reads the real time', () => {
    const before = Date.now();
    const now = systemClock.now().getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });
});
