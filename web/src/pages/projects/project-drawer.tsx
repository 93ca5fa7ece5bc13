/** A project in a drawer: the pipeline as steps (the current stage highlighted; 暂停 / 终止 shown with the
 *  reason), the key figures and stage facts, the stage history (who moved it, when, why), follow-ups
 *  with 添加跟进, the 推进 button, the 靶向招商 ranking behind a lead that came from it, and a placeholder
 *  for the evaluation module. */
import { DownOutlined, FieldTimeOutlined, PlusOutlined, ThunderboltOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Drawer,
  Dropdown,
  Empty,
  Flex,
  Form,
  Input,
  Modal,
  Radio,
  Row,
  Skeleton,
  Space,
  Steps,
  Tabs,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { PIPELINE, type PipelineStage, STAGE_NAMES, type Stage } from '../../../../src/domain/project/stages';
import type { FactorScore } from '../../api/chains';
import { useEnterprise } from '../../api/enterprises';
import {
  FOLLOW_UP_KINDS,
  type FollowUp,
  type FollowUpKind,
  type ProjectDetail,
  useAddFollowUp,
  useProject,
} from '../../api/projects';
import { useApiError } from '../../components/use-api-error';
import { useMessages } from '../../i18n';
import { formatDate, formatTime } from '../../lib/format';
import { FactorTable, ScoreCell, type WeightTags } from '../chains/target-factors';
import { fill, formatMoney, StageTag } from './common';
import { MoveModal, moveTargets, nextStage } from './move-modal';

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

/** The pipeline stage the project stood at: its own, or where it was paused or terminated. */
function pipelinePosition(p: ProjectDetail): number {
  if (PIPELINE.includes(p.stage as PipelineStage)) return PIPELINE.indexOf(p.stage as PipelineStage);
  if (p.pausedFrom) return PIPELINE.indexOf(p.pausedFrom as PipelineStage);
  for (let i = p.events.length - 1; i >= 0; i--) {
    const from = p.events[i].fromStage;
    if (from && PIPELINE.includes(from as PipelineStage)) return PIPELINE.indexOf(from as PipelineStage);
  }
  return 0;
}

function StageSteps({ p }: { p: ProjectDetail }) {
  const current = pipelinePosition(p);
  const entered = new Map<string, string>();
  for (const e of p.events) entered.set(e.toStage, e.at);
  return (
    <Steps
      size="small"
      titlePlacement="vertical"
      current={current}
      status={
        p.stage === 'terminated'
          ? 'error'
          : p.stage === 'paused'
            ? 'wait'
            : p.stage === 'production'
              ? 'finish'
              : 'process'
      }
      data-testid="project-steps"
      items={PIPELINE.map((s, i) => ({
        title: STAGE_NAMES[s],
        content: i <= current && entered.has(s) ? formatDate(entered.get(s)) : undefined,
      }))}
    />
  );
}

function FollowUpModal({ id, onClose }: { id: string; onClose: () => void }) {
  const m = useMessages().projects;
  const f = m.followUp;
  const { message } = App.useApp();
  const showError = useApiError();
  const add = useAddFollowUp(id);
  const [form] = Form.useForm();
  const day = (v: Dayjs | undefined) => (v ? v.format('YYYY-MM-DD') : undefined);
  const text = (v: string | undefined) => (v?.trim() ? v.trim() : undefined);
  return (
    <Modal
      open
      title={f.title}
      width={640}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: add.isPending, 'data-testid': 'follow-up-ok' }}
      data-testid="follow-up-modal"
    >
      <Form
        form={form}
        layout="vertical"
        style={{ marginTop: 12 }}
        initialValues={{ kind: 'visit', date: dayjs() }}
        onFinish={(v) =>
          add.mutate(
            {
              kind: v.kind,
              date: day(v.date) as string,
              participants: text(v.participants),
              content: v.content.trim(),
              outcome: text(v.outcome),
              nextStep: text(v.nextStep),
              nextDate: day(v.nextDate),
            },
            {
              onSuccess: () => {
                message.success(f.saved);
                onClose();
              },
              onError: (err) => showError(err, form),
            },
          )
        }
      >
        <Row gutter={16}>
          <Col span={14}>
            <Form.Item name="kind" label={f.kind}>
              <Radio.Group
                optionType="button"
                options={FOLLOW_UP_KINDS.map((k) => ({ value: k, label: m.kinds[k] }))}
                data-testid="follow-up-kind"
              />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item name="date" label={f.date} rules={[{ required: true, message: f.dateRequired }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="participants" label={f.participants}>
          <Input maxLength={500} placeholder={f.participantsPlaceholder} />
        </Form.Item>
        <Form.Item
          name="content"
          label={f.content}
          rules={[{ required: true, whitespace: true, message: f.contentRequired }]}
        >
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
        <Form.Item name="outcome" label={f.outcome}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Row gutter={16}>
          <Col span={14}>
            <Form.Item name="nextStep" label={f.nextStep} style={{ marginBottom: 0 }}>
              <Input maxLength={1000} />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item name="nextDate" label={f.nextDate} style={{ marginBottom: 0 }}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}

const KIND_COLOR: Record<FollowUpKind, string> = {
  call: 'blue',
  visit: 'green',
  inspection: 'cyan',
  meeting: 'purple',
  event: 'gold',
};

function FollowUps({ p, canAdd }: { p: ProjectDetail; canAdd: boolean }) {
  const m = useMessages().projects;
  const f = m.followUp;
  const [adding, setAdding] = useState(false);
  const line = (label: string, value: string | null) =>
    value ? (
      <div style={{ fontSize: 13 }}>
        <Typography.Text type="secondary">
          {label}
          {m.colon}
        </Typography.Text>
        {value}
      </div>
    ) : null;
  return (
    <Flex vertical gap={16}>
      {canAdd && (
        <div>
          <Button
            type="primary"
            ghost
            icon={<PlusOutlined />}
            onClick={() => setAdding(true)}
            data-testid="follow-up-add"
          >
            {m.detail.addFollowUp}
          </Button>
        </div>
      )}
      {p.followUps.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={m.detail.noFollowUps} />
      ) : (
        <Timeline
          data-testid="follow-up-timeline"
          items={p.followUps.map((x: FollowUp) => ({
            key: x.id,
            color: 'blue',
            content: (
              <Flex vertical gap={4} data-testid="follow-up-item">
                <Flex gap={8} align="center">
                  <Typography.Text strong>{x.date}</Typography.Text>
                  <Tag color={KIND_COLOR[x.kind]} style={{ marginInlineEnd: 0 }}>
                    {m.kinds[x.kind]}
                  </Tag>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {m.detail.by}
                    {m.colon}
                    {x.createdByName}
                  </Typography.Text>
                </Flex>
                <div>{x.content}</div>
                {line(f.participants, x.participants)}
                {line(f.outcome, x.outcome)}
                {(x.nextStep || x.nextDate) && (
                  <div style={{ fontSize: 13, color: '#1656d6' }}>
                    <FieldTimeOutlined style={{ marginRight: 4 }} />
                    {f.nextStep}
                    {m.colon}
                    {[x.nextStep, x.nextDate].filter(Boolean).join(' · ')}
                  </div>
                )}
              </Flex>
            ),
          }))}
        />
      )}
      {adding && <FollowUpModal id={p.id} onClose={() => setAdding(false)} />}
    </Flex>
  );
}

function History({ p }: { p: ProjectDetail }) {
  const d = useMessages().projects.detail;
  return (
    <Timeline
      data-testid="project-history"
      items={[...p.events].reverse().map((e, i) => ({
        key: `${e.at}-${i}`,
        color: e.toStage === 'terminated' ? 'red' : e.toStage === 'paused' ? 'gray' : 'blue',
        content: (
          <Flex vertical gap={2}>
            <Flex gap={6} align="center" wrap>
              <StageTag stage={e.toStage as Stage} />
              <Typography.Text style={{ fontSize: 13 }}>
                {e.fromStage
                  ? fill(d.movedBy, {
                      name: e.byName,
                      from: STAGE_NAMES[e.fromStage as Stage] ?? e.fromStage,
                      to: STAGE_NAMES[e.toStage as Stage] ?? e.toStage,
                    })
                  : fill(d.createdBy, { name: e.byName })}
              </Typography.Text>
            </Flex>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatTime(e.at)}
            </Typography.Text>
            {e.note && <Typography.Text style={{ fontSize: 13, color: '#595959' }}>{e.note}</Typography.Text>}
          </Flex>
        ),
      }))}
    />
  );
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

function Overview({ p }: { p: ProjectDetail }) {
  const m = useMessages().projects;
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
            <Descriptions.Item label={f.expectedOutput}>{formatMoney(p.expectedOutput)}</Descriptions.Item>
            <Descriptions.Item label={f.talents}>{num(p.talents, f.people)}</Descriptions.Item>
            <Descriptions.Item label={f.scientistTeams}>{num(p.scientistTeams, f.teams)}</Descriptions.Item>
            <Descriptions.Item label={f.landMu}>{num(p.landMu, f.mu)}</Descriptions.Item>
            <Descriptions.Item label={f.floorArea} span={2}>
              {num(p.floorArea, f.sqm)}
            </Descriptions.Item>
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
            <Descriptions.Item label={fl.productionDate} span={2}>
              {formatDate(p.productionDate)}
            </Descriptions.Item>
          </Descriptions>
          {origin && <OriginCard origin={origin} />}
        </Flex>
      </Col>
      <Col span={9}>
        <Typography.Title level={5} style={{ marginTop: 0, marginBottom: 16 }}>
          {m.detail.history}
        </Typography.Title>
        <History p={p} />
      </Col>
    </Row>
  );
}

