/** 融资, 研发机构 and 获奖 of the profile. */
import { Card, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Award, FundingRound, Institution } from '../../../api/enterprises';
import { useMessages } from '../../../i18n';
import { formatDay, formatMoney } from '../format';

const LEVEL_COLORS: Record<string, string> = { national: 'red', provincial: 'orange', city: 'blue' };

export function FundingCard({ rounds }: { rounds: FundingRound[] }) {
  const { i18n } = useTranslation();
  const en = i18n.language === 'en-US';
  const p = useMessages().enterprises.profile;
  return (
    <Card title={p.funding} size="small" data-testid="funding-card">
      <Table<FundingRound>
        size="small"
        rowKey={(r) => `${r.date ?? ''}-${r.round}`}
        pagination={false}
        dataSource={rounds}
        locale={{ emptyText: p.noFunding }}
        columns={[
          { title: p.fundingDate, dataIndex: 'date', width: 110, render: formatDay },
          { title: p.round, dataIndex: 'round', width: 100 },
          {
            title: p.amount,
            dataIndex: 'amount',
            width: 130,
            align: 'right',
            render: (v: number | null, r) => formatMoney(v, en, r.currency),
          },
          {
            title: p.valuation,
            dataIndex: 'postMoneyValuation',
            width: 130,
            align: 'right',
            render: (v: number | null, r) => formatMoney(v, en, r.currency),
          },
          {
            title: p.investors,
            dataIndex: 'investors',
            render: (v: string[]) => (v.length ? v.join(en ? ', ' : '、') : '—'),
          },
        ]}
      />
    </Card>
  );
}

export function InstitutionsCard({ items }: { items: Institution[] }) {
  const m = useMessages().enterprises;
  const p = m.profile;
  return (
    <Card title={p.institutions} size="small" data-testid="institutions-card" style={{ height: '100%' }}>
      <Table<Institution>
        size="small"
        rowKey="name"
        pagination={false}
        dataSource={items}
        locale={{ emptyText: p.noInstitutions }}
        columns={[
          { title: p.institutionName, dataIndex: 'name' },
          {
            title: p.level,
            dataIndex: 'level',
            width: 90,
            render: (v: string) => <Tag color={LEVEL_COLORS[v] ?? 'default'}>{m.levels[v] ?? v}</Tag>,
          },
          { title: p.recognizedOn, dataIndex: 'recognizedOn', width: 110, render: formatDay },
        ]}
      />
    </Card>
  );
}

export function AwardsCard({ items }: { items: Award[] }) {
  const m = useMessages().enterprises;
  const p = m.profile;
  return (
    <Card title={p.awards} size="small" data-testid="awards-card" style={{ height: '100%' }}>
      <Table<Award>
        size="small"
        rowKey={(a) => `${a.year ?? ''}-${a.name}`}
        pagination={false}
        dataSource={items}
        locale={{ emptyText: p.noAwards }}
        columns={[
          { title: p.awards, dataIndex: 'name' },
          {
            title: p.level,
            dataIndex: 'level',
            width: 90,
            render: (v: string | null) =>
              v ? <Tag color={LEVEL_COLORS[v] ?? 'default'}>{m.levels[v] ?? v}</Tag> : '—',
          },
          { title: p.year, dataIndex: 'year', width: 80, render: (v: number | null) => v ?? '—' },
        ]}
      />
    </Card>
  );
}
