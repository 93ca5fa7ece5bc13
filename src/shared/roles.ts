/** Roles as defined in shared/DOMAIN.md. A user may hold several. */
export const ROLES = ['admin', 'leader', 'officer', 'expert', 'analyst'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, { zh: string; en: string }> = {
  admin: { zh: '管理员', en: 'Administrator' },
  leader: { zh: '分管领导', en: 'Leader' },
  officer: { zh: '招商专员', en: 'Investment officer' },
  expert: { zh: '技术委员会专家', en: 'Committee expert' },
  analyst: { zh: '尽调人员', en: 'Due-diligence analyst' },
};

export const ORG_KINDS = ['platform', 'province', 'city', 'district', 'county', 'park'] as const;
export const ORG_KIND_LABELS: Record<(typeof ORG_KINDS)[number], string> = {
  platform: '平台',
  province: '省',
  city: '市',
  district: '区',
  county: '县（市）',
  park: '园区',
};
export type OrgKind = (typeof ORG_KINDS)[number];

/** How high each kind sits: 区 and 县（市） are peers; a 园区 may hold 园中园. */
const ORG_LEVEL: Record<OrgKind, number> = {
  platform: 0,
  province: 1,
  city: 2,
  district: 3,
  county: 3,
  park: 4,
};

/** Whether an org of `child` kind may sit under one of `parent` kind: only lower levels, so a 省 is
 *  never created under a 园区. */
export function orgKindFits(parent: OrgKind, child: OrgKind): boolean {
  return ORG_LEVEL[child] > ORG_LEVEL[parent] || (parent === 'park' && child === 'park');
}
