/** 我的工作 UI text in English, the same keys as messages-zh-cn.ts. */
import type { myWorkZhCN } from './messages-zh-cn';

export const myWorkEnUS: typeof myWorkZhCN = {
  title: 'My work',
  subtitle:
    'Your projects whose next follow-up is due and those left without one for too long; click a name to open the project',
  loadFailed: 'My work could not be loaded',
  due: 'Follow-ups due',
  dueHint: 'Next follow-up date reached or within 7 days',
  dueEmpty: 'No follow-up due soon',
  stale: 'Stale projects',
  staleEmpty: 'No stale projects',
  rule: 'A project with no follow-up for more than {{n}} days is stale',
  ruleEdit: 'Change rule',
  ruleDays: 'Days',
  ruleSaved: 'Saved: a project with no follow-up for more than {{n}} days is stale',
  today: 'Today {{date}}',
  col: {
    name: 'Project',
    firm: 'Firm',
    stage: 'Stage',
    owner: 'Owner',
    next: 'Next follow-up',
    last: 'Last follow-up',
    idle: 'Days idle',
  },
  overdue: '{{n}} days overdue',
  dueToday: 'Today',
  inDays: 'In {{n}} days',
  idleDays: '{{n}} days',
  never: 'Never followed up',
};
