/** AI研判: choose (or upload) the 商业计划书 and 生成画像; then the 创新力画像 as a radar with the overall
 *  score, the A–D band and the data coverage, red warnings for injected or hidden text (removed before
 *  scoring), each indicator with its evidence, and the offline memo (strengths, risks, questions). */
import { ExperimentOutlined, UploadOutlined, WarningFilled } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Empty,
  Flex,
  List,
  Progress,
  Row,
  Select,
  Statistic,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import { type Evaluation, type Flag, type Memo, type Profile, useRunProfile } from '../../api/evaluation';
import { type Attachment, useUploadAttachment } from '../../api/projects';
import { useApiError } from '../../components/use-api-error';
import { useMessages } from '../../i18n';
import { fill } from '../../i18n/fill';
import { IndicatorsTable } from './indicators-table';
import { ProfileRadar } from './profile-radar';

export const BAND_COLOR: Record<string, string> = { A: 'green', B: 'blue', C: 'gold', D: 'red' };

function PlanPicker({ ev, plans }: { ev: Evaluation; plans: Attachment[] }) {
  const p = useMessages().evaluation.profile;
  const { message } = App.useApp();
  const showError = useApiError();
  const [chosen, setChosen] = useState<string | undefined>(ev.attachmentId ?? plans[0]?.id);
  const upload = useUploadAttachment(ev.projectId);
  const run = useRunProfile(ev.id);
  const selected = chosen && plans.some((a) => a.id === chosen) ? chosen : plans[0]?.id;
  return (
    <Flex gap={8} align="center" wrap>
      <Select
        value={selected}
        onChange={setChosen}
        placeholder={plans.length ? p.choosePlan : p.noPlan}
        style={{ width: 260 }}
        options={plans.map((a) => ({ value: a.id, label: a.fileName }))}
        aria-label={p.plan}
        data-testid="profile-plan"
      />
      <Upload
        accept=".pdf,.docx,.txt"
        showUploadList={false}
        beforeUpload={(file) => {
          upload.mutate(
            { category: '商业计划书', file },
            {
              onSuccess: (a) => {
                setChosen(a.id);
                message.success(fill(p.uploaded, { name: a.fileName }));
              },
              onError: (err) => showError(err),
            },
          );
          return false;
        }}
      >
        <Button icon={<UploadOutlined />} loading={upload.isPending} data-testid="profile-upload">
          {p.upload}
        </Button>
      </Upload>
      <Button
        type="primary"
        icon={<ExperimentOutlined />}
        disabled={!selected}
        loading={run.isPending}
        onClick={() =>
          selected &&
          run.mutate(selected, { onSuccess: () => message.success(p.ran), onError: (e) => showError(e) })
        }
        data-testid="profile-run"
      >
        {ev.profile ? p.rerun : p.run}
      </Button>
    </Flex>
  );
}

export function FlagsAlert({ flags }: { flags: Flag[] }) {
  const m = useMessages().evaluation;
  if (!flags.length) return null;
  const high = flags.some((f) => f.severity === 'high');
  return (
    <Alert
      type={high ? 'error' : 'warning'}
      showIcon
      icon={<WarningFilled />}
      title={<Typography.Text strong>{high ? m.flags.title : m.flags.titleMedium}</Typography.Text>}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          {flags.map((f) => (
            <li
              key={`${f.page}-${f.kind}-${f.quote}`}
              style={{ color: f.severity === 'high' ? '#a8071a' : undefined }}
            >
              {fill(m.flags.item, { page: f.page, kind: m.flagKinds[f.kind] ?? f.kind, quote: f.quote })}
            </li>
          ))}
        </ul>
      }
      style={high ? { borderColor: '#ff4d4f', borderWidth: 2 } : undefined}
      data-testid="profile-flags"
    />
  );
}

function Summary({ profile }: { profile: Profile }) {
  const { profile: p, bands } = useMessages().evaluation;
  return (
    <Flex vertical gap={16} style={{ paddingTop: 8 }}>
      <Flex gap={32} align="flex-end" wrap>
        <Statistic title={p.overall} value={profile.overall} suffix="/ 100" data-testid="profile-overall" />
        <Flex vertical gap={6}>
          <Typography.Text type="secondary">{p.band}</Typography.Text>
          <Tag
            color={BAND_COLOR[profile.band]}
            style={{ fontSize: 16, padding: '4px 12px', marginInlineEnd: 0 }}
            data-testid="profile-band"
          >
            {profile.band} · {bands[profile.band] ?? profile.bandName}
          </Tag>
        </Flex>
      </Flex>
      <Flex vertical gap={4}>
        <Typography.Text type="secondary">{p.coverage}</Typography.Text>
        <Progress
          percent={Math.round(profile.coverage * 100)}
          status={profile.lowCoverage ? 'exception' : 'normal'}
          style={{ maxWidth: 320 }}
          data-testid="profile-coverage"
        />
        {profile.lowCoverage && <Typography.Text type="danger">{p.lowCoverage}</Typography.Text>}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {fill(p.model, { version: profile.modelVersion })}
        </Typography.Text>
      </Flex>
      {profile.missing.length > 0 && (
        <Flex vertical gap={4} data-testid="profile-missing">
          <Typography.Text type="secondary">{p.missing}</Typography.Text>
          <Flex gap={4} wrap>
            {profile.missing.map((x) => (
              <Tag key={x}>{x}</Tag>
            ))}
          </Flex>
        </Flex>
      )}
    </Flex>
  );
}

function MemoCard({ memo }: { memo: Memo }) {
  const m = useMessages().evaluation.memo;
  const part = (key: 'strengths' | 'risks' | 'questions', color: string) => (
    <Col xs={24} md={8} key={key}>
      <List
        size="small"
        header={
          <Typography.Text strong style={{ color }}>
            {m[key]}
          </Typography.Text>
        }
        dataSource={memo[key]}
        locale={{ emptyText: m.empty }}
        renderItem={(x) => <List.Item>{x}</List.Item>}
        data-testid={`memo-${key}`}
      />
    </Col>
  );
  return (
    <Card size="small" title={m.title} data-testid="profile-memo">
      <Row gutter={16}>
        {part('strengths', '#389e0d')}
        {part('risks', '#cf1322')}
        {part('questions', '#1656d6')}
      </Row>
    </Card>
  );
}

export function ProfileSection({
  ev,
  plans,
  canRun,
}: {
  ev: Evaluation;
  plans: Attachment[];
  canRun: boolean;
}) {
  const m = useMessages().evaluation;
  const profile = ev.profile;
  return (
    <Card
      title={m.sections.ai}
      extra={canRun && !ev.decision && <PlanPicker ev={ev} plans={plans} />}
      data-testid="evaluation-profile"
    >
      <Flex vertical gap={16}>
        <FlagsAlert flags={ev.flags} />
        {!profile ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={m.profile.none} />
        ) : (
          <>
            <Row gutter={24} align="middle">
              <Col xs={24} md={13}>
                <ProfileRadar
                  dimensions={profile.dimensions}
                  lines={[
                    {
                      name: m.profile.radarSeries,
                      values: profile.dimensions.map((d) => d.score),
                      color: '#1656d6',
                    },
                  ]}
                />
              </Col>
              <Col xs={24} md={11}>
                <Summary profile={profile} />
              </Col>
            </Row>
            <IndicatorsTable profile={profile} />
            {ev.memo && <MemoCard memo={ev.memo} />}
          </>
        )}
      </Flex>
    </Card>
  );
}
