/** User administration (admin only). Every change sends the version it was based on. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { User } from '../../../src/shared/api';
import type { Role } from '../../../src/shared/roles';
import { api } from './client';

export type UserQuery = { q?: string; orgId?: string; page: number; pageSize: number };
export type UserList = { items: User[]; total: number };
export type UserCreateInput = {
  username: string;
  displayName: string;
  password: string;
  roles: Role[];
  orgId: string;
};
export type UserUpdateInput = {
  version: number;
  displayName?: string;
  roles?: Role[];
  orgId?: string;
  disabled?: boolean;
};

export const usersKey = ['users'] as const;

export function useUsers(query: UserQuery) {
  return useQuery({
    queryKey: [...usersKey, query],
    queryFn: () => api.get<UserList>('/api/v1/users', query),
    placeholderData: keepPreviousData,
  });
}

function useInvalidateUsers() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: usersKey });
}

export function useCreateUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (body: UserCreateInput) => api.post<User>('/api/v1/users', body),
    onSuccess: invalidate,
  });
}

export function useUpdateUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: ({ id, ...body }: UserUpdateInput & { id: string }) =>
      api.patch<User>(`/api/v1/users/${id}`, body),
    // Refetch on failure too: after a 409 the table must show the current version.
    onSettled: invalidate,
  });
}

export function useResetPassword() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: ({ id, version, password }: { id: string; version: number; password: string }) =>
      api.post<User>(`/api/v1/users/${id}/reset-password`, { version, password }),
    onSettled: invalidate,
  });
}
