/** 年度数据: the figures behind the trends, each year with its source. */
import { Card, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EnterpriseYear } from '../../../api/enterprises';
import { useMessages } from '../../../i18n';
import { Sourced } from '../enterprise-tags';
import { formatCount, formatMoney, rdRatio } from '../format';

export function YearsTable({ years }: { years: EnterpriseYear[] }) {
  const { i18n } = useTranslation();
  const en = i18n.language === 'en-US';
  const p = useMessages().enterprises.profile;
  const money = (field: keyof EnterpriseYear) => (v: number | null, y: EnterpriseYear) => (
    <Sourced provenance={y.provenance} field={field} empty={v === null}>
      {formatMoney(v, en)}
    </Sourced>
  );
  return (
    <Card title={p.years} size="small" data-testid="years-card">
      <Table<EnterpriseYear>
        size="small"
        rowKey="year"
        pagination={false}
        dataSource={[...years].reverse()}
        locale={{ emptyText: p.noYears }}
        scroll={{ x: 900 }}
        columns={[
          { title: p.year, dataIndex: 'year', width: 80 },
          { title: p.revenue, dataIndex: 'revenue', align: 'right', render: money('revenue') },
          { title: p.rdExpense, dataIndex: 'rdExpense', align: 'right', render: money('rdExpense') },
          {
            title: p.rdRatio,
            key: 'rdRatio',
            align: 'right',
            render: (_, y) => {
              const r = rdRatio(y);
              return r === null ? '—' : `${r}%`;
            },
          },
          { title: p.netProfit, dataIndex: 'netProfit', align: 'right', render: money('netProfit') },
          { title: p.staff, dataIndex: 'employees', align: 'right', render: formatCount },
          { title: p.techStaff, dataIndex: 'techStaff', align: 'right', render: formatCount },
          { title: p.rdStaff, dataIndex: 'rdStaff', align: 'right', render: formatCount },
        ]}
      />
    </Card>
  );
}
