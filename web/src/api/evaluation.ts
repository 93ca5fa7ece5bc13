/** 三维评价: a project's evaluation (AI研判 profile, 技术委员会 panel, 市场尽调 checklist, recommendation and
 *  decision), the expert registry, and the Word report. The view's inner parts are `unknown` in the zod
 *  contract, so their shapes are typed here from the domain functions that build them (type imports
 *  only: the web bundle pulls in neither zod nor the scoring code). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { PanelResult } from '../../../src/domain/committee/aggregate';
import type { DdStatus, fuse, Outcome } from '../../../src/domain/decision/fuse';
import type { InjectionFlag } from '../../../src/domain/evaluation/injection';
import type { Dimension } from '../../../src/domain/profile/model';
import type { ProfileFact, Profile as ProfileType } from '../../../src/domain/profile/score';
import type { EvaluationView as EvaluationViewSchema } from '../../../src/shared/evaluation-api';
import { api } from './client';
import { projectsKey } from './projects';

export type { DdStatus, Dimension, Outcome };
export const DIMENSIONS: readonly Dimension[] = ['technology', 'chainFit', 'team', 'growth', 'scale'];
export const DD_STATUS_LIST: readonly DdStatus[] = ['pass', 'attention', 'fail', 'na'];
export const OUTCOME_LIST: readonly Outcome[] = ['approve', 'conditional', 'reject'];
export const RECOMMENDATIONS = ['支持', '有条件支持', '不支持'] as const;
export type ReviewRecommendation = (typeof RECOMMENDATIONS)[number];

export type Profile = ProfileType;
export type ProfileDimension = Profile['dimensions'][number];
export type Indicator = ProfileDimension['indicators'][number] & { band?: string };
export type Fact = ProfileFact & { unit?: string };
export type Flag = InjectionFlag;
export type Memo = { strengths: string[]; risks: string[]; questions: string[] };
export type Conflict = { kind: 'declared' | 'graph' | 'employer'; reason: string; path?: string[] };
export type PanelMember = {
  expertId: string;
  name: string;
  affiliation: string | null;
  mine: boolean;
  conflicted: boolean;
  conflict: Conflict | null;
  submitted: boolean;
  scores: Partial<Record<Dimension, number>> | null;
  comments: string | null;
  recommendation: ReviewRecommendation | null;
};
export type Panel = {
  blind: boolean;
  eligible: number;
  enough: boolean;
  warning: string | null;
  members: PanelMember[];
};
export type Committee = PanelResult;
export type Recommendation = ReturnType<typeof fuse>;
type Raw = z.infer<typeof EvaluationViewSchema>;
export type DdItem = Raw['dueDiligence'][number];
export type Evaluation = Omit<
  Raw,
  'facts' | 'flags' | 'profile' | 'memo' | 'panel' | 'committee' | 'recommendation'
> & {
  facts: Fact[];
  flags: Flag[];
  profile: Profile | null;
  memo: Memo | null;
  panel: Panel;
  committee: Committee | null;
  recommendation: Recommendation | null;
};
export type Expert = {
  id: string;
  name: string;
  userId: string | null;
  fields: string[];
  affiliation: string | null;
  active: boolean;
};
export type ReviewSubmit = {
  scores: Record<Dimension, number>;
  comments: string;
  recommendation: ReviewRecommendation;
};

export const evaluationKey = ['evaluation'] as const;
const BASE = '/api/v1/evaluations';

export function useEvaluation(id: string | undefined) {
  return useQuery({
    queryKey: [...evaluationKey, id],
    queryFn: () => api.get<Evaluation>(`${BASE}/${id}`),
    enabled: !!id,
  });
}

/** Every write answers with the new view (or the panel): put it in the cache and refetch the rest. */
function useEvaluationWrite<V, R>(id: string, send: (v: V) => Promise<R>, isView = true) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (data) => {
      if (isView) qc.setQueryData([...evaluationKey, id], data);
      return qc.invalidateQueries({ queryKey: [...evaluationKey, id] });
    },
  });
}

/** 开始评估: opens the project's evaluation, creating it (with the org's checklist) on first use. The
 *  evaluation id is remembered per project for the session. */
export function useOpenEvaluation(projectId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<Evaluation>(`/api/v1/projects/${projectId}/evaluation`),
    onSuccess: (ev) => {
      qc.setQueryData([...evaluationKey, ev.id], ev);
      qc.setQueryData([...evaluationKey, 'project', projectId], ev.id);
    },
  });
}

/** The evaluation id already opened for a project in this session, if any. */
export function useKnownEvaluationId(projectId: string) {
  return useQuery<string | null>({
    queryKey: [...evaluationKey, 'project', projectId],
    queryFn: () => null,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useRunProfile(id: string) {
  return useEvaluationWrite(id, (attachmentId: string) =>
    api.post<Evaluation>(`${BASE}/${id}/profile`, { attachmentId }),
  );
}

export function useExperts(enabled = true) {
  return useQuery({
    queryKey: ['experts'],
    queryFn: () => api.get<{ items: Expert[] }>('/api/v1/experts'),
    enabled,
  });
}

export function useAssignExperts(id: string) {
  return useEvaluationWrite(
    id,
    (expertIds: string[]) => api.post<Panel>(`${BASE}/${id}/experts`, { expertIds }),
    false,
  );
}

export function useSubmitReview(id: string) {
  return useEvaluationWrite(
    id,
    (body: ReviewSubmit) => api.post<Panel>(`${BASE}/${id}/reviews`, body),
    false,
  );
}

export function useUpdateDdItem(id: string) {
  return useEvaluationWrite(
    id,
    ({ itemId, ...body }: { itemId: string; status: DdStatus; notes?: string; attachmentIds: string[] }) =>
      api.put<Evaluation>(`${BASE}/${id}/due-diligence/${itemId}`, body),
  );
}

/** 评估决定: 不通过 ends the project, so the project's caches are refreshed too. */
export function useDecide(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { outcome: Outcome; conditions?: string }) =>
      api.post<Evaluation>(`${BASE}/${id}/decision`, body),
    onSuccess: (data) => {
      qc.setQueryData([...evaluationKey, id], data);
      return qc.invalidateQueries({ queryKey: projectsKey });
    },
  });
}

/** The Word 评估报告 (a plain link: the browser downloads it with the session cookie). */
export function reportUrl(id: string): string {
  return `${BASE}/${id}/report.docx`;
}
