import type { Static } from '@sinclair/typebox';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AddressInput,
  AddressSchema,
  CreateCustomerBody,
  CustomerListQuery,
  CustomerSchema,
  NoteBody,
  TimelineEntrySchema,
  UpdateCustomerBody,
} from '../../../../src/modules/customers/schema.ts';
import { apiFetch, type Page } from '../../api/client';
import { useCursorPages } from '../../api/use-cursor-pages';
import { auditKeys } from '../audit/audit-hooks';

export type Address = Static<typeof AddressSchema>;
export type Customer = Omit<Static<typeof CustomerSchema>, 'addresses'> & { addresses: Address[] };
export type CreateCustomerInput = Static<typeof CreateCustomerBody>;
export type UpdateCustomerInput = Static<typeof UpdateCustomerBody>;
export type NewAddressInput = Static<typeof AddressInput>;
export type TimelineEntry = Static<typeof TimelineEntrySchema>;
export type NoteInput = Static<typeof NoteBody>;
export type CustomerFilter = Static<typeof CustomerListQuery>;

const pageSize = 25;
const timelinePageSize = 20;

/** Query keys for customers: every customer mutation invalidates what it changed under `all`. */
export const customerKeys = {
  all: ['customers'] as const,
  lists: () => [...customerKeys.all, 'list'] as const,
  list: (filter: CustomerFilter) => [...customerKeys.lists(), filter] as const,
  details: () => [...customerKeys.all, 'detail'] as const,
  detail: (id: string) => [...customerKeys.details(), id] as const,
  timelines: () => [...customerKeys.all, 'timeline'] as const,
  timeline: (id: string) => [...customerKeys.timelines(), id] as const,
  searches: () => [...customerKeys.all, 'search'] as const,
  search: (q: string) => [...customerKeys.searches(), q] as const,
};

const customerPath = (id: string) => `/api/v1/customers/${encodeURIComponent(id)}`;

/** GET /api/v1/customers, newest first. `q` is an email prefix, a phone number or words of the name. */
export function useCustomers(filter: CustomerFilter) {
  return useCursorPages<Customer>({
    queryKey: customerKeys.list(filter),
    path: '/api/v1/customers',
    params: filter,
    pageSize,
    keepPrevious: true,
  });
}

/** The first few customers matching `q` (name, email or phone), for picking one; nothing for an empty `q`. */
export function useCustomerSearch(q: string, limit = 8) {
  return useQuery({
    queryKey: customerKeys.search(q),
    queryFn: async () =>
      (
        await apiFetch<Page<Customer>>(
          `/api/v1/customers?${new URLSearchParams({ q, limit: String(limit) })}`,
        )
      ).items,
    enabled: q.trim() !== '',
    placeholderData: keepPreviousData,
  });
}

/** GET /api/v1/customers/:id with their addresses. */
export function useCustomer(id: string) {
  return useQuery({
    queryKey: customerKeys.detail(id),
    queryFn: () => apiFetch<Customer>(customerPath(id)),
  });
}

/** GET /api/v1/customers/:id/timeline: notes, orders, contacts and returns, newest first. */
export function useTimeline(customerId: string) {
  return useCursorPages<TimelineEntry>({
    queryKey: customerKeys.timeline(customerId),
    path: `${customerPath(customerId)}/timeline`,
    pageSize: timelinePageSize,
  });
}

/** Every reply that changes a customer carries the whole customer: show it at once, refetch the rest. */
function useCustomerChanged() {
  const queryClient = useQueryClient();
  return (customer: Customer) => {
    queryClient.setQueryData(customerKeys.detail(customer.id), customer);
    return Promise.all([
      queryClient.invalidateQueries({ queryKey: customerKeys.lists() }),
      queryClient.invalidateQueries({ queryKey: customerKeys.searches() }),
      queryClient.invalidateQueries({ queryKey: customerKeys.timeline(customer.id) }),
      queryClient.invalidateQueries({ queryKey: auditKeys.all }),
    ]);
  };
}

/** POST /api/v1/customers. A 409 names the customer who has the email or phone as `existingId`. */
export function useCreateCustomer() {
  const changed = useCustomerChanged();
  return useMutation({
    mutationFn: (input: CreateCustomerInput) =>
      apiFetch<Customer>('/api/v1/customers', { method: 'POST', json: input }),
    onSuccess: changed,
  });
}

/** PATCH /api/v1/customers/:id: contact details, language, consent, tags, notes. */
export function useUpdateCustomer() {
  const changed = useCustomerChanged();
  return useMutation({
    mutationFn: ({ id, changes }: { id: string; changes: UpdateCustomerInput }) =>
      apiFetch<Customer>(customerPath(id), { method: 'PATCH', json: changes }),
    onSuccess: changed,
  });
}

/** POST /api/v1/customers/:id/addresses. 422 names fields such as `/postalCode`. */
export function useAddAddress() {
  const changed = useCustomerChanged();
  return useMutation({
    mutationFn: ({ customerId, address }: { customerId: string; address: NewAddressInput }) =>
      apiFetch<Customer>(`${customerPath(customerId)}/addresses`, { method: 'POST', json: address }),
    onSuccess: changed,
  });
}

/** DELETE /api/v1/customers/:id/addresses/:addressId. */
export function useRemoveAddress() {
  const changed = useCustomerChanged();
  return useMutation({
    mutationFn: ({ customerId, addressId }: { customerId: string; addressId: string }) =>
      apiFetch<Customer>(`${customerPath(customerId)}/addresses/${encodeURIComponent(addressId)}`, {
        method: 'DELETE',
      }),
    onSuccess: changed,
  });
}

/** POST /api/v1/customers/:id/notes: a note on the customer's timeline. */
export function useAddNote() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ customerId, note }: { customerId: string; note: NoteInput }) =>
      apiFetch<TimelineEntry>(`${customerPath(customerId)}/notes`, { method: 'POST', json: note }),
    onSuccess: (_entry, { customerId }) =>
      queryClient.invalidateQueries({ queryKey: customerKeys.timeline(customerId) }),
  });
}
