/** The fused recommendation (AI研判, 技术委员会 and 市场尽调 weighted, veto items capping it) with its
 *  reasons, the leader's decision — 通过 / 有条件通过 (with conditions) / 不通过 (which ends the
 *  project) — and the Word 评估报告. */
import { AuditOutlined, FileWordOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  Form,
  Input,
  List,
  Radio,
  Statistic,
  Tag,
  Typography,
} from 'antd';
import { MIN_EXPERTS } from '../../../../src/domain/committee/aggregate';
import {
  type Evaluation,
  OUTCOME_LIST,
  type Outcome,
  type Recommendation,
  reportUrl,
  useDecide,
} from '../../api/evaluation';
import { useApiError } from '../../components/use-api-error';
import { useMessages } from '../../i18n';
import { fill } from '../../i18n/fill';
import { formatTime } from '../../lib/format';

export const OUTCOME_COLOR: Record<Outcome, string> = {
  approve: 'green',
  conditional: 'gold',
  reject: 'red',
};

function RecommendationView({ rec }: { rec: Recommendation }) {
  const m = useMessages().evaluation;
  const r = m.rec;
  const pct = (x: number) => Math.round(x * 100);
  return (
    <Flex vertical gap={12} data-testid="evaluation-recommendation">
      <Flex gap={32} align="center" wrap>
        <Statistic
          title={r.fused}
          value={rec.fused ?? '—'}
          suffix={rec.fused !== null ? '/ 100' : undefined}
        />
        <Flex vertical gap={6}>
          <Typography.Text type="secondary">{r.outcome}</Typography.Text>
          {rec.outcome ? (
            <Tag color={OUTCOME_COLOR[rec.outcome]} style={{ fontSize: 15, padding: '3px 10px' }}>
              {m.outcomes[rec.outcome]}
            </Tag>
          ) : (
            <Typography.Text type="secondary">{r.none}</Typography.Text>
          )}
        </Flex>
        {rec.needsDiscussion && <Tag color="red">{m.panel.discuss}</Tag>}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {fill(r.weights, {
            ai: pct(rec.weights.ai),
            committee: pct(rec.weights.committee),
            dd: pct(rec.weights.dueDiligence),
          })}
        </Typography.Text>
      </Flex>
      {rec.vetoed.length > 0 && (
        <Alert type="error" showIcon title={`${r.vetoed}：${rec.vetoed.join('、')}`} />
      )}
      <List
        size="small"
        header={<Typography.Text strong>{r.reasons}</Typography.Text>}
        dataSource={rec.reasons}
        renderItem={(x) => <List.Item>{x}</List.Item>}
        data-testid="recommendation-reasons"
      />
    </Flex>
  );
}

type DecisionValues = { outcome: Outcome; conditions?: string };

function DecisionForm({ ev }: { ev: Evaluation }) {
  const m = useMessages().evaluation;
  const d = m.decision;
  const { message, modal } = App.useApp();
  const showError = useApiError();
  const [form] = Form.useForm<DecisionValues>();
  const decide = useDecide(ev.id);
  const outcome = Form.useWatch('outcome', form);
  // Nothing is approved before the committee has its conflict-free scores (the server says 409 too).
  const panelReady = ev.committee?.enough ?? false;
  const allowed = (o: Outcome) => panelReady || o === 'reject';
  const suggested = ev.recommendation?.outcome;
  // mutateAsync: the form unmounts as soon as the decision is in the cache, and a mutate() callback
  // would not run after that.
  const send = (v: DecisionValues) =>
    decide.mutateAsync({ outcome: v.outcome, conditions: v.conditions?.trim() || undefined }).then(
      () => message.success(fill(d.done, { outcome: m.outcomes[v.outcome] })),
      (e) => showError(e, form),
    );
  const submit = (v: DecisionValues) =>
    v.outcome === 'reject'
      ? modal.confirm({ title: d.confirmReject, okButtonProps: { danger: true }, onOk: () => send(v) })
      : send(v);
  return (
    <Form<DecisionValues>
      form={form}
      layout="vertical"
      initialValues={{ outcome: suggested && allowed(suggested) ? suggested : undefined }}
      onFinish={submit}
      data-testid="decision-form"
    >
      {!panelReady && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={fill(d.panelIncomplete, { experts: ev.committee?.experts ?? 0, required: MIN_EXPERTS })}
          data-testid="decision-panel-incomplete"
        />
      )}
      <Form.Item name="outcome" label={d.outcome} rules={[{ required: true }]}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={OUTCOME_LIST.map((o) => ({ value: o, label: m.outcomes[o], disabled: !allowed(o) }))}
          data-testid="decision-outcome"
        />
      </Form.Item>
      <Form.Item
        name="conditions"
        label={d.conditions}
        rules={[{ required: outcome === 'conditional', whitespace: true, message: d.conditionsRequired }]}
        hidden={outcome !== 'conditional'}
      >
        <Input.TextArea
          rows={3}
          maxLength={2000}
          placeholder={d.conditionsPlaceholder}
          data-testid="decision-conditions"
        />
      </Form.Item>
      <Button
        type="primary"
        htmlType="submit"
        icon={<AuditOutlined />}
        danger={outcome === 'reject'}
        loading={decide.isPending}
        data-testid="decision-submit"
      >
        {d.submit}
      </Button>
    </Form>
  );
}

export function DecisionSection({
  ev,
  canDecide,
  canExport,
}: {
  ev: Evaluation;
  canDecide: boolean;
  canExport: boolean;
}) {
  const m = useMessages().evaluation;
  const d = m.decision;
  const decision = ev.decision;
  return (
    <Card
      title={m.sections.decision}
      extra={
        canExport && (
          <Button
            icon={<FileWordOutlined />}
            href={reportUrl(ev.id)}
            download
            title={m.exportHint}
            data-testid="evaluation-report"
          >
            {m.exportReport}
          </Button>
        )
      }
      data-testid="evaluation-decision"
    >
      <Flex vertical gap={20}>
        {ev.recommendation ? (
          <RecommendationView rec={ev.recommendation} />
        ) : (
          <Typography.Text type="secondary">{m.rec.blind}</Typography.Text>
        )}
        <div>
          <Typography.Title level={5}>{d.title}</Typography.Title>
          {decision ? (
            <Descriptions size="small" column={1} bordered data-testid="decision-result">
              <Descriptions.Item label={d.outcome}>
                <Tag color={OUTCOME_COLOR[decision.outcome]} style={{ fontSize: 15, padding: '3px 10px' }}>
                  {m.outcomes[decision.outcome]}
                </Tag>
                <Typography.Text type="secondary">
                  {fill(d.by, { name: decision.decidedByName, at: formatTime(decision.decidedAt) })}
                </Typography.Text>
              </Descriptions.Item>
              {decision.conditions && (
                <Descriptions.Item label={d.conditions}>{decision.conditions}</Descriptions.Item>
              )}
            </Descriptions>
          ) : canDecide ? (
            <DecisionForm ev={ev} />
          ) : (
            <Typography.Text type="secondary">{d.pending}</Typography.Text>
          )}
        </div>
      </Flex>
    </Card>
  );
}
