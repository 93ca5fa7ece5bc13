/** 工作台: who I am, what waits for me, which orgs I can see, and my recent background jobs. */
import { Card, Col, Descriptions, Flex, Row, Tree, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../../../src/shared/api';
import { useOrgs } from '../../api/orgs';
import { LogoMark } from '../../components/logo';
import { RoleTags } from '../../components/role-tags';
import { orgTreeData } from '../orgs/org-tree-data';
import { RecentJobs } from './recent-jobs';
import { TodoCard } from './todo-card';

export function HomePage({ me }: { me: Me }) {
  const { t, i18n } = useTranslation();
  const orgs = useOrgs();
  const date = dayjs()
    .locale(i18n.language === 'en-US' ? 'en' : 'zh-cn')
    .format(i18n.language === 'en-US' ? 'dddd, D MMMM YYYY' : 'YYYY年M月D日 dddd');

  return (
    <Flex vertical gap={16}>
      <Card data-testid="welcome-card">
        <Flex gap={20} align="center" wrap>
          <LogoMark size={56} />
          <div style={{ flex: 1, minWidth: 280 }}>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {t('home.welcome', { name: me.displayName })}
            </Typography.Title>
            <Typography.Text type="secondary">{t('home.today', { date })}</Typography.Text>
          </div>
        </Flex>
        <Descriptions
          style={{ marginTop: 20 }}
          column={{ xs: 1, md: 3 }}
          items={[
            { key: 'u', label: t('home.username'), children: me.username },
            {
              key: 'o',
              label: t('home.org'),
              children: <span data-testid="welcome-org">{me.org.name}</span>,
            },
            { key: 'r', label: t('home.roles'), children: <RoleTags roles={me.roles} /> },
          ]}
        />
      </Card>
      <TodoCard />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <RecentJobs />
        </Col>
        <Col xs={24} lg={10}>
          <Card title={t('home.scope')} loading={orgs.isLoading} data-testid="org-scope">
            <Typography.Paragraph type="secondary">{t('home.scopeHint')}</Typography.Paragraph>
            {orgs.data && (
              <Tree
                treeData={orgTreeData(orgs.data, t)}
                defaultExpandAll
                selectable={false}
                showLine
                blockNode
              />
            )}
          </Card>
        </Col>
      </Row>
    </Flex>
  );
}
