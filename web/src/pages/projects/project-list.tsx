/** 列表: the projects as a table (name, firm, source, type, stage, owner, planned investment, last
 *  follow-up), filtered by stage, 我负责的 and a name search, paged by the server. */
import { Table, type TableColumnsType, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Stage } from '../../../../src/domain/project/stages';
import { type ProjectSummary, useProjects } from '../../api/projects';
import { useMessages } from '../../i18n';
import { formatDate } from '../../lib/format';
import { formatMoney, isStale, StageTag } from './common';

export function ProjectTable({
  filter,
  paging,
  onPage,
  onOpen,
}: {
  filter: { stage?: Stage; q?: string; mine?: boolean };
  paging: { page: number; pageSize: number };
  onPage: (page: number, pageSize: number) => void;
  onOpen: (id: string) => void;
}) {
  const { t } = useTranslation();
  const m = useMessages().projects;
  const list = useProjects({ ...filter, ...paging });
  const columns: TableColumnsType<ProjectSummary> = [
    {
      key: 'name',
      title: m.col.name,
      render: (_, r) => (
        <Typography.Link strong onClick={() => onOpen(r.id)} data-testid="project-row-open">
          {r.name}
        </Typography.Link>
      ),
    },
    { key: 'firm', title: m.col.firm, dataIndex: 'enterpriseName', ellipsis: true },
    { key: 'source', title: m.col.source, dataIndex: 'source', width: 110 },
    { key: 'type', title: m.col.type, dataIndex: 'type', width: 110 },
    { key: 'stage', title: m.col.stage, width: 80, render: (_, r) => <StageTag stage={r.stage} /> },
    {
      key: 'owner',
      title: m.col.owner,
      width: 150,
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
      key: 'investment',
      title: m.col.investment,
      width: 130,
      align: 'right',
      render: (_, r) => formatMoney(r.plannedInvestment),
    },
    {
      key: 'lastFollowUp',
      title: m.col.lastFollowUp,
      width: 130,
      render: (_, r) =>
        isStale(r) ? (
          <Typography.Text type="warning" title={m.board.stale}>
            {r.lastFollowUp ? formatDate(r.lastFollowUp) : m.board.noFollowUp}
          </Typography.Text>
        ) : r.lastFollowUp ? (
          formatDate(r.lastFollowUp)
        ) : (
          <Typography.Text type="secondary">{m.board.noFollowUp}</Typography.Text>
        ),
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
      scroll={{ x: 1100 }}
      pagination={{
        current: paging.page,
        pageSize: paging.pageSize,
        total: list.data?.total ?? 0,
        showSizeChanger: true,
        showTotal: (total) => t('common.total', { total }),
        onChange: onPage,
      }}
    />
  );
}
