/** The lists a project is described with (shared by the API, the database and the web app, which
 *  imports this file because it holds no zod). */
export const PROJECT_SOURCES = [
  '路演',
  '创新创业大赛',
  '大院大所合作',
  '中介',
  '基金',
  '以商引商',
  '靶向推荐',
  '乡贤',
  '科创飞地',
  '其他',
] as const;
export const PROJECT_TYPES = [
  '大院大所',
  '行业龙头',
  '央企国企',
  '高层次人才',
  '科学家团队',
  '初创',
  '其他',
] as const;
/** 跟进方式: 电话, 拜访, 考察, 会议, 活动. */
export const FOLLOW_UP_KINDS = ['call', 'visit', 'inspection', 'meeting', 'event'] as const;
export type FollowUpKind = (typeof FOLLOW_UP_KINDS)[number];

/** 项目附件 categories. */
export const ATTACHMENT_CATEGORIES = ['商业计划书', '合同', '照片', '其他'] as const;
export type AttachmentCategory = (typeof ATTACHMENT_CATEGORIES)[number];

/** 双月点评 ratings. */
export const RATINGS = ['good', 'fair', 'lagging'] as const;
export type Rating = (typeof RATINGS)[number];
export const RATING_NAMES: Record<Rating, string> = { good: '推进良好', fair: '一般', lagging: '滞后' };

/** The types the reports call high-quality (高质量项目). */
export const HIGH_QUALITY_TYPES = ['大院大所', '行业龙头', '央企国企'] as const;

export const FOLLOW_UP_NAMES: Record<FollowUpKind, string> = {
  call: '电话',
  visit: '拜访',
  inspection: '考察',
  meeting: '会议',
  event: '活动',
};
