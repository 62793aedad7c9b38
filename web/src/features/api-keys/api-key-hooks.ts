import type { Static } from '@sinclair/typebox';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ApiKeySchema, CreateApiKeyBody, CreatedApiKey } from '../../../../src/modules/staff/schema.ts';
import { apiFetch } from '../../api/client';
import { useCursorPages } from '../../api/use-cursor-pages';
import { auditKeys } from '../audit/audit-hooks';

export type ApiKey = Static<typeof ApiKeySchema>;
export type CreateApiKeyInput = Static<typeof CreateApiKeyBody>;
/** The creation reply: the only time the secret `key` is ever sent. */
export type NewApiKey = Static<typeof CreatedApiKey>;

const pageSize = 50;

/** Query keys for API keys: every key mutation invalidates `all`. */
export const apiKeyKeys = {
  all: ['api-keys'] as const,
  lists: () => [...apiKeyKeys.all, 'list'] as const,
};

/** GET /api/v1/api-keys, a page at a time (never the secrets). Needs api-keys:manage. */
export function useApiKeys() {
  return useCursorPages<ApiKey>({ queryKey: apiKeyKeys.lists(), path: '/api/v1/api-keys', pageSize });
}

/** POST /api/v1/api-keys. The reply carries the key itself, once: show it, never store it. */
export function useCreateApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateApiKeyInput) =>
      apiFetch<NewApiKey>('/api/v1/api-keys', { method: 'POST', json: input }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: apiKeyKeys.all }),
        queryClient.invalidateQueries({ queryKey: auditKeys.all }),
      ]),
  });
}

/** DELETE /api/v1/api-keys/:id: the key stops working at once and stays listed as revoked. */
export function useRevokeApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiFetch<ApiKey>(`/api/v1/api-keys/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: apiKeyKeys.all }),
        queryClient.invalidateQueries({ queryKey: auditKeys.all }),
      ]),
  });
}
