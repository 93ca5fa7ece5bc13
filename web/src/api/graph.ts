/** 企业图谱: a firm's (or person's, institution's) neighbourhood, the shortest path between two of them,
 *  a firm's ultimate controller and group, the relation import, and a firm search for picking the
 *  centre. Types come from the shared contract; the relation kinds are repeated here so the web bundle
 *  does not pull in zod. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { z } from 'zod';
import type {
  Controller as ControllerSchema,
  GraphEdge as GraphEdgeSchema,
  GraphEntity as GraphEntitySchema,
  GraphPath as GraphPathSchema,
  Group as GroupSchema,
  Neighbourhood as NeighbourhoodSchema,
  RelationImportResult as RelationImportResultSchema,
} from '../../../src/shared/graph-api';
import { api, postForm } from './client';
import type { EnterpriseList } from './enterprises';
import { queryClient } from './query-client';

/** Same list as RELATION_KINDS in src/domain/graph/algorithms.ts. */
export const RELATION_KINDS = [
  'shareholding',
  'investment',
  'supply',
  'cooperation',
  'same_controller',
] as const;
export type RelationKind = (typeof RELATION_KINDS)[number];

export type GraphEntity = z.infer<typeof GraphEntitySchema>;
export type GraphNode = z.infer<typeof NeighbourhoodSchema>['nodes'][number];
export type GraphEdge = z.infer<typeof GraphEdgeSchema>;
export type Neighbourhood = z.infer<typeof NeighbourhoodSchema>;
export type GraphPath = z.infer<typeof GraphPathSchema>;
export type Controller = z.infer<typeof ControllerSchema>;
export type Group = z.infer<typeof GroupSchema>;
export type RelationImportResult = z.infer<typeof RelationImportResultSchema>;

export const graphKey = ['graph'] as const;
export const NEIGHBOUR_LIMIT = 300;

/** `kinds` undefined or all five: no filter. */
function kindsParam(kinds: readonly RelationKind[] | undefined): string | undefined {
  return kinds && kinds.length < RELATION_KINDS.length ? kinds.join(',') : undefined;
}

export function fetchNeighbours(id: string, hops: number, kinds?: readonly RelationKind[]) {
  return queryClient.fetchQuery({
    queryKey: [...graphKey, 'neighbours', id, hops, kindsParam(kinds) ?? 'all'],
    queryFn: () =>
      api.get<Neighbourhood>('/api/v1/graph/neighbours', {
        id,
        hops,
        kinds: kindsParam(kinds),
        limit: NEIGHBOUR_LIMIT,
      }),
  });
}

export function useNeighbours(id: string | undefined, hops: number, kinds: readonly RelationKind[]) {
  return useQuery({
    queryKey: [...graphKey, 'neighbours', id, hops, kindsParam(kinds) ?? 'all'],
    queryFn: () =>
      api.get<Neighbourhood>('/api/v1/graph/neighbours', {
        id,
        hops,
        kinds: kindsParam(kinds),
        limit: NEIGHBOUR_LIMIT,
      }),
    // No relation kind chosen: nothing to ask for.
    enabled: !!id && kinds.length > 0,
  });
}

export function usePath(from: string | undefined, to: string | undefined) {
  return useQuery({
    queryKey: [...graphKey, 'path', from, to],
    queryFn: () => api.get<GraphPath>('/api/v1/graph/path', { from, to }),
    enabled: !!from && !!to && from !== to,
  });
}

export function useController(enterpriseId: string | undefined) {
  return useQuery({
    queryKey: [...graphKey, 'controller', enterpriseId],
    queryFn: () => api.get<Controller>(`/api/v1/enterprises/${enterpriseId}/controller`),
    enabled: !!enterpriseId,
  });
}

export function useGroup(enterpriseId: string | undefined) {
  return useQuery({
    queryKey: [...graphKey, 'group', enterpriseId],
    queryFn: () => api.get<Group>(`/api/v1/enterprises/${enterpriseId}/group`),
    enabled: !!enterpriseId,
  });
}

/** Firms by name, short name or 统一社会信用代码 as the user types them (searched 250 ms after the last
 *  key), for the firm pickers of the graph and the projects. `q` is the text searched. */
export function useFirmSearch(typed: string, universe?: 'local' | 'target') {
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(typed.trim()), 250);
    return () => clearTimeout(timer);
  }, [typed]);
  const found = useQuery({
    queryKey: [...graphKey, 'firm-search', q, universe ?? 'all'],
    queryFn: () =>
      api.get<EnterpriseList>('/api/v1/enterprises', {
        q,
        page: 1,
        pageSize: 12,
        ...(universe ? { universe } : {}),
      }),
    enabled: q.length > 0,
    staleTime: 30_000,
  });
  return { q, found };
}

/** 导入企业关系: a multipart upload of the relations file. */
export function useImportRelations() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return postForm<RelationImportResult>('/api/v1/relations/import', form);
    },
    // New relations change every neighbourhood, controller and group.
    onSuccess: () => qc.invalidateQueries({ queryKey: graphKey }),
  });
}
