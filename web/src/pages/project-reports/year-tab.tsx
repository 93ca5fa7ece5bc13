/** 年度总结: the year's figures in the sentence the year-end report uses, the figures themselves, and the
 *  signed and landed projects by source and by industry chain. */
import { Alert, Card, Col, Flex, Row, Spin, Statistic, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { yearTextEn } from '../../../../src/domain/project/year-text';
import { reportFileUrl, useYearSummary, type YearSummary } from '../../api/pipeline';
import { useMessages } from '../../i18n';
import { ExportButton, formatMoney, YearSelect } from './common';

type Tally = YearSummary['bySource'][number];
/** The summary gives money in 亿元, as its sentence does, and in that one unit throughout: a card of
 *  3 亿元 beside one of 5,000 万元 reads as the smaller number at a glance. */
const YI = 1e8;
const yiText = (v: number) =>
  `${new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 4 }).format(v)} 亿元`;

export function YearTab() {
  const r = useMessages().projectReports;
  const y = r.year;
  const [year, setYear] = useState(() => dayjs().year());
  const summary = useYearSummary(year);
  const d = summary.data;
  const en = useTranslation().i18n.language === 'en-US';
  const money = (v: number) => (en ? formatMoney(v * YI, true) : yiText(v));

  const figures: { key: string; value: string | number; suffix?: string }[] = d
    ? [
        { key: 'newLeads', value: d.newLeads, suffix: y.count },
        { key: 'signed', value: d.signed, suffix: y.count },
        { key: 'landed', value: d.landed, suffix: y.count },
        { key: 'highQualityLanded', value: d.highQualityLanded, suffix: y.count },
        {
          key: 'highQualityShare',
          value: d.landed > 0 ? `${Math.round(d.highQualityShare * 1000) / 10}%` : '—',
        },
        { key: 'talents', value: d.talents, suffix: y.people },
        { key: 'scientistTeams', value: d.scientistTeams, suffix: y.count },
        { key: 'plannedInvestment', value: money(d.plannedInvestment) },
        { key: 'arrivedInvestment', value: money(d.arrivedInvestment) },
      ]
    : [];

  const tally = (title: string, rows: Tally[], testId: string) => (
    <Card size="small" title={title}>
      <Table<Tally>
        rowKey="name"
        size="small"
        pagination={false}
        dataSource={rows}
        locale={{ emptyText: y.empty }}
        data-testid={testId}
        columns={[
          { title: y.name, dataIndex: 'name' },
          { title: y.signed, dataIndex: 'signed', width: 100, align: 'right' },
          { title: y.landed, dataIndex: 'landed', width: 100, align: 'right' },
          {
            title: y.plannedInvestment,
            dataIndex: 'plannedInvestment',
            width: 160,
            align: 'right',
            render: (v: number) => money(v),
          },
        ]}
      />
    </Card>
  );

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" gap={16} wrap>
        <YearSelect value={year} onChange={setYear} />
        <ExportButton
          href={reportFileUrl('year', 'xlsx', { year })}
          label={r.exportXlsx}
          testId="year-xlsx"
        />
      </Flex>
      {summary.error && (
        <Alert type="error" showIcon title={r.loadFailed} description={summary.error.message} />
      )}
      {summary.isPending && <Spin />}
      {d && (
        <>
          <Card size="small" title={`${d.orgName} · ${y.text}`}>
            <Typography.Paragraph
              style={{ fontSize: 15, lineHeight: 1.9, margin: 0 }}
              data-testid="year-text"
            >
              {en ? yearTextEn(d) : d.text}
            </Typography.Paragraph>
          </Card>
          <Row gutter={[16, 16]} data-testid="year-figures">
            {figures.map((f) => (
              <Col key={f.key} xs={12} md={8} xl={6} xxl={4}>
                <Card size="small">
                  <Statistic title={y[f.key]} value={f.value} suffix={f.suffix || undefined} />
                </Card>
              </Col>
            ))}
          </Row>
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={12}>
              {tally(y.bySource, d.bySource, 'year-by-source')}
            </Col>
            <Col xs={24} xl={12}>
              {tally(y.byChain, d.byChain, 'year-by-chain')}
            </Col>
          </Row>
        </>
      )}
    </Flex>
  );
}
