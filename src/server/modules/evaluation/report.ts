/** 评估报告 (Word): the project, the 创新力画像 with its radar and each indicator's evidence, the 研判
 *  memo, the committee's summary, the due-diligence table, the recommendation and the decision. */
import {
  AlignmentType,
  Document,
  HeadingLevel,
  ImageRun,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { namedScores } from '../../../domain/profile/model.js';
import type { Profile } from '../../../domain/profile/score.js';
import { chinaToday } from '../../../domain/text/china-today.js';
import { radarPng } from './radar.js';
import type { evaluationView } from './view.js';

type View = Awaited<ReturnType<typeof evaluationView>>;
type Panel = View['panel'];
type Committee = {
  experts: number;
  excluded: number;
  score9: number | null;
  score100: number | null;
  sd: number | null;
  discuss: boolean;
};
type Recommendation = { fused: number | null; outcomeName: string | null; reasons: string[] };
type Memo = { source?: string; strengths: string[]; risks: string[]; questions: string[] };

const p = (text: string, bold = false) => new Paragraph({ children: [new TextRun({ text, bold })] });
const h = (text: string) => new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(text)] });
const cell = (text: string, bold = false) =>
  new TableCell({ children: text.split('\n').map((t) => p(t, bold)) });
const table = (header: string[], rows: string[][]) =>
  new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((x) => cell(x, true)) }),
      ...rows.map((r) => new TableRow({ children: r.map((x) => cell(x)) })),
    ],
  });
const list = (items: string[], empty: string) => (items.length ? items.map((s) => p(`• ${s}`)) : [p(empty)]);

export async function evaluationReport(v: View): Promise<Buffer> {
  const profile = v.profile as Profile | null;
  const memo = v.memo as Memo | null;
  const committee = v.committee as Committee | null;
  const rec = v.recommendation as Recommendation | null;
  const flags = v.flags as { severity: string; kind: string; page: number; quote: string }[];
  const out: (Paragraph | Table)[] = [
    new Paragraph({
      heading: HeadingLevel.TITLE,
      alignment: AlignmentType.CENTER,
      children: [new TextRun(`${v.projectName} 评估报告`)],
    }),
    p(`企业：${v.enterpriseName}　当前阶段：${v.stage}　生成时间：${chinaToday()}`),
    h('一、AI研判 · 创新力画像'),
  ];
  if (!profile) out.push(p('尚未生成创新力画像。'));
  else {
    out.push(
      p(
        `综合得分 ${profile.overall}，推荐等级 ${profile.band}（${profile.bandName}），数据覆盖 ${Math.round(profile.coverage * 100)}%（评估模型第 ${v.modelVersion} 版）`,
        true,
      ),
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new ImageRun({
            type: 'png',
            data: radarPng(profile.dimensions),
            transformation: { width: 480, height: 360 },
          }),
        ],
      }),
      table(
        ['维度', '权重', '得分', '指标得分与依据'],
        profile.dimensions.map((d) => [
          d.name,
          `${Math.round(d.weight * 100)}%`,
          String(d.score),
          d.indicators
            .map((i) =>
              i.missing
                ? `${i.name}：缺少数据（0/${i.max}）`
                : `${i.name}：${i.points}/${i.max}${i.used?.evidence?.quote ? `，“${i.used.evidence.quote}”${i.used.evidence.page ? `（第${i.used.evidence.page}页）` : ''}` : ''}`,
            )
            .join('\n'),
        ]),
      ),
      p(profile.missing.length ? `缺失数据：${profile.missing.join('；')}` : '各项指标均有数据。'),
    );
  }
  if (flags.length)
    out.push(
      p('安全提示：计划书中以下内容疑似注入指令或隐藏文字，已剔除，不影响评分。', true),
      ...flags.map((f) => p(`• [${f.severity === 'high' ? '高' : '中'}] 第${f.page}页：${f.quote}`)),
    );
  out.push(
    h('二、研判意见'),
    p('优势', true),
    ...list(memo?.strengths ?? [], '—'),
    p('风险', true),
    ...list(memo?.risks ?? [], '—'),
    p('提请委员会关注的问题', true),
    ...list(memo?.questions ?? [], '—'),
    h('三、技术委员会'),
  );
  const panel = v.panel as Panel;
  out.push(
    table(
      ['专家', '单位', '状态', '评分（1–9）', '意见'],
      panel.members.map((m) => [
        m.name,
        m.affiliation ?? '',
        m.conflicted
          ? `回避：${m.conflict?.reason ?? ''}`
          : m.submitted
            ? `已提交（${m.recommendation ?? ''}）`
            : '未提交',
        m.scores ? namedScores(m.scores) : '—',
        m.comments ?? '',
      ]),
    ),
    p(
      committee?.score9 != null
        ? `无利益冲突专家 ${committee.experts} 位，平均 ${committee.score9} 分（折合 ${committee.score100}），标准差 ${committee.sd}${committee.discuss ? '，意见分歧较大，需讨论' : ''}`
        : '尚无专家评分。',
    ),
    h('四、市场尽调'),
    table(
      ['事项', '否决项', '结论', '说明'],
      v.dueDiligence.map((i) => [i.name, i.veto ? '是' : '', i.statusName ?? '未完成', i.notes ?? '']),
    ),
    h('五、综合建议与决定'),
    p(
      rec?.fused != null
        ? `三方加权得分 ${rec.fused}，系统建议：${rec.outcomeName ?? '—'}`
        : '三方评价尚不完整。',
      true,
    ),
    ...list(rec?.reasons ?? [], '—'),
    p(
      v.decision
        ? `决定：${v.decision.outcomeName}${v.decision.conditions ? `（条件：${v.decision.conditions}）` : ''}，${v.decision.decidedByName}，${v.decision.decidedAt.slice(0, 10)}`
        : '尚未作出决定。',
      true,
    ),
  );
  return Packer.toBuffer(
    new Document({
      creator: 'KeZhao 科招',
      title: `${v.projectName} 评估报告`,
      sections: [{ children: out }],
    }),
  );
}
