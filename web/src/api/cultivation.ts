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
  Stats as StatsSchema,
  Track as TrackSchema,
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
export function useDiagnosis(enterpriseId: string, date: string | undefined, enabled = true, run?: string) {
  return useQuery({
    queryKey: [...enterprisesKey, 'eligibility', enterpriseId, date ?? null, run ?? null],
    queryFn: () => api.get<Diagnosis>(`/api/v1/enterprises/${enterpriseId}/eligibility`, { date, run }),
    enabled,
    placeholderData: keepPreviousData,
  });
}

/** 培育路径: 发现 → 服务 → 申报 → 认定 / 未通过, as STAGES in src/shared/cultivation-api.ts. */
export const STAGES = ['discovered', 'serving', 'applied', 'certified', 'rejected'] as const;
export type Stage = (typeof STAGES)[number];
export type Track = z.infer<typeof TrackSchema>;
export type Stats = z.infer<typeof StatsSchema>;
export type StatsRow = Stats['rows'][number];
export type TrackFilter = { year: number; tier?: Tier; stage?: Stage; mine?: boolean };
export type TrackMove = {
  version: number;
  stage: Stage;
  batch?: string;
  reason?: string;
  note?: string;
  certificateNo?: string;
  issuedOn?: string;
  expiresOn?: string;
};
export type Target = { tier: Tier; applications: number | null; certifications: number | null };

const ORDER: Stage[] = ['discovered', 'serving', 'applied', 'certified'];

/** The stages a track may move to, as the server allows: forward only; 认定 or 未通过 after 申报. */
export function nextStages(from: Stage): Stage[] {
  if (from === 'certified' || from === 'rejected') return [];
  if (from === 'applied') return ['certified', 'rejected'];
  return ORDER.slice(ORDER.indexOf(from) + 1, ORDER.indexOf('applied') + 1);
}

const TRACKS = '/api/v1/cultivation/tracks';

export function useTracks(f: TrackFilter & { page: number; pageSize: number }) {
  return useQuery({
    queryKey: [...cultivationKey, 'tracks', f],
    queryFn: () =>
      api.get<{ items: Track[]; total: number }>(TRACKS, {
        year: f.year,
        tier: f.tier,
        stage: f.stage,
        mine: f.mine ? true : undefined,
        page: f.page,
        pageSize: f.pageSize,
      }),
    placeholderData: keepPreviousData,
  });
}

/** 发现一批: a standing's firms of a run's tier into the year's pool; already pooled ones are skipped. */
export function useTracksFromScreening() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: {
      runId: string;
      tier: Tier;
      status: 'eligible' | 'close' | 'unknown';
      year: number;
    }) => api.post<{ added: number }>(`${TRACKS}/from-screening`, body),
    onSettled: () => qc.invalidateQueries({ queryKey: cultivationKey }),
  });
}

export function useMoveTrack() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: TrackMove & { id: string }) => api.patch<Track>(`${TRACKS}/${id}`, body),
    onSettled: async () => {
      await qc.invalidateQueries({ queryKey: cultivationKey });
      // A certification writes the firm's qualification.
      await qc.invalidateQueries({ queryKey: enterprisesKey });
    },
  });
}

export function useCultivationStats(year: number) {
  return useQuery({
    queryKey: [...cultivationKey, 'stats', year],
    queryFn: () => api.get<Stats>(`/api/v1/cultivation/stats/${year}`),
    placeholderData: keepPreviousData,
  });
}

export function useSetTargets(year: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (targets: Target[]) => api.put<Stats>(`/api/v1/cultivation/targets/${year}`, { targets }),
    onSettled: () => qc.invalidateQueries({ queryKey: cultivationKey }),
  });
}
