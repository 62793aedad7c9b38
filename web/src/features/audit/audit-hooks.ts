import { useInfiniteQuery } from '@tanstack/react-query';
import { apiFetch, type Page } from '../../api/client';

// platform/audit/routes.ts keeps its AuditEntry schema private; derive this from it once it is exported.
export interface AuditEntry {
  id: string;
  actorKind: 'staff' | 'api_key' | 'system';
  actorId: string | null;
  actorName: string;
  action: string;
  subjectType: string;
  subjectId: string;
  before: unknown;
  after: unknown;
  requestId: string | null;
  at: string;
}

export interface AuditFilter {
  action?: string;
  subjectType?: string;
  subjectId?: string;
  actorId?: string;
}

const pageSize = 50;

/** Query keys for the audit log; anything that writes audit entries may invalidate `all`. */
export const auditKeys = {
  all: ['audit'] as const,
  lists: () => [...auditKeys.all, 'list'] as const,
  list: (filter: AuditFilter) => [...auditKeys.lists(), filter] as const,
};

/** GET /api/v1/audit-log, newest first, a page at a time. Needs audit:read. */
export function useAuditLog(filter: AuditFilter) {
  return useInfiniteQuery({
    queryKey: auditKeys.list(filter),
    queryFn: ({ pageParam }) => {
      const query = new URLSearchParams({ limit: String(pageSize) });
      for (const [name, value] of Object.entries(filter)) if (value) query.set(name, value);
      if (pageParam) query.set('cursor', pageParam);
      return apiFetch<Page<AuditEntry>>(`/api/v1/audit-log?${query}`);
    },
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.next,
  });
}
