/** My reviews, in English; the same keys as messages-zh-cn.ts. */
import type { myReviewsZhCN } from './messages-zh-cn';

export const myReviewsEnUS: typeof myReviewsZhCN = {
  title: 'My reviews',
  subtitle:
    'Evaluations you are assigned to. Open a project to read its innovation profile and submit your blind scores.',
  loadFailed: 'Could not load your reviews',
  empty: 'No evaluations are assigned to you',
  pendingCount: '{{n}} to review',
  col: {
    project: 'Project',
    firm: 'Enterprise',
    assignedAt: 'Assigned',
    state: 'Status',
    action: 'Action',
  },
  state: {
    pending: 'To review',
    submitted: 'Submitted',
    conflicted: 'Recused',
    decided: 'Decided',
  },
  conflictedHint: 'You have a conflict of interest with this firm and do not score it',
  open: 'Review',
  view: 'View',
};
