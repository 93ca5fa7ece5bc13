/** The reports as files: 月度跟踪 in Excel and Word, 季度考核 and 年度总结 in Excel. Every text cell
 *  written to a spreadsheet is defused against formula injection. */
import { PassThrough } from 'node:stream';
import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import ExcelJS from 'exceljs';
import { safeSpreadsheetText as safe } from '../../../domain/csv.js';
import { termValueText } from '../../../domain/project/assessment.js';
import type { quarterlyAssessment } from './assessment.js';
import type { MonthlyGroup } from './monthly.js';
import type { yearSummary } from './year.js';

type Sheet = {
  name: string;
  columns: { header: string; width: number }[];
  rows: (string | number | null)[][];
};

/** Streams a workbook of simple sheets (header row bold, text cells made safe). */
export function workbook(sheets: Sheet[]): PassThrough {
  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    ws.columns = s.columns;
    ws.getRow(1).font = { bold: true };
    for (const r of s.rows) ws.addRow(r.map((v) => (typeof v === 'string' ? safe(v) : v))).commit();
    ws.commit();
  }
  wb.commit().catch((err) => out.destroy(err));
  return out;
}

const followText = (p: MonthlyGroup['projects'][number]) =>
  p.followUps
    .map((f) => `${f.date} ${f.kind}：${f.content}${f.outcome ? `（${f.outcome}）` : ''}`)
    .join('\n');
const moveText = (p: MonthlyGroup['projects'][number]) =>
  p.moves
    .map((m) => `${m.at} ${m.from ?? '新建'}→${m.to}（${m.byName}）${m.undone ? '（已退回）' : ''}`)
    .join('\n');
/** The last follow-up's next step and when it is due; either may be missing. */
const nextText = (p: MonthlyGroup['projects'][number]) => {
  const last = p.followUps.at(-1);
  if (!last) return '';
  const due = last.nextDate ? `下次跟进 ${last.nextDate}` : '';
  return last.nextStep ? `${last.nextStep}${due ? `（${due}）` : ''}` : due;
};

export function monthlyXlsx(report: { month: string; by: 'owner' | 'team'; groups: MonthlyGroup[] }) {
  const who = report.by === 'owner' ? '负责人' : '团队';
  return workbook([
    {
      name: `${report.month}月度跟踪`,
      columns: [
        { header: who, width: 14 },
        { header: '项目名称', width: 28 },
        { header: '企业', width: 30 },
        { header: '当前阶段', width: 10 },
        { header: '本月跟进', width: 60 },
        { header: '本月阶段变化', width: 36 },
        { header: '下一步', width: 30 },
      ],
      rows: report.groups.flatMap((g) =>
        g.projects.map((p) => [
          g.name,
          p.name,
          p.enterpriseName,
          p.stageName,
          followText(p),
          moveText(p),
          nextText(p),
        ]),
      ),
    },
  ]);
}

const cell = (text: string, bold = false) =>
  new TableCell({
    children: text
      .split('\n')
      .map((line) => new Paragraph({ children: [new TextRun({ text: line, bold })] })),
  });

/** The Word version: a heading per owner or team, then a table of its projects. */
export async function monthlyDocx(
  report: { month: string; by: 'owner' | 'team'; groups: MonthlyGroup[] },
  orgName: string,
) {
  const [y, m] = report.month.split('-');
  const header = ['项目名称', '企业', '阶段', '本月跟进', '阶段变化', '下一步'];
  const children: (Paragraph | Table)[] = [
    new Paragraph({
      heading: HeadingLevel.TITLE,
      alignment: AlignmentType.CENTER,
      children: [new TextRun(`${orgName}${y}年${Number(m)}月招商项目月度跟踪`)],
    }),
  ];
  if (!report.groups.length) children.push(new Paragraph('本月没有在谈项目。'));
  for (const g of report.groups) {
    children.push(
      new Paragraph({
        heading: HeadingLevel.HEADING_2,
        children: [
          new TextRun(
            `${g.name}：在谈项目${g.projects.length}个，本月跟进${g.followUpCount}次，阶段变化${g.moveCount}次`,
          ),
        ],
      }),
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: [
          new TableRow({ tableHeader: true, children: header.map((h) => cell(h, true)) }),
          ...g.projects.map(
            (p) =>
              new TableRow({
                children: [
                  p.name,
                  p.enterpriseName,
                  p.stageName,
                  followText(p) || '本月未跟进',
                  moveText(p) || '—',
                  nextText(p) || '—',
                ].map((t) => cell(t)),
              }),
          ),
        ],
      }),
    );
  }
  return Packer.toBuffer(
    new Document({ creator: 'KeZhao 科招', title: `${report.month} 月度跟踪`, sections: [{ children }] }),
  );
}

