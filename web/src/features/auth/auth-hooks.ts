import { useMutation } from '@tanstack/react-query';
import { apiFetch } from '../../api/client';

// The staff module's schema.ts does not exist yet; replace these with its TypeBox types once it does.
export interface SignInInput {
  email: string;
  password: string;
}

/** Query keys for the signed-in staff session, shared by every hook that reads or changes it. */
export const authKeys = {
  all: ['auth'] as const,
  session: () => [...authKeys.all, 'session'] as const,
};

/** POST /api/v1/auth/login. Rejects with ProblemError on a non-2xx reply. */
export function useSignIn() {
  return useMutation({
    mutationKey: [...authKeys.all, 'sign-in'],
    mutationFn: (input: SignInInput) =>
      apiFetch<unknown>('/api/v1/auth/login', { method: 'POST', json: input }),
  });
}
