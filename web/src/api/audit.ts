/** The audit log (admin and leader) and its CSV export job. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AuditEntry, Job } from '../../../src/shared/api';
import { api } from './client';
import { jobsKey } from './jobs';

export type AuditFilter = { entity?: string; actorId?: string; from?: string; to?: string };
export type AuditList = { items: AuditEntry[]; total: number };

export function useAudit(query: AuditFilter & { page: number; pageSize: number }) {
  return useQuery({
    queryKey: ['audit', query],
    queryFn: () => api.get<AuditList>('/api/v1/audit', query),
    placeholderData: keepPreviousData,
  });
}

export function useAuditExport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (filter: AuditFilter) => api.post<Job>('/api/v1/audit/export', filter),
    onSuccess: () => qc.invalidateQueries({ queryKey: jobsKey }),
  });
}
