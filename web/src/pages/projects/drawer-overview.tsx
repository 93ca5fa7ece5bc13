/** 项目概况: the key figures (with 到位资金 and the next follow-up date), the stage facts, the 双月点评
 *  ratings the project received, the 靶向招商 ranking behind a lead that came from it, and the stage
 *  history beside them. */
import { ThunderboltOutlined } from '@ant-design/icons';
import { Card, Col, Descriptions, Flex, Row, Space, Typography } from 'antd';
import { Link } from 'react-router';
import type { FactorScore } from '../../api/chains';
import { useEnterprise } from '../../api/enterprises';
import type { ProjectDetail } from '../../api/projects';
import { useMoney } from '../../components/use-money';
import { useMessages } from '../../i18n';
import { formatDate } from '../../lib/format';
import { FactorTable, ScoreCell, type WeightTags } from '../chains/target-factors';
import { Ratings } from './drawer-ratings';
import { History } from './drawer-steps';

type TargetOrigin = {
  kind: 'target';
  list?: string;
  node?: string;
  score: number;
  factors: FactorScore[];
  weights?: Parameters<typeof WeightTags>[0]['weights'];
};

function targetOrigin(origin: unknown): TargetOrigin | null {
  const o = origin as Partial<TargetOrigin> | null;
  return o && o.kind === 'target' && Array.isArray(o.factors) ? (o as TargetOrigin) : null;
}

function OriginCard({ origin }: { origin: TargetOrigin }) {
  const d = useMessages().projects.detail;
  return (
    <Card
      size="small"
      title={
        <Space>
          <ThunderboltOutlined style={{ color: '#d48806' }} />
          {d.originTitle}
        </Space>
      }
      data-testid="project-origin"
    >
      <Flex gap={24} align="center" wrap style={{ marginBottom: 12 }}>
        <Flex vertical gap={2}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {d.originScore}
          </Typography.Text>
          <ScoreCell score={origin.score} />
        </Flex>
        <Descriptions size="small" column={1} style={{ flex: 1, minWidth: 300 }}>
          {origin.list && <Descriptions.Item label={d.originList}>{origin.list}</Descriptions.Item>}
          {origin.node && <Descriptions.Item label={d.originNode}>{origin.node}</Descriptions.Item>}
        </Descriptions>
      </Flex>
      <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8, fontSize: 12 }}>
        {d.originFactors}
      </Typography.Text>
      <FactorTable factors={origin.factors} />
    </Card>
  );
}

export function Overview({ p }: { p: ProjectDetail }) {
  const m = useMessages().projects;
  const formatMoney = useMoney();
  const f = m.form;
  const fl = m.fields;
  const local = useEnterprise(p.localEnterpriseId ?? undefined);
  const origin = targetOrigin(p.origin);
  const num = (v: number | null, unit: string) => (v === null ? '—' : `${v.toLocaleString('zh-CN')} ${unit}`);
  return (
    <Row gutter={20}>
      <Col span={15}>
        <Flex vertical gap={16}>
          <Descriptions
            title={m.detail.figures}
            size="small"
            column={2}
            bordered
            styles={{ label: { width: 120 } }}
            data-testid="project-figures"
          >
            <Descriptions.Item label={m.detail.firm} span={2}>
              <Link to={`/enterprises/${p.enterpriseId}`}>{p.enterpriseName}</Link>
            </Descriptions.Item>
            <Descriptions.Item label={f.source}>{p.source}</Descriptions.Item>
            <Descriptions.Item label={f.type}>{p.type}</Descriptions.Item>
            <Descriptions.Item label={m.col.owner}>{p.ownerName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={m.col.org}>{p.orgName}</Descriptions.Item>
            <Descriptions.Item label={f.plannedInvestment}>
              {formatMoney(p.plannedInvestment)}
            </Descriptions.Item>
            <Descriptions.Item label={f.registeredCapital}>
              {formatMoney(p.registeredCapital)}
            </Descriptions.Item>
            <Descriptions.Item label={f.arrivedInvestment}>
              {formatMoney(p.arrivedInvestment)}
            </Descriptions.Item>
            <Descriptions.Item label={f.expectedOutput}>{formatMoney(p.expectedOutput)}</Descriptions.Item>
            <Descriptions.Item label={f.talents}>{num(p.talents, f.people)}</Descriptions.Item>
            <Descriptions.Item label={f.scientistTeams}>{num(p.scientistTeams, f.teams)}</Descriptions.Item>
            <Descriptions.Item label={f.landMu}>{num(p.landMu, f.mu)}</Descriptions.Item>
            <Descriptions.Item label={f.floorArea}>{num(p.floorArea, f.sqm)}</Descriptions.Item>
          </Descriptions>
          <Descriptions
            title={m.detail.stageFacts}
            size="small"
            column={2}
            bordered
            styles={{ label: { width: 120 } }}
            data-testid="project-facts"
          >
            <Descriptions.Item label={fl.contactPerson}>{p.contactPerson ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={fl.visitDate}>{formatDate(p.visitDate)}</Descriptions.Item>
            <Descriptions.Item label={fl.contractDate}>{formatDate(p.contractDate)}</Descriptions.Item>
            <Descriptions.Item label={fl.contractAmount}>{formatMoney(p.contractAmount)}</Descriptions.Item>
            <Descriptions.Item label={fl.localEnterpriseId}>
              {p.localEnterpriseId ? (
                <Link to={`/enterprises/${p.localEnterpriseId}`}>{local.data?.name ?? '…'}</Link>
              ) : (
                '—'
              )}
            </Descriptions.Item>
            <Descriptions.Item label={fl.landingDate}>{formatDate(p.landingDate)}</Descriptions.Item>
            <Descriptions.Item label={fl.productionDate}>{formatDate(p.productionDate)}</Descriptions.Item>
            <Descriptions.Item label={m.detail.nextFollowUp}>
              {formatDate(p.nextFollowUpDate)}
            </Descriptions.Item>
          </Descriptions>
          {origin && <OriginCard origin={origin} />}
        </Flex>
      </Col>
      <Col span={9}>
        {/* The leaders' verdict first, where the officer looks before the history. */}
        <div style={{ marginBottom: 20 }}>
          <Ratings ratings={p.ratings} />
        </div>
        <Typography.Title level={5} style={{ marginTop: 0, marginBottom: 16 }}>
          {m.detail.history}
        </Typography.Title>
        <History p={p} />
      </Col>
    </Row>
  );
}
