import { decodeTime } from 'ulid';
import { describe, expect, it } from 'vitest';
import { type IdPrefix, idPattern, idPrefix, isId, newId } from './ids.ts';

const ulidOf = (id: string) => id.slice(id.indexOf('_') + 1);

describe('ids', () => {
  it('is the prefix, an underscore and a 26-character ULID', () => {
    const id = newId('ord');
    expect(id.startsWith('ord_')).toBe(true);
    expect(ulidOf(id)).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
  });

  it('sorts in creation order even within one millisecond', () => {
    const ids = Array.from({ length: 10_000 }, () => newId('evt'));
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    // Only meaningful if many ids shared a millisecond, which a tight loop guarantees.
    const times = new Set(ids.map((id) => decodeTime(ulidOf(id))));
    expect(times.size).toBeLessThan(ids.length / 2);
  });

  it('accepts checked custom prefixes and rejects malformed ones', () => {
    expect(newId(idPrefix('inv')).startsWith('inv_')).toBe(true);
    for (const bad of ['o', 'orders', 'Ord', 'or1', 'o_d', '']) {
      expect(() => idPrefix(bad), bad).toThrow(RangeError);
      expect(() => newId(bad as IdPrefix), bad).toThrow(RangeError);
    }
  });

  it('gives a JSON Schema pattern', () => {
    expect(idPattern('ord')).toBe('^ord_[0-9A-HJKMNP-TV-Z]{26}$');
    expect(new RegExp(idPattern('cus')).test(newId('cus'))).toBe(true);
  });

  it('validates prefix and body', () => {
    const id = newId('ord');
    expect(isId('ord', id)).toBe(true);
    expect(isId('cus', id)).toBe(false);
    expect(isId(idPrefix('or'), id)).toBe(false);
    expect(isId('ord', `x${id}`)).toBe(false);
    expect(isId('ord', `${id}0`)).toBe(false);
    expect(isId('ord', id.toLowerCase())).toBe(false);
    expect(isId('ord', `ord_${'I'.repeat(26)}`)).toBe(false);
    expect(isId('ord', `ord-${ulidOf(id)}`)).toBe(false);
    expect(isId('ord', 42)).toBe(false);
    expect(isId('ord', undefined)).toBe(false);
  });

  it('rejects times ulid would silently replace with now', () => {
    for (const bad of [0, -1, 1.5, Number.NaN, 2 ** 48]) {
      expect(() => newId('ord', bad), String(bad)).toThrow(RangeError);
    }
  });

  // Last: a future time moves this file's id factory forward for every later id.
  it('stamps a given time and never goes back before the last id', () => {
    const future = Date.UTC(2100, 0, 1);
    const first = newId('ord', future);
    expect(decodeTime(ulidOf(first))).toBe(future);
    const earlier = newId('ord', Date.UTC(2000, 0, 1));
    expect(decodeTime(ulidOf(earlier))).toBe(future);
    expect(earlier > first).toBe(true);
  });
});
