/** The project drawer's 三维评价 tab. It reads the project's evaluation (the server answers 404 until one
 *  is started, and creates nothing), so an evaluation shows after a reload and to analysts. While none
 *  exists, officers, leaders and admins get 开始评估; at 评估 and later stages the tab starts it by itself
 *  for them. */
import { ExportOutlined, PlayCircleOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Flex, Skeleton, Typography } from 'antd';
import { useEffect } from 'react';
import { Link } from 'react-router';
import type { Stage } from '../../../../src/domain/project/stages';
import { useOpenEvaluation, useProjectEvaluationId } from '../../api/evaluation';
import { hasAnyRole, useMe } from '../../api/me';
import type { ProjectDetail } from '../../api/projects';
import { useMessages } from '../../i18n';
import { EvaluationById, plansOf } from './evaluation-view';

const EVALUATED: readonly Stage[] = ['evaluation', 'signing', 'landing', 'production'];

export function EvaluationTab({ p }: { p: ProjectDetail }) {
  const m = useMessages().evaluation;
  const me = useMe().data;
  const existing = useProjectEvaluationId(p.id, p.evaluationId);
  const open = useOpenEvaluation(p.id);
  const canOpen = hasAnyRole(me, ['admin', 'leader', 'officer']);
  const id = existing.data ?? null;
  const none = existing.isSuccess && existing.data === null;
  const auto = canOpen && none && EVALUATED.includes(p.stage as Stage);
  const { mutate, isIdle } = open;
  useEffect(() => {
    if (auto && isIdle) mutate();
  }, [auto, isIdle, mutate]);

  if (!me) return null;
  if (existing.error)
    return <Alert type="error" showIcon title={m.loadFailed} description={existing.error.message} />;
  if (id)
    return (
      <Flex vertical gap={12} data-testid="project-evaluation">
        <Flex justify="flex-end">
          <Link to={`/evaluations/${id}`} target="_blank" data-testid="evaluation-open-page">
            <ExportOutlined /> {m.start.openPage}
          </Link>
        </Flex>
        <EvaluationById id={id} me={me} plans={plansOf(p.attachments)} />
      </Flex>
    );
  if (!none) return <Skeleton active paragraph={{ rows: 6 }} />;
  return (
    <Flex vertical gap={12} data-testid="project-evaluation">
      {open.error && <Alert type="error" showIcon title={m.loadFailed} description={open.error.message} />}
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={
          <Flex vertical gap={4}>
            <Typography.Text>{m.start.intro}</Typography.Text>
            <Typography.Text type="secondary" data-testid="evaluation-not-started">
              {canOpen ? m.start.hint : m.start.noRight}
            </Typography.Text>
          </Flex>
        }
      >
        {canOpen && (
          <Button
            type="primary"
            icon={<PlayCircleOutlined />}
            loading={open.isPending}
            onClick={() => open.mutate()}
            data-testid="evaluation-start"
          >
            {m.start.button}
          </Button>
        )}
      </Empty>
    </Flex>
  );
}
