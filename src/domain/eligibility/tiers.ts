/** The cultivation ladder's tier keys (shared/DOMAIN.md), lowest rung first, with their Chinese names. */
export const TIER_KEYS = [
  'tech_sme',
  'innovative_sme',
  'hnte',
  'specialized_sme',
  'little_giant',
  'gazelle',
  'potential_unicorn',
  'unicorn',
] as const;
export type TierKey = (typeof TIER_KEYS)[number];

/** A 资质 this close to its expiry is flagged on the profile, the 工作台 and the registry filter, so the
 *  firm can prepare its 重新认定 in time. */
export const EXPIRY_NOTICE_DAYS = 90;

export const TIER_NAMES: Record<TierKey, string> = {
  tech_sme: '科技型中小企业',
  innovative_sme: '创新型中小企业',
  hnte: '高新技术企业',
  specialized_sme: '专精特新中小企业',
  little_giant: '专精特新“小巨人”企业',
  gazelle: '瞪羚企业',
  potential_unicorn: '潜在独角兽企业',
  unicorn: '独角兽企业',
};

/** Titles a firm can hold that are not rungs of the ladder but open direct paths (创新型 直通条件). */
export const OTHER_TITLES = ['tech_innovation_demo', 'ip_advantage', 'ip_demonstration'] as const;
export type OtherTitle = (typeof OTHER_TITLES)[number];

export const OTHER_TITLE_NAMES: Record<OtherTitle, string> = {
  tech_innovation_demo: '国家级技术创新示范企业',
  ip_advantage: '知识产权优势企业',
  ip_demonstration: '知识产权示范企业',
};
