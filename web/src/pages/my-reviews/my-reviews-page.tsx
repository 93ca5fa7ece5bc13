/** 我的评审 (experts): the evaluations the signed-in expert is assigned to, newest first, each with where
 *  it stands for them — 待评审, 已提交, 回避 (a conflict of interest: they do not score) — and 已决定 once
 *  the leader has decided. The project name opens /evaluations/:id, where they read and score. */
import { Alert, Flex, Table, type TableColumnsType, Tag, Tooltip } from 'antd';
import { Link } from 'react-router';
import { type MyReview, useMyReviews } from '../../api/evaluation';
import { PageHeader } from '../../components/page-header';
import { useMessages } from '../../i18n';
import { fill } from '../../i18n/fill';
import { formatTime } from '../../lib/format';

/** What is left for the expert: only a review neither submitted, recused nor closed by a decision. */
export function isPending(r: MyReview): boolean {
  return !r.conflicted && !r.submitted && !r.decided;
}

function States({ r }: { r: MyReview }) {
  const m = useMessages().myReviews;
  return (
    <Flex gap={4} wrap data-testid="my-review-state">
      {r.conflicted ? (
        <Tooltip title={m.conflictedHint}>
          <Tag color="orange">{m.state.conflicted}</Tag>
        </Tooltip>
      ) : r.submitted ? (
        <Tag color="green">{m.state.submitted}</Tag>
      ) : (
        !r.decided && <Tag color="blue">{m.state.pending}</Tag>
      )}
      {r.decided && <Tag color="purple">{m.state.decided}</Tag>}
    </Flex>
  );
}

export function MyReviewsPage() {
  const m = useMessages().myReviews;
  const reviews = useMyReviews();
  const items = reviews.data?.items ?? [];
  const pending = items.filter(isPending).length;
  const columns: TableColumnsType<MyReview> = [
    {
      title: m.col.project,
      dataIndex: 'projectName',
      render: (name: string, r) => (
        <Link to={`/evaluations/${r.evaluationId}`} data-testid="my-review-link">
          {name}
        </Link>
      ),
    },
    { title: m.col.firm, dataIndex: 'enterpriseName', ellipsis: true },
    { title: m.col.assignedAt, dataIndex: 'assignedAt', width: 170, render: (v: string) => formatTime(v) },
    { title: m.col.state, key: 'state', width: 160, render: (_, r) => <States r={r} /> },
    {
      title: m.col.action,
      key: 'action',
      width: 90,
      render: (_, r) => <Link to={`/evaluations/${r.evaluationId}`}>{isPending(r) ? m.open : m.view}</Link>,
    },
  ];
  return (
    <div data-testid="my-reviews-page">
      <PageHeader
        title={
          <Flex gap={10} align="center">
            <span>{m.title}</span>
            {pending > 0 && (
              <Tag color="blue" data-testid="my-reviews-pending">
                {fill(m.pendingCount, { n: pending })}
              </Tag>
            )}
          </Flex>
        }
        subtitle={m.subtitle}
      />
      {reviews.error && (
        <Alert
          type="error"
          showIcon
          title={m.loadFailed}
          description={reviews.error.message}
          style={{ marginBottom: 16 }}
        />
      )}
      <Table<MyReview>
        rowKey="evaluationId"
        columns={columns}
        dataSource={items}
        loading={reviews.isPending}
        pagination={false}
        locale={{ emptyText: m.empty }}
        onRow={(r) => ({ className: 'my-review-row', 'data-testid': `my-review-${r.projectName}` })}
        data-testid="my-reviews-table"
      />
    </div>
  );
}
