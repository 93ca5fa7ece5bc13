/** 企业库: list and search, profile, edit, export, import (multipart upload + job), saved column
 *  mappings and duplicate review. Types come from the shared contract; the tier and IP lists from zod-free
 *  domain files; the sort keys and size bands are repeated here so the web bundle does not pull in zod. */
import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { TIER_KEYS } from '../../../src/domain/eligibility/tiers';
import { IP_KINDS, type IpKind } from '../../../src/domain/enterprise/ip-kinds';
import type { AuditEntry, Job } from '../../../src/shared/api';
import type {
  DuplicatePair as DuplicatePairSchema,
  EnterpriseDetail as EnterpriseDetailSchema,
  EnterpriseSummary as EnterpriseSummarySchema,
  ImportField as ImportFieldSchema,
  ImportMapping as ImportMappingSchema,
  ImportPreview as ImportPreviewSchema,
} from '../../../src/shared/enterprise-api';
import { api, postForm, type Query, withQuery } from './client';
import { jobsKey } from './jobs';

export const SIZE_BANDS = ['micro', 'small', 'medium', 'large'] as const;
export const ENTERPRISE_SORTS = [
  'relevance',
  'name',
  'establishedOn',
  'registeredCapital',
  'revenue',
] as const;
export type SizeBand = (typeof SIZE_BANDS)[number];
export type EnterpriseSort = (typeof ENTERPRISE_SORTS)[number];
export type Universe = 'local' | 'target';

export type EnterpriseSummary = z.infer<typeof EnterpriseSummarySchema>;
export type Provenance = EnterpriseSummaryDetail['provenance'];
export type Institution = { name: string; level: string; recognizedOn: string | null };
export type FundingRound = {
  date: string | null;
  round: string;
  amount: number | null;
  currency: string;
  postMoneyValuation: number | null;
  investors: string[];
};
export type Award = { name: string; level: string | null; year: number | null };
type EnterpriseSummaryDetail = z.infer<typeof EnterpriseDetailSchema>;
/** The profile; the lists after `qualifications` are optional until every server has them. */
export type EnterpriseDetail = EnterpriseSummaryDetail & {
  institutions?: Institution[];
  fundingRounds?: FundingRound[];
  awards?: Award[];
  history?: AuditEntry[];
};
export type EnterpriseYear = EnterpriseDetail['years'][number];
export type Qualification = EnterpriseDetail['qualifications'][number];
/** The figures of one year a user may type (money in 元); see YEAR_FIGURE_LABELS in src/shared. */
export type YearFigures = Omit<EnterpriseYear, 'year' | 'provenance'>;
export type YearFigure = keyof YearFigures;
export const YEAR_COUNT_FIGURES = ['employees', 'techStaff', 'rdStaff'] as const satisfies YearFigure[];
export const YEAR_MONEY_FIGURES = [
  'revenue',
  'mainRevenue',
  'hightechRevenue',
  'rdExpense',
  'rdExpenseDomestic',
  'totalCost',
  'netProfit',
  'totalAssets',
  'totalLiabilities',
  'taxPaid',
] as const satisfies YearFigure[];
export { IP_KINDS, type IpKind, TIER_KEYS };
export type QualificationInput = {
  tier: (typeof TIER_KEYS)[number];
  certificateNo: string | null;
  issuedOn: string | null;
  expiresOn: string | null;
};
export type DuplicatePair = z.infer<typeof DuplicatePairSchema>;
export type ImportField = z.infer<typeof ImportFieldSchema>;
export type ImportMapping = z.infer<typeof ImportMappingSchema>;
export type ImportPreview = z.infer<typeof ImportPreviewSchema>;

