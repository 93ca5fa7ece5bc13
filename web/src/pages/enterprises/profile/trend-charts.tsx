/** Yearly figures as three trends: revenue and R&D expense (万元), R&D intensity (%), staff. */
import { Card, Col, Empty, Row } from 'antd';
import { useMemo } from 'react';
import type { EnterpriseYear } from '../../../api/enterprises';
import { useMessages } from '../../../i18n';
import { rdRatio } from '../format';
import { type ChartOption, EChart } from './echart';

const wan = (v: number | null) => (v === null ? null : Math.round(v / 100) / 100);
const BASE = {
  grid: { left: 48, right: 16, top: 36, bottom: 28 },
  tooltip: { trigger: 'axis' as const },
  legend: { top: 0, itemWidth: 14, itemHeight: 8 },
};

export function TrendCharts({ years }: { years: EnterpriseYear[] }) {
  const m = useMessages().enterprises.profile;
  const options = useMemo(() => {
    const x = years.map((y) => String(y.year));
    const axis = { type: 'category' as const, data: x };
    const revenue: ChartOption = {
      ...BASE,
      xAxis: axis,
      yAxis: { type: 'value' },
      series: [
        { name: m.revenue, type: 'bar', data: years.map((y) => wan(y.revenue)), barMaxWidth: 28 },
        { name: m.rdExpense, type: 'bar', data: years.map((y) => wan(y.rdExpense)), barMaxWidth: 28 },
        { name: m.netProfit, type: 'line', data: years.map((y) => wan(y.netProfit)), connectNulls: true },
      ],
    };
    const ratio: ChartOption = {
      ...BASE,
      xAxis: axis,
      yAxis: { type: 'value', axisLabel: { formatter: '{value}%' } },
      series: [{ name: m.rdRatio, type: 'line', data: years.map(rdRatio), connectNulls: true, smooth: true }],
    };
    const staff: ChartOption = {
      ...BASE,
      xAxis: axis,
      yAxis: { type: 'value' },
      series: [
        { name: m.staff, type: 'bar', data: years.map((y) => y.employees), barMaxWidth: 20 },
        { name: m.techStaff, type: 'bar', data: years.map((y) => y.techStaff), barMaxWidth: 20 },
        { name: m.rdStaff, type: 'bar', data: years.map((y) => y.rdStaff), barMaxWidth: 20 },
      ],
    };
    return { revenue, ratio, staff };
  }, [years, m]);

  if (years.length === 0) {
    return (
      <Card title={m.trends} size="small">
        <Empty description={m.noYears} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      </Card>
    );
  }
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={8}>
        <Card title={m.revenueTrend} size="small">
          <EChart option={options.revenue} testId="chart-revenue" />
        </Card>
      </Col>
      <Col xs={24} xl={8}>
        <Card title={m.rdRatioTrend} size="small">
          <EChart option={options.ratio} testId="chart-rd-ratio" />
        </Card>
      </Col>
      <Col xs={24} xl={8}>
        <Card title={m.staffTrend} size="small">
          <EChart option={options.staff} testId="chart-staff" />
        </Card>
      </Col>
    </Row>
  );
}
