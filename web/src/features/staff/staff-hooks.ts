import type { Static } from '@sinclair/typebox';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type {
  CreateStaffBody,
  StaffMemberSchema,
  UpdateStaffBody,
} from '../../../../src/modules/staff/schema.ts';
import { apiFetch } from '../../api/client';
import { useCursorPages } from '../../api/use-cursor-pages';
import { auditKeys } from '../audit/audit-hooks';
import { authKeys } from '../auth/auth-hooks';

export type StaffMember = Static<typeof StaffMemberSchema>;
export type CreateStaffInput = Static<typeof CreateStaffBody>;
export type UpdateStaffInput = Static<typeof UpdateStaffBody>;

const pageSize = 50;

/** Query keys for staff accounts: every staff mutation invalidates `all`. */
export const staffKeys = {
  all: ['staff'] as const,
  lists: () => [...staffKeys.all, 'list'] as const,
};

/** GET /api/v1/staff, a page at a time (`fetchNextPage` follows `next`). Needs staff:manage. */
export function useStaffList() {
  return useCursorPages<StaffMember>({ queryKey: staffKeys.lists(), path: '/api/v1/staff', pageSize });
}

/** POST /api/v1/staff. 409 names `/email` when the address is taken. */
export function useCreateStaff() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateStaffInput) =>
      apiFetch<StaffMember>('/api/v1/staff', { method: 'POST', json: input }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: staffKeys.all }),
        queryClient.invalidateQueries({ queryKey: auditKeys.all }),
      ]),
  });
}

/** PATCH /api/v1/staff/:id: name, role, or switching the account off and on. 409 for the last owner. */
export function useUpdateStaff() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, changes }: { id: string; changes: UpdateStaffInput }) =>
      apiFetch<StaffMember>(`/api/v1/staff/${encodeURIComponent(id)}`, { method: 'PATCH', json: changes }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: staffKeys.all }),
        queryClient.invalidateQueries({ queryKey: auditKeys.all }),
        // Owners may change their own name or role: the header and navigation follow.
        queryClient.invalidateQueries({ queryKey: authKeys.me() }),
      ]),
  });
}
