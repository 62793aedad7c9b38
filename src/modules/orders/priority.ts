/**
 * How urgently an order should be picked. The picking queue sorts by `effectivePriority`, which
 * adds the order's age to the score stored at placing, so nothing waits for ever behind newer
 * urgent orders. Weights, in points:
 * - speed of the shipping method: 60 per transit day saved below 5 (express, 1 day: 240);
 * - the promised ship date: leaving today 200, tomorrow 100;
 * - the customer: tagged `vip` 150, `wholesale` 50;
 * - a delivery date the customer asked for: 100.
 */
export interface PriorityInput {
  transitDays: number;
  /** Working days from placing until the parcel must leave (0: today). */
  daysUntilShip: number;
  customerTags: readonly string[];
  requestedDeliveryDate: string | null;
}

export function priorityScore(input: PriorityInput): number {
  const speed = Math.max(0, 5 - input.transitDays) * 60;
  const ship = input.daysUntilShip <= 0 ? 200 : input.daysUntilShip === 1 ? 100 : 0;
  const tier = input.customerTags.includes('vip') ? 150 : input.customerTags.includes('wholesale') ? 50 : 0;
  const requested = input.requestedDeliveryDate ? 100 : 0;
  return speed + ship + tier + requested;
}

/** The score plus 10 points per hour waited. */
export function effectivePriority(score: number, placedAt: Date, now: Date): number {
  return score + Math.floor(Math.max(0, now.getTime() - placedAt.getTime()) / 360_000);
}
