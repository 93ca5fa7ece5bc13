/** Organisations: the flat list in the user's scope, and admin mutations. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Org } from '../../../src/shared/api';
import type { OrgKind } from '../../../src/shared/roles';
import { api } from './client';

export const orgsKey = ['orgs'] as const;

export function useOrgs() {
  return useQuery({ queryKey: orgsKey, queryFn: () => api.get<Org[]>('/api/v1/orgs') });
}

export type OrgCreateInput = {
  code: string;
  name: string;
  kind: OrgKind;
  regionCode?: string | null;
  parentId: string;
};
export type OrgUpdateInput = {
  version: number;
  name?: string;
  kind?: OrgKind;
  regionCode?: string | null;
  parentId?: string;
};

function useInvalidateOrgs() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: orgsKey });
}

export function useCreateOrg() {
  const invalidate = useInvalidateOrgs();
  return useMutation({
    mutationFn: (body: OrgCreateInput) => api.post<Org>('/api/v1/orgs', body),
    onSuccess: invalidate,
  });
}

export function useUpdateOrg() {
  const invalidate = useInvalidateOrgs();
  return useMutation({
    mutationFn: ({ id, ...body }: OrgUpdateInput & { id: string }) =>
      api.patch<Org>(`/api/v1/orgs/${id}`, body),
    onSettled: invalidate,
  });
}

export function useDeleteOrg() {
  const invalidate = useInvalidateOrgs();
  return useMutation({
    mutationFn: (org: Pick<Org, 'id' | 'version'>) =>
      api.del<void>(`/api/v1/orgs/${org.id}`, { version: org.version }),
    onSettled: invalidate,
  });
}
