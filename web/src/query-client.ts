import { QueryClient } from '@tanstack/react-query';
import { ProblemError } from './api/client';

/** A 4xx answer will not change on retry; server errors and network hiccups might. */
function shouldRetry(failureCount: number, error: Error): boolean {
  if (error instanceof ProblemError && error.status < 500) return false;
  return failureCount < 2;
}

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: shouldRetry, staleTime: 30_000 },
  },
});
