/** 双月点评 on the project: each period's ratings (推进良好 / 一般 / 滞后) with the rater and comment, so
 *  the officer sees the leaders' verdict where the work is done. */
import { Card, Empty, Flex, Tag, Typography } from 'antd';
import type { Rating } from '../../../../src/domain/project/catalog';
import type { ProjectRating } from '../../api/projects';
import { useMessages } from '../../i18n';
import { formatDate } from '../../lib/format';

const COLOR: Record<Rating, string> = { good: 'success', fair: 'default', lagging: 'error' };

export function Ratings({ ratings }: { ratings: ProjectRating[] }) {
  const m = useMessages().projects;
  return (
    <Card size="small" title={m.detail.ratings} data-testid="project-ratings">
      {ratings.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={m.detail.noRatings} style={{ margin: 0 }} />
      ) : (
        <Flex vertical gap={10}>
          {ratings.map((r) => (
            <Flex key={`${r.period}-${r.raterName}-${r.at}`} vertical gap={2} data-testid="project-rating">
              <Flex gap={8} align="center" wrap>
                <Typography.Text strong>{r.period}</Typography.Text>
                <Tag color={COLOR[r.rating]} style={{ marginInlineEnd: 0 }}>
                  {m.ratingNames[r.rating] ?? r.ratingName}
                </Tag>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {r.raterName} · {formatDate(r.at)}
                </Typography.Text>
              </Flex>
              {r.comment && <Typography.Text style={{ fontSize: 13 }}>{r.comment}</Typography.Text>}
            </Flex>
          ))}
        </Flex>
      )}
    </Card>
  );
}
