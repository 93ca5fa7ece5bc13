/** 可申报政策: the policies the firm can claim now with their deadlines, the close ones with what is
 *  missing, and those that lack data. Experts are not shown it (the policy API refuses them). */
import { Alert, Card, Empty, Flex, List, Skeleton, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { Me } from '../../../../../src/shared/api';
import { hasAnyRole } from '../../../api/me';
import { type FirmPolicyItem, useEnterprisePolicies } from '../../../api/policies';
import { useMessages } from '../../../i18n';
import { fill } from '../../../i18n/fill';
import { PATHS } from '../../../layout/paths';
import { DeadlineTag } from '../../policies/format';

const READERS = ['admin', 'leader', 'officer', 'analyst'] as const;

function PolicyTitle({ item }: { item: FirmPolicyItem }) {
  return (
    <Link to={`${PATHS.policies}?policy=${item.policy.id}`}>
      {item.policy.title}
      {item.policy.documentNo && (
        <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
          {item.policy.documentNo}
        </Typography.Text>
      )}
    </Link>
  );
}

function Section({
  title,
  items,
  testId,
  render,
}: {
  title: string;
  items: FirmPolicyItem[];
  testId: string;
  render: (item: FirmPolicyItem) => React.ReactNode;
}) {
  if (items.length === 0) return null;
  return (
    <div data-testid={testId}>
      <Typography.Text strong>
        {title}（{items.length}）
      </Typography.Text>
      <List
        size="small"
        dataSource={items}
        rowKey={(i) => i.policy.id}
        renderItem={(i) => <List.Item data-testid={`firm-policy-${i.policy.id}`}>{render(i)}</List.Item>}
      />
    </div>
  );
}

function CardBody({ enterpriseId }: { enterpriseId: string }) {
  const p = useMessages().policies;
  const data = useEnterprisePolicies(enterpriseId);
  if (data.isPending) return <Skeleton active paragraph={{ rows: 3 }} />;
  if (data.error) return <Alert type="error" showIcon title={data.error.message} />;
  const { claimable, close, incomplete } = data.data;
  return (
    <Flex vertical gap={12}>
      {claimable.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={p.card.none} />}
      <Section
        title={p.card.claimable}
        items={claimable}
        testId="firm-policies-claimable"
        render={(i) => (
          <Flex justify="space-between" align="center" gap={12} wrap style={{ width: '100%' }}>
            <PolicyTitle item={i} />
            <Flex gap={8} align="center">
              {i.deadline && <span>{fill(p.card.deadline, { date: i.deadline })}</span>}
              <DeadlineTag applyTo={i.deadline} />
              {i.push && (
                <Tag color={i.push.status === 'told' ? 'green' : 'orange'}>
                  {p.pushStatuses[i.push.status]}
                </Tag>
              )}
            </Flex>
          </Flex>
        )}
      />
      <Section
        title={p.card.close}
        items={close}
        testId="firm-policies-close"
        render={(i) => (
          <Flex vertical style={{ width: '100%' }}>
            <PolicyTitle item={i} />
            <Typography.Text type="danger">{i.unmet.map((u) => u.text).join('；')}</Typography.Text>
          </Flex>
        )}
      />
      <Section
        title={p.card.incomplete}
        items={incomplete}
        testId="firm-policies-incomplete"
        render={(i) => (
          <Flex vertical style={{ width: '100%' }}>
            <PolicyTitle item={i} />
            <Typography.Text type="warning">{i.missing.map((m) => m.data).join('、')}</Typography.Text>
          </Flex>
        )}
      />
    </Flex>
  );
}

export function PoliciesCard({ enterpriseId, me }: { enterpriseId: string; me: Me }) {
  const p = useMessages().policies;
  if (!hasAnyRole(me, READERS)) return null;
  return (
    <Card title={p.card.title} data-testid="policies-card">
      <CardBody enterpriseId={enterpriseId} />
    </Card>
  );
}
