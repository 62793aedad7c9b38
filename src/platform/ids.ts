import { monotonicFactory } from 'ulid';

/** Prefixes of Ordo's own entities; extensions bring their own through `idPrefix`. */
export type IdPrefix =
  | 'ord'
  | 'cus'
  | 'prd'
  | 'var'
  | 'loc'
  | 'stf'
  | 'key'
  | 'evt'
  | 'job'
  | 'whk'
  | 'msg'
  | 'pay'
  | 'shp'
  | 'ret'
  | 'tkt'
  | 'req'
  | 'wrk'
  | 'mov'
  | 'adr'
  | 'tle'
  | 'aud'
  | 'ses'
  | 'oln'
  | 'oev'
  | 'mail';

/** A prefix outside `IdPrefix` that `idPrefix` has checked. */
export type CustomIdPrefix = string & { readonly __brand: 'IdPrefix' };

export type AnyIdPrefix = IdPrefix | CustomIdPrefix;

export type Id<P extends AnyIdPrefix = IdPrefix> = `${P}_${string}`;

const PREFIX = /^[a-z]{2,5}$/;
const ULID = '[0-9A-HJKMNP-TV-Z]{26}';
// ULID timestamps are 48 bits.
const MAX_TIME = 2 ** 48 - 1;

// One factory per process: within a millisecond it increments the random part instead of drawing a
// new one, so ids sort in creation order, and it never moves backwards when the wall clock does.
// Random bytes are drawn from the system's CSPRNG a page at a time: ulid asks for one per
// character, and a system call per character was a measurable part of placing an order.
const pool = new Uint8Array(4096);
let poolAt = pool.length;
function randomFraction(): number {
  if (poolAt === pool.length) {
    crypto.getRandomValues(pool);
    poolAt = 0;
  }
  return (pool[poolAt++] as number) / 256;
}
const nextUlid = monotonicFactory(randomFraction);

export function idPrefix(value: string): CustomIdPrefix {
  if (!PREFIX.test(value)) throw new RangeError(`Id prefix must be 2-5 lowercase letters, got "${value}"`);
  return value as CustomIdPrefix;
}

/**
 * `time` (ms) pins the timestamp for tests. A time before the last id issued is clamped to that
 * id's time, because sort order equal to creation order matters more than the exact stamp.
 */
export function newId<P extends AnyIdPrefix>(prefix: P, time?: number): Id<P> {
  idPrefix(prefix);
  // ulid treats a seed of 0 as "now", so reject it rather than silently ignoring it.
  if (time !== undefined && !(Number.isInteger(time) && time > 0 && time <= MAX_TIME)) {
    throw new RangeError(`Id time must be a positive integer of milliseconds, got ${time}`);
  }
  return `${prefix}_${nextUlid(time)}` as Id<P>;
}

/** A regex source for JSON Schema `pattern`, e.g. `^ord_[0-9A-HJKMNP-TV-Z]{26}$`. */
export function idPattern(prefix: AnyIdPrefix): string {
  return `^${idPrefix(prefix)}_${ULID}$`;
}

export function isId<P extends AnyIdPrefix>(prefix: P, value: unknown): value is Id<P> {
  return typeof value === 'string' && new RegExp(idPattern(prefix)).test(value);
}
