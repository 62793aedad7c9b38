import { useQuery } from '@tanstack/react-query';
import type {
  MailStatus,
  OutgoingMailReply,
  OutgoingMailSummaryReply,
} from '../../../../src/platform/mail/schema.ts';
import { apiFetch } from '../../api/client';
import { useCursorPages } from '../../api/use-cursor-pages';

/** A message in the list, without its bodies. */
export type MailSummary = OutgoingMailSummaryReply;
/** One message with its plain text and HTML, as the customer gets them. */
export type MailMessage = OutgoingMailReply;
export type { MailStatus };

export const mailStatuses = [
  'queued',
  'sending',
  'sent',
  'stored',
  'failed',
] as const satisfies readonly MailStatus[];

export interface MailFilter {
  status?: MailStatus;
  to?: string;
  referenceId?: string;
}

const pageSize = 50;

/** Query keys for outgoing mail. */
export const mailKeys = {
  all: ['outgoing-mail'] as const,
  lists: () => [...mailKeys.all, 'list'] as const,
  list: (filter: MailFilter) => [...mailKeys.lists(), filter] as const,
  detail: (id: string) => [...mailKeys.all, 'detail', id] as const,
};

/** GET /api/v1/outgoing-mail, newest first, a page at a time. Needs support:read. */
export function useOutgoingMail(filter: MailFilter) {
  return useCursorPages<MailSummary>({
    queryKey: mailKeys.list(filter),
    path: '/api/v1/outgoing-mail',
    params: { ...filter },
    pageSize,
    keepPrevious: true,
  });
}

/** GET /api/v1/outgoing-mail/:id with its text and HTML. */
export function useMailMessage(id: string) {
  return useQuery({
    queryKey: mailKeys.detail(id),
    queryFn: () => apiFetch<MailMessage>(`/api/v1/outgoing-mail/${encodeURIComponent(id)}`),
  });
}
