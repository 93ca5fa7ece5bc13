/** The pipeline's closed loop: 我的工作, the settings (stale days, 季度考核 formula), the 月度跟踪 report, 双月点评
 *  sessions and ratings, 季度考核, the year summary and 重复项目协调. Types come from the shared contract;
 *  the metric labels and the default formula from the zod-free domain file. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  ASSESSMENT_METRICS,
  type AssessmentMetric,
  DEFAULT_FORMULA,
  METRIC_LABELS,
} from '../../../src/domain/project/assessment';
import { RATING_NAMES, RATINGS, type Rating } from '../../../src/domain/project/catalog';
import type {
  Assessment as AssessmentSchema,
  MonthlyReport as MonthlyReportSchema,
  MyWork as MyWorkSchema,
  OverlapGroups as OverlapGroupsSchema,
  OverlapResolve as OverlapResolveSchema,
  PipelineSettings as PipelineSettingsSchema,
  PipelineSettingsUpdate as PipelineSettingsUpdateSchema,
  ReviewDetail as ReviewDetailSchema,
  ReviewList as ReviewListSchema,
  YearSummary as YearSummarySchema,
} from '../../../src/shared/pipeline-api';
import { api, withQuery } from './client';
import { projectsKey } from './projects';

export type { AssessmentMetric, Rating };
export { ASSESSMENT_METRICS, DEFAULT_FORMULA, METRIC_LABELS, RATING_NAMES, RATINGS };

export type MyWork = z.infer<typeof MyWorkSchema>;
export type MyWorkItem = MyWork['due'][number];
export type PipelineSettings = z.infer<typeof PipelineSettingsSchema>;
export type PipelineSettingsUpdate = z.input<typeof PipelineSettingsUpdateSchema>;
export type AssessmentFormula = PipelineSettings['formula'];
export type AssessmentTerm = AssessmentFormula['terms'][number];
export type ReportBy = 'owner' | 'team';
export type MonthlyReport = z.infer<typeof MonthlyReportSchema>;
export type MonthlyGroup = MonthlyReport['groups'][number];
export type MonthlyProject = MonthlyGroup['projects'][number];
export type ReviewList = z.infer<typeof ReviewListSchema>;
export type Review = ReviewList['items'][number];
export type ReviewDetail = z.infer<typeof ReviewDetailSchema>;
export type ReviewProject = ReviewDetail['projects'][number];
export type Assessment = z.infer<typeof AssessmentSchema>;
export type AssessmentRow = Assessment['rows'][number];
export type YearSummary = z.infer<typeof YearSummarySchema>;
export type OverlapGroups = z.infer<typeof OverlapGroupsSchema>;
export type OverlapGroup = OverlapGroups['groups'][number];
export type OverlapResolve = z.input<typeof OverlapResolveSchema>;

/** Everything here reads projects, so a change to a project (or to the settings) refreshes it. */
export const pipelineKey = ['pipeline'] as const;
const V1 = '/api/v1';
const SETTINGS = `${V1}/pipeline-settings`;
const REPORTS = `${V1}/project-reports`;
const REVIEWS = `${V1}/project-reviews`;

export function useMyWork() {
  return useQuery({
    queryKey: [...pipelineKey, 'my-work'],
    queryFn: () => api.get<MyWork>(`${V1}/projects/my-work`),
  });
}

/** Only admins and leaders may read the settings; others learn the stale days from 我的工作. */
export function usePipelineSettings(enabled: boolean) {
  return useQuery({
    queryKey: [...pipelineKey, 'settings'],
    queryFn: () => api.get<PipelineSettings>(SETTINGS),
    enabled,
  });
}

/** A stale version (409 conflict.stale) reloads the settings, so the next save carries the new one. */
export function useSavePipelineSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: PipelineSettingsUpdate) => api.put<PipelineSettings>(SETTINGS, body),
    onSuccess: (s) => qc.setQueryData([...pipelineKey, 'settings'], s),
    onSettled: () => qc.invalidateQueries({ queryKey: pipelineKey }),
  });
}

export function useMonthlyReport(month: string, by: ReportBy) {
  return useQuery({
    queryKey: [...pipelineKey, 'monthly', month, by],
    queryFn: () => api.get<MonthlyReport>(`${REPORTS}/monthly`, { month, by }),
    placeholderData: keepPreviousData,
  });
}

export function reportFileUrl(
  report: 'monthly' | 'assessment' | 'year',
  ext: 'xlsx' | 'docx',
  query: Record<string, string | number>,
): string {
  return withQuery(`${REPORTS}/${report}.${ext}`, query);
}

export function useReviews() {
  return useQuery({
    queryKey: [...pipelineKey, 'reviews'],
    queryFn: () => api.get<ReviewList>(REVIEWS),
  });
}

export function useReview(id: string | undefined) {
  return useQuery({
    queryKey: [...pipelineKey, 'review', id],
    queryFn: () => api.get<ReviewDetail>(`${REVIEWS}/${id}`),
    enabled: !!id,
  });
}

/** 409 conflict.duplicate when the period already has a session. */
export function useCreateReview() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (period: string) => api.post<ReviewDetail>(REVIEWS, { period }),
    onSuccess: (r) => {
      qc.setQueryData([...pipelineKey, 'review', r.id], r);
      return qc.invalidateQueries({ queryKey: [...pipelineKey, 'reviews'] });
    },
  });
}

export function useRateProject(reviewId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { projectId: string; rating: Rating; comment?: string }) =>
      api.put<ReviewDetail>(`${REVIEWS}/${reviewId}/ratings`, body),
    onSuccess: (r) => {
      qc.setQueryData([...pipelineKey, 'review', r.id], r);
      return qc.invalidateQueries({ queryKey: [...pipelineKey, 'reviews'] });
    },
  });
}

export function useAssessment(quarter: string, by: ReportBy) {
  return useQuery({
    queryKey: [...pipelineKey, 'assessment', quarter, by],
    queryFn: () => api.get<Assessment>(`${REPORTS}/assessment`, { quarter, by }),
    placeholderData: keepPreviousData,
  });
}

export function useYearSummary(year: number) {
  return useQuery({
    queryKey: [...pipelineKey, 'year', year],
    queryFn: () => api.get<YearSummary>(`${REPORTS}/year`, { year }),
    placeholderData: keepPreviousData,
  });
}

export function useOverlaps(enabled: boolean) {
  return useQuery({
    queryKey: [...pipelineKey, 'overlaps'],
    queryFn: () => api.get<OverlapGroups>(`${V1}/projects/overlaps`),
    enabled,
  });
}

export function useResolveOverlap() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: OverlapResolve) =>
      api.post<{ resolved: number }>(`${V1}/projects/overlaps/resolve`, body),
    onSettled: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: pipelineKey }),
        qc.invalidateQueries({ queryKey: projectsKey }),
      ]),
  });
}