export type EnterpriseFilter = {
  q?: string;
  region?: string;
  industry?: string;
  tier?: string;
  universe?: Universe;
  sizeBand?: SizeBand;
  review?: boolean;
  /** Only firms whose 资质 expires within EXPIRY_NOTICE_DAYS and is not renewed. */
  expiring?: boolean;
};
export type EnterpriseQuery = EnterpriseFilter & {
  sort?: EnterpriseSort;
  order?: 'asc' | 'desc';
  page: number;
  pageSize: number;
};
export type EnterpriseList = { items: EnterpriseSummary[]; total: number };
export type EnterpriseUpdate = Partial<
  Pick<
    EnterpriseDetail,
    | 'name'
    | 'uscc'
    | 'legalRep'
    | 'establishedOn'
    | 'registeredCapital'
    | 'regionCode'
    | 'address'
    | 'businessScope'
    | 'mainProducts'
    | 'listed'
    | 'universe'
    | 'aliases'
  >
> & { version: number };

/** What an import job leaves in job.result. */
export type ImportError = { row: number; column: string | null; code: string; message: string };
export type ImportResult = {
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  errors: ImportError[];
  encoding?: string;
  headerRow?: number | null;
  unmappedHeaders?: string[];
  dryRun?: boolean;
  file?: string;
  downloadName?: string;
};
export type ImportOptions = {
  file: File;
  sheet?: string;
  year?: number;
  universe?: Universe;
  dryRun?: boolean;
  mapping?: Record<string, string>;
  /** Share of the file sent so far, 0–100, while it uploads. */
  onUploadProgress?: (percent: number) => void;
};

export const enterprisesKey = ['enterprises'] as const;
const BASE = '/api/v1/enterprises';

export function enterpriseQuery(q: EnterpriseFilter & { sort?: EnterpriseSort; order?: string }): Query {
  return { ...q, review: q.review ? 'true' : undefined, expiring: q.expiring ? 'true' : undefined };
}

export function exportUrl(q: EnterpriseFilter & { sort?: EnterpriseSort; order?: string }): string {
  return withQuery(`${BASE}/export`, enterpriseQuery(q));
}

export function useEnterprises(q: EnterpriseQuery) {
  return useQuery({
    queryKey: [...enterprisesKey, 'list', q],
    queryFn: () => api.get<EnterpriseList>(BASE, enterpriseQuery(q)),
    placeholderData: keepPreviousData,
  });
}

export function useEnterprise(id: string | undefined) {
  return useQuery({
    queryKey: [...enterprisesKey, 'one', id],
    queryFn: () => api.get<EnterpriseDetail>(`${BASE}/${id}`),
    enabled: !!id,
  });
}

/** The names of firms known only by id (e.g. an expert's declared firms), from the same cache as
 *  useEnterprise: a name once loaded, undefined while loading, null when the firm cannot be read. */
export function useFirmNames(ids: string[]): Map<string, string | null | undefined> {
  const found = useQueries({
    queries: ids.map((id) => ({
      queryKey: [...enterprisesKey, 'one', id],
      queryFn: () => api.get<EnterpriseDetail>(`${BASE}/${id}`),
      retry: false,
    })),
  });
  return new Map(ids.map((id, i) => [id, found[i].isError ? null : found[i].data?.name]));
}

export function useUpdateEnterprise(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: EnterpriseUpdate) => api.patch<EnterpriseDetail>(`${BASE}/${id}`, body),
    // Refetch on failure too: after a 409 the profile must show the current version.
    onSettled: () => qc.invalidateQueries({ queryKey: enterprisesKey }),
  });
}

/** The fact edits of the profile. Each answers with the refreshed profile; the detail is refetched on
 *  failure too, so after a 409 the page shows the current version. */
function useFactEdit<V>(call: (v: V) => Promise<EnterpriseDetail>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSettled: () => qc.invalidateQueries({ queryKey: enterprisesKey }),
  });
}

export function useUpsertYear(id: string) {
  return useFactEdit(({ year, ...body }: Partial<YearFigures> & { year: number; version: number }) =>
    api.put<EnterpriseDetail>(`${BASE}/${id}/years/${year}`, body),
  );
}

export function useDeleteYear(id: string) {
  return useFactEdit(({ year, version }: { year: number; version: number }) =>
    api.del<EnterpriseDetail>(`${BASE}/${id}/years/${year}`, { version }),
  );
}

