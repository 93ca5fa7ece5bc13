/** 政策找企业: the policy library, the firms a policy matches, a firm's claimable policies and the
 *  officers' push lists (with the XLSX export). Types come from the shared contract; the status lists
 *  are repeated here so the web bundle does not pull in zod. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  FirmPolicies as FirmPoliciesSchema,
  MatchList as MatchListSchema,
  PolicyList as PolicyListSchema,
  Policy as PolicySchema,
  PushCreated as PushCreatedSchema,
  PushList as PushListSchema,
  Push as PushSchema,
} from '../../../src/shared/policy-api';
import { api, type Query, withQuery } from './client';

export const MATCH_STATUSES = ['match', 'close', 'unknown'] as const;
export type MatchStatus = (typeof MATCH_STATUSES)[number];
export type PushStatus = 'pending' | 'told';

export type Policy = z.infer<typeof PolicySchema>;
export type PolicyList = z.infer<typeof PolicyListSchema>;
export type Benefit = Policy['benefits'][number];
export type MatchList = z.infer<typeof MatchListSchema>;
export type MatchItem = MatchList['items'][number];
export type ClauseResult = MatchItem['met'][number];
export type FirmPolicies = z.infer<typeof FirmPoliciesSchema>;
export type FirmPolicyItem = FirmPolicies['claimable'][number];
export type Push = z.infer<typeof PushSchema>;
export type PushList = z.infer<typeof PushListSchema>;
export type PushCreated = z.infer<typeof PushCreatedSchema>;

export type PolicyQuery = {
  q?: string;
  status?: 'draft' | 'published';
  open?: boolean;
  page?: number;
  pageSize?: number;
};
export type MatchQuery = { status: MatchStatus; q?: string; page?: number; pageSize?: number };
export type PushQuery = { mine?: boolean; status?: PushStatus; page?: number; pageSize?: number };

export const policiesKey = ['policies'] as const;
const BASE = '/api/v1/policies';
const PUSHES = '/api/v1/policy-pushes';

export function usePolicies(q: PolicyQuery) {
  return useQuery({
    queryKey: [...policiesKey, 'list', q],
    queryFn: () => api.get<PolicyList>(BASE, q as Query),
    placeholderData: keepPreviousData,
  });
}

export function usePolicy(id: string | undefined) {
  return useQuery({
    queryKey: [...policiesKey, 'one', id],
    queryFn: () => api.get<Policy>(`${BASE}/${id}`),
    enabled: !!id,
  });
}

export function usePolicyMatches(id: string | undefined, q: MatchQuery) {
  return useQuery({
    queryKey: [...policiesKey, 'matches', id, q],
    queryFn: () => api.get<MatchList>(`${BASE}/${id}/matches`, q as Query),
    enabled: !!id,
    placeholderData: keepPreviousData,
  });
}

/** What the editor sends: the policy's own fields (money in 元, ratios as fractions), and a version to edit. */
export type PolicyInput = Partial<
  Pick<
    Policy,
    | 'title'
    | 'issuer'
    | 'documentNo'
    | 'summary'
    | 'regionScope'
    | 'validFrom'
    | 'validTo'
    | 'applyFrom'
    | 'applyTo'
    | 'benefits'
    | 'conditions'
    | 'status'
  >
>;

export function useSavePolicy(id?: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: PolicyInput & { version?: number }) =>
      id ? api.patch<Policy>(`${BASE}/${id}`, v) : api.post<Policy>(BASE, v),
    onSuccess: () => qc.invalidateQueries({ queryKey: policiesKey }),
  });
}

export function useCreatePushes(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (ownerId?: string) =>
      api.post<PushCreated>(`${BASE}/${id}/pushes`, ownerId ? { ownerId } : {}),
    onSuccess: () => qc.invalidateQueries({ queryKey: policiesKey }),
  });
}

export function useEnterprisePolicies(enterpriseId: string, enabled = true) {
  return useQuery({
    queryKey: [...policiesKey, 'firm', enterpriseId],
    queryFn: () => api.get<FirmPolicies>(`/api/v1/enterprises/${enterpriseId}/policies`),
    enabled,
  });
}

export function usePushes(q: PushQuery) {
  return useQuery({
    queryKey: [...policiesKey, 'pushes', q],
    queryFn: () => api.get<PushList>(PUSHES, q as Query),
    placeholderData: keepPreviousData,
  });
}

export function useUpdatePush() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; version: number; status: PushStatus; note?: string | null }) =>
      api.patch<Push>(`${PUSHES}/${v.id}`, { version: v.version, status: v.status, note: v.note ?? null }),
    onSettled: () => qc.invalidateQueries({ queryKey: policiesKey }),
  });
}

/** 转交: one pending push to another owner. */
export function useHandOverPush() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; version: number; ownerId: string }) =>
      api.put<Push>(`${PUSHES}/${v.id}/owner`, { version: v.version, ownerId: v.ownerId }),
    onSettled: () => qc.invalidateQueries({ queryKey: policiesKey }),
  });
}

/** The XLSX export of the same push list (a plain link: the browser downloads it). */
export function pushesExportUrl(q: Omit<PushQuery, 'page' | 'pageSize'>): string {
  return withQuery(`${PUSHES}/export`, q as Query);
}
