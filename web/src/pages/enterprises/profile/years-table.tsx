/** 年度数据: the figures behind the trends, each with its source; admin and officer add, edit and
 *  delete a year here. */
import { EditOutlined } from '@ant-design/icons';
import { App, Button, Card, Popconfirm, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type EnterpriseDetail, type EnterpriseYear, useDeleteYear } from '../../../api/enterprises';
import { useMessages } from '../../../i18n';
import { Sourced } from '../enterprise-tags';
import { formatCount, formatMoney, rdRatio } from '../format';
import { useFactErrors } from './use-fact-errors';
import { YearModal } from './year-modal';

/** The year the 编辑 button opens: last year, the one whose books have just closed. */
const lastClosedYear = () => new Date().getFullYear() - 1;

export function YearsTable({ e, canEdit }: { e: EnterpriseDetail; canEdit: boolean }) {
  const { i18n } = useTranslation();
  const en = i18n.language === 'en-US';
  const { message } = App.useApp();
  const m = useMessages().enterprises;
  const p = m.profile;
  const f = m.facts;
  const [editing, setEditing] = useState<number | null>(null);
  const remove = useDeleteYear(e.id);
  const onError = useFactErrors();

  const sourced =
    (field: keyof EnterpriseYear, show: (v: number | null) => string) =>
    (v: number | null, y: EnterpriseYear) => (
      <Sourced provenance={y.provenance} field={field} empty={v === null} testId={`year-${y.year}-${field}`}>
        {show(v)}
      </Sourced>
    );
  const money = (field: keyof EnterpriseYear) => sourced(field, (v) => formatMoney(v, en));
  const count = (field: keyof EnterpriseYear) => sourced(field, formatCount);

  const onDelete = (year: number) =>
    remove.mutateAsync({ year, version: e.version }).then(
      () => message.success(f.yearDeleted.replace('{{year}}', String(year))),
      // The table has no form; a stale version warns and the refetched profile shows the current years.
      (err) => onError(err),
    );

  const actions = {
    title: f.actions,
    key: 'actions',
    width: 120,
    fixed: 'right' as const,
    render: (_: unknown, y: EnterpriseYear) => (
      <Space size="small">
        <Typography.Link onClick={() => setEditing(y.year)} data-testid={`year-${y.year}-edit`}>
          {f.edit}
        </Typography.Link>
        <Popconfirm
          title={f.deleteYearConfirm.replace('{{year}}', String(y.year))}
          onConfirm={() => onDelete(y.year)}
        >
          <Typography.Link type="danger" data-testid={`year-${y.year}-delete`}>
            {f.delete}
          </Typography.Link>
        </Popconfirm>
      </Space>
    ),
  };

  return (
    <Card
      title={p.years}
      size="small"
      data-testid="years-card"
      extra={
        canEdit && (
          <Button
            size="small"
            icon={<EditOutlined />}
            onClick={() => setEditing(lastClosedYear())}
            data-testid="years-edit"
          >
            {f.edit}
          </Button>
        )
      }
    >
      <Table<EnterpriseYear>
        size="small"
        rowKey="year"
        pagination={false}
        dataSource={[...e.years].reverse()}
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
          { title: p.staff, dataIndex: 'employees', align: 'right', render: count('employees') },
          { title: p.techStaff, dataIndex: 'techStaff', align: 'right', render: count('techStaff') },
          { title: p.rdStaff, dataIndex: 'rdStaff', align: 'right', render: count('rdStaff') },
          ...(canEdit ? [actions] : []),
        ]}
      />
      {editing !== null && <YearModal e={e} initialYear={editing} onClose={() => setEditing(null)} />}
    </Card>
  );
}
