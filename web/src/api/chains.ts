/** 产业链图谱: the chains an org sees (its leading chains first), a chain's tree with the org's figures,
 *  the firms on a node and users' decisions on them, the placement job, the org's leading chains and
 *  strength thresholds. Types come from the shared contract; the enumerations are repeated here so the
 *  web bundle does not pull in zod. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Job } from '../../../src/shared/api';
import type {
  ChainImportResult as ChainImportResultSchema,
  ChainList as ChainListSchema,
  ChainNodeView as ChainNodeViewSchema,
  ChainSummary as ChainSummarySchema,
  ChainTree as ChainTreeSchema,
  NodeFirms as NodeFirmsSchema,
  TargetList as TargetListSchema,
  TargetListSummary as TargetListSummarySchema,
  TargetRanking as TargetRankingSchema,
  ThresholdsBody as ThresholdsBodySchema,
  WeightsBody as WeightsBodySchema,
} from '../../../src/shared/chain-api';
import { api, type Query, withQuery } from './client';

/** Same lists as SEGMENTS / STRENGTHS in src/domain/chain, kept here so the web bundle has no zod. */
export const SEGMENTS = ['upstream', 'midstream', 'downstream'] as const;
export type Segment = (typeof SEGMENTS)[number];
export const STRENGTHS = ['strong', 'average', 'weak', 'missing'] as const;
export type Strength = (typeof STRENGTHS)[number];
export type PlacementStatus = 'auto' | 'confirmed' | 'rejected' | 'added';
export type Universe = 'local' | 'target';
/** Same list as TARGET_FACTORS in src/domain/chain/targeting.ts, in the order the server scores them. */
export const TARGET_FACTORS = ['fit', 'scale', 'innovation', 'growth', 'funding', 'proximity'] as const;
export type TargetFactor = (typeof TARGET_FACTORS)[number];

export type ChainSummary = z.infer<typeof ChainSummarySchema>;
export type ChainList = z.infer<typeof ChainListSchema>;
export type ChainTree = z.infer<typeof ChainTreeSchema>;
export type ChainNode = z.infer<typeof ChainNodeViewSchema>;
export type NodeFirms = z.infer<typeof NodeFirmsSchema>;
export type NodeFirm = NodeFirms['items'][number];
export type Thresholds = z.infer<typeof ThresholdsBodySchema>;
export type TargetRanking = z.infer<typeof TargetRankingSchema>;
export type TargetItem = TargetRanking['items'][number];
export type FactorScore = TargetItem['factors'][number];
export type TargetWeights = z.infer<typeof WeightsBodySchema>;
export type TargetList = z.infer<typeof TargetListSchema>;
export type TargetListSummary = z.infer<typeof TargetListSummarySchema>;

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
    // A list fetched before this change must not land after it and flip the star back.
    onMutate: () => qc.cancelQueries({ queryKey: [...chainsKey, 'list'] }),
    onSuccess: (list) => qc.setQueryData([...chainsKey, 'list'], list),
    // Not awaited: the button swaps to its opposite at once, and a click on it while the
    // trees reload must not be swallowed by a still-loading button.
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: chainsKey });
    },
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

/** 靶向招商: the target universe ranked for a node with the org's weights, factor by factor. */
export function useTargets(nodeId: string | undefined, limit = 50) {
  return useQuery({
    queryKey: [...chainsKey, 'targets', nodeId, limit],
    queryFn: () => api.get<TargetRanking>(`${NODES}/${nodeId}/targets`, { limit }),
    enabled: !!nodeId,
  });
}

export function useTargetWeights(enabled = true) {
  return useQuery({
    queryKey: [...chainsKey, 'target-weights'],
    queryFn: () => api.get<TargetWeights>(`${BASE}/target-weights`),
    enabled,
  });
}