function MoveButton({ p, onMove }: { p: ProjectDetail; onMove: (to: Stage) => void }) {
  const b = useMessages().projects.board;
  const next = nextStage(p.stage) ?? (p.stage === 'paused' ? (p.pausedFrom as Stage | null) : undefined);
  const targets = moveTargets(p.stage);
  if (targets.length === 0) return null;
  return (
    <Space.Compact>
      <Button type="primary" onClick={() => onMove(next ?? targets[0])} data-testid="project-move">
        {b.move}
        {next ? ` → ${STAGE_NAMES[next]}` : ''}
      </Button>
      <Dropdown
        trigger={['click']}
        menu={{
          items: targets.map((s) => ({ key: s, label: STAGE_NAMES[s], danger: s === 'terminated' })),
          onClick: ({ key }) => onMove(key as Stage),
        }}
      >
        <Button type="primary" icon={<DownOutlined />} data-testid="project-move-more" />
      </Dropdown>
    </Space.Compact>
  );
}

export function ProjectDrawer({
  id,
  canMove,
  onClose,
}: {
  id: string;
  canMove: boolean;
  onClose: () => void;
}) {
  const m = useMessages().projects;
  const d = m.detail;
  const project = useProject(id);
  const [moving, setMoving] = useState<Stage | null>(null);
  const [tab, setTab] = useState('overview');
  const p = project.data;
  return (
    <Drawer
      open
      size={1040}
      onClose={onClose}
      title={
        p ? (
          <Flex gap={10} align="center">
            <span data-testid="project-drawer-title">{p.name}</span>
            <StageTag stage={p.stage} />
          </Flex>
        ) : (
          ' '
        )
      }
      extra={p && canMove && <MoveButton p={p} onMove={setMoving} />}
      data-testid="project-drawer"
    >
      {project.error ? (
        <Alert type="error" showIcon title={m.loadFailed} description={project.error.message} />
      ) : !p ? (
        <Skeleton active paragraph={{ rows: 10 }} />
      ) : (
        <Flex vertical gap={16}>
          <div style={{ padding: '16px 12px 4px', background: '#f7f9fc', borderRadius: 8 }}>
            <StageSteps p={p} />
          </div>
          {(p.stage === 'paused' || p.stage === 'terminated') && (
            <Alert
              type={p.stage === 'paused' ? 'warning' : 'error'}
              showIcon
              data-testid="project-halted"
              title={
                p.stage === 'paused'
                  ? fill(d.paused, { stage: STAGE_NAMES[(p.pausedFrom as Stage) ?? 'lead'] })
                  : d.terminated
              }
              description={p.reason ? fill(d.reason, { reason: p.reason }) : undefined}
            />
          )}
          <Tabs
            activeKey={tab}
            onChange={setTab}
            data-testid="project-drawer-tabs"
            items={[
              { key: 'overview', label: d.overview, children: <Overview p={p} /> },
              {
                key: 'followUps',
                label: `${d.followUps}${p.followUps.length ? ` (${p.followUps.length})` : ''}`,
                children: <FollowUps p={p} canAdd={canMove} />,
              },
              {
                key: 'evaluation',
                label: d.evaluation,
                children: (
                  <Empty
                    image={Empty.PRESENTED_IMAGE_SIMPLE}
                    description={<span style={{ color: '#8c8c8c' }}>{d.evaluationSoon}</span>}
                    data-testid="project-evaluation"
                  />
                ),
              },
            ]}
          />
        </Flex>
      )}
      {moving && p && <MoveModal project={p} to={moving} onClose={() => setMoving(null)} />}
    </Drawer>
  );
}
