/** The catalog: products, their variants (what is stocked and sold, by SKU) and prices. */

export { exportCatalogCsv } from './csv-export.ts';
export { type ImportResult, importCatalogCsv } from './csv-import.ts';
export { demoProducts, seedDemoCatalog } from './demo.ts';
export { isValidGtin } from './gtin.ts';
export * as catalogMigration004 from './migrations/2026-11-30-004-catalog.ts';
export {
  describeVariants,
  findVariantBySku,
  loadProducts,
  type Product,
  searchProducts,
  type Variant,
  type VariantForSale,
  variantIdsBySku,
  variantsForSale,
} from './queries.ts';
export { registerCatalogRoutes } from './routes.ts';
export { createProduct, getProduct, updateProduct } from './service.ts';
export type { CatalogTables } from './tables.ts';
export { addVariant, updateVariant } from './variants.ts';
