/** 产业链图谱: the chains an org sees (its leading chains first), a chain's tree with the org's figures,
 *  the firms on a node and users' decisions on them, the placement job, the org's leading chains and
 *  strength thresholds. Types come from the shared contract; the enumerations are repeated here so the
 *  web bundle does not pull in zod. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Job } from '../../../src/shared/api';
import type {
  ChainList as ChainListSchema,
  ChainNodeView as ChainNodeViewSchema,
  ChainSummary as ChainSummarySchema,
  ChainTree as ChainTreeSchema,
  NodeFirms as NodeFirmsSchema,
  ThresholdsBody as ThresholdsBodySchema,
} from '../../../src/shared/chain-api';
import { api, type Query } from './client';

/** Same lists as SEGMENTS / STRENGTHS in src/domain/chain, kept here so the web bundle has no zod. */
export const SEGMENTS = ['upstream', 'midstream', 'downstream'] as const;
export type Segment = (typeof SEGMENTS)[number];
export const STRENGTHS = ['strong', 'average', 'weak', 'missing'] as const;
export type Strength = (typeof STRENGTHS)[number];
export type PlacementStatus = 'auto' | 'confirmed' | 'rejected' | 'added';
export type Universe = 'local' | 'target';

export type ChainSummary = z.infer<typeof ChainSummarySchema>;
export type ChainList = z.infer<typeof ChainListSchema>;
export type ChainTree = z.infer<typeof ChainTreeSchema>;
export type ChainNode = z.infer<typeof ChainNodeViewSchema>;
export type NodeFirms = z.infer<typeof NodeFirmsSchema>;
export type NodeFirm = NodeFirms['items'][number];
export type Thresholds = z.infer<typeof ThresholdsBodySchema>;

export type NodeFirmQuery = {
  universe: Universe;
  status?: PlacementStatus;
  page?: number;
  pageSize?: number;
};

export const chainsKey = ['chains'] as const;
const BASE = '/api/v1/chains';
const NODES = '/api/v1/chain-nodes';

export function useChains() {
  return useQuery({ queryKey: [...chainsKey, 'list'], queryFn: () => api.get<ChainList>(BASE) });
}

export function useChainTree(id: string | undefined) {
  return useQuery({
    queryKey: [...chainsKey, 'tree', id],
    queryFn: () => api.get<ChainTree>(`${BASE}/${id}`),
    enabled: !!id,
    placeholderData: keepPreviousData,
  });
}

export function useNodeFirms(nodeId: string | undefined, q: NodeFirmQuery) {
  return useQuery({
    queryKey: [...chainsKey, 'firms', nodeId, q],
    queryFn: () => api.get<NodeFirms>(`${NODES}/${nodeId}/firms`, q as Query),
    enabled: !!nodeId,
    placeholderData: keepPreviousData,
  });
}

/** 确认 / 否决 / 手工添加; the tree's figures change with it, so everything of the chains reloads. */
export function useDecidePlacement() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { nodeId: string; enterpriseId: string; status: 'confirmed' | 'rejected' | 'added' }) =>
      api.post<{ status: string }>(`${NODES}/${v.nodeId}/placements`, {
        enterpriseId: v.enterpriseId,
        status: v.status,
      }),
    onSettled: () => qc.invalidateQueries({ queryKey: chainsKey }),
  });
}

/** 重新匹配: a background job; the page follows it with useJob and reloads the chains when it ends. */
export function useStartPlacement() {
  return useMutation({ mutationFn: () => api.post<Job>(`${BASE}/placement`) });
}

/** The org's leading chains ("3+1"), in order; the answer is the new chain list. */
export function useSetLeading() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (chainIds: string[]) => api.put<ChainList>(`${BASE}/leading`, { chainIds }),
    onSuccess: (list) => qc.setQueryData([...chainsKey, 'list'], list),
    onSettled: () => qc.invalidateQueries({ queryKey: chainsKey }),
  });
}

export function useThresholds(enabled = true) {
  return useQuery({
    queryKey: [...chainsKey, 'thresholds'],
    queryFn: () => api.get<Thresholds>(`${BASE}/thresholds`),
    enabled,
  });
}

/** Saves with the version read (optimistic lock); either way the thresholds and trees reload. */
export function useSaveThresholds() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Thresholds) => api.put<Thresholds>(`${BASE}/thresholds`, body),
    onSettled: () => qc.invalidateQueries({ queryKey: chainsKey }),
  });
}

/** The 链节点表 XLSX of a chain (a plain link: the browser downloads it). */
export function nodeTableUrl(chainId: string): string {
  return `${BASE}/${chainId}/nodes.xlsx`;
}
