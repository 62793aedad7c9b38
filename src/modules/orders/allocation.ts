import { createRequire } from 'node:module';
import type { Country } from 'world-countries';

/**
 * Which locations ship which units of an order. Pure: the caller reads (and locks) the stock,
 * this decides. The rules, in order:
 * 1. one location that can ship everything, the nearest to the destination, then the one with the most stock;
 * 2. otherwise the fewest locations that together can, the nearest set first;
 * 3. what no location has is a shortage: refused, or backordered where the line allows it.
 */

export interface Place {
  country: string;
  region?: string | null | undefined;
  postalCode?: string | null | undefined;
}

export interface Site extends Place {
  id: string;
}

export interface Need {
  line: number;
  variantId: string;
  quantity: number;
  /** Short units may wait for stock instead of refusing the order. */
  mayBackorder: boolean;
}

export interface Allocation {
  line: number;
  locationId: string;
  quantity: number;
}

export interface Shortage {
  line: number;
  requested: number;
  available: number;
}

export interface Plan {
  allocations: Allocation[];
  /** Units per line that wait for stock. */
  backordered: Map<number, number>;
  /** Lines that cannot be served and may not wait: the order must be refused. */
  shortages: Shortage[];
}

// Read as data (the package's ES entry imports its JSON without the attribute Node requires), and
// only when the first order needs a distance: 1.4 MB that start-up does not have to parse.
let centroids: Map<string, [number, number]> | undefined;
function centroidOf(country: string): [number, number] | undefined {
  centroids ??= new Map(
    (createRequire(import.meta.url)('world-countries/countries.json') as Country[]).map((c) => [
      c.cca2,
      c.latlng,
    ]),
  );
  return centroids.get(country);
}

function kilometres(a: string, b: string): number {
  if (a === b) return 0;
  const from = centroidOf(a);
  const to = centroidOf(b);
  if (!from || !to) return 20_000;
  const rad = Math.PI / 180;
  const dLat = (to[0] - from[0]) * rad;
  const dLng = (to[1] - from[1]) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(from[0] * rad) * Math.cos(to[0] * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

function sharedPrefix(a: string | null | undefined, b: string | null | undefined): number {
  if (!a || !b) return 0;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/**
 * How far a location is from a destination, as a number to sort by: countries apart by the distance
 * between them; within a country, the same region first, then the longest shared postcode prefix.
 */
export function distance(from: Place, to: Place): number {
  const km = kilometres(from.country, to.country);
  if (km > 0) return km * 100;
  const sameRegion = !!from.region && !!to.region && from.region.toUpperCase() === to.region.toUpperCase();
  return (sameRegion ? 0 : 50) + (10 - Math.min(10, sharedPrefix(from.postalCode, to.postalCode)));
}

function* subsets<T>(items: T[], size: number, start = 0, chosen: T[] = []): Generator<T[]> {
  if (chosen.length === size) {
    yield chosen;
    return;
  }
  for (let i = start; i <= items.length - (size - chosen.length); i++) {
    yield* subsets(items, size, i + 1, [...chosen, items[i]!]);
  }
}

/** Beyond this many stocked locations the fewest-locations search is greedy rather than exhaustive. */
const exhaustiveUpTo = 12;

export function planAllocation(
  needs: Need[],
  sites: Site[],
  /** Units that may be sold, per variant and location (safety stock already kept back). */
  available: (variantId: string, locationId: string) => number,
  destination: Place,
): Plan {
  const backordered = new Map<number, number>();
  const shortages: Shortage[] = [];
  const wanted: Need[] = [];
  for (const need of needs) {
    const total = sites.reduce((sum, site) => sum + available(need.variantId, site.id), 0);
    if (total >= need.quantity) wanted.push(need);
    else if (need.mayBackorder) {
      backordered.set(need.line, need.quantity - total);
      if (total > 0) wanted.push({ ...need, quantity: total });
    } else shortages.push({ line: need.line, requested: need.quantity, available: total });
  }
  if (shortages.length > 0 || wanted.length === 0) return { allocations: [], backordered, shortages };

  const ranked = sites
    .map((site) => ({
      site,
      distance: distance(site, destination),
      stock: wanted.reduce((sum, n) => sum + Math.min(n.quantity, available(n.variantId, site.id)), 0),
    }))
    .filter((r) => r.stock > 0)
    .sort((a, b) => a.distance - b.distance || b.stock - a.stock || a.site.id.localeCompare(b.site.id));

  const covers = (group: typeof ranked) =>
    wanted.every((n) => group.reduce((sum, r) => sum + available(n.variantId, r.site.id), 0) >= n.quantity);
  let chosen: typeof ranked | undefined;
  // Trying every group is cheap for a few locations and explodes for many: beyond that, greedy.
  const largest = ranked.length <= exhaustiveUpTo ? ranked.length : 1;
  for (let size = 1; size <= largest && !chosen; size++) {
    // Subsets come in rank order, so the first that covers is the nearest of its size.
    for (const group of subsets(ranked, size)) {
      if (covers(group)) {
        chosen = group;
        break;
      }
    }
  }
  chosen ??= greedyCover(ranked, wanted, available);

  const allocations: Allocation[] = [];
  for (const need of wanted) {
    let left = need.quantity;
    for (const { site } of chosen) {
      const take = Math.min(left, available(need.variantId, site.id));
      if (take > 0) allocations.push({ line: need.line, locationId: site.id, quantity: take });
      left -= take;
      if (left === 0) break;
    }
  }
  return { allocations, backordered, shortages };
}

/** For many locations: repeatedly add the location that serves the most outstanding units. */
function greedyCover<R extends { site: Site }>(
  ranked: R[],
  wanted: Need[],
  available: (variantId: string, locationId: string) => number,
): R[] {
  const outstanding = new Map(wanted.map((n) => [n.line, n.quantity]));
  const chosen: R[] = [];
  while ([...outstanding.values()].some((q) => q > 0)) {
    let best: R | undefined;
    let bestUnits = 0;
    for (const candidate of ranked) {
      if (chosen.includes(candidate)) continue;
      const units = wanted.reduce(
        (sum, n) => sum + Math.min(outstanding.get(n.line)!, available(n.variantId, candidate.site.id)),
        0,
      );
      if (units > bestUnits) {
        best = candidate;
        bestUnits = units;
      }
    }
    if (!best) break;
    chosen.push(best);
    for (const n of wanted)
      outstanding.set(n.line, Math.max(0, outstanding.get(n.line)! - available(n.variantId, best.site.id)));
  }
  return chosen;
}
