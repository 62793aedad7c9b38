import type { Static } from '@sinclair/typebox';
import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Permission } from '../../../../src/modules/staff/permissions.ts';
import type { LoginBody, MeReply, PasswordBody, SessionReply } from '../../../../src/modules/staff/schema.ts';
import { apiFetch, ProblemError, setCsrfToken } from '../../api/client';

export type SignInInput = Static<typeof LoginBody>;
export type ChangePasswordInput = Static<typeof PasswordBody>;
export type Session = Static<typeof SessionReply>;
/** Who is signed in and what they may do; null when nobody is. */
export type Me = Static<typeof MeReply>;

/** Query keys for the signed-in staff session, shared by every hook that reads or changes it. */
export const authKeys = {
  all: ['auth'] as const,
  me: () => [...authKeys.all, 'me'] as const,
};

async function fetchMe(): Promise<Me | null> {
  try {
    const me = await apiFetch<Me>('/api/v1/auth/me');
    setCsrfToken(me.csrfToken, me.id);
    return me;
  } catch (error) {
    if (error instanceof ProblemError && error.status === 401) {
      setCsrfToken(undefined);
      return null;
    }
    throw error;
  }
}

/** GET /api/v1/auth/me. Resolves to null (not an error) when nobody is signed in. */
export function useMe() {
  return useQuery({ queryKey: authKeys.me(), queryFn: fetchMe, staleTime: 5 * 60_000 });
}

/** The signed-in staff member. Only for components rendered inside the session gate. */
export function useStaffSession(): Me {
  const { data } = useMe();
  if (!data) throw new Error('useStaffSession() needs a signed-in session: render it inside <SessionGate>');
  return data;
}

export function hasPermission(me: Me | null | undefined, permission: Permission): boolean {
  return me?.permissions.includes(permission) ?? false;
}

/** Forgets everything the previous session loaded, and marks nobody as signed in. */
export function forgetSession(queryClient: QueryClient): void {
  setCsrfToken(undefined);
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== authKeys.all[0] });
  queryClient.setQueryData(authKeys.me(), null);
}

/** POST /api/v1/auth/login. Rejects with ProblemError on a non-2xx reply (401 wrong, 429 throttled). */
export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: [...authKeys.all, 'sign-in'],
    mutationFn: (input: SignInInput) =>
      apiFetch<Session>('/api/v1/auth/login', { method: 'POST', json: input }),
    onSuccess: (session) => {
      // Someone else may have been signed in in this tab: drop what they loaded.
      forgetSession(queryClient);
      setCsrfToken(session.csrfToken, session.staff.id);
      queryClient.setQueryData<Me>(authKeys.me(), {
        kind: 'staff',
        id: session.staff.id,
        name: session.staff.name,
        role: session.staff.role,
        permissions: session.permissions,
        csrfToken: session.csrfToken,
      });
    },
  });
}

/** POST /api/v1/auth/logout. The session is forgotten here even when the server cannot be reached. */
export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: [...authKeys.all, 'sign-out'],
    mutationFn: () => apiFetch<void>('/api/v1/auth/logout', { method: 'POST' }),
    onSettled: () => forgetSession(queryClient),
  });
}

/** POST /api/v1/auth/password. 422 names `/currentPassword` or `/newPassword`; other sessions end. */
export function useChangePassword() {
  return useMutation({
    mutationKey: [...authKeys.all, 'change-password'],
    mutationFn: (input: ChangePasswordInput) =>
      apiFetch<void>('/api/v1/auth/password', { method: 'POST', json: input }),
  });
}
