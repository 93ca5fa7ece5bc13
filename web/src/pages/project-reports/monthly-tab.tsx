/** 月度跟踪: the month's follow-ups and stage moves, one table per owner or team, with the same report as
 *  an Excel workbook or a Word document to file. */
import { Alert, Card, DatePicker, Empty, Flex, Space, Spin, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { type MonthlyProject, type ReportBy, reportFileUrl, useMonthlyReport } from '../../api/pipeline';
import { useMessages } from '../../i18n';
import { fill } from '../../i18n/fill';
import { formatDate } from '../../lib/format';
import { useStageNames } from '../projects/stage-names';
import { ByToggle, ExportButton, ProjectLink, thisMonth } from './common';

export function MonthlyTab() {
  const r = useMessages().projectReports;
  const kinds = useMessages().projects.kinds;
  const stages = useStageNames();
  const mo = r.monthly;
  const [month, setMonth] = useState(thisMonth);
  const [by, setBy] = useState<ReportBy>('owner');
  const report = useMonthlyReport(month, by);
  const groups = report.data?.groups ?? [];

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" gap={16} wrap>
        <Flex gap={12} align="center">
          <DatePicker
            picker="month"
            allowClear={false}
            value={dayjs(`${month}-01`)}
            onChange={(d) => d && setMonth(d.format('YYYY-MM'))}
            format="YYYY-MM"
            aria-label={mo.month}
            data-testid="monthly-month"
          />
          <ByToggle value={by} onChange={setBy} />
        </Flex>
        <Flex gap={8}>
          <ExportButton
            href={reportFileUrl('monthly', 'xlsx', { month, by })}
            label={r.exportXlsx}
            testId="monthly-xlsx"
          />
          <ExportButton
            href={reportFileUrl('monthly', 'docx', { month, by })}
            label={r.exportDocx}
            testId="monthly-docx"
          />
        </Flex>
      </Flex>
      {report.error && (
        <Alert type="error" showIcon title={r.loadFailed} description={report.error.message} />
      )}
      {report.isPending && <Spin />}
      {report.data && groups.length === 0 && <Empty description={mo.empty} />}
      {groups.map((g) => (
        <Card
          key={g.key}
          size="small"
          title={g.name}
          extra={
            <Typography.Text type="secondary">
              {fill(mo.summary, {
                projects: g.projects.length,
                followUps: g.followUpCount,
                moves: g.moveCount,
              })}
            </Typography.Text>
          }
          data-testid={`monthly-group-${g.name}`}
        >
          <Table<MonthlyProject>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={g.projects}
            onRow={(p) => ({ className: 'monthly-row', 'data-testid': `monthly-row-${p.name}` })}
            columns={[
              {
                title: mo.project,
                dataIndex: 'name',
                width: 220,
                render: (name: string, p) => (
                  <Flex vertical>
                    <ProjectLink id={p.id} name={name} />
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {p.enterpriseName}
                    </Typography.Text>
                  </Flex>
                ),
              },
              { title: mo.stage, key: 'stage', width: 90, render: (_, p) => stages[p.stage] },
              {
                title: mo.followUps,
                key: 'followUps',
                render: (_, p) =>
                  p.followUps.length === 0 ? (
                    <Typography.Text type="secondary">{mo.noFollowUp}</Typography.Text>
                  ) : (
                    <Flex vertical gap={6}>
                      {p.followUps.map((f) => (
                        <div key={`${f.date}-${f.kind}-${f.content}`} data-testid="monthly-follow-up">
                          <Typography.Text strong>
                            {formatDate(f.date)} {kinds[f.kindKey] ?? f.kind}
                          </Typography.Text>{' '}
                          {f.content}
                          {f.outcome && (
                            <Typography.Text type="secondary">
                              {' '}
                              {mo.outcome}
                              {f.outcome}
                            </Typography.Text>
                          )}
                          {f.nextStep && (
                            <Typography.Text type="secondary">
                              {' '}
                              {mo.next}
                              {f.nextStep}
                            </Typography.Text>
                          )}
                          {f.nextDate && (
                            <Typography.Text type="secondary">
                              {' '}
                              {mo.nextDate}
                              {f.nextDate}
                            </Typography.Text>
                          )}
                        </div>
                      ))}
                    </Flex>
                  ),
              },
              {
                title: mo.moves,
                key: 'moves',
                width: 260,
                render: (_, p) =>
                  p.moves.length === 0 ? (
                    <Typography.Text type="secondary">{mo.noMove}</Typography.Text>
                  ) : (
                    <Space orientation="vertical" size={2}>
                      {p.moves.map((mv, i) => (
                        <span
                          // A move back and forth on one day repeats date and stages; the list is in time
                          // order and never reorders, so the position keeps the keys apart.
                          // biome-ignore lint/suspicious/noArrayIndexKey: fixed order, see above
                          key={`${mv.at}-${mv.fromStage}-${mv.toStage}-${i}`}
                          data-testid="monthly-move"
                        >
                          {mv.fromStage
                            ? fill(mo.move, { from: stages[mv.fromStage], to: stages[mv.toStage] })
                            : fill(mo.created, { to: stages[mv.toStage] })}
                          <Typography.Text type="secondary">
                            {fill(mo.moveBy, { name: mv.byName, date: formatDate(mv.at) })}
                          </Typography.Text>
                          {mv.undone && <Typography.Text type="warning">{mo.undone}</Typography.Text>}
                        </span>
                      ))}
                    </Space>
                  ),
              },
            ]}
          />
        </Card>
      ))}
    </Flex>
  );
}
