/** Background jobs: lists and single jobs poll every 2 s while anything is still queued or running. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Job } from '../../../src/shared/api';
import { api } from './client';

export type JobStatus = Job['status'];
/** Same list as JOB_STATUSES in src/shared/api.ts, kept here so the web bundle does not pull in zod. */
export const JOB_STATUSES: readonly JobStatus[] = ['queued', 'running', 'succeeded', 'failed', 'cancelled'];
export type JobList = { items: Job[]; total: number };
export const jobsKey = ['jobs'] as const;
const POLL_MS = 2000;

export function isActive(job: Pick<Job, 'status'>): boolean {
  return job.status === 'queued' || job.status === 'running';
}

export function hasFile(job: Job): boolean {
  const result = job.result as { file?: unknown } | null;
  return job.status === 'succeeded' && typeof result?.file === 'string';
}

export function downloadUrl(job: Pick<Job, 'id'>): string {
  return `/api/v1/jobs/${job.id}/download`;
}

export function useJobs(query: { status?: JobStatus; page: number; pageSize: number }) {
  return useQuery({
    queryKey: [...jobsKey, 'list', query],
    queryFn: () => api.get<JobList>('/api/v1/jobs', query),
    placeholderData: keepPreviousData,
    refetchInterval: (q) => (q.state.data?.items.some(isActive) ? POLL_MS : false),
  });
}

export function useJob(id: string | null, pollMs = POLL_MS) {
  return useQuery({
    queryKey: [...jobsKey, 'one', id],
    queryFn: () => api.get<Job>(`/api/v1/jobs/${id}`),
    enabled: !!id,
    refetchInterval: (q) => (q.state.data && !isActive(q.state.data) ? false : pollMs),
  });
}

export function useCancelJob() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<Job>(`/api/v1/jobs/${id}/cancel`),
    onSettled: () => qc.invalidateQueries({ queryKey: jobsKey }),
  });
}
