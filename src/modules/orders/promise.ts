import type { SellableSite } from '../inventory/index.ts';
import { priorityScore } from './priority.ts';

/**
 * When an order will arrive, as the shop promises it: read in the shipping location's time zone,
 * an order placed before the cut-off on a working day ships that day (after any processing days),
 * otherwise on the next working day; carriers then take their transit days, Monday to Friday,
 * skipping holidays.
 */

export interface ShippingLocation {
  /** IANA zone, e.g. Europe/Madrid. */
  timezone: string;
  /** Local 'HH:MM' after which orders ship the next working day. */
  cutoffTime: string;
  /** ISO weekdays the location ships on (1 = Monday … 7 = Sunday). */
  workingDays: readonly number[];
  /** Local dates ('YYYY-MM-DD') when nothing ships or travels. */
  holidays?: readonly string[];
}

export interface PromiseInput {
  placedAt: Date;
  from: ShippingLocation;
  /** Working days the warehouse needs before the parcel leaves (0: same day before the cut-off). */
  processingDays: number;
  /** Carrier working days from hand-over to the door. */
  transitDays: number;
  /** The days carriers deliver on; Monday to Friday by default. */
  carrierDays?: readonly number[];
}

const dayMs = 24 * 60 * 60 * 1000;

/** The local calendar date and minutes past midnight of an instant in a time zone. */
// Building a formatter costs far more than using one: one per time zone, kept.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timezone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timezone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', {
      timeZone: timezone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timezone, formatter);
  }
  return formatter;
}

function localParts(at: Date, timezone: string): { date: number; minutes: number } {
  const parts = Object.fromEntries(
    formatterFor(timezone)
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return {
    date: Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day)),
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

const isoDay = (date: number) => ((new Date(date).getUTCDay() + 6) % 7) + 1;
const format = (date: number) => new Date(date).toISOString().slice(0, 10);

function nextDay(date: number, allowed: readonly number[], holidays: ReadonlySet<string>): number {
  let day = date + dayMs;
  for (let guard = 0; guard < 366 && (!allowed.includes(isoDay(day)) || holidays.has(format(day))); guard++)
    day += dayMs;
  return day;
}

function isOpen(date: number, allowed: readonly number[], holidays: ReadonlySet<string>): boolean {
  return allowed.includes(isoDay(date)) && !holidays.has(format(date));
}

/** The date the parcel leaves ('YYYY-MM-DD', local to the location). */
export function shipDate(input: Omit<PromiseInput, 'transitDays' | 'carrierDays'>): string {
  return format(shipDay(input));
}

function shipDay({
  placedAt,
  from,
  processingDays,
}: Omit<PromiseInput, 'transitDays' | 'carrierDays'>): number {
  if (from.workingDays.length === 0) throw new RangeError('a location with no working days never ships');
  const holidays = new Set(from.holidays ?? []);
  const [hours, minutes] = from.cutoffTime.split(':').map(Number);
  const local = localParts(placedAt, from.timezone);
  let day = local.date;
  if (!isOpen(day, from.workingDays, holidays) || local.minutes >= hours! * 60 + minutes!) {
    day = nextDay(day, from.workingDays, holidays);
  }
  for (let i = 0; i < processingDays; i++) day = nextDay(day, from.workingDays, holidays);
  return day;
}

/** The promised delivery date ('YYYY-MM-DD'). */
export function promisedDeliveryDate(input: PromiseInput): string {
  const holidays = new Set(input.from.holidays ?? []);
  const carrierDays = input.carrierDays ?? [1, 2, 3, 4, 5];
  if (carrierDays.length === 0) throw new RangeError('a carrier with no working days never delivers');
  let day = shipDay(input);
  // A parcel packed on a day the carrier does not collect waits for the next collection.
  if (!isOpen(day, carrierDays, holidays)) day = nextDay(day, carrierDays, holidays);
  for (let i = 0; i < input.transitDays; i++) day = nextDay(day, carrierDays, holidays);
  return format(day);
}

function localDate(at: Date, timezone: string): string {
  return format(localParts(at, timezone).date);
}

/** When it will arrive and how urgent picking it is, from the locations that ship it. */
export function promiseFor(
  shipping: { transitDays: number; requestedDeliveryDate: string | null },
  locationIds: string[],
  sites: SellableSite[],
  placedAt: Date,
  tags: readonly string[],
) {
  const used = sites.filter((s) => locationIds.includes(s.id));
  const { transitDays } = shipping;
  let promised: string | null = null;
  let daysUntilShip = 0;
  for (const site of used) {
    const from = { timezone: site.timezone, cutoffTime: site.cutoffTime, workingDays: site.workingDays };
    const date = promisedDeliveryDate({ placedAt, from, processingDays: 0, transitDays });
    if (promised === null || date > promised) promised = date;
    const leaves = Date.parse(shipDate({ placedAt, from, processingDays: 0 }));
    daysUntilShip = Math.max(
      daysUntilShip,
      Math.round((leaves - Date.parse(localDate(placedAt, site.timezone))) / dayMs),
    );
  }
  const priority = priorityScore({
    transitDays,
    daysUntilShip,
    customerTags: tags,
    requestedDeliveryDate: shipping.requestedDeliveryDate,
  });
  return { promised, priority };
}