export function useSetIpCounts(id: string) {
  return useFactEdit((body: { version: number; counts: Partial<Record<IpKind, number>> }) =>
    api.put<EnterpriseDetail>(`${BASE}/${id}/ip`, body),
  );
}

export function useAddQualification(id: string) {
  return useFactEdit((body: QualificationInput & { version: number }) =>
    api.post<EnterpriseDetail>(`${BASE}/${id}/qualifications`, body),
  );
}

export function useDeleteQualification(id: string) {
  return useFactEdit(({ qualificationId, version }: { qualificationId: string; version: number }) =>
    api.del<EnterpriseDetail>(`${BASE}/${id}/qualifications/${qualificationId}`, { version }),
  );
}

export function useDuplicates(paging: { page: number; pageSize: number }) {
  return useQuery({
    queryKey: [...enterprisesKey, 'duplicates', paging],
    queryFn: () => api.get<{ items: DuplicatePair[]; total: number }>(`${BASE}/duplicates`, paging),
    placeholderData: keepPreviousData,
  });
}

export function useMerge() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { keepId: string; mergeId: string; keepVersion: number; mergeVersion: number }) =>
      api.post<EnterpriseDetail>(`${BASE}/merge`, body),
    onSettled: () => qc.invalidateQueries({ queryKey: enterprisesKey }),
  });
}

export function useDismissDuplicate() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { aId: string; bId: string }) => api.post<void>(`${BASE}/duplicates/dismiss`, body),
    onSettled: () => qc.invalidateQueries({ queryKey: enterprisesKey }),
  });
}

export function useImportFields() {
  return useQuery({
    queryKey: [...enterprisesKey, 'import-fields'],
    queryFn: () => api.get<ImportField[]>(`${BASE}/import-fields`),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** The preview reads a file's first rows only, so a large CSV is sent as its first megabyte, cut at a
 *  line end (a newline byte is never inside a UTF-8 or GBK character), instead of uploaded whole twice.
 *  An XLSX is a zip and cannot be cut. */
const PREVIEW_BYTES = 1 << 20;
async function previewSample(file: File): Promise<File> {
  if (!/\.csv$/i.test(file.name) || file.size <= PREVIEW_BYTES) return file;
  const head = new Uint8Array(await file.slice(0, PREVIEW_BYTES).arrayBuffer());
  return new File([head.subarray(0, head.lastIndexOf(0x0a) + 1)], file.name, { type: file.type });
}

export function usePreview() {
  return useMutation({
    mutationFn: async ({ file, sheet }: { file: File; sheet?: string }) => {
      const form = new FormData();
      if (sheet) form.append('sheet', sheet);
      form.append('file', await previewSample(file));
      return postForm<ImportPreview>(`${BASE}/imports/preview`, form);
    },
  });
}

export function useStartImport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (o: ImportOptions) => {
      const form = new FormData();
      // Fields first: the server reads the parts in order and the file is the last one.
      form.append('dryRun', o.dryRun ? 'true' : 'false');
      if (o.year) form.append('year', String(o.year));
      if (o.universe) form.append('universe', o.universe);
      if (o.sheet) form.append('sheet', o.sheet);
      if (o.mapping && Object.keys(o.mapping).length > 0) form.append('mapping', JSON.stringify(o.mapping));
      form.append('file', o.file);
      return postForm<Job>(`${BASE}/imports`, form, o.onUploadProgress);
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: jobsKey }),
  });
}

const mappingsKey = ['import-mappings'] as const;

export function useMappings() {
  return useQuery({
    queryKey: mappingsKey,
    queryFn: () => api.get<ImportMapping[]>('/api/v1/import-mappings'),
  });
}

export function useSaveMapping() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; mapping: Record<string, string> }) =>
      api.post<ImportMapping>('/api/v1/import-mappings', body),
    onSettled: () => qc.invalidateQueries({ queryKey: mappingsKey }),
  });
}

export function useDeleteMapping() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (m: Pick<ImportMapping, 'id' | 'version'>) =>
      api.del<void>(`/api/v1/import-mappings/${m.id}`, { version: m.version }),
    onSettled: () => qc.invalidateQueries({ queryKey: mappingsKey }),
  });
}
