/** Every indicator of the profile, grouped by dimension: points out of the maximum, the fact it read
 *  with the quote and page it came from (or 缺失, scored 0), and the band that gave the points. */
import { Flex, Table, type TableColumnsType, Tag, Tooltip, Typography } from 'antd';
import { displayFact } from '../../../../src/domain/profile/fact-display';
import type { Indicator, Profile } from '../../api/evaluation';
import { useMessages } from '../../i18n';
import { fill } from '../../i18n/fill';

type Row = Indicator & { dimension: string; dimensionKey: string; rowSpan: number };

function rowsOf(profile: Profile, names: Record<string, string>): Row[] {
  return profile.dimensions.flatMap((d) =>
    d.indicators.map((i, n) => ({
      ...(i as Indicator),
      dimension: `${names[d.key] ?? d.name}（${d.score}）`,
      dimensionKey: d.key,
      rowSpan: n === 0 ? d.indicators.length : 0,
    })),
  );
}

function Evidence({ i }: { i: Indicator }) {
  const m = useMessages().evaluation;
  if (i.missing || !i.used)
    return (
      <Flex vertical gap={2}>
        <span>
          <Tag color="default" data-testid="indicator-missing">
            {m.profile.missingTag}
          </Tag>
        </span>
        {i.why && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {i.why}
          </Typography.Text>
        )}
      </Flex>
    );
  const f = i.used;
  return (
    <Flex vertical gap={2}>
      <span>
        <Typography.Text strong>{displayFact(f.key, f.value)}</Typography.Text>
        <Tag style={{ marginInlineStart: 8 }}>{m.sources[f.source] ?? f.source}</Tag>
        {f.qualifier === 'forecast' && <Tag color="orange">{m.profile.forecast}</Tag>}
        {f.period && <Typography.Text type="secondary">{f.period}</Typography.Text>}
      </span>
      {f.evidence?.quote && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="indicator-quote">
          “{f.evidence.quote}”
          {f.evidence.page ? `（${fill(m.profile.page, { page: f.evidence.page })}）` : ''}
        </Typography.Text>
      )}
    </Flex>
  );
}

export function IndicatorsTable({ profile }: { profile: Profile }) {
  const { profile: p, dimensions } = useMessages().evaluation;
  const columns: TableColumnsType<Row> = [
    {
      key: 'dimension',
      title: p.dimension,
      width: 150,
      onCell: (r) => ({ rowSpan: r.rowSpan }),
      render: (_, r) => <Typography.Text strong>{r.dimension}</Typography.Text>,
    },
    {
      key: 'indicator',
      title: p.indicator,
      width: 180,
      render: (_, r) =>
        r.band ? (
          <Tooltip title={r.band}>
            <span>{r.name}</span>
          </Tooltip>
        ) : (
          r.name
        ),
    },
    {
      key: 'points',
      title: p.points,
      width: 100,
      align: 'right',
      render: (_, r) => (
        <Typography.Text type={r.points === 0 ? 'secondary' : undefined}>
          {r.points} / {r.max}
        </Typography.Text>
      ),
    },
    { key: 'evidence', title: p.evidence, render: (_, r) => <Evidence i={r} /> },
  ];
  return (
    <Table<Row>
      rowKey={(r) => `${r.dimensionKey}.${r.key}`}
      size="small"
      bordered
      columns={columns}
      dataSource={rowsOf(profile, dimensions)}
      pagination={false}
      onRow={(r) => ({ className: 'indicator-row', 'data-testid': `indicator-${r.key}` })}
      data-testid="indicator-table"
    />
  );
}
