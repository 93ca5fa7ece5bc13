/** Demo orgs and users with fixed ids, shared by the demo, the tests and the browser tests. */
import type { OrgKind, Role } from '../../shared/roles.js';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

export const ROOT_ORG = {
  id: id(1),
  code: 'platform',
  name: '全部地区',
  kind: 'platform' as OrgKind,
  regionCode: null,
};

export type SeedOrg = {
  id: string;
  code: string;
  name: string;
  kind: OrgKind;
  regionCode: string | null;
  parent: string;
};

/** The regions the reports describe (shared/DOMAIN.md). Parks without a GB/T 2260 code carry their city's. */
export const DEMO_ORGS: SeedOrg[] = [
  { id: id(10), code: 'yancheng', name: '盐城市', kind: 'city', regionCode: '320900', parent: 'platform' },
  { id: id(11), code: 'yannan', name: '盐南高新区', kind: 'park', regionCode: null, parent: 'yancheng' },
  { id: id(20), code: 'nantong', name: '南通市', kind: 'city', regionCode: '320600', parent: 'platform' },
  { id: id(21), code: 'ntkfq', name: '南通开发区', kind: 'park', regionCode: null, parent: 'nantong' },
  { id: id(22), code: 'haian', name: '海安市', kind: 'county', regionCode: '320685', parent: 'nantong' },
  { id: id(30), code: 'wuxi', name: '无锡市', kind: 'city', regionCode: '320200', parent: 'platform' },
  { id: id(31), code: 'jiangyin', name: '江阴市', kind: 'county', regionCode: '320281', parent: 'wuxi' },
  { id: id(32), code: 'yixing', name: '宜兴市', kind: 'county', regionCode: '320282', parent: 'wuxi' },
  { id: id(33), code: 'liangxi', name: '梁溪区', kind: 'district', regionCode: '320213', parent: 'wuxi' },
  { id: id(34), code: 'xishan', name: '锡山区', kind: 'district', regionCode: '320205', parent: 'wuxi' },
  { id: id(40), code: 'jiaxing', name: '嘉兴市', kind: 'city', regionCode: '330400', parent: 'platform' },
  { id: id(41), code: 'nanhu', name: '南湖区', kind: 'district', regionCode: '330402', parent: 'jiaxing' },
];

export const DEMO_PASSWORD = 'kezhao2026';

export type SeedUser = { id: string; username: string; displayName: string; roles: Role[]; org: string };

export const DEMO_USERS: SeedUser[] = [
  { id: id(101), username: 'admin', displayName: '王管理', roles: ['admin'], org: 'yannan' },
  { id: id(102), username: 'leader', displayName: '李局长', roles: ['leader'], org: 'yannan' },
  { id: id(103), username: 'officer', displayName: '张专员', roles: ['officer'], org: 'yannan' },
  { id: id(104), username: 'expert', displayName: '陈教授', roles: ['expert'], org: 'yannan' },
  { id: id(105), username: 'analyst', displayName: '赵分析', roles: ['analyst'], org: 'yannan' },
  // The rest of 盐南's committee (演示专家库), so a demo can reach the three scores an approval needs.
  { id: id(107), username: 'expert2', displayName: '刘研究员', roles: ['expert'], org: 'yannan' },
  { id: id(108), username: 'expert3', displayName: '王高工', roles: ['expert'], org: 'yannan' },
  { id: id(109), username: 'expert4', displayName: '孙教授', roles: ['expert'], org: 'yannan' },
  {
    id: id(106),
    username: 'nt_officer',
    displayName: '周专员（南通开发区）',
    roles: ['officer'],
    org: 'ntkfq',
  },
  { id: id(100), username: 'sysadmin', displayName: '系统管理员', roles: ['admin'], org: 'platform' },
];
