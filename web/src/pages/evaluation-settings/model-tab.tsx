/** 评估模型: the 创新力画像's model as an editor — each dimension's weight (the total shown, 100 % needed)
 *  and each indicator's bands and full marks — saved with a note as a new version. The server checks the
 *  model (weights, bands, no forbidden inputs such as age or gender) and its refusal is shown as it says
 *  it, in Chinese. Beside it, the versions saved so far. */
import { SaveOutlined, UndoOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Flex, Input, Row, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { isApiError } from '../../api/client';
import {
  type ModelVersion,
  type ScoringModel,
  useSaveScoringModel,
  useScoringModel,
} from '../../api/evaluation';
import { useApiError } from '../../components/use-api-error';
import { useMessages } from '../../i18n';
import { fill } from '../../i18n/fill';
import { formatTime } from '../../lib/format';
import { DimensionCard, toPct } from './model-dimension';

function ModelEditor({ current, canEdit }: { current: ScoringModel; canEdit: boolean }) {
  const m = useMessages().evaluationSettings.model;
  const { message } = App.useApp();
  const showError = useApiError();
  const save = useSaveScoringModel();
  const [draft, setDraft] = useState<ScoringModel>(() => structuredClone(current));
  const [note, setNote] = useState('');
  const [refusal, setRefusal] = useState<string | null>(null);
  const sum = toPct(draft.dimensions.reduce((s, d) => s + d.weight, 0));
  const sumOk = Math.abs(sum - 100) < 0.01;

  const submit = () => {
    setRefusal(null);
    save.mutate(
      { basedOn: current.version, note: note.trim() || undefined, model: draft },
      {
        onSuccess: (saved) => message.success(fill(m.saved, { version: saved.version })),
        onError: (err) => {
          if (isApiError(err, 'request.invalid')) setRefusal(err.message);
          else showError(err);
        },
      },
    );
  };

  return (
    <Flex vertical gap={12} data-testid="model-editor">
      <Flex justify="space-between" align="center" gap={12} wrap>
        <Typography.Text strong data-testid="model-current">
          {fill(m.current, { version: current.version, name: current.name })}
        </Typography.Text>
        <Tag color={sumOk ? 'green' : 'red'} data-testid="model-weight-sum">
          {fill(sumOk ? m.weightSum : m.weightSumBad, { sum })}
        </Tag>
      </Flex>
      <Alert type="info" showIcon title={m.hint} />
      {canEdit && (
        <Flex gap={8} align="center">
          <Typography.Text style={{ whiteSpace: 'nowrap' }}>{m.note}</Typography.Text>
          <Input
            value={note}
            onChange={(e) => setNote(e.target.value)}
            maxLength={200}
            placeholder={m.notePlaceholder}
            data-testid="model-note"
          />
          <Button
            icon={<UndoOutlined />}
            onClick={() => {
              setDraft(structuredClone(current));
              setRefusal(null);
            }}
          >
            {m.discard}
          </Button>
          <Button
            type="primary"
            icon={<SaveOutlined />}
            loading={save.isPending}
            onClick={submit}
            data-testid="model-save"
          >
            {m.save}
          </Button>
        </Flex>
      )}
      {refusal && (
        <Alert type="error" showIcon title={m.refused} description={refusal} data-testid="model-refused" />
      )}
      {draft.dimensions.map((d, di) => (
        <DimensionCard
          key={d.key}
          dim={d}
          disabled={!canEdit}
          onChange={(next) =>
            setDraft({ ...draft, dimensions: draft.dimensions.map((o, k) => (k === di ? next : o)) })
          }
        />
      ))}
    </Flex>
  );
}

function History({ versions, current }: { versions: ModelVersion[]; current: number }) {
  const m = useMessages().evaluationSettings.model;
  return (
    <Card size="small" title={m.history} style={{ position: 'sticky', top: 80 }} data-testid="model-history">
      <Flex vertical gap={10}>
        {versions.map((v) => (
          <Flex key={v.version} vertical gap={2} data-testid={`model-version-${v.version}`}>
            <Flex gap={6} align="center">
              <Tag color={v.version === current ? 'blue' : 'default'} style={{ marginInlineEnd: 0 }}>
                {fill(m.version, { version: v.version })}
              </Tag>
              {v.version === current && <Typography.Text type="success">{m.currentTag}</Typography.Text>}
            </Flex>
            {v.note && <Typography.Text>{v.note}</Typography.Text>}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {v.createdAt
                ? fill(m.by, { name: v.createdByName, at: formatTime(v.createdAt) })
                : v.createdByName}
            </Typography.Text>
          </Flex>
        ))}
      </Flex>
    </Card>
  );
}

export function ModelTab({ canEdit }: { canEdit: boolean }) {
  const m = useMessages().evaluationSettings;
  const model = useScoringModel();
  if (model.error)
    return <Alert type="error" showIcon title={m.loadFailed} description={model.error.message} />;
  if (!model.data) return <Skeleton active paragraph={{ rows: 12 }} />;
  const { current, versions } = model.data;
  return (
    <Row gutter={16} data-testid="model-tab">
      <Col xs={24} xl={19}>
        <ModelEditor key={current.version} current={current} canEdit={canEdit} />
      </Col>
      <Col xs={24} xl={5}>
        <History versions={versions} current={current.version} />
      </Col>
    </Row>
  );
}
