/** 列表: the projects as a table (name, firm, source, type, stage, owner, planned investment, last
 *  follow-up, last change) under the page's filters, sorted and paged by the server. */
import { Table, type TableColumnsType, type TablePaginationConfig, Typography } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { useTranslation } from 'react-i18next';
import { type ProjectFilter, type ProjectSummary, type SortKey, useProjects } from '../../api/projects';
import { useMoney } from '../../components/use-money';
import { useMessages } from '../../i18n';
import { fill } from '../../i18n/fill';
import { formatDate } from '../../lib/format';
import { isStale, StageTag, useStaleDays } from './common';

/** A date column: "2026-12-08" and the header's sort arrows, kept on one line. */
const DATE_WIDTH = 112;
const nowrap = () => ({ style: { whiteSpace: 'nowrap' as const } });
/** The table's narrowest width: it fits the 1,064 px the page leaves at 1366 px with the side menu open,
 *  so the date columns at the right are not cut off; narrower windows scroll the table sideways. */
const TABLE_MIN = 1040;

export function ProjectTable({
  filter,
  paging,
  onPage,
  onSort,
  onOpen,
}: {
  filter: ProjectFilter;
  paging: { page: number; pageSize: number };
  onPage: (page: number, pageSize: number) => void;
  onSort: (sort: SortKey | undefined, order: 'asc' | 'desc' | undefined) => void;
  onOpen: (id: string) => void;
}) {
  const { t } = useTranslation();
  const m = useMessages().projects;
  const formatMoney = useMoney();
  const staleDays = useStaleDays();
  const list = useProjects({ ...filter, ...paging });
  // The server sorts by updatedAt, newest first, unless told otherwise; the column shows it.
  const sort = filter.sort ?? 'updatedAt';
  const order = filter.order ?? 'desc';
  const sorted = (key: SortKey) => ({
    sorter: true,
    sortDirections: ['descend', 'ascend'] as ('descend' | 'ascend')[],
    sortOrder: sort === key ? (order === 'asc' ? ('ascend' as const) : ('descend' as const)) : null,
  });
  const columns: TableColumnsType<ProjectSummary> = [
    {
      key: 'name',
      title: m.col.name,
      ...sorted('name'),
      render: (_, r) => (
        <Typography.Link strong onClick={() => onOpen(r.id)} data-testid="project-row-open">
          {r.name}
        </Typography.Link>
      ),
    },
    { key: 'firm', title: m.col.firm, dataIndex: 'enterpriseName', ellipsis: true },
    { key: 'source', title: m.col.source, dataIndex: 'source', width: 100 },
    { key: 'type', title: m.col.type, dataIndex: 'type', width: 100 },
    { key: 'stage', title: m.col.stage, width: 72, render: (_, r) => <StageTag stage={r.stage} /> },
    {
      key: 'owner',
      title: m.col.owner,
      width: 130,
      render: (_, r) => (
        <>
          <div>{r.ownerName ?? '—'}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.orgName}
          </Typography.Text>
        </>
      ),
    },
    {
      key: 'plannedInvestment',
      title: m.col.investment,
      ...sorted('plannedInvestment'),
      width: 116,
      align: 'right',
      render: (_, r) => formatMoney(r.plannedInvestment),
    },
    {
      key: 'lastFollowUp',
      title: m.col.lastFollowUp,
      width: DATE_WIDTH,
      onCell: nowrap,
      ...sorted('lastFollowUp'),
      render: (_, r) =>
        isStale(r, staleDays) ? (
          <Typography.Text type="warning" title={fill(m.board.stale, { days: staleDays })}>
            {r.lastFollowUp ? formatDate(r.lastFollowUp) : m.board.noFollowUp}
          </Typography.Text>
        ) : r.lastFollowUp ? (
          formatDate(r.lastFollowUp)
        ) : (
          <Typography.Text type="secondary">{m.board.noFollowUp}</Typography.Text>
        ),
    },
    {
      key: 'updatedAt',
      title: m.col.updatedAt,
      width: DATE_WIDTH,
      onCell: nowrap,
      ...sorted('updatedAt'),
      render: (_, r) => formatDate(r.updatedAt),
    },
  ];
  return (
    <Table<ProjectSummary>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={list.data?.items ?? []}
      loading={list.isFetching && !list.data}
      locale={{ emptyText: list.error ? list.error.message : m.board.empty }}
      onRow={(r) => ({ className: 'project-row', 'data-testid': `project-row-${r.name}` })}
      data-testid="projects-table"
      scroll={{ x: TABLE_MIN }}
      onChange={(_p: TablePaginationConfig, _f, s, extra) => {
        if (extra.action !== 'sort') return;
        const one = (Array.isArray(s) ? s[0] : s) as SorterResult<ProjectSummary>;
        if (!one?.order) return onSort(undefined, undefined);
        onSort(one.columnKey as SortKey, one.order === 'ascend' ? 'asc' : 'desc');
      }}
      pagination={{
        current: paging.page,
        pageSize: paging.pageSize,
        total: list.data?.total ?? 0,
        showSizeChanger: true,
        // Past the server's count cap the total is a lower bound: say "10000+".
        showTotal: (total) => t('common.total', { total: list.data?.totalCapped ? `${total}+` : total }),
        onChange: onPage,
      }}
    />
  );
}
