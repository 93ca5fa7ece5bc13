/** 年度统计: for a year, per tier, how many firms were found, served, applied and certified, against the
 *  year's targets (申报 x/目标, 认定 x/目标), the pass rate and the certified firms at the year's start and
 *  now; admin and leader set the targets. */
import { AimOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Progress, Skeleton, Table, Typography } from 'antd';
import { useState } from 'react';
import { type StatsRow, useCultivationStats } from '../../api/cultivation';
import { useMessages } from '../../i18n';
import { fill } from '../../i18n/fill';
import { YearSelect } from './stage';
import { StatsChart } from './stats-chart';
import { TargetsModal } from './targets-modal';

function OfTarget({ n, target, testId }: { n: number; target: number | null; testId: string }) {
  if (target === null) return <span data-testid={testId}>{n}</span>;
  const pct = target > 0 ? Math.min(100, Math.round((n / target) * 100)) : 100;
  return (
    <Flex vertical gap={0} style={{ minWidth: 110 }}>
      <span data-testid={testId}>{`${n}/${target}`}</span>
      <Progress percent={pct} size="small" showInfo={false} status={n >= target ? 'success' : 'active'} />
    </Flex>
  );
}

export function StatsPanel({
  year,
  onYear,
  canTarget,
}: {
  year: number;
  onYear: (year: number) => void;
  canTarget: boolean;
}) {
  const m = useMessages();
  const c = m.cultivation;
  const stats = useCultivationStats(year);
  const [editing, setEditing] = useState(false);
  const rows = stats.data?.rows ?? [];
  // The tiers with anything to show; all of them when the year is empty.
  const active = rows.filter(
    (r) => r.discovered > 0 || r.targetApplications !== null || r.targetCertifications !== null,
  );

  return (
    <Card
      title={fill(c.stats.title, { year })}
      data-testid="stats-panel"
      extra={
        <Flex gap={8}>
          <YearSelect value={year} onChange={onYear} />
          {canTarget && (
            <Button
              icon={<AimOutlined />}
              onClick={() => setEditing(true)}
              disabled={!stats.data}
              data-testid="targets-edit"
            >
              {c.stats.editTargets}
            </Button>
          )}
        </Flex>
      }
    >
      {!stats.data && !stats.error && <Skeleton active paragraph={{ rows: 6 }} />}
      {stats.error && <Typography.Text type="danger">{stats.error.message}</Typography.Text>}
      {stats.data &&
        (active.length === 0 ? (
          <Empty description={c.stats.empty} data-testid="stats-empty" />
        ) : (
          <StatsChart rows={active} />
        ))}
      {stats.data && (
        <Table<StatsRow>
          rowKey="tier"
          size="middle"
          pagination={false}
          dataSource={rows}
          data-testid="stats-table"
          style={{ marginTop: 16 }}
          onRow={(r) => ({ 'data-testid': `stats-${r.tier}` }) as object}
          columns={[
            { title: c.stats.tier, key: 'tier', render: (_, r) => m.enterprises.tiers[r.tier] ?? r.tierName },
            { title: c.stages.discovered, dataIndex: 'discovered', align: 'right', width: 80 },
            { title: c.stages.serving, dataIndex: 'serving', align: 'right', width: 80 },
            {
              title: c.stats.applied,
              key: 'applied',
              width: 140,
              render: (_, r) => (
                <OfTarget n={r.applied} target={r.targetApplications} testId={`stats-${r.tier}-applied`} />
              ),
            },
            {
              title: c.stats.certified,
              key: 'certified',
              width: 140,
              render: (_, r) => (
                <OfTarget
                  n={r.certified}
                  target={r.targetCertifications}
                  testId={`stats-${r.tier}-certified`}
                />
              ),
            },
            { title: c.stages.rejected, dataIndex: 'rejected', align: 'right', width: 80 },
            {
              title: c.stats.passRate,
              key: 'passRate',
              align: 'right',
              width: 90,
              render: (_, r) => (r.passRate === null ? c.stats.none : `${Math.round(r.passRate * 100)}%`),
            },
            {
              title: c.stats.holding,
              key: 'holding',
              align: 'right',
              width: 170,
              render: (_, r) =>
                r.holdingNow === null ? c.stats.none : `${r.holdingBefore ?? c.stats.none} → ${r.holdingNow}`,
            },
          ]}
        />
      )}
      {editing && stats.data && (
        <TargetsModal year={year} rows={stats.data.rows} onClose={() => setEditing(false)} />
      )}
    </Card>
  );
}
