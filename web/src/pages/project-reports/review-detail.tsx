/** One 双月点评 session: its projects with every leader's rating. Leaders and admins rate each project
 *  推进良好 / 一般 / 滞后 with an optional comment; the others read. */
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Input, Radio, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import {
  RATING_NAMES,
  RATINGS,
  type Rating,
  type ReviewProject,
  useRateProject,
  useReview,
} from '../../api/pipeline';
import { useApiError } from '../../components/use-api-error';
import { useMessages } from '../../i18n';
import { fill } from '../../i18n/fill';
import { StageTag } from '../projects/common';
import { ProjectLink, useReviewTitle } from './common';

export const RATING_COLOR: Record<Rating, string> = { good: 'green', fair: 'gold', lagging: 'red' };

export function ReviewDetailView({
  id,
  canRate,
  onBack,
}: {
  id: string;
  canRate: boolean;
  onBack: () => void;
}) {
  const r = useMessages().projectReports;
  const reviewTitle = useReviewTitle();
  const rv = r.reviews;
  const review = useReview(id);
  const d = review.data;

  return (
    <Flex vertical gap={16} data-testid="review-detail">
      <Flex justify="space-between" align="center" gap={16} wrap>
        <Flex gap={12} align="center">
          <Button icon={<ArrowLeftOutlined />} onClick={onBack} data-testid="review-back">
            {rv.back}
          </Button>
          <Typography.Title level={5} style={{ margin: 0 }} data-testid="review-title">
            {d ? reviewTitle(d) : null}
          </Typography.Title>
        </Flex>
        {d && (
          <Typography.Text type="secondary">
            {d.orgName} · {rv.progress} {d.rated} / {d.total}
          </Typography.Text>
        )}
      </Flex>
      {review.error && (
        <Alert type="error" showIcon title={r.loadFailed} description={review.error.message} />
      )}
      {!canRate && <Alert type="info" showIcon title={rv.readOnly} />}
      <Table<ReviewProject>
        rowKey="id"
        size="middle"
        loading={review.isPending}
        dataSource={d?.projects ?? []}
        pagination={false}
        onRow={(p) => ({ className: 'review-project', 'data-testid': `review-project-${p.name}` })}
        columns={[
          {
            title: rv.projects,
            dataIndex: 'name',
            width: 220,
            render: (name: string, p) => (
              <Flex vertical>
                <ProjectLink id={p.id} name={name} />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {p.enterpriseName}
                </Typography.Text>
              </Flex>
            ),
          },
          {
            title: rv.stage,
            dataIndex: 'stage',
            width: 80,
            render: (s: ReviewProject['stage']) => <StageTag stage={s} />,
          },
          { title: rv.owner, dataIndex: 'ownerName', width: 90, render: (v: string | null) => v ?? '—' },
          {
            title: rv.ratings,
            key: 'ratings',
            render: (_, p) => <Ratings project={p} />,
          },
          ...(canRate
            ? [
                {
                  title: rv.mine,
                  key: 'mine',
                  width: 400,
                  render: (_: unknown, p: ReviewProject) => <RateCell reviewId={id} project={p} />,
                },
              ]
            : []),
        ]}
      />
    </Flex>
  );
}

function Ratings({ project }: { project: ReviewProject }) {
  const rv = useMessages().projectReports.reviews;
  if (project.ratings.length === 0) return <Typography.Text type="secondary">{rv.noRatings}</Typography.Text>;
  return (
    <Flex vertical gap={4} data-testid="review-ratings">
      {project.ratings.map((x) => (
        <div key={x.raterName}>
          <Typography.Text strong>{x.raterName}</Typography.Text>{' '}
          <Tag color={RATING_COLOR[x.rating]}>{RATING_NAMES[x.rating]}</Tag>
          {x.comment && <Typography.Text type="secondary">{x.comment}</Typography.Text>}
        </div>
      ))}
    </Flex>
  );
}

/** The signed-in leader's rating of one project, saved with its own button. */
function RateCell({ reviewId, project }: { reviewId: string; project: ReviewProject }) {
  const rv = useMessages().projectReports.reviews;
  const { message } = App.useApp();
  const onError = useApiError();
  const rate = useRateProject(reviewId);
  const mine = project.ratings.find((x) => x.mine);
  const [rating, setRating] = useState<Rating | undefined>(mine?.rating);
  const [comment, setComment] = useState(mine?.comment ?? '');
  const changed = rating !== mine?.rating || comment !== (mine?.comment ?? '');

  return (
    <Flex vertical gap={6} data-testid="review-rate">
      <Radio.Group
        value={rating}
        onChange={(e) => setRating(e.target.value as Rating)}
        options={RATINGS.map((v) => ({ value: v, label: RATING_NAMES[v] }))}
        data-testid="review-rating"
      />
      <Flex gap={8}>
        <Input.TextArea
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          placeholder={rv.commentPlaceholder}
          aria-label={rv.comment}
          autoSize={{ minRows: 1, maxRows: 4 }}
          maxLength={1000}
          data-testid="review-comment"
        />
        <Button
          type="primary"
          disabled={!rating || !changed}
          loading={rate.isPending}
          onClick={() =>
            rating &&
            rate.mutate(
              { projectId: project.id, rating, comment: comment.trim() || undefined },
              {
                onSuccess: () => message.success(fill(rv.saved, { name: project.name })),
                onError: (e) => onError(e),
              },
            )
          }
          data-testid="review-save"
        >
          {rv.save}
        </Button>
      </Flex>
    </Flex>
  );
}
