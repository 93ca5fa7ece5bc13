/** 企业档案: basic facts with their sources, yearly trends, IP, qualifications, funding, institutions,
 *  awards and the change history; admin and officer may edit the basic facts, the yearly figures, the
 *  IP counts and the qualifications. */
import { ArrowLeftOutlined, DeploymentUnitOutlined, EditOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Flex, Result, Row, Skeleton, Tag, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { Me } from '../../../../../src/shared/api';
import { isApiError } from '../../../api/client';
import { type EnterpriseDetail, useEnterprise } from '../../../api/enterprises';
import { hasAnyRole } from '../../../api/me';
import { useMessages } from '../../../i18n';
import { canOpen, PATHS } from '../../../layout/paths';
import { ReviewBadge, Sourced, TierTags } from '../enterprise-tags';
import { BasicFacts } from './basic-facts';
import { DiagnosisCard } from './diagnosis-card';
import { EditEnterpriseModal } from './edit-modal';
import { HistoryCard } from './history-card';
import { IpCard, QualificationsCard } from './ip-qualifications';
import { AwardsCard, FundingCard, InstitutionsCard } from './more-cards';
import { PoliciesCard } from './policies-card';
import { TrendCharts } from './trend-charts';
import { YearsTable } from './years-table';

function ProfileHeader({ e, extra }: { e: EnterpriseDetail; extra: ReactNode }) {
  const m = useMessages().enterprises;
  return (
    <Card style={{ marginBottom: 16 }} data-testid="profile-header">
      <Flex justify="space-between" align="flex-start" gap={16} wrap>
        <Flex vertical gap={8}>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="profile-name">
            {e.name}
          </Typography.Title>
          {e.aliases.length > 0 && (
            <Typography.Text type="secondary" data-testid="profile-aliases">
              {e.aliases.map((a) => `${m.aliasKinds[a.kind]}${m.colon}${a.name}`).join('　')}
            </Typography.Text>
          )}
          <Flex gap={8} wrap align="center">
            <Sourced provenance={e.provenance} field="uscc" testId="profile-uscc">
              <Typography.Text copyable={!!e.uscc} style={{ fontFamily: 'ui-monospace, Menlo, monospace' }}>
                {m.col.uscc}
                {m.colon}
                {e.uscc ?? '—'}
              </Typography.Text>
            </Sourced>
          </Flex>
          <Flex gap={4} wrap align="center">
            <Tag color={e.universe === 'local' ? 'green' : 'default'}>{m.universes[e.universe]}</Tag>
            {e.listed && <Tag color="gold">{m.profile.listedYes}</Tag>}
            <TierTags tiers={e.tiers ?? []} />
            <ReviewBadge reason={e.reviewReason} />
          </Flex>
        </Flex>
        <Flex gap={8}>{extra}</Flex>
      </Flex>
    </Card>
  );
}

export function EnterpriseProfilePage({ me }: { me: Me }) {
  const { t } = useTranslation();
  const messages = useMessages();
  const m = messages.enterprises;
  const menuGraph = messages.graph.title;
  const navigate = useNavigate();
  const { id } = useParams();
  const detail = useEnterprise(id);
  const [editing, setEditing] = useState(false);

  if (detail.isPending) return <Skeleton active paragraph={{ rows: 12 }} />;
  if (detail.error || !detail.data) {
    const missing = isApiError(detail.error) && (detail.error.status === 404 || detail.error.status === 400);
    return (
      <Result
        status={missing ? '404' : 'error'}
        title={missing ? m.profile.notFound : t('errors.crashTitle')}
        subTitle={missing ? undefined : detail.error?.message}
        extra={<Button onClick={() => navigate(PATHS.enterprises)}>{m.profile.back}</Button>}
      />
    );
  }
  const e = detail.data;
  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)}>
      {m.profile.back}
    </Button>
  );
  // A record merged into another is read-only: its facts now live on the firm it went into.
  const canEdit = hasAnyRole(me, ['admin', 'officer']) && !e.mergedInto;
  // 企业图谱 of this firm: its shareholders, investors, suppliers and partners.
  const graph = canOpen(PATHS.graph, me.roles) && (
    <Button
      icon={<DeploymentUnitOutlined />}
      onClick={() => navigate(`${PATHS.graph}?id=${e.id}`)}
      data-testid="enterprise-graph"
    >
      {menuGraph}
    </Button>
  );
  const edit = canEdit && (
    <Button
      type="primary"
      icon={<EditOutlined />}
      onClick={() => setEditing(true)}
      data-testid="enterprise-edit"
    >
      {t('common.edit')}
    </Button>
  );

  return (
    <>
      <ProfileHeader
        e={e}
        extra={
          <>
            {back}
            {graph}
            {edit}
          </>
        }
      />
      <Flex vertical gap={16}>
        {e.mergedInto && (
          <Alert
            type="warning"
            showIcon
            title={m.profile.mergedTitle}
            description={
              <>
                {m.profile.mergedInto}
                <Link to={`${PATHS.enterprises}/${e.mergedInto.id}`} data-testid="merged-into-link">
                  {e.mergedInto.name}
                </Link>
              </>
            }
            data-testid="profile-merged"
          />
        )}
        <BasicFacts e={e} />
        <TrendCharts years={e.years} />
        <YearsTable e={e} canEdit={canEdit} />
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={10}>
            <IpCard e={e} canEdit={canEdit} />
          </Col>
          <Col xs={24} xl={14}>
            <QualificationsCard e={e} canEdit={canEdit} />
          </Col>
        </Row>
        <DiagnosisCard enterpriseId={e.id} me={me} />
        <PoliciesCard enterpriseId={e.id} me={me} />
        <FundingCard rounds={e.fundingRounds ?? []} />
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={12}>
            <InstitutionsCard items={e.institutions ?? []} />
          </Col>
          <Col xs={24} xl={12}>
            <AwardsCard items={e.awards ?? []} />
          </Col>
        </Row>
        <HistoryCard history={e.history ?? []} />
      </Flex>
      {editing && <EditEnterpriseModal e={e} open={editing} onClose={() => setEditing(false)} />}
    </>
  );
}
