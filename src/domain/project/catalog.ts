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
