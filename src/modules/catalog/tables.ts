import type { Generated } from 'kysely';
import type { Json, Timestamp } from '../../platform/db/tables.ts';

export type ProductStatus = 'draft' | 'active' | 'archived';
export interface ProductOption {
  name: string;
  values: string[];
}

export interface ProductsTable {
  id: string;
  handle: string;
  title: string;
  description: string;
  status: ProductStatus;
  options: Json<ProductOption[]>;
  hsCode: string | null;
  countryOfOrigin: string | null;
  taxClass: string;
  returnable: boolean;
  images: Json<string[]>;
  createdAt: Timestamp;
  updatedAt: Timestamp;
  search: Generated<string>;
}

export interface VariantsTable {
  id: string;
  productId: string;
  sku: string;
  barcode: string | null;
  title: string;
  optionValues: Json<Record<string, string>>;
  weightGrams: number | null;
  lengthMm: number | null;
  widthMm: number | null;
  heightMm: number | null;
  backorderable: boolean;
  position: number;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface VariantPricesTable {
  variantId: string;
  currency: string;
  amount: number;
}

export interface CatalogTables {
  products: ProductsTable;
  variants: VariantsTable;
  variantPrices: VariantPricesTable;
}

declare module '../../platform/db/tables.ts' {
  interface Tables extends CatalogTables {}
}
