import { useCursorPages } from '../../api/use-cursor-pages';

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
  return useCursorPages<AuditEntry>({
    queryKey: auditKeys.list(filter),
    path: '/api/v1/audit-log',
    params: { ...filter },
    pageSize,
  });
}
