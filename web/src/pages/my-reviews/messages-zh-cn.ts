/** 我的评审界面文案（简体中文），挂在 zh-CN.ts 的 myReviews 键下；messages-en-us.ts 提供同样的键。 */
export const myReviewsZhCN = {
  title: '我的评审',
  subtitle: '分配给您的评估项目。点击项目名称打开评价页面，阅读创新力画像并提交背对背评分。',
  loadFailed: '我的评审加载失败',
  empty: '暂无分配给您的评估项目',
  pendingCount: '待评审 {{n}} 项',
  col: {
    project: '项目名称',
    firm: '企业',
    assignedAt: '分配时间',
    state: '状态',
    action: '操作',
  } as Record<string, string>,
  state: {
    pending: '待评审',
    submitted: '已提交',
    conflicted: '回避',
    decided: '已决定',
  } as Record<string, string>,
  conflictedHint: '您与该企业存在利益冲突，不参与评分',
  open: '去评审',
  view: '查看',
};
