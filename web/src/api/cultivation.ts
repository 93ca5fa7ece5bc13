/** 培育库: screening runs (start, list, ladder, a tier's firms, export) and a firm's diagnostic card.
 *  Types come from the shared contract; the tier and standing lists are repeated here so the web
 *  bundle does not pull in zod. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Job } from '../../../src/shared/api';
import type {
  Diagnosis as DiagnosisSchema,
  Ladder as LadderSchema,
  ScreeningResults as ScreeningResultsSchema,
  ScreeningRun as ScreeningRunSchema,
} from '../../../src/shared/cultivation-api';
import { api, type Query, withQuery } from './client';
import { enterprisesKey } from './enterprises';
import { jobsKey } from './jobs';

/** Lowest rung first, as TIERS in src/shared/cultivation-api.ts. */
export const TIERS = [
  'tech_sme',
  'innovative_sme',
  'hnte',
  'specialized_sme',
  'little_giant',
  'gazelle',
  'potential_unicorn',
  'unicorn',
] as const;
export const STANDINGS = ['holding', 'eligible', 'close', 'far', 'unknown'] as const;
export type Tier = (typeof TIERS)[number];
export type Standing = (typeof STANDINGS)[number];

export type ScreeningRun = z.infer<typeof ScreeningRunSchema>;
export type Ladder = z.infer<typeof LadderSchema>;
export type LadderRung = Ladder['rungs'][number];
export type ScreeningResults = z.infer<typeof ScreeningResultsSchema>;
export type ScreeningResultItem = ScreeningResults['items'][number];
export type Diagnosis = z.infer<typeof DiagnosisSchema>;
export type TierStanding = Diagnosis['tiers'][number];
export type CloseRule = ScreeningRun['closeRule'];
export type ScreeningCreate = { assessedOn?: string; closeRule?: CloseRule };
export type ResultFilter = { tier: Tier; status?: Standing; q?: string };

export const cultivationKey = ['cultivation'] as const;
const BASE = '/api/v1/cultivation/screenings';
const POLL_MS = 2000;

/** A run whose job is still queued or running. */
export function isRunning(run: Pick<ScreeningRun, 'status'>): boolean {
  return run.status === 'running';
}

/** The org's runs, most recent first; polled while one is still running. */
export function useScreenings() {
  return useQuery({
    queryKey: [...cultivationKey, 'runs'],
    queryFn: () => api.get<ScreeningRun[]>(BASE),
    refetchInterval: (q) => (q.state.data?.some(isRunning) ? POLL_MS : false),
  });
}

export function useLadder(runId: string | undefined, enabled = true) {
  return useQuery({
    queryKey: [...cultivationKey, 'ladder', runId],
    queryFn: () => api.get<Ladder>(`${BASE}/${runId}/ladder`),
    enabled: !!runId && enabled,
  });
}

const resultQuery = (f: ResultFilter): Query => ({ tier: f.tier, status: f.status, q: f.q });

export function useScreeningResults(
  runId: string | undefined,
  f: ResultFilter & { page: number; pageSize: number },
  enabled = true,
) {
  return useQuery({
    queryKey: [...cultivationKey, 'results', runId, f],
    queryFn: () =>
      api.get<ScreeningResults>(`${BASE}/${runId}/results`, {
        ...resultQuery(f),
        page: f.page,
        pageSize: f.pageSize,
      }),
    enabled: !!runId && enabled,
    placeholderData: keepPreviousData,
  });
}

/** The XLSX of a tier's firms with the same filter as the table (a plain link: the cookie goes along). */
export function resultsExportUrl(runId: string, f: ResultFilter): string {
  return withQuery(`${BASE}/${runId}/results/export`, resultQuery(f));
}

export function useStartScreening() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ScreeningCreate) => api.post<{ runId: string; job: Job }>(BASE, body),
    onSettled: async () => {
      await qc.invalidateQueries({ queryKey: cultivationKey });
      await qc.invalidateQueries({ queryKey: jobsKey });
    },
  });
}

/** A firm's diagnostic card on `date` (today when absent). Keyed under the enterprise, so an edit of
 *  its figures (which invalidates the enterprise queries) recomputes the card. */
export function useDiagnosis(enterpriseId: string, date: string | undefined, enabled = true) {
  return useQuery({
    queryKey: [...enterprisesKey, 'eligibility', enterpriseId, date ?? null],
    queryFn: () => api.get<Diagnosis>(`/api/v1/enterprises/${enterpriseId}/eligibility`, { date }),
    enabled,
    placeholderData: keepPreviousData,
  });
}
