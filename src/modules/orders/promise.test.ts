import { describe, expect, it } from 'vitest';
import { promisedDeliveryDate, shipDate } from './promise.ts';

const madrid = {
  timezone: 'Europe/Madrid',
  cutoffTime: '15:00',
  workingDays: [1, 2, 3, 4, 5],
  holidays: ['2026-12-08', '2026-12-25'],
};
// 2026-12-02 is a Wednesday; Madrid is UTC+1 in winter.
const at = (iso: string) => new Date(iso);

describe('promised delivery date', () => {
  it('ships today before the cut-off, tomorrow after it, read in the location time zone', () => {
    expect(shipDate({ placedAt: at('2026-12-02T13:59:00Z'), from: madrid, processingDays: 0 })).toBe(
      '2026-12-02',
    );
    // 15:00 in Madrid is 14:00 UTC: an order at 14:00 UTC is at the cut-off, so it ships the next day.
    expect(shipDate({ placedAt: at('2026-12-02T14:00:00Z'), from: madrid, processingDays: 0 })).toBe(
      '2026-12-03',
    );
    expect(
      promisedDeliveryDate({
        placedAt: at('2026-12-02T13:00:00Z'),
        from: madrid,
        processingDays: 0,
        transitDays: 2,
      }),
    ).toBe('2026-12-04');
  });

  it('waits over the weekend and skips holidays', () => {
    // Friday after the cut-off ships Monday 7; two transit days, Tuesday 8 a holiday: Thursday 10.
    expect(
      promisedDeliveryDate({
        placedAt: at('2026-12-04T16:00:00Z'),
        from: madrid,
        processingDays: 0,
        transitDays: 2,
      }),
    ).toBe('2026-12-10');
    // Without the holiday it would be Wednesday 9.
    expect(
      promisedDeliveryDate({
        placedAt: at('2026-12-04T16:00:00Z'),
        from: { ...madrid, holidays: [] },
        processingDays: 0,
        transitDays: 2,
      }),
    ).toBe('2026-12-09');
    // Monday 7 Dec after the cut-off: Tuesday 8 is a holiday, so it ships Wednesday 9 and arrives Thursday 10.
    expect(
      promisedDeliveryDate({
        placedAt: at('2026-12-07T15:00:00Z'),
        from: madrid,
        processingDays: 0,
        transitDays: 1,
      }),
    ).toBe('2026-12-10');
    // Placed on a Saturday morning: ships Monday.
    expect(shipDate({ placedAt: at('2026-12-05T08:00:00Z'), from: madrid, processingDays: 0 })).toBe(
      '2026-12-07',
    );
  });

  it('adds processing days in working days', () => {
    expect(shipDate({ placedAt: at('2026-12-03T09:00:00Z'), from: madrid, processingDays: 2 })).toBe(
      '2026-12-07',
    );
  });

  it('reads the date in the location time zone, not in UTC', () => {
    // 23:30 UTC on Wednesday is already Thursday 08:30 in Tokyo, before its 12:00 cut-off.
    const tokyo = { timezone: 'Asia/Tokyo', cutoffTime: '12:00', workingDays: [1, 2, 3, 4, 5] };
    expect(shipDate({ placedAt: at('2026-12-02T23:30:00Z'), from: tokyo, processingDays: 0 })).toBe(
      '2026-12-03',
    );
    // And across a daylight-saving change: Berlin moves to summer time on 2026-03-29.
    const berlin = { timezone: 'Europe/Berlin', cutoffTime: '14:00', workingDays: [1, 2, 3, 4, 5] };
    expect(shipDate({ placedAt: at('2026-03-30T11:59:00Z'), from: berlin, processingDays: 0 })).toBe(
      '2026-03-30',
    );
    expect(shipDate({ placedAt: at('2026-03-30T12:00:00Z'), from: berlin, processingDays: 0 })).toBe(
      '2026-03-31',
    );
  });

  it('packs on Saturdays where the location works them, but the carrier collects on Monday', () => {
    const store = { ...madrid, workingDays: [1, 2, 3, 4, 5, 6], holidays: [] };
    const placedAt = at('2026-12-05T08:00:00Z');
    expect(shipDate({ placedAt, from: store, processingDays: 0 })).toBe('2026-12-05');
    // Collected Monday 7, one transit day: Tuesday 8.
    expect(promisedDeliveryDate({ placedAt, from: store, processingDays: 0, transitDays: 1 })).toBe(
      '2026-12-08',
    );
    expect(() =>
      promisedDeliveryDate({ placedAt, from: store, processingDays: 0, transitDays: 1, carrierDays: [] }),
    ).toThrow(RangeError);
  });
});
