/** The policy clause kinds, in the order an editor offers them. Apart from the zod schema
 *  (conditions.ts, which checks the two agree) so the web editor can list them without bundling zod. */
export const CLAUSE_KINDS = [
  'tier_held',
  'tier_eligible',
  'tier_not_held',
  'region',
  'industry',
  'age',
  'revenue',
  'employees',
  'rd_ratio',
  'rd_expense',
  'invention_patents',
  'class1_ip',
  'universe_local',
] as const;
