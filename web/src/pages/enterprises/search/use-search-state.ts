/** The 企业查询 filters, sort and page live in the URL, so a link, the back button and the export all
 *  see the same list. */
import {
  ENTERPRISE_SORTS,
  type EnterpriseQuery,
  type EnterpriseSort,
  SIZE_BANDS,
  type SizeBand,
  type Universe,
} from '../../../api/enterprises';
import { useUrlParams } from '../../../lib/use-url-params';

const oneOf = <T extends string>(list: readonly T[], v: string | null): T | undefined =>
  v && (list as readonly string[]).includes(v) ? (v as T) : undefined;

const positive = (v: string | null, fallback: number) => {
  const n = Number(v);
  return Number.isInteger(n) && n > 0 ? n : fallback;
};

export type SearchPatch = Partial<Omit<EnterpriseQuery, 'review' | 'expiring'>> & {
  review?: boolean;
  expiring?: boolean;
};

export function useSearchState() {
  const [params, set] = useUrlParams();
  const query: EnterpriseQuery = {
    q: params.get('q') ?? undefined,
    region: params.get('region') ?? undefined,
    industry: params.get('industry') ?? undefined,
    tier: params.get('tier') ?? undefined,
    universe: oneOf<Universe>(['local', 'target'], params.get('universe')),
    sizeBand: oneOf<SizeBand>(SIZE_BANDS, params.get('sizeBand')),
    review: params.get('review') === 'true' ? true : undefined,
    expiring: params.get('expiring') === 'true' ? true : undefined,
    sort: oneOf<EnterpriseSort>(ENTERPRISE_SORTS, params.get('sort')),
    order: oneOf(['asc', 'desc'] as const, params.get('order')),
    page: positive(params.get('page'), 1),
    pageSize: Math.min(positive(params.get('pageSize'), 20), 200),
  };

  /** Changes some of the state; any change other than the page starts again at page 1. */
  const update = (patch: SearchPatch) => {
    set('page' in patch ? patch : { ...patch, page: null }, { replace: true });
  };

  return { query, update };
}
