/** 招商项目: the pipeline's projects (the board reads every stage at once), a project with its stage
 *  history and follow-ups, creating (with the city-wide duplicate warning), moving, following up, and
 *  turning a 目标清单 firm into a lead. Types come from the shared contract; the lists and stages come from
 *  zod-free domain files, so the web bundle does not pull in zod. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { FOLLOW_UP_KINDS, PROJECT_SOURCES, PROJECT_TYPES } from '../../../src/domain/project/catalog';
import { STAGES, type Stage } from '../../../src/domain/project/stages';
import type {
  FollowUpCreate as FollowUpCreateSchema,
  ProjectCreate as ProjectCreateSchema,
  ProjectDetail as ProjectDetailSchema,
  ProjectList as ProjectListSchema,
  ProjectMove as ProjectMoveSchema,
} from '../../../src/shared/project-api';
import { api, type Query } from './client';

export { FOLLOW_UP_KINDS, PROJECT_SOURCES, PROJECT_TYPES };
export type FollowUpKind = (typeof FOLLOW_UP_KINDS)[number];

export type ProjectList = z.infer<typeof ProjectListSchema>;
export type ProjectSummary = ProjectList['items'][number];
export type ProjectDetail = z.infer<typeof ProjectDetailSchema>;
export type ProjectEvent = ProjectDetail['events'][number];
export type FollowUp = ProjectDetail['followUps'][number];
export type ProjectCreate = z.input<typeof ProjectCreateSchema>;
export type ProjectMove = z.input<typeof ProjectMoveSchema>;
export type FollowUpCreate = z.input<typeof FollowUpCreateSchema>;
/** Another team's active project on the same firm (409 project.duplicate's details.duplicates). */
export type DuplicateProject = {
  projectId: string;
  name: string;
  stage: string;
  org: string;
  owner: string | null;
};
export type Created = ProjectDetail & { duplicates: DuplicateProject[] };

export type ProjectQuery = { stage?: Stage; q?: string; mine?: boolean; page: number; pageSize: number };
export type Board = Record<Stage, { items: ProjectSummary[]; total: number }>;

export const projectsKey = ['projects'] as const;
const BASE = '/api/v1/projects';
/** Cards a board column shows at most (the API's page limit). */
export const BOARD_LIMIT = 200;

export function useProjects(q: ProjectQuery) {
  return useQuery({
    queryKey: [...projectsKey, 'list', q],
    queryFn: () => api.get<ProjectList>(BASE, { ...q, mine: q.mine || undefined } as Query),
    placeholderData: keepPreviousData,
  });
}

/** Every stage's projects, one request per column, for the 看板. */
export function useBoard(filter: { q?: string; mine?: boolean }) {
  return useQuery({
    queryKey: [...projectsKey, 'board', filter],
    queryFn: async () => {
      const lists = await Promise.all(
        STAGES.map((stage) =>
          api.get<ProjectList>(BASE, {
            stage,
            q: filter.q,
            mine: filter.mine || undefined,
            page: 1,
            pageSize: BOARD_LIMIT,
          }),
        ),
      );
      return Object.fromEntries(STAGES.map((s, i) => [s, lists[i]])) as Board;
    },
    placeholderData: keepPreviousData,
  });
}

export function useProject(id: string | undefined) {
  return useQuery({
    queryKey: [...projectsKey, 'one', id],
    queryFn: () => api.get<ProjectDetail>(`${BASE}/${id}`),
    enabled: !!id,
  });
}

export function useCreateProject() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ProjectCreate) => api.post<Created>(BASE, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: projectsKey }),
  });
}

/** 推进: refused with 409 project.bad_move (the message names what is missing) or conflict.stale; the
 *  board and the project reload either way, so a stale version is replaced. */
export function useMoveProject() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: ProjectMove & { id: string }) =>
      api.post<ProjectDetail>(`${BASE}/${id}/move`, body),
    onSuccess: (p) => qc.setQueryData([...projectsKey, 'one', p.id], p),
    onSettled: (_d, err) => {
      // A refused move changed nothing; only a stale version needs fresh data.
      if (!err || (err as { code?: string }).code === 'conflict.stale')
        return qc.invalidateQueries({ queryKey: projectsKey });
    },
  });
}

export function useAddFollowUp(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: FollowUpCreate) => api.post<ProjectDetail>(`${BASE}/${id}/follow-ups`, body),
    onSuccess: (p) => {
      qc.setQueryData([...projectsKey, 'one', p.id], p);
      return qc.invalidateQueries({ queryKey: projectsKey });
    },
  });
}

/** 转为线索: a firm of a saved 目标清单 becomes a 线索, keeping the ranking as its origin. */
export function useLeadFromTarget() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { listId: string; enterpriseId: string }) =>
      api.post<Created>(`/api/v1/target-lists/${v.listId}/leads`, { enterpriseId: v.enterpriseId }),
    onSuccess: () => qc.invalidateQueries({ queryKey: projectsKey }),
  });
}
