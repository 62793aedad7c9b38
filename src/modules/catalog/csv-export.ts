import { pipeline, Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import type { Kysely } from 'kysely';
import type { Tables } from '../../platform/db/tables.ts';
import { money, toDecimalString } from '../../platform/money.ts';
import { optionColumns, pricePrefix, productColumns, variantColumns } from './csv-format.ts';
import { loadProducts } from './queries.ts';

/** The whole catalog as CSV in the import format, read page by page so memory stays flat. */
export async function exportCatalogCsv(db: Kysely<Tables>): Promise<Readable> {
  const currencies = (
    await db.selectFrom('variantPrices').select('currency').distinct().orderBy('currency').execute()
  ).map((r) => r.currency);
  const columns = [
    ...productColumns,
    ...optionColumns,
    ...variantColumns,
    ...currencies.map((c) => `${pricePrefix}${c}`),
  ];
  async function* rows() {
    let after = '';
    for (;;) {
      const ids = await db
        .selectFrom('products')
        .select('id')
        .where('id', '>', after)
        .orderBy('id')
        .limit(500)
        .execute();
      if (ids.length === 0) return;
      after = ids.at(-1)!.id;
      for (const product of await loadProducts(
        db,
        ids.map((r) => r.id),
      )) {
        for (const [i, v] of product.variants.entries()) {
          const first = i === 0;
          const row: Record<string, string> = {
            handle: product.handle,
            title: first ? product.title : '',
            description: first ? product.description : '',
            status: first ? product.status : '',
            tax_class: first ? product.taxClass : '',
            hs_code: first ? (product.hsCode ?? '') : '',
            country_of_origin: first ? (product.countryOfOrigin ?? '') : '',
            returnable: first ? String(product.returnable) : '',
            image_urls: first ? product.images.join(' ') : '',
            sku: v.sku,
            barcode: v.barcode ?? '',
            weight_grams: v.weightGrams?.toString() ?? '',
            length_mm: v.dimensionsMm?.length.toString() ?? '',
            width_mm: v.dimensionsMm?.width.toString() ?? '',
            height_mm: v.dimensionsMm?.height.toString() ?? '',
            backorderable: String(v.backorderable),
          };
          product.options.forEach((option, n) => {
            if (first) row[`option${n + 1}_name`] = option.name;
            row[`option${n + 1}_value`] = Object.hasOwn(v.optionValues, option.name)
              ? String(v.optionValues[option.name])
              : '';
          });
          for (const price of v.prices)
            row[`${pricePrefix}${price.currency}`] = toDecimalString(money(price.amount, price.currency));
          yield row;
        }
      }
    }
  }
  // pipeline, not pipe: a failure while reading ends the reply as failed instead of a short file.
  return pipeline(Readable.from(rows()), stringify({ header: true, columns }), () => {});
}
