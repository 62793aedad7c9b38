import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  LocationReply,
  StockLevelReply,
  StockMovementReply,
} from '../../../../src/modules/inventory/schema.ts';
import { apiFetch, type Page, ProblemError } from '../../api/client';
import { useCursorPages } from '../../api/use-cursor-pages';
import { auditKeys } from '../audit/audit-hooks';

/** A warehouse or store that holds stock (GET /api/v1/locations). */
export type Location = LocationReply;

/** One variant's stock at one location. `available` is computed by the server. */
export type StockLevel = StockLevelReply;

export const movementKinds = [
  'receipt',
  'adjustment',
  'count',
  'transfer_out',
  'transfer_in',
  'reservation',
  'release',
  'pick',
  'return',
] as const;
export type MovementKind = (typeof movementKinds)[number];

/** One line of the stock ledger. */
export type StockMovement = StockMovementReply;

export interface StockFilter {
  sku?: string;
  locationId?: string;
}

export interface StockLine {
  sku: string;
  quantity: number;
}

export interface ReceiptInput {
  locationId: string;
  reference?: string;
  lines: StockLine[];
}

export interface AdjustmentInput {
  locationId: string;
  sku: string;
  delta?: number;
  countedOnHand?: number;
  reason: string;
}

export interface TransferInput {
  fromLocationId: string;
  toLocationId: string;
  lines: StockLine[];
  reason?: string;
}

export interface StockSettingsInput {
  sku: string;
  locationId: string;
  safetyStock?: number;
  reorderPoint?: number;
  bin?: string | null;
}

/** What a refused transfer lacked: the 409 out-of-stock problem's `shortages`. */
export interface Shortage {
  sku: string;
  requested: number;
  available: number;
  locationId?: string;
}

const pageSize = 50;

/** Query keys for stock: every stock mutation invalidates `all` (levels and ledger alike). */
export const inventoryKeys = {
  all: ['inventory'] as const,
  locations: () => [...inventoryKeys.all, 'locations'] as const,
  levels: () => [...inventoryKeys.all, 'levels'] as const,
  levelList: (filter: StockFilter) => [...inventoryKeys.levels(), filter] as const,
  movements: () => [...inventoryKeys.all, 'movements'] as const,
  movementList: (filter: StockFilter) => [...inventoryKeys.movements(), filter] as const,
  sku: (sku: string) => [...inventoryKeys.levels(), 'sku', sku] as const,
};

function pagedQuery(filter: StockFilter, cursor: string | null): URLSearchParams {
  const query = new URLSearchParams({ limit: String(pageSize) });
  for (const [name, value] of Object.entries(filter)) if (value) query.set(name, value);
  if (cursor) query.set('cursor', cursor);
  return query;
}

/** GET /api/v1/locations, every page: a shop has a handful, and every selector needs them all. */
export function useLocations() {
  return useQuery({
    queryKey: inventoryKeys.locations(),
    queryFn: async () => {
      const locations: Location[] = [];
      let cursor: string | null = null;
      do {
        const page: Page<Location> = await apiFetch<Page<Location>>(
          `/api/v1/locations?${pagedQuery({}, cursor)}`,
        );
        locations.push(...page.items);
        cursor = page.next;
      } while (cursor);
      return locations;
    },
    staleTime: 5 * 60_000,
  });
}

/** GET /api/v1/stock, a page at a time; `sku` is an exact SKU. */
export function useStockLevels(filter: StockFilter) {
  return useCursorPages<StockLevel>({
    queryKey: inventoryKeys.levelList(filter),
    path: '/api/v1/stock',
    params: { ...filter },
    pageSize,
    keepPrevious: true,
  });
}

/**
 * GET /api/v1/stock?sku=: one SKU at every location (a shop has a handful), kept fresh while an
 * order is keyed in, as other orders take stock meanwhile.
 */
export function useSkuStock(sku: string) {
  return useQuery({
    queryKey: inventoryKeys.sku(sku),
    queryFn: async () =>
      (await apiFetch<Page<StockLevel>>(`/api/v1/stock?${pagedQuery({ sku }, null)}`)).items,
    enabled: sku !== '',
    refetchInterval: 30_000,
  });
}

/** GET /api/v1/stock/movements, newest first, a page at a time. */
export function useStockMovements(filter: StockFilter) {
  return useCursorPages<StockMovement>({
    queryKey: inventoryKeys.movementList(filter),
    path: '/api/v1/stock/movements',
    params: { ...filter },
    pageSize,
    keepPrevious: true,
  });
}

/** Stock changed: refetch levels, the ledger and the audit log. */
function useStockChanged() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: inventoryKeys.levels() }),
      queryClient.invalidateQueries({ queryKey: inventoryKeys.movements() }),
      queryClient.invalidateQueries({ queryKey: auditKeys.all }),
    ]);
}

/** POST /api/v1/stock/receipts. 422 names `/lines/0/sku` for an unknown SKU. */
export function useReceiveStock() {
  const changed = useStockChanged();
  return useMutation({
    mutationFn: (input: ReceiptInput) =>
      apiFetch<{ received: number }>('/api/v1/stock/receipts', { method: 'POST', json: input }),
    onSuccess: changed,
  });
}

/** POST /api/v1/stock/adjustments. 409 when on hand would fall below reserved or zero. */
export function useAdjustStock() {
  const changed = useStockChanged();
  return useMutation({
    mutationFn: (input: AdjustmentInput) =>
      apiFetch<{ onHand: number; reserved: number }>('/api/v1/stock/adjustments', {
        method: 'POST',
        json: input,
      }),
    onSuccess: changed,
  });
}

/** POST /api/v1/stock/transfers: every line or none; 409 out-of-stock lists the `shortages`. */
export function useTransferStock() {
  const changed = useStockChanged();
  return useMutation({
    mutationFn: (input: TransferInput) =>
      apiFetch<{ transferred: number }>('/api/v1/stock/transfers', { method: 'POST', json: input }),
    onSuccess: changed,
  });
}

/** PUT /api/v1/stock/settings: safety stock, reorder point and bin of a SKU at a location. */
export function useUpdateStockSettings() {
  const changed = useStockChanged();
  return useMutation({
    mutationFn: (input: StockSettingsInput) =>
      apiFetch<unknown>('/api/v1/stock/settings', { method: 'PUT', json: input }),
    onSuccess: changed,
  });
}

/** The shortages of a 409 out-of-stock problem; empty for any other error. */
export function problemShortages(error: unknown): Shortage[] {
  if (!(error instanceof ProblemError)) return [];
  const shortages = error.extensions.shortages;
  if (!Array.isArray(shortages)) return [];
  return shortages.flatMap((entry: unknown) => {
    if (typeof entry !== 'object' || entry === null) return [];
    const { sku, requested, available, locationId } = entry as Record<string, unknown>;
    return typeof sku === 'string' && typeof requested === 'number' && typeof available === 'number'
      ? [{ sku, requested, available, locationId: typeof locationId === 'string' ? locationId : undefined }]
      : [];
  });
}
