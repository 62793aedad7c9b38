import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ProblemError } from './api/client';
import { authKeys, forgetSession } from './features/auth/auth-hooks';

/** A 4xx answer will not change on retry; server errors and network hiccups might. */
function shouldRetry(failureCount: number, error: Error): boolean {
  if (error instanceof ProblemError && error.status < 500) return false;
  return failureCount < 2;
}

/** The session ended elsewhere (expired, signed out in another tab, account switched off). */
function sessionEnded(error: Error): boolean {
  return error instanceof ProblemError && error.status === 401 && error.type.endsWith('/unauthorized');
}

export const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({
    onError: (error, query) => {
      // Forgetting the session sends the session gate to the sign-in page, which returns here after.
      if (sessionEnded(error) && query.queryKey[0] !== authKeys.all[0]) forgetSession(queryClient);
    },
  }),
  mutationCache: new MutationCache({
    onError: (error) => {
      if (sessionEnded(error)) forgetSession(queryClient);
      // Someone else signed in in another tab: drop what was loaded for the previous person and
      // show who this browser is signed in as now.
      if (error instanceof ProblemError && error.type.endsWith('/csrf-failed')) {
        queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== authKeys.all[0] });
        void queryClient.invalidateQueries({ queryKey: authKeys.me() });
      }
    },
  }),
  defaultOptions: {
    queries: { retry: shouldRetry, staleTime: 30_000 },
  },
});
