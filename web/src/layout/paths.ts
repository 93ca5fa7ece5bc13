/** The app's pages and the roles each needs — plain data, so the router, the menu and the browser
 *  tests that visit every page read one table. */
import type { Role } from '../../../src/shared/roles';

export const PATHS = {
  home: '/',
  jobs: '/jobs',
  audit: '/audit',
  users: '/admin/users',
  orgs: '/admin/orgs',
  enterprises: '/enterprises',
  enterpriseImport: '/enterprises/import',
  enterpriseDuplicates: '/enterprises/duplicates',
  chains: '/chains',
  graph: '/graph',
  projects: '/projects',
  myWork: '/my-work',
  projectReports: '/project-reports',
  cultivation: '/cultivation',
  policies: '/policies',
  evaluations: '/evaluations',
  myReviews: '/reviews',
  evaluationSettings: '/evaluation-settings',
  login: '/login',
} as const;

/** Roles allowed on each guarded page; pages not listed are open to every signed-in user. */
export const PAGE_ROLES: Partial<Record<string, readonly Role[]>> = {
  [PATHS.audit]: ['admin', 'leader'],
  [PATHS.users]: ['admin'],
  [PATHS.orgs]: ['admin'],
  [PATHS.enterpriseImport]: ['admin', 'officer'],
  [PATHS.enterpriseDuplicates]: ['admin', 'officer'],
  // Experts score projects only; the screening API refuses them (403).
  [PATHS.cultivation]: ['admin', 'leader', 'officer', 'analyst'],
  // 产业链图谱: experts are refused by the chains API as well.
  [PATHS.chains]: ['admin', 'leader', 'officer', 'analyst'],
  // 企业图谱: the graph API refuses experts as well.
  [PATHS.graph]: ['admin', 'leader', 'officer', 'analyst'],
  // 招商项目: experts are refused by the projects API as well; analysts read only.
  [PATHS.projects]: ['admin', 'leader', 'officer', 'analyst'],
  // 我的工作 and 项目报表 read the same projects; experts are refused by those APIs too.
  [PATHS.myWork]: ['admin', 'leader', 'officer', 'analyst'],
  [PATHS.projectReports]: ['admin', 'leader', 'officer', 'analyst'],
  // 政策找企业: experts are refused by the policy API as well.
  [PATHS.policies]: ['admin', 'leader', 'officer', 'analyst'],
  // 三维评价 on its own page: experts open the evaluations they are assigned to (the API answers 404 to
  // the rest); it has no menu entry.
  [PATHS.evaluations]: ['admin', 'leader', 'officer', 'analyst', 'expert'],
  // 我的评审: the evaluations assigned to the signed-in expert (GET /my-reviews is for experts only).
  [PATHS.myReviews]: ['expert'],
  // 评估设置: admins change the experts, the scoring model and the rules; leaders read them.
  [PATHS.evaluationSettings]: ['admin', 'leader'],
};

export function canOpen(path: string, roles: readonly Role[]): boolean {
  const need = PAGE_ROLES[path];
  return !need || need.some((r) => roles.includes(r));
}
