/** 评估规则: the 市场尽调 checklist new evaluations copy (items and which are 否决项), the three-way
 *  weights of the recommendation (AI研判 / 技术委员会 / 市场尽调, as percentages summing to 100) and the
 *  committee's disagreement threshold. Saved with the version read; a 409 means someone saved first:
 *  the page reloads the rules and says so. */
import { DeleteOutlined, PlusOutlined, SaveOutlined, UndoOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Flex,
  Input,
  InputNumber,
  Row,
  Skeleton,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { isApiError } from '../../api/client';
import {
  type ChecklistItem,
  type DisagreementRule,
  type EvaluationSettings,
  type FusionWeights,
  useEvaluationSettings,
  useSaveEvaluationSettings,
} from '../../api/evaluation';
import { useApiError } from '../../components/use-api-error';
import { useMessages } from '../../i18n';
import { fill } from '../../i18n/fill';
import { fromPct, toPct } from './model-dimension';

const FUSION_KEYS = ['ai', 'committee', 'dueDiligence'] as const;

function Checklist({
  items,
  disabled,
  onChange,
}: {
  items: ChecklistItem[];
  disabled: boolean;
  onChange: (v: ChecklistItem[]) => void;
}) {
  const r = useMessages().evaluationSettings.rules;
  const set = (k: number, patch: Partial<ChecklistItem>) =>
    onChange(items.map((x, i) => (i === k ? { ...x, ...patch } : x)));
  return (
    <Flex vertical gap={8} data-testid="rules-checklist">
      {items.map((x, k) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: items are edited in place, names may be blank
        <Flex key={k} gap={8} align="center" className="rules-item" data-testid={`rules-item-${k}`}>
          <Typography.Text type="secondary" style={{ width: 20 }}>
            {k + 1}
          </Typography.Text>
          <Input
            value={x.name}
            maxLength={40}
            disabled={disabled}
            placeholder={r.itemPlaceholder}
            status={x.name.trim() ? undefined : 'error'}
            onChange={(e) => set(k, { name: e.target.value })}
            data-testid="rules-item-name"
          />
          <Checkbox
            checked={x.veto}
            disabled={disabled}
            onChange={(e) => set(k, { veto: e.target.checked })}
            data-testid="rules-item-veto"
          >
            <span style={{ whiteSpace: 'nowrap' }}>{r.veto}</span>
          </Checkbox>
          {!disabled && (
            <Button
              icon={<DeleteOutlined />}
              disabled={items.length <= 1}
              onClick={() => onChange(items.filter((_, i) => i !== k))}
              aria-label="delete"
            />
          )}
        </Flex>
      ))}
      {!disabled && items.length < 30 && (
        <Button
          type="dashed"
          icon={<PlusOutlined />}
          onClick={() => onChange([...items, { name: '', veto: false }])}
          data-testid="rules-item-add"
        >
          {r.addItem}
        </Button>
      )}
    </Flex>
  );
}

function RulesEditor({ rules, canEdit }: { rules: EvaluationSettings; canEdit: boolean }) {
  const r = useMessages().evaluationSettings.rules;
  const { message } = App.useApp();
  const showError = useApiError();
  const save = useSaveEvaluationSettings();
  const [checklist, setChecklist] = useState<ChecklistItem[]>(rules.checklist);
  const [fusion, setFusion] = useState<FusionWeights>(rules.fusion);
  const [disagreement, setDisagreement] = useState<DisagreementRule>(rules.disagreement);
  const disabled = !canEdit;
  const sum = toPct(FUSION_KEYS.reduce((s, k) => s + fusion[k], 0));
  const sumOk = Math.abs(sum - 100) < 0.01;

  const submit = () =>
    save.mutate(
      {
        version: rules.version,
        checklist: checklist.map((x) => ({ name: x.name.trim(), veto: x.veto })),
        fusion,
        disagreement,
      },
      {
        onSuccess: () => message.success(r.saved),
        onError: (err) => {
          if (isApiError(err, 'conflict.stale')) message.warning(r.stale);
          else showError(err);
        },
      },
    );
  const reset = (to: Omit<EvaluationSettings, 'version' | 'defaults'>) => {
    setChecklist(to.checklist);
    setFusion(to.fusion);
    setDisagreement(to.disagreement);
  };

  return (
    <Flex vertical gap={16} data-testid="rules-editor">
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <Card size="small" title={r.checklist}>
            <Flex vertical gap={12}>
              <Typography.Text type="secondary">{r.checklistHint}</Typography.Text>
              <Checklist items={checklist} disabled={disabled} onChange={setChecklist} />
            </Flex>
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Flex vertical gap={16}>
            <Card
              size="small"
              title={r.fusion}
              extra={
                <Tag color={sumOk ? 'green' : 'red'} data-testid="rules-fusion-sum">
                  {fill(sumOk ? r.sum : r.sumBad, { sum })}
                </Tag>
              }
            >
              <Flex vertical gap={8}>
                <Typography.Text type="secondary">{r.fusionHint}</Typography.Text>
                {FUSION_KEYS.map((k) => (
                  <Flex key={k} justify="space-between" align="center">
                    <span>{r[k]}</span>
                    <InputNumber
                      min={0}
                      max={100}
                      step={5}
                      suffix="%"
                      value={toPct(fusion[k])}
                      disabled={disabled}
                      onChange={(v) => setFusion({ ...fusion, [k]: fromPct(v ?? 0) })}
                      style={{ width: 120 }}
                      data-testid={`rules-fusion-${k}`}
                    />
                  </Flex>
                ))}
              </Flex>
            </Card>
            <Card size="small" title={r.disagreement}>
              <Flex vertical gap={8}>
                <Typography.Text type="secondary">{r.disagreementHint}</Typography.Text>
                {(['maxSd', 'maxRange'] as const).map((k) => (
                  <Flex key={k} justify="space-between" align="center">
                    <span>{r[k]}</span>
                    <InputNumber
                      min={k === 'maxSd' ? 0.1 : 1}
                      max={8}
                      step={k === 'maxSd' ? 0.1 : 1}
                      value={disagreement[k]}
                      disabled={disabled}
                      onChange={(v) => setDisagreement({ ...disagreement, [k]: v ?? disagreement[k] })}
                      style={{ width: 120 }}
                      data-testid={`rules-${k}`}
                    />
                  </Flex>
                ))}
              </Flex>
            </Card>
          </Flex>
        </Col>
      </Row>
      <Flex justify="space-between" align="center">
        <Typography.Text type="secondary" data-testid="rules-version">
          {fill(r.version, { version: rules.version })}
        </Typography.Text>
        {canEdit && (
          <Flex gap={8}>
            <Button
              icon={<UndoOutlined />}
              onClick={() => reset(rules.defaults)}
              data-testid="rules-defaults"
            >
              {r.defaults}
            </Button>
            <Button
              type="primary"
              icon={<SaveOutlined />}
              loading={save.isPending}
              onClick={submit}
              data-testid="rules-save"
            >
              {r.save}
            </Button>
          </Flex>
        )}
      </Flex>
    </Flex>
  );
}

export function RulesTab({ canEdit }: { canEdit: boolean }) {
  const m = useMessages().evaluationSettings;
  const rules = useEvaluationSettings();
  if (rules.error)
    return <Alert type="error" showIcon title={m.loadFailed} description={rules.error.message} />;
  if (!rules.data) return <Skeleton active paragraph={{ rows: 10 }} />;
  // A new version (saved here or reloaded after a 409) starts the editor again from what the server holds.
  return <RulesEditor key={rules.data.version} rules={rules.data} canEdit={canEdit} />;
}
