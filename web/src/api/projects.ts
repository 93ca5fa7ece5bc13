/** 招商项目: the pipeline's projects (the list with its filters, the whole board in one request, the
 *  funnel), a project with its stage history, follow-ups, attachments and 双月点评 ratings, creating
 *  (with the city-wide duplicate warning), editing with its version, moving, following up, saved views
 *  of the list's filters, and turning a 目标清单 firm into a lead. Types come from the shared contract;
 *  the lists and stages come from zod-free domain files, so the web bundle does not pull in zod. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  ATTACHMENT_CATEGORIES,
  FOLLOW_UP_KINDS,
  PROJECT_SOURCES,
  PROJECT_TYPES,
} from '../../../src/domain/project/catalog';
import type {
  Attachment as AttachmentSchema,
  Board as BoardSchema,
  Funnel as FunnelSchema,
  ProjectUpdate as ProjectUpdateSchema,
  SavedView as SavedViewSchema,
} from '../../../src/shared/pipeline-api';
import type {
  FollowUpCreate as FollowUpCreateSchema,
  ProjectCreate as ProjectCreateSchema,
  ProjectDetail as ProjectDetailSchema,
  ProjectList as ProjectListSchema,
  ProjectMove as ProjectMoveSchema,
} from '../../../src/shared/project-api';
import { api, postForm, type Query } from './client';

export { ATTACHMENT_CATEGORIES, FOLLOW_UP_KINDS, PROJECT_SOURCES, PROJECT_TYPES };
export type FollowUpKind = (typeof FOLLOW_UP_KINDS)[number];
export type AttachmentCategory = (typeof ATTACHMENT_CATEGORIES)[number];

export type ProjectList = z.infer<typeof ProjectListSchema>;
export type ProjectSummary = ProjectList['items'][number];
export type Attachment = z.infer<typeof AttachmentSchema>;
export type ProjectDetail = z.infer<typeof ProjectDetailSchema>;
export type ProjectRating = ProjectDetail['ratings'][number];
export type ProjectEvent = ProjectDetail['events'][number];
export type FollowUp = ProjectDetail['followUps'][number];
export type ProjectCreate = z.input<typeof ProjectCreateSchema>;
export type ProjectUpdate = z.input<typeof ProjectUpdateSchema>;
export type ProjectMove = z.input<typeof ProjectMoveSchema>;
export type FollowUpCreate = z.input<typeof FollowUpCreateSchema>;
export type Board = z.infer<typeof BoardSchema>;
export type BoardColumn = Board['columns'][number];
export type Funnel = z.infer<typeof FunnelSchema>;
export type SavedView = z.infer<typeof SavedViewSchema>;
/** Another team's active project on the same firm (409 project.duplicate's details.duplicates). */
export type DuplicateProject = {
  projectId: string;
  name: string;
  stage: string;
  org: string;
  owner: string | null;
};
export type Created = ProjectDetail & { duplicates: DuplicateProject[] };

export type SortKey = 'updatedAt' | 'plannedInvestment' | 'lastFollowUp' | 'name';
/** What narrows the projects everywhere on the page (the board and funnel ignore stage and sort). */
export type ProjectFilter = {
  q?: string;
  mine?: boolean;
  stage?: ProjectSummary['stage'];
  source?: ProjectSummary['source'];
  type?: ProjectSummary['type'];
  ownerId?: string;
  stale?: boolean;
  sort?: SortKey;
  order?: 'asc' | 'desc';
};
export type ProjectQuery = ProjectFilter & { page: number; pageSize: number };

export const projectsKey = ['projects'] as const;
const BASE = '/api/v1/projects';
/** Cards a board column shows at most; the column's total says how many more there are. */
export const BOARD_LIMIT = 50;

/** Query parameters of a filter: false switches and empty values are left out, not sent as "false". */
export function filterQuery(f: ProjectFilter, omit: (keyof ProjectFilter)[] = []): Query {
  const q: Query = {};
  for (const [k, v] of Object.entries(f)) {
    if (omit.includes(k as keyof ProjectFilter) || v === undefined || v === '' || v === false) continue;
    q[k] = v as string | number | boolean;
  }
  return q;
}
const WHOLE_PIPELINE: (keyof ProjectFilter)[] = ['stage', 'sort', 'order'];

