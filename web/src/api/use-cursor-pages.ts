import { keepPreviousData, type QueryKey, useInfiniteQuery } from '@tanstack/react-query';
import { apiFetch, type Page } from './client';

export interface CursorPagesOptions {
  queryKey: QueryKey;
  /** The list's path, e.g. `/api/v1/products`. */
  path: string;
  /** Filters sent as query parameters; empty values are left out. */
  params?: Record<string, string | undefined>;
  pageSize: number;
  /** Keep the previous results on screen while a new filter's arrive (search boxes). */
  keepPrevious?: boolean;
}

/** Any of the API's `{ items, next }` lists, a page at a time ("Load more" fetches the next). */
export function useCursorPages<T>({
  queryKey,
  path,
  params = {},
  pageSize,
  keepPrevious = false,
}: CursorPagesOptions) {
  return useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam }) => {
      const query = new URLSearchParams({ limit: String(pageSize) });
      for (const [name, value] of Object.entries(params)) if (value) query.set(name, value);
      if (pageParam) query.set('cursor', pageParam);
      return apiFetch<Page<T>>(`${path}?${query}`);
    },
    initialPageParam: null as string | null,
    getNextPageParam: (page: Page<T>) => page.next,
    ...(keepPrevious ? { placeholderData: keepPreviousData } : {}),
  });
}
