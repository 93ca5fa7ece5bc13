/** The 培育库 page's selection lives in the URL (run, tier, standing, search, page), so a link or the
 *  back button shows the same list and the export downloads what the table shows. */
import { STANDINGS, type Standing, TIERS, type Tier } from '../../api/cultivation';
import { useUrlParams } from '../../lib/use-url-params';

/** The standing filter: one standing or all of them; 可申报 (发现一批) by default. */
export type StandingFilter = Standing | 'all';
export const STANDING_FILTERS: readonly StandingFilter[] = [
  'eligible',
  'close',
  'unknown',
  'holding',
  'far',
  'all',
];

export type PoolState = {
  run?: string;
  tier: Tier;
  status: StandingFilter;
  q?: string;
  page: number;
  pageSize: number;
};

const positive = (v: string | null, fallback: number) => {
  const n = Number(v);
  return Number.isInteger(n) && n > 0 ? n : fallback;
};

const oneOf = <T extends string>(list: readonly T[], v: string | null): T | undefined =>
  v && (list as readonly string[]).includes(v) ? (v as T) : undefined;

export function usePoolState() {
  const [params, patch] = useUrlParams();
  const state: PoolState = {
    run: params.get('run') ?? undefined,
    tier: oneOf(TIERS, params.get('tier')) ?? 'tech_sme',
    status: params.get('status') === 'all' ? 'all' : (oneOf(STANDINGS, params.get('status')) ?? 'eligible'),
    q: params.get('q') || undefined,
    page: positive(params.get('page'), 1),
    pageSize: Math.min(positive(params.get('pageSize'), 20), 200),
  };

  /** Changes part of the state; any change other than the page starts again at page 1. */
  const update = (change: Partial<PoolState>) => {
    patch('page' in change ? change : { ...change, page: null }, { replace: true });
  };

  return { state, update };
}
