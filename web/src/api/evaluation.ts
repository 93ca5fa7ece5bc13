/** 三维评价: a project's evaluation (AI研判 profile, 技术委员会 panel, 市场尽调 checklist, recommendation and
 *  decision), the expert registry, and the Word report. The view's inner parts are `unknown` in the zod
 *  contract, so their shapes are typed here from the domain functions that build them (type imports
 *  only: the web bundle pulls in neither zod nor the scoring code). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { PanelResult } from '../../../src/domain/committee/aggregate';
import type { DdStatus, fuse, Outcome } from '../../../src/domain/decision/fuse';
import type { InjectionFlag } from '../../../src/domain/evaluation/injection';
import type { Dimension, ScoringModel } from '../../../src/domain/profile/model';
import type { ProfileFact, Profile as ProfileType } from '../../../src/domain/profile/score';
import type { EvaluationView as EvaluationViewSchema } from '../../../src/shared/evaluation-api';
import { api, isApiError } from './client';
import { projectsKey } from './projects';
import { type UserList, usersKey } from './users';

export type { DdStatus, Dimension, Outcome, ScoringModel };
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
  /** The expert in the enterprise graph, and the firm they work for (for the two-hop conflict check). */
  partyId: string | null;
  employerId: string | null;
  declaredFirmIds: string[];
  declaration: string | null;
  active: boolean;
  createdAt: string;
};
export type ExpertCreate = {
  name: string;
  userId?: string;
  fields: string[];
  affiliation?: string;
  employerId?: string;
  declaredFirmIds: string[];
  declaration?: string;
};
/** PATCH /experts/:id: any of these; null clears. The login (userId) cannot change. */
export type ExpertUpdate = Partial<{
  name: string;
  fields: string[];
  affiliation: string | null;
  employerId: string | null;
  declaredFirmIds: string[];
  declaration: string | null;
  active: boolean;
}>;
export type MyReview = {
  evaluationId: string;
  projectName: string;
  enterpriseName: string;
  conflicted: boolean;
  submitted: boolean;
  decided: boolean;
  assignedAt: string;
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

/** 开始评估: opens the project's evaluation, creating it (with the org's checklist) on first use. */
export function useOpenEvaluation(projectId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<Evaluation>(`/api/v1/projects/${projectId}/evaluation`),
    onSuccess: (ev) => {
      qc.setQueryData([...evaluationKey, ev.id], ev);
      qc.setQueryData([...evaluationKey, 'project', projectId], ev.id);
      // The project now names its evaluation (evaluationId).
      void qc.invalidateQueries({ queryKey: [...projectsKey, 'one', projectId] });
    },
  });
}

/** The id of the project's evaluation, or null while none has been started (the server answers 404 and
 *  creates nothing). The view it reads is put in the cache for useEvaluation. When the project says it
 *  has none (`known` null) nothing is asked, so a project without one logs no failed request. */
export function useProjectEvaluationId(projectId: string, known?: string | null) {
  const qc = useQueryClient();
  return useQuery<string | null>({
    queryKey: [...evaluationKey, 'project', projectId],
    queryFn: async () => {
      if (known === null) return null;
      try {
        const ev = await api.get<Evaluation>(`/api/v1/projects/${projectId}/evaluation`);
        qc.setQueryData([...evaluationKey, ev.id], ev);
        return ev.id;
      } catch (err) {
        if (isApiError(err) && err.status === 404) return null;
        throw err;
      }
    },
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

/** Accounts with the 技术委员会专家 role an expert may be linked to (the user list is admin-only). */
export function useExpertUsers(enabled: boolean) {
  return useQuery({
    queryKey: [...usersKey, 'experts'],
    queryFn: async () => {
      const list = await api.get<UserList>('/api/v1/users', { page: 1, pageSize: 200 });
      return list.items.filter((u) => u.roles.includes('expert') && !u.disabled);
    },
    enabled,
  });
}

export function useCreateExpert() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ExpertCreate) => api.post<Expert>('/api/v1/experts', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['experts'] }),
  });
}

/** Edits an expert, or retires (active: false) or restores them. */
export function useUpdateExpert() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: ExpertUpdate & { id: string }) =>
      api.patch<Expert>(`/api/v1/experts/${id}`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['experts'] }),
  });
}

/** 我的评审: the evaluations the signed-in expert is assigned to. */
export function useMyReviews() {
  return useQuery({
    queryKey: [...evaluationKey, 'mine'],
    queryFn: () => api.get<{ items: MyReview[] }>('/api/v1/my-reviews'),
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

export type ModelVersion = {
  version: number;
  note: string | null;
  createdByName: string;
  createdAt: string | null;
};
export type ChecklistItem = { name: string; veto: boolean };
export type FusionWeights = { ai: number; committee: number; dueDiligence: number };
export type DisagreementRule = { maxSd: number; maxRange: number };
type Rules = { checklist: ChecklistItem[]; fusion: FusionWeights; disagreement: DisagreementRule };
export type EvaluationSettings = Rules & { version: number; defaults: Rules };
export type SettingsUpdate = Partial<Rules> & { version: number };

const modelKey = [...evaluationKey, 'scoring-model'] as const;
const settingsKey = [...evaluationKey, 'settings'] as const;

/** 评估模型: the org's current model and its saved versions (newest first, the built-in one last). */
export function useScoringModel() {
  return useQuery({
    queryKey: modelKey,
    queryFn: () => api.get<{ current: ScoringModel; versions: ModelVersion[] }>('/api/v1/scoring-model'),
  });
}

/** Saves the edited model as the next version; a refusal carries the server's reasons in Chinese. */
export function useSaveScoringModel() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { basedOn: number; note?: string; model: ScoringModel }) =>
      api.put<ScoringModel>('/api/v1/scoring-model', body),
    // After a save, or a 409 because someone saved first, the editor starts from the newest version.
    onSettled: () => qc.invalidateQueries({ queryKey: modelKey }),
  });
}

/** 评估规则: checklist for new evaluations, fusion weights and the disagreement threshold. */
export function useEvaluationSettings() {
  return useQuery({
    queryKey: settingsKey,
    queryFn: () => api.get<EvaluationSettings>('/api/v1/evaluation-settings'),
  });
}

export function useSaveEvaluationSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: SettingsUpdate) => api.put<EvaluationSettings>('/api/v1/evaluation-settings', body),
    onSuccess: (data) => qc.setQueryData(settingsKey, data),
    // After a 409 the page must show (and base the next save on) the current version.
    onError: () => qc.invalidateQueries({ queryKey: settingsKey }),
  });
}
