/** 季度考核: officers or teams ranked by the published formula; a row opens into each term's value, points
 *  and whether its cap was reached, so anyone can recompute a score. Leaders and admins edit the formula. */
import { CalculatorOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { termValueText } from '../../../../src/domain/project/assessment';
import {
  type AssessmentFormula,
  type AssessmentRow,
  type ReportBy,
  reportFileUrl,
  useAssessment,
} from '../../api/pipeline';
import { useMessages } from '../../i18n';
import { ByToggle, ExportButton, QuarterSelect, quarterOf } from './common';
import { FormulaModal } from './formula-editor';

type Part = AssessmentRow['breakdown'][number];

const num = (n: number) => n.toLocaleString('zh-CN', { maximumFractionDigits: 2 });

export function AssessmentTab({ canEdit }: { canEdit: boolean }) {
  const r = useMessages().projectReports;
  const a = r.assessment;
  const [quarter, setQuarter] = useState(() => quarterOf(dayjs()));
  const [by, setBy] = useState<ReportBy>('owner');
  const [formulaOpen, setFormulaOpen] = useState(false);
  const report = useAssessment(quarter, by);
  const formula = report.data?.formula;

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" gap={16} wrap>
        <Flex gap={12} align="center">
          <QuarterSelect value={quarter} onChange={setQuarter} />
          <ByToggle value={by} onChange={setBy} />
        </Flex>
        <Flex gap={8}>
          <Button
            icon={<CalculatorOutlined />}
            onClick={() => setFormulaOpen(true)}
            data-testid="formula-open"
          >
            {canEdit ? a.edit : a.formula}
          </Button>
          <ExportButton
            href={reportFileUrl('assessment', 'xlsx', { quarter, by })}
            label={r.exportXlsx}
            testId="assessment-xlsx"
          />
        </Flex>
      </Flex>
      {report.error && (
        <Alert type="error" showIcon title={r.loadFailed} description={report.error.message} />
      )}
      <Table<AssessmentRow>
        rowKey="key"
        size="middle"
        loading={report.isPending || (report.isFetching && report.isPlaceholderData)}
        dataSource={report.data?.rows ?? []}
        pagination={false}
        locale={{ emptyText: a.empty }}
        onRow={(row) => ({ className: 'assessment-row', 'data-testid': `assessment-row-${row.name}` })}
        data-testid="assessment-table"
        expandable={{
          expandedRowRender: (row) => <Breakdown parts={row.breakdown} formula={formula} />,
          expandRowByClick: true,
        }}
        columns={[
          {
            title: a.rank,
            dataIndex: 'rank',
            width: 80,
            render: (n: number) => (
              <Tag
                color={n <= 3 ? ['gold', 'default', 'orange'][n - 1] : undefined}
                data-testid="assessment-rank"
              >
                {n}
              </Tag>
            ),
          },
          { title: a.name, dataIndex: 'name' },
          {
            title: a.score,
            dataIndex: 'score',
            width: 140,
            align: 'right',
            render: (s: number) => (
              <Typography.Text strong data-testid="assessment-score">
                {num(s)}
              </Typography.Text>
            ),
          },
        ]}
      />
      {formulaOpen && (
        <FormulaModal canEdit={canEdit} shown={formula} onClose={() => setFormulaOpen(false)} />
      )}
    </Flex>
  );
}

function Breakdown({ parts, formula }: { parts: Part[]; formula: AssessmentFormula | undefined }) {
  const a = useMessages().projectReports.assessment;
  const term = (m: Part['metric']) => formula?.terms.find((t) => t.metric === m);
  return (
    <Table<Part>
      rowKey="metric"
      size="small"
      pagination={false}
      dataSource={parts}
      onRow={(p) => ({ className: 'breakdown-row', 'data-testid': `breakdown-${p.metric}` })}
      data-testid="assessment-breakdown"
      columns={[
        { title: a.metric, dataIndex: 'label' },
        {
          title: a.value,
          dataIndex: 'value',
          width: 120,
          align: 'right',
          render: (v: number, p) => termValueText(p.metric, v),
        },
        {
          title: a.weight,
          key: 'weight',
          width: 120,
          align: 'right',
          render: (_, p) => num(term(p.metric)?.weight ?? 0),
        },
        {
          title: a.cap,
          key: 'cap',
          width: 120,
          align: 'right',
          render: (_, p) => {
            const cap = term(p.metric)?.cap;
            return cap === null || cap === undefined ? (
              <Typography.Text type="secondary">{a.noCap}</Typography.Text>
            ) : (
              num(cap)
            );
          },
        },
        {
          title: a.points,
          dataIndex: 'points',
          width: 160,
          align: 'right',
          render: (pts: number, p) => (
            <Flex gap={6} justify="flex-end" align="center">
              {p.capped && (
                <Tag color="orange" style={{ marginInlineEnd: 0 }} data-testid="breakdown-capped">
                  {a.capped}
                </Tag>
              )}
              <span data-testid="breakdown-points">{num(pts)}</span>
            </Flex>
          ),
        },
      ]}
    />
  );
}
