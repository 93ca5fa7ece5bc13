/** The signed-in user, login and logout. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Me } from '../../../src/shared/api';
import type { Role } from '../../../src/shared/roles';
import { ApiError, api, setCsrfToken } from './client';

export const meKey = ['me'] as const;

/** The signed-in user; no session is an ApiError 401 as /api/v1/me would give, but asked of
 *  /auth/session, which answers 200, so the login page logs no failed request. */
export async function fetchMe(): Promise<Me> {
  const { me } = await api.get<{ me: Me | null }>('/api/v1/auth/session');
  if (!me) throw new ApiError(401, 'auth.required', '请先登录', null);
  setCsrfToken(me.csrfToken);
  return me;
}

export function useMe() {
  return useQuery({ queryKey: meKey, queryFn: fetchMe, retry: false, staleTime: 30_000 });
}

export function hasAnyRole(me: Pick<Me, 'roles'> | undefined, roles: readonly Role[]): boolean {
  return !!me && roles.some((r) => me.roles.includes(r));
}

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { username: string; password: string }) =>
      api.post<{ ok: true }>('/api/v1/auth/login', body),
    onSuccess: async () => {
      qc.clear();
      await qc.fetchQuery({ queryKey: meKey, queryFn: fetchMe });
    },
  });
}

export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>('/api/v1/auth/logout'),
    onSettled: () => {
      setCsrfToken(null);
      qc.clear();
    },
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (body: { oldPassword: string; newPassword: string }) =>
      api.post<void>('/api/v1/me/password', body),
  });
}
