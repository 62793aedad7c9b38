import { type Kysely, type Selectable, sql } from 'kysely';
import { isCountry } from '../../platform/address.ts';
import { type Actor, recordAudit } from '../../platform/audit/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import type { Tables } from '../../platform/db/tables.ts';
import { withTransaction } from '../../platform/db/transaction.ts';
import type { FieldError } from '../../platform/http/problems.ts';
import { ValidationFailed } from '../../platform/http/problems.ts';
import { isCurrency } from '../../platform/money.ts';
import type { ShippingRatesTable, TaxRatesTable } from './tables.ts';

/** The shop's rate card (shipping by method, destination and currency) and its tax rates. */

export type ShippingRate = Selectable<ShippingRatesTable>;
export type TaxRate = Selectable<TaxRatesTable>;

export async function shippingRatesTo(
  db: Kysely<Tables>,
  country: string,
  currency: string,
): Promise<ShippingRate[]> {
  return db
    .selectFrom('shippingRates')
    .selectAll()
    .where('country', '=', country)
    .where('currency', '=', currency)
    .orderBy('amount')
    .execute();
}

export async function taxRatesOf(db: Kysely<Tables>, country: string): Promise<Map<string, TaxRate>> {
  const rows = await db.selectFrom('taxRates').selectAll().where('country', '=', country).execute();
  return new Map(rows.map((r) => [r.taxClass, r]));
}

/** Shipping methods and tax rates for one destination, in one query (the order path reads both). */
export async function ratesTo(
  db: Kysely<Tables>,
  country: string,
  currency: string | null,
): Promise<{ shipping: ShippingRate[]; taxes: Map<string, TaxRate> }> {
  const { rows } = await sql<{ shipping: ShippingRate[] | null; taxes: TaxRate[] | null }>`
    select
      (select json_agg(json_build_object('method', method, 'country', country, 'currency', currency, 'name', name,
              'amount', amount, 'freeFrom', free_from, 'transitDays', transit_days) order by amount)
         from shipping_rates where country = ${country} and currency = ${currency}) as shipping,
      (select json_agg(json_build_object('country', country, 'taxClass', tax_class, 'rate', rate,
              'pricesIncludeTax', prices_include_tax))
         from tax_rates where country = ${country}) as taxes`.execute(db);
  const row = rows[0]!;
  return {
    shipping: row.shipping ?? [],
    taxes: new Map((row.taxes ?? []).map((t) => [t.taxClass, t])),
  };
}

export async function listShippingRates(db: Kysely<Tables>): Promise<ShippingRate[]> {
  return db
    .selectFrom('shippingRates')
    .selectAll()
    .orderBy('method')
    .orderBy('country')
    .orderBy('currency')
    .execute();
}

export async function listTaxRates(db: Kysely<Tables>): Promise<TaxRate[]> {
  return db.selectFrom('taxRates').selectAll().orderBy('country').orderBy('taxClass').execute();
}

function duplicates<T>(rows: T[], key: (row: T) => string, pointer: string, errors: FieldError[]): void {
  const seen = new Set<string>();
  for (const [i, row] of rows.entries()) {
    const k = key(row);
    if (seen.has(k)) errors.push({ pointer: `${pointer}/${i}`, detail: `${k} is listed twice` });
    seen.add(k);
  }
}

/** Replaces the whole rate card in one transaction (what the settings page saves). */
export async function replaceShippingRates(
  database: Database<Tables>,
  clock: Clock,
  actor: Actor,
  rates: ShippingRate[],
): Promise<ShippingRate[]> {
  const errors: FieldError[] = [];
  for (const [i, rate] of rates.entries()) {
    if (!isCountry(rate.country))
      errors.push({
        pointer: `/rates/${i}/country`,
        detail: `${rate.country} is not an ISO 3166 country code`,
      });
    if (!isCurrency(rate.currency))
      errors.push({
        pointer: `/rates/${i}/currency`,
        detail: `${rate.currency} is not an ISO 4217 currency`,
      });
  }
  duplicates(rates, (r) => `${r.method} to ${r.country} in ${r.currency}`, '/rates', errors);
  if (errors.length > 0) throw new ValidationFailed(errors);
  return withTransaction(database, async (trx) => {
    const before = await listShippingRates(trx);
    await trx.deleteFrom('shippingRates').execute();
    if (rates.length > 0) await trx.insertInto('shippingRates').values(rates).execute();
    await recordAudit(trx, actor, clock.now(), {
      action: 'shipping_rates.replaced',
      subjectType: 'settings',
      subjectId: 'shipping_rates',
      before,
      after: rates,
    });
    return listShippingRates(trx);
  });
}

export async function replaceTaxRates(
  database: Database<Tables>,
  clock: Clock,
  actor: Actor,
  rates: TaxRate[],
): Promise<TaxRate[]> {
  const errors: FieldError[] = [];
  for (const [i, rate] of rates.entries()) {
    if (!isCountry(rate.country))
      errors.push({
        pointer: `/rates/${i}/country`,
        detail: `${rate.country} is not an ISO 3166 country code`,
      });
  }
  duplicates(rates, (r) => `${r.taxClass} in ${r.country}`, '/rates', errors);
  // Whether prices include tax is a fact of the destination, not of a product: one answer per country.
  const inclusion = new Map<string, boolean>();
  for (const [i, rate] of rates.entries()) {
    const seen = inclusion.get(rate.country);
    if (seen !== undefined && seen !== rate.pricesIncludeTax)
      errors.push({
        pointer: `/rates/${i}/pricesIncludeTax`,
        detail: `must be the same for every rate of ${rate.country}`,
      });
    inclusion.set(rate.country, rate.pricesIncludeTax);
  }
  if (errors.length > 0) throw new ValidationFailed(errors);
  return withTransaction(database, async (trx) => {
    const before = await listTaxRates(trx);
    await trx.deleteFrom('taxRates').execute();
    if (rates.length > 0) await trx.insertInto('taxRates').values(rates).execute();
    await recordAudit(trx, actor, clock.now(), {
      action: 'tax_rates.replaced',
      subjectType: 'settings',
      subjectId: 'tax_rates',
      before,
      after: rates,
    });
    return listTaxRates(trx);
  });
}
