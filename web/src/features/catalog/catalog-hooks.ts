import type { Static } from '@sinclair/typebox';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateProductBody,
  ProductListQuery,
  ProductSchema,
  UpdateProductBody,
  UpdateVariantBody,
  VariantInput,
  VariantSchema,
} from '../../../../src/modules/catalog/schema.ts';
import { type ApiUpload, apiFetch, apiUpload, type Page } from '../../api/client';
import { useCursorPages } from '../../api/use-cursor-pages';
import { auditKeys } from '../audit/audit-hooks';

export type Variant = Static<typeof VariantSchema>;
export type Product = Omit<Static<typeof ProductSchema>, 'variants'> & { variants: Variant[] };
export type ProductStatus = Product['status'];
export type CreateProductInput = Static<typeof CreateProductBody>;
export type UpdateProductInput = Static<typeof UpdateProductBody>;
export type NewVariantInput = Static<typeof VariantInput>;
export type UpdateVariantInput = Static<typeof UpdateVariantBody>;
export type ProductFilter = Static<typeof ProductListQuery>;

const pageSize = 25;

/** Query keys for the catalog: every catalog mutation invalidates `all`. */
export const catalogKeys = {
  all: ['catalog'] as const,
  lists: () => [...catalogKeys.all, 'list'] as const,
  list: (filter: ProductFilter) => [...catalogKeys.lists(), filter] as const,
  details: () => [...catalogKeys.all, 'detail'] as const,
  detail: (id: string) => [...catalogKeys.details(), id] as const,
  searches: () => [...catalogKeys.all, 'search'] as const,
  search: (q: string) => [...catalogKeys.searches(), q] as const,
};

const productPath = (id: string) => `/api/v1/products/${encodeURIComponent(id)}`;

/** GET /api/v1/products, newest first, a page at a time. `q` is a SKU or barcode prefix or title words. */
export function useProducts(filter: ProductFilter) {
  return useCursorPages<Product>({
    queryKey: catalogKeys.list(filter),
    path: '/api/v1/products',
    params: filter,
    pageSize,
    // A new search keeps the previous results on screen until its own arrive.
    keepPrevious: true,
  });
}

/** The first few active products matching `q` (SKU, barcode or title words), for picking a variant to sell. */
export function useProductSearch(q: string, limit = 8) {
  return useQuery({
    queryKey: catalogKeys.search(q),
    queryFn: async () =>
      (
        await apiFetch<Page<Product>>(
          `/api/v1/products?${new URLSearchParams({ q, status: 'active', limit: String(limit) })}`,
        )
      ).items,
    enabled: q.trim() !== '',
    placeholderData: keepPreviousData,
  });
}

/** GET /api/v1/products/:id with its variants and prices. */
export function useProduct(id: string) {
  return useQuery({
    queryKey: catalogKeys.detail(id),
    queryFn: () => apiFetch<Product>(productPath(id)),
  });
}

/** Every reply that changes a product carries the whole product: show it at once, refetch the rest. */
function useProductChanged() {
  const queryClient = useQueryClient();
  return (product: Product) => {
    queryClient.setQueryData(catalogKeys.detail(product.id), product);
    return Promise.all([
      queryClient.invalidateQueries({ queryKey: catalogKeys.lists() }),
      queryClient.invalidateQueries({ queryKey: auditKeys.all }),
    ]);
  };
}

/** POST /api/v1/products. 422 and 409 name fields such as `/variants/1/prices/0/amount`. */
export function useCreateProduct() {
  const changed = useProductChanged();
  return useMutation({
    mutationFn: (input: CreateProductInput) =>
      apiFetch<Product>('/api/v1/products', { method: 'POST', json: input }),
    onSuccess: changed,
  });
}

/** PATCH /api/v1/products/:id: the product's own fields (not its variants). */
export function useUpdateProduct() {
  const changed = useProductChanged();
  return useMutation({
    mutationFn: ({ id, changes }: { id: string; changes: UpdateProductInput }) =>
      apiFetch<Product>(productPath(id), { method: 'PATCH', json: changes }),
    onSuccess: changed,
  });
}

/** POST /api/v1/products/:id/archive: it stays on past orders but can no longer be sold. */
export function useArchiveProduct() {
  const changed = useProductChanged();
  return useMutation({
    mutationFn: (id: string) => apiFetch<Product>(`${productPath(id)}/archive`, { method: 'POST' }),
    onSuccess: changed,
  });
}

/** POST /api/v1/products/:id/variants. Replies with the whole product. */
export function useAddVariant() {
  const changed = useProductChanged();
  return useMutation({
    mutationFn: ({ productId, variant }: { productId: string; variant: NewVariantInput }) =>
      apiFetch<Product>(`${productPath(productId)}/variants`, { method: 'POST', json: variant }),
    onSuccess: changed,
  });
}

/** PATCH /api/v1/variants/:id: SKU, barcode, prices and the rest. Replies with the whole product. */
export function useUpdateVariant() {
  const changed = useProductChanged();
  return useMutation({
    mutationFn: ({ id, changes }: { id: string; changes: UpdateVariantInput }) =>
      apiFetch<Product>(`/api/v1/variants/${encodeURIComponent(id)}`, { method: 'PATCH', json: changes }),
    onSuccess: changed,
  });
}

/** One problem of an imported file: its line (1 is the header), its column, and what is wrong. */
export interface ImportRowError {
  line: number;
  field: string;
  detail: string;
}

// catalog/routes.ts keeps its ImportResultSchema private; derive this from it once it is exported.
/** The 200 reply of POST /api/v1/products/import. */
export interface ImportResult {
  imported: boolean;
  rows: number;
  productsCreated: number;
  productsUpdated: number;
  variantsCreated: number;
  variantsUpdated: number;
  skippedRows: number;
  errors: ImportRowError[];
}

export interface ImportRequest extends Pick<ApiUpload, 'onProgress' | 'onSent' | 'signal'> {
  file: File;
  /** Import the good rows of a file with bad ones; without it, any error imports nothing. */
  partial: boolean;
}

/** The rows a refused import names (the 422 problem's `rowErrors`), in file order. */
export function importRowErrors(extensions: Record<string, unknown>): ImportRowError[] {
  const rows = extensions.rowErrors;
  if (!Array.isArray(rows)) return [];
  return rows.flatMap((row: unknown) => {
    if (typeof row !== 'object' || row === null) return [];
    const { line, field, detail } = row as Record<string, unknown>;
    return typeof line === 'number'
      ? [
          {
            line,
            field: typeof field === 'string' ? field : '',
            detail: typeof detail === 'string' ? detail : '',
          },
        ]
      : [];
  });
}

/**
 * POST /api/v1/products/import with the file as a text/csv body. The server reads it as it arrives;
 * a file with errors is a 422 whose `rowErrors` name line and column, and nothing is imported.
 */
export function useImportCatalog() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, partial, ...upload }: ImportRequest) =>
      apiUpload<ImportResult>(`/api/v1/products/import${partial ? '?partial=true' : ''}`, {
        ...upload,
        body: file,
        contentType: 'text/csv',
      }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: catalogKeys.all }),
        queryClient.invalidateQueries({ queryKey: auditKeys.all }),
      ]),
  });
}