/** How a term scores, in the words of the page's formula hint: a share scores its weight at 100 %,
 *  any other metric its weight per unit. */
function pointsRule(t: { metric: string; weight: number; cap: number | null }) {
  const rule = t.metric === 'highQualityShare' ? `占比 100% 得 ${t.weight} 分` : `每单位 ${t.weight} 分`;
  return t.cap === null ? rule : `${rule}，封顶 ${t.cap}`;
}

export function assessmentXlsx(a: Awaited<ReturnType<typeof quarterlyAssessment>>) {
  const terms = a.formula.terms;
  const labels = new Map(a.rows[0]?.breakdown.map((b) => [b.metric, b.label]) ?? []);
  return workbook([
    {
      name: `${a.quarter}季度考核`,
      columns: [
        { header: '排名', width: 6 },
        { header: a.by === 'owner' ? '负责人' : '团队', width: 16 },
        { header: '总分', width: 8 },
        ...terms.flatMap((t) => [
          { header: `${labels.get(t.metric) ?? t.metric}`, width: 14 },
          { header: `得分（${pointsRule(t)}）`, width: 14 },
        ]),
      ],
      rows: a.rows.map((r) => [
        r.rank,
        r.name,
        r.score,
        // The share reads as a percentage, as on screen; counts and 亿元 stay numbers to sum in Excel,
        // rounded to two decimals as shown (the points were scored on the exact figures).
        ...r.breakdown.flatMap((b) => [
          b.metric === 'highQualityShare'
            ? termValueText(b.metric, b.value)
            : Math.round(b.value * 100) / 100,
          b.points,
        ]),
      ]),
    },
  ]);
}

export function yearXlsx(s: Awaited<ReturnType<typeof yearSummary>>) {
  const tallyColumns = (first: string) => [
    // 签约 before 落地, as the page and the pipeline order them.
    { header: first, width: 20 },
    { header: '签约项目（个）', width: 14 },
    { header: '落地项目（个）', width: 14 },
    { header: '签约计划投资（亿元）', width: 18 },
  ];
  return workbook([
    {
      name: `${s.year}年度总结`,
      columns: [
        { header: '指标', width: 28 },
        { header: '数值', width: 16 },
      ],
      rows: [
        ['年度总结', s.text],
        ['新增线索（个）', s.newLeads],
        ['签约项目（个）', s.signed],
        ['落地项目（个）', s.landed],
        ['高质量落地项目（个）', s.highQualityLanded],
        ['高质量项目占比', `${Math.round(s.highQualityShare * 1000) / 10}%`],
        ['引进高层次人才（名）', s.talents],
        ['引进科学家团队（个）', s.scientistTeams],
        ['签约计划投资（亿元）', s.plannedInvestment],
        ['落地到位资金（亿元）', s.arrivedInvestment],
      ],
    },
    {
      name: '按来源',
      columns: tallyColumns('项目来源'),
      rows: s.bySource.map((t) => [t.name, t.signed, t.landed, t.plannedInvestment]),
    },
    {
      name: '按产业链',
      columns: tallyColumns('产业链'),
      rows: s.byChain.map((t) => [t.name, t.signed, t.landed, t.plannedInvestment]),
    },
  ]);
}
