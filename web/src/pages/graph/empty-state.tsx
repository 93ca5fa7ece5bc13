/** What the graph page shows before any relation exists: what it is for and how to fill it. */
import { DeploymentUnitOutlined } from '@ant-design/icons';
import { Card, Flex, Typography } from 'antd';
import { useMessages } from '../../i18n';
import { ImportRelationsButton } from './import-modal';

export function EmptyState({ canImport }: { canImport: boolean }) {
  const e = useMessages().graph.empty;
  return (
    <Card data-testid="graph-empty">
      <Flex gap={32} align="center" style={{ padding: '40px 24px', maxWidth: 900, margin: '0 auto' }}>
        <DeploymentUnitOutlined style={{ fontSize: 88, color: '#bfd0f5', flex: 'none' }} />
        <Flex vertical gap={10}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {e.title}
          </Typography.Title>
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            {e.body}
          </Typography.Paragraph>
          <ul style={{ margin: 0, paddingInlineStart: 20, color: '#595959', lineHeight: 1.9 }}>
            <li>{e.tip1}</li>
            <li>{e.tip2}</li>
            <li>{e.tip3}</li>
            <li>{e.tip4}</li>
          </ul>
          {canImport && (
            <div>
              <ImportRelationsButton />
            </div>
          )}
        </Flex>
      </Flex>
    </Card>
  );
}