/** Saves with the version read (optimistic lock); either way the weights and rankings reload. */
export function useSaveTargetWeights() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: TargetWeights) => api.put<TargetWeights>(`${BASE}/target-weights`, body),
    onSettled: () => qc.invalidateQueries({ queryKey: chainsKey }),
  });
}

const LISTS = '/api/v1/target-lists';

/** 保存为目标清单: the ranking as it is now, with its weights and each firm's points. */
export function useSaveTargetList() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { nodeId: string; name?: string; limit?: number }) =>
      api.post<TargetList>(LISTS, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: [...chainsKey, 'target-lists'] }),
  });
}

export function useTargetLists(enabled = true) {
  return useQuery({
    queryKey: [...chainsKey, 'target-lists'],
    queryFn: () => api.get<TargetListSummary[]>(LISTS),
    enabled,
  });
}

export function useTargetList(id: string | undefined) {
  return useQuery({
    queryKey: [...chainsKey, 'target-lists', id],
    queryFn: () => api.get<TargetList>(`${LISTS}/${id}`),
    enabled: !!id,
  });
}

/** A saved list as XLSX (a plain link: the browser downloads it). */
export function targetListExportUrl(id: string): string {
  return `${LISTS}/${id}/export`;
}

/** The import/export format of a chain (src/domain/chain/chain-schema.ts), loosely typed: a file an
 *  admin picked is sent as it is and the server names what is wrong with it. */
export type ChainFileNode = {
  name: string;
  description?: string;
  keywords?: string[];
  products?: string[];
  technologies?: string[];
  industryCodes?: string[];
  children?: ChainFileNode[];
};
export type ChainFile = {
  key: string;
  name: string;
  description?: string;
  segments: { segment: Segment; name?: string; description?: string; children?: ChainFileNode[] }[];
};
export type ChainImportResult = z.infer<typeof ChainImportResultSchema>;
export type NodeFields = {
  name: string;
  description?: string;
  keywords: string[];
  products: string[];
  technologies: string[];
  industryCodes: string[];
};

/** 导出 JSON: the chain in the import format (read when asked, not cached). */
export function fetchChainFile(chainId: string): Promise<ChainFile> {
  return api.get<ChainFile>(`${BASE}/${chainId}/export`);
}

/** What importing the file would do (a dry run: nothing written), to confirm before a chain with the
 *  same key is updated and nodes the file no longer has are removed. */
export function previewChainImport(file: unknown): Promise<ChainImportResult> {
  return api.post<ChainImportResult>(withQuery(`${BASE}/import`, { dryRun: true }), file);
}

/** 导入 JSON / 复制为本组织的产业链: creates the chain in the admin's org, or updates its chain with the
 *  same key in place (nodes found again by path keep their firms); the chain list and trees reload. */
export function useImportChain() {
  const qc = useQueryClient();
  return useMutation({
    // Not a dry run: the chain exists afterwards, so its id is there.
    mutationFn: (file: unknown) => api.post<ChainImportResult & { id: string }>(`${BASE}/import`, file),
    onSettled: () => qc.invalidateQueries({ queryKey: chainsKey }),
  });
}

/** 添加下级节点 (at most three levels below a segment). */
export function useCreateNode() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: NodeFields & { parentId: string }) => api.post<{ id: string }>(NODES, body),
    onSettled: () => qc.invalidateQueries({ queryKey: chainsKey }),
  });
}

/** Changes a node or moves it (parentId) with the version read; either way the chain reloads. */
export function useUpdateNode() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: Partial<NodeFields> & { id: string; version: number; parentId?: string }) =>
      api.patch<{ id: string; version: number }>(`${NODES}/${id}`, body),
    onSettled: () => qc.invalidateQueries({ queryKey: chainsKey }),
  });
}

/** Deletes a node with its whole subtree and their placements. */
export function useDeleteNode() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; version: number }) =>
      api.del<{ deleted: number }>(`${NODES}/${v.id}`, { version: v.version }),
    onSettled: () => qc.invalidateQueries({ queryKey: chainsKey }),
  });
}
