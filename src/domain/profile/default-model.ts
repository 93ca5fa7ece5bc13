/** The default 创新力画像 model (version 1). docs/EVALUATION.md gives the reasons; in short:
 *  - 技术含量 30 %: invention patents and technology readiness are what a 科技局 brings a project for;
 *    R&D intensity shows the firm keeps inventing.
 *  - 产业链契合度 20 %: a project that fills a missing link of a leading chain is worth most to the
 *    region (补链), one that piles onto a strong node least.
 *  - 团队竞争力 20 %: named talent programmes, doctorates and the R&D share — never age, gender,
 *    hometown or school prestige.
 *  - 成长潜能 15 %: growth, funding and titles already earned.
 *  - 投资规模与落地效益 15 %: the classic 招商 view — money, output, output per 亩 (≥ 400 万元/亩 for full
 *    marks, as the county admission scorecards say), talents brought. */
import type { ScoringModel } from './model.js';

const 万 = 1e4;
const 亿 = 1e8;

export const DEFAULT_SCORING_MODEL: ScoringModel = {
  version: 1,
  name: '创新力画像（默认模型）',
  industryWeights: {},
  dimensions: [
    {
      key: 'technology',
      weight: 0.3,
      indicators: [
        {
          key: 'invention_patents',
          name: '发明专利',
          fact: 'patents.invention',
          bands: [
            { min: 1, points: 3 },
            { min: 3, points: 5 },
            { min: 5, points: 7 },
            { min: 10, points: 9 },
            { min: 20, points: 10 },
          ],
          max: 10,
          why: '发明专利是核心技术最可核验的证据',
        },
        {
          key: 'ip_total',
          name: '知识产权总量',
          fact: 'patents.total',
          bands: [
            { min: 1, points: 1 },
            { min: 5, points: 3 },
            { min: 10, points: 4 },
            { min: 30, points: 5 },
          ],
          max: 5,
        },
        {
          key: 'trl',
          name: '技术成熟度（TRL）',
          fact: 'trl',
          bands: [
            { min: 3, points: 2 },
            { min: 5, points: 4 },
            { min: 6, points: 6 },
            { min: 7, points: 8 },
            { min: 8, points: 9 },
            { min: 9, points: 10 },
          ],
          max: 10,
          why: '中试、小批量、量产分别对应 TRL 6、7–8、9，越成熟越能落地',
        },
        {
          key: 'rd_ratio',
          name: '研发投入强度',
          fact: 'rd_ratio',
          bands: [
            { min: 0.03, points: 2 },
            { min: 0.05, points: 4 },
            { min: 0.08, points: 6 },
            { min: 0.15, points: 8 },
          ],
          max: 8,
        },
      ],
    },
    {
      key: 'chainFit',
      weight: 0.2,
      indicators: [
        {
          key: 'node_fit',
          name: '补链强链价值',
          fact: 'chain.node_fit',
          bands: [
            { min: 1, points: 3 },
            { min: 2, points: 6 },
            { min: 3, points: 8 },
            { min: 4, points: 10 },
          ],
          max: 10,
          why: '项目服务的链节点：缺失 4、薄弱 3、一般 2、优势 1（补链得分最高）',
        },
        {
          key: 'leading_chain',
          name: '属于主导产业链',
          fact: 'chain.leading',
          bands: [{ min: 1, points: 5 }],
          max: 5,
        },
      ],
    },
    {
      key: 'team',
      weight: 0.2,
      indicators: [
        {
          key: 'academicians',
          name: '院士',
          fact: 'team.academicians',
          bands: [{ min: 1, points: 6 }],
          max: 6,
        },
        {
          key: 'national_talents',
          name: '国家级人才',
          fact: 'team.national_talents',
          bands: [
            { min: 1, points: 4 },
            { min: 2, points: 6 },
            { min: 3, points: 8 },
          ],
          max: 8,
        },
        {
          key: 'phd',
          name: '博士',
          fact: 'team.phd',
          bands: [
            { min: 1, points: 2 },
            { min: 3, points: 4 },
            { min: 5, points: 6 },
            { min: 10, points: 8 },
          ],
          max: 8,
        },
        {
          key: 'rd_staff_ratio',
          name: '研发人员占比',
          fact: 'rd_staff_ratio',
          bands: [
            { min: 0.1, points: 2 },
            { min: 0.2, points: 4 },
            { min: 0.3, points: 6 },
          ],
          max: 6,
        },
        {
          key: 'affiliation',
          name: '依托单位',
          fact: 'affiliation.rank',
          bands: [
            { min: 1, points: 3 },
            { min: 2, points: 5 },
          ],
          max: 5,
          why: '依托大院大所、央企国企或行业龙头 2，高校 1（看机构，不看个人学历出身）',
        },
      ],
    },
    {
      key: 'growth',
      weight: 0.15,
      indicators: [
        {
          key: 'revenue_growth',
          name: '营收增长率',
          fact: 'revenue_growth',
          bands: [
            { min: 0.0001, points: 1 },
            { min: 0.1, points: 3 },
            { min: 0.2, points: 5 },
            { min: 0.35, points: 7 },
            { min: 0.5, points: 8 },
          ],
          max: 8,
        },
        {
          key: 'funding',
          name: '累计融资',
          fact: 'funding.total',
          bands: [
            { min: 1000 * 万, points: 2 },
            { min: 5000 * 万, points: 4 },
            { min: 1 * 亿, points: 6 },
            { min: 5 * 亿, points: 8 },
          ],
          max: 8,
        },
        {
          key: 'qualifications',
          name: '已获资质梯队',
          fact: 'qualifications.rank',
          bands: [
            { min: 1, points: 1 },
            { min: 3, points: 3 },
            { min: 4, points: 4 },
            { min: 5, points: 5 },
            { min: 6, points: 6 },
          ],
          max: 6,
          why: '科技型中小企业 1 … 高企 3、专精特新 4、小巨人 5、瞪羚及以上 6',
        },
        {
          key: 'key_customers',
          name: '重点客户',
          fact: 'customers.key_count',
          bands: [
            { min: 1, points: 2 },
            { min: 3, points: 4 },
            { min: 5, points: 5 },
          ],
          max: 5,
        },
      ],
    },
    {
      key: 'scale',
      weight: 0.15,
      indicators: [
        {
          key: 'planned_investment',
          name: '计划投资',
          fact: 'investment.planned',
          bands: [
            { min: 1000 * 万, points: 2 },
            { min: 5000 * 万, points: 4 },
            { min: 1 * 亿, points: 6 },
            { min: 5 * 亿, points: 8 },
            { min: 10 * 亿, points: 10 },
          ],
          max: 10,
        },
        {
          key: 'expected_output',
          name: '预期年产值',
          fact: 'output.expected',
          bands: [
            { min: 1 * 亿, points: 3 },
            { min: 5 * 亿, points: 6 },
            { min: 10 * 亿, points: 8 },
          ],
          max: 8,
        },
        {
          key: 'output_per_mu',
          name: '亩均产值',
          fact: 'output.per_mu',
          bands: [
            { min: 200 * 万, points: 3 },
            { min: 400 * 万, points: 6 },
          ],
          max: 6,
          why: '≥ 400 万元/亩满分（县级项目准入评分的通行标准）',
        },
        {
          key: 'talents_planned',
          name: '拟引进人才',
          fact: 'talents.planned',
          bands: [
            { min: 10, points: 2 },
            { min: 30, points: 4 },
            { min: 50, points: 6 },
          ],
          max: 6,
        },
        {
          key: 'revenue',
          name: '营业收入',
          fact: 'revenue',
          bands: [
            { min: 1000 * 万, points: 1 },
            { min: 5000 * 万, points: 2 },
            { min: 1 * 亿, points: 3 },
            { min: 5 * 亿, points: 4 },
          ],
          max: 4,
        },
      ],
    },
  ],
};