export function useProjects(q: ProjectQuery) {
  return useQuery({
    queryKey: [...projectsKey, 'list', q],
    queryFn: () => api.get<ProjectList>(BASE, { ...filterQuery(q), page: q.page, pageSize: q.pageSize }),
    placeholderData: keepPreviousData,
  });
}

/** The 看板 in one request: every stage's first cards and its total. */
export function useBoard(filter: ProjectFilter) {
  const query = filterQuery(filter, WHOLE_PIPELINE);
  return useQuery({
    queryKey: [...projectsKey, 'board', query],
    queryFn: () => api.get<Board>(`${BASE}/board`, { ...query, limit: BOARD_LIMIT }),
    placeholderData: keepPreviousData,
  });
}

/** 漏斗: per stage, the projects standing there and those that reached it or beyond. */
export function useFunnel(filter: ProjectFilter, enabled = true) {
  const query = filterQuery(filter, WHOLE_PIPELINE);
  return useQuery({
    queryKey: [...projectsKey, 'funnel', query],
    queryFn: () => api.get<Funnel>(`${BASE}/funnel`, query),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** The filtered list as XLSX (a plain link: the browser downloads it with the session cookie). */
export function exportUrl(filter: ProjectFilter): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(filterQuery(filter))) params.set(k, String(v));
  const qs = params.toString();
  return `${BASE}/export.xlsx${qs ? `?${qs}` : ''}`;
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

/** 编辑: only the changed fields with the version they were based on. A stale version (409
 *  conflict.stale) carries the project as it now is in details.current; the drawer shows it at once
 *  while the edit form keeps what the user typed. */
export function useUpdateProject() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: ProjectUpdate & { id: string }) =>
      api.patch<ProjectDetail>(`${BASE}/${id}`, body),
    onSuccess: (p) => {
      qc.setQueryData([...projectsKey, 'one', p.id], p);
      return qc.invalidateQueries({ queryKey: projectsKey, predicate: (q) => q.queryKey[1] !== 'one' });
    },
    onError: (err, v) => {
      const current = staleCurrent(err);
      if (current) qc.setQueryData([...projectsKey, 'one', v.id], current);
    },
  });
}

/** The project as someone else saved it, from a 409 conflict.stale answer. */
export function staleCurrent(err: unknown): ProjectDetail | null {
  const e = err as { code?: string; details?: { current?: ProjectDetail } } | null;
  return e?.code === 'conflict.stale' && e.details?.current ? e.details.current : null;
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

/** A project's file (a plain link: the browser downloads it). */
export function attachmentUrl(projectId: string, attachmentId: string): string {
  return `${BASE}/${projectId}/attachments/${attachmentId}`;
}

/** 上传附件: the category part goes before the file, because the server reads the parts in order. */
export function useUploadAttachment(projectId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ category, file }: { category: AttachmentCategory; file: File }) => {
      const form = new FormData();
      form.append('category', category);
      form.append('file', file);
      return postForm<Attachment>(`${BASE}/${projectId}/attachments`, form);
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: [...projectsKey, 'one', projectId] }),
  });
}

export function useDeleteAttachment(projectId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (attachmentId: string) => api.del<void>(attachmentUrl(projectId, attachmentId)),
    onSettled: () => qc.invalidateQueries({ queryKey: [...projectsKey, 'one', projectId] }),
  });
}

const viewsKey = ['saved-views', 'projects'] as const;
const VIEWS = '/api/v1/saved-views';

export function useSavedViews() {
  return useQuery({
    queryKey: viewsKey,
    queryFn: () => api.get<{ items: SavedView[] }>(VIEWS, { page: 'projects' }),
  });
}

/** 保存为视图: a taken name is refused with 409 conflict.duplicate. */
export function useSaveView() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { name: string; query: SavedView['query'] }) =>
      api.post<SavedView>(VIEWS, { page: 'projects', ...v }),
    onSuccess: () => qc.invalidateQueries({ queryKey: viewsKey }),
  });
}

export function useDeleteView() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.del<void>(`${VIEWS}/${id}`),
    onSettled: () => qc.invalidateQueries({ queryKey: viewsKey }),
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
