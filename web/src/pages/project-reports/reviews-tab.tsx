/** 双月点评: the sessions so far (title, how many of their projects are rated), 新建点评 for leaders and
 *  admins, and one session's projects when it is open (?review=<id>, so a reload keeps it). */
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Flex, Form, Modal, Progress, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { isApiError } from '../../api/client';
import { type Review, useCreateReview, useReviews } from '../../api/pipeline';
import { useApiError } from '../../components/use-api-error';
import { validValues } from '../../components/valid-values';
import { useMessages } from '../../i18n';
import { fill } from '../../i18n/fill';
import { formatTime } from '../../lib/format';
import { useReviewTitle } from './common';
import { ReviewDetailView } from './review-detail';

export function ReviewsTab({
  canRate,
  openId,
  onOpen,
}: {
  canRate: boolean;
  openId: string | undefined;
  onOpen: (id: string | null) => void;
}) {
  const rv = useMessages().projectReports.reviews;
  const reviewTitle = useReviewTitle();
  const list = useReviews();
  const [creating, setCreating] = useState(false);

  if (openId) return <ReviewDetailView id={openId} canRate={canRate} onBack={() => onOpen(null)} />;
  return (
    <Flex vertical gap={16}>
      {canRate && (
        <Flex justify="flex-end">
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="review-create"
          >
            {rv.create}
          </Button>
        </Flex>
      )}
      <Table<Review>
        rowKey="id"
        size="middle"
        dataSource={list.data?.items ?? []}
        loading={list.isPending}
        locale={{ emptyText: list.error ? list.error.message : rv.empty }}
        pagination={false}
        onRow={(r) => ({
          onClick: () => onOpen(r.id),
          style: { cursor: 'pointer' },
          'data-testid': `review-row-${r.period}`,
        })}
        data-testid="reviews-table"
        columns={[
          {
            title: rv.title,
            dataIndex: 'title',
            render: (_: string, row) => <Typography.Link>{reviewTitle(row)}</Typography.Link>,
          },
          { title: rv.period, dataIndex: 'period', width: 110 },
          { title: rv.org, dataIndex: 'orgName', width: 160 },
          { title: rv.createdAt, dataIndex: 'createdAt', width: 180, render: formatTime },
          {
            title: rv.progress,
            key: 'progress',
            width: 220,
            render: (_, r) => (
              <Flex gap={8} align="center">
                <Progress
                  percent={r.total ? Math.round((100 * r.rated) / r.total) : 0}
                  size="small"
                  showInfo={false}
                  style={{ width: 100, margin: 0 }}
                />
                <span>
                  {r.rated} / {r.total}
                </span>
              </Flex>
            ),
          },
        ]}
      />
      {creating && (
        <CreateReviewModal
          onClose={(id) => {
            setCreating(false);
            if (id) onOpen(id);
          }}
        />
      )}
    </Flex>
  );
}

function CreateReviewModal({ onClose }: { onClose: (id?: string) => void }) {
  const rv = useMessages().projectReports.reviews;
  const reviewTitle = useReviewTitle();
  const { message } = App.useApp();
  const onError = useApiError();
  const create = useCreateReview();
  const [form] = Form.useForm<{ period: dayjs.Dayjs }>();

  const submit = async () => {
    const v = await validValues(form);
    if (!v) return;
    const { period } = v;
    create.mutate(period.format('YYYY-MM'), {
      onSuccess: (r) => {
        message.success(fill(rv.created, { title: reviewTitle(r) }));
        onClose(r.id);
      },
      onError: (e) => {
        // The period already has its review: open that one rather than stop at an error.
        const existing = isApiError(e, 'review.exists')
          ? (e.details as { id?: string } | null)?.id
          : undefined;
        if (!existing) return onError(e, form);
        message.info(rv.exists);
        onClose(existing);
      },
    });
  };

  return (
    <Modal
      open
      title={rv.createTitle}
      onCancel={() => onClose()}
      onOk={submit}
      confirmLoading={create.isPending}
      okButtonProps={{ 'data-testid': 'review-create-ok' }}
      destroyOnHidden
      data-testid="review-create-modal"
    >
      <Form form={form} layout="vertical" initialValues={{ period: dayjs() }}>
        <Form.Item
          name="period"
          label={rv.period}
          extra={rv.periodHint}
          rules={[{ required: true, message: rv.periodRequired }]}
        >
          <DatePicker picker="month" format="YYYY-MM" allowClear={false} data-testid="review-period" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
