/** 演示专家库: 盐南's technical committee, so the documented loop (assign three experts, each scores in
 *  我的评审, the leader approves) works on the demo data without first registering anyone. 陈教授 is the
 *  demo `expert` account, the others `expert2`–`expert4`. Seeded with the demo firms, once per install. */
import { eq } from 'drizzle-orm';
import { writeAudit } from '../../server/audit.js';
import type { Db } from '../client.js';
import { experts } from '../schema/index.js';
import { DEMO_ORGS, DEMO_USERS } from './demo-data.js';

const DEMO_EXPERTS = [
  {
    name: '陈教授',
    user: 'expert',
    affiliation: '南京大学现代工程与应用科学学院',
    fields: ['新型储能', '锂电'],
  },
  {
    name: '刘研究员',
    user: 'expert2',
    affiliation: '中国科学院电工研究所',
    fields: ['光伏', '风电', '电力电子'],
  },
  {
    name: '王高工',
    user: 'expert3',
    affiliation: '盐城市产业技术研究院',
    fields: ['高端装备', '汽车零部件'],
  },
  { name: '孙教授', user: 'expert4', affiliation: '东南大学集成电路学院', fields: ['集成电路', '人工智能'] },
];

export async function seedDemoExperts(db: Db): Promise<number> {
  const org = DEMO_ORGS.find((o) => o.code === 'yannan');
  if (!org) return 0;
  const present = await db.select({ id: experts.id }).from(experts).where(eq(experts.orgId, org.id)).limit(1);
  if (present.length) return 0;
  await db.transaction(async (tx) => {
    for (const e of DEMO_EXPERTS) {
      const [row] = await tx
        .insert(experts)
        .values({
          orgId: org.id,
          userId: DEMO_USERS.find((u) => u.username === e.user)?.id ?? null,
          name: e.name,
          affiliation: e.affiliation,
          fields: e.fields,
        })
        .returning();
      await writeAudit(tx, null, {
        action: 'create',
        entity: 'expert',
        entityId: row.id,
        orgId: org.id,
        after: row,
      });
    }
  });
  return DEMO_EXPERTS.length;
}
