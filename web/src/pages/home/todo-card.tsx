/** 待办: the counts of what waits for me, each a link to the page where it is done. A count of zero
 *  is shown too (grey), so the card says "nothing waits" rather than hiding. */
import { Card, Col, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EXPIRY_NOTICE_DAYS } from '../../../../src/domain/eligibility/tiers';
import { useWorkbench, type WorkbenchItemKey } from '../../api/workbench';
import { PATHS } from '../../layout/paths';

const LINKS: Record<WorkbenchItemKey, string> = {
  followUpsDue: PATHS.myWork,
  staleProjects: PATHS.myWork,
  reviewsToDo: PATHS.myReviews,
  pushesToTell: `${PATHS.policies}?tab=pushes`,
  firmsToReview: `${PATHS.enterprises}?review=true`,
  expiringQualifications: `${PATHS.enterprises}?expiring=true&universe=local`,
};

export function TodoCard() {
  const { t } = useTranslation();
  const work = useWorkbench();
  const items = work.data?.items ?? [];
  if (work.isSuccess && items.length === 0) return null;
  return (
    <Card title={t('home.todo.title')} loading={work.isLoading} data-testid="todo-card">
      {work.isError && <Typography.Text type="danger">{t('home.todo.failed')}</Typography.Text>}
      <Row gutter={[16, 16]}>
        {items.map((i) => (
          <Col key={i.key} xs={12} md={8} xl={items.length >= 5 ? 4 : items.length === 4 ? 6 : 8}>
            <Link to={LINKS[i.key]} data-testid={`todo-${i.key}`}>
              <Statistic
                title={t(`home.todo.${i.key}`)}
                value={i.count}
                suffix={i.capped ? '+' : undefined}
                styles={{ content: { color: i.count > 0 ? undefined : 'rgba(0,0,0,0.25)' } }}
              />
            </Link>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t(`home.todo.${i.key}Hint`, { n: EXPIRY_NOTICE_DAYS })}
            </Typography.Text>
          </Col>
        ))}
      </Row>
    </Card>
  );
}
