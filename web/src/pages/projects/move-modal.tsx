/** 推进 dialog: the target stage (from the drop or the menu, changeable here), the fields that stage
 *  needs (STAGE_NEEDS: 对接人, 考察日期, 签约日期 and 签约金额 in 万元, 落地注册企业 and 落地日期, 投产日期, the
 *  reason for 暂停 / 终止) pre-filled with what the project holds, and a note. A refusal (409) shows the
 *  server's message — what is missing or which stage comes next — and the dialog stays open. */
import { ArrowRightOutlined } from '@ant-design/icons';
import { Alert, App, DatePicker, Flex, Form, Input, Modal, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import {
  PIPELINE,
  type PipelineStage,
  STAGE_NEEDS,
  STAGES,
  type Stage,
  type StageFacts,
} from '../../../../src/domain/project/stages';
import { isApiError } from '../../api/client';
import { type ProjectSummary, useMoveProject, useProject } from '../../api/projects';
import { FigureInput, readFigure, useFigureRules } from '../../components/figure-input';
import { useApiError } from '../../components/use-api-error';
import { useMessages } from '../../i18n';
import { fill } from '../../i18n/fill';
import { FirmSelect, StageTag, wanToYuan } from './common';
import { useStageNames } from './stage-names';

type Field = keyof StageFacts;
const DATE_FIELDS: Field[] = ['visitDate', 'contractDate', 'landingDate', 'productionDate'];

/** The stages a project may be offered to move to (the server still checks every move). */
export function moveTargets(stage: Stage): Stage[] {
  if (stage === 'terminated') return [];
  return STAGES.filter((s) => s !== stage);
}

/** The stage after this one along the pipeline, if any. */
export function nextStage(stage: Stage): Stage | undefined {
  const i = PIPELINE.indexOf(stage as PipelineStage);
  return i >= 0 && i < PIPELINE.length - 1 ? PIPELINE[i + 1] : undefined;
}

export function MoveModal({
  project,
  to: initialTo,
  onClose,
}: {
  project: Pick<ProjectSummary, 'id' | 'name' | 'stage' | 'version'>;
  to: Stage;
  onClose: () => void;
}) {
  const stageNames = useStageNames();
  const m = useMessages().projects;
  const mv = m.move;
  const { message } = App.useApp();
  const showError = useApiError();
  const [form] = Form.useForm();
  const [to, setTo] = useState<Stage>(initialTo);
  const [refusal, setRefusal] = useState<string | null>(null);
  const detail = useProject(project.id);
  const move = useMoveProject();
  const d = detail.data;

  const from = d?.stage ?? project.stage;
  const back =
    from !== 'paused' &&
    PIPELINE.indexOf(to as PipelineStage) >= 0 &&
    PIPELINE.indexOf(to as PipelineStage) < PIPELINE.indexOf(from as PipelineStage);
  const resume = from === 'paused' && d?.pausedFrom === to;
  const needs = back || resume ? [] : (STAGE_NEEDS[to] ?? []);

  // What the project already holds, so a re-entered stage does not ask again.
  const initial = useMemo(() => {
    if (!d) return {};
    return {
      contactPerson: d.contactPerson ?? undefined,
      visitDate: d.visitDate ? dayjs(d.visitDate) : undefined,
      contractDate: d.contractDate ? dayjs(d.contractDate) : undefined,
      contractAmount: d.contractAmount === null ? undefined : d.contractAmount / 1e4,
      localEnterpriseId: d.localEnterpriseId ?? undefined,
      landingDate: d.landingDate ? dayjs(d.landingDate) : undefined,
      productionDate: d.productionDate ? dayjs(d.productionDate) : undefined,
    };
  }, [d]);
  useEffect(() => {
    form.setFieldsValue(initial);
  }, [form, initial]);

  const submit = (v: Record<string, unknown>) => {
    setRefusal(null);
    const body: Record<string, unknown> = {};
    for (const n of needs) {
      const value = v[n.field];
      if (value === undefined || value === null || value === '') continue;
      if (DATE_FIELDS.includes(n.field)) body[n.field] = (value as Dayjs).format('YYYY-MM-DD');
      else if (n.field === 'contractAmount') {
        const r = readFigure(value, 'wan');
        if (r.ok && r.value !== null) body[n.field] = wanToYuan(r.value);
      } else if (typeof value === 'string') body[n.field] = value.trim() || undefined;
      else body[n.field] = value;
    }
    const note = typeof v.note === 'string' && v.note.trim() ? v.note.trim() : undefined;
    move.mutate(
      { id: project.id, version: d?.version ?? project.version, to, note, ...body },
      {
        onSuccess: () => {
          message.success(fill(mv.moved, { stage: stageNames[to] }));
          onClose();
        },
        onError: (err) => {
          if (isApiError(err) && err.status === 409) setRefusal(err.message);
          else showError(err, form);
        },
      },
    );
  };

  const figureRules = useFigureRules();
  const label = (field: Field, fallback: string) =>
    field === 'reason'
      ? to === 'paused'
        ? m.fields.pausedReason
        : m.fields.terminatedReason
      : (m.fields[field] ?? fallback);
  const input = (field: Field) => {
    if (DATE_FIELDS.includes(field))
      // The stage's date is of something done (visited, signed, landed): no future day.
      return (
        <DatePicker
          style={{ width: 220 }}
          placeholder={mv.datePlaceholder}
          disabledDate={(d) => d.isAfter(dayjs(), 'day')}
        />
      );
    if (field === 'contractAmount') return <FigureInput style={{ width: 220 }} suffix={mv.wan} />;
    if (field === 'localEnterpriseId')
      return <FirmSelect placeholder={mv.localPlaceholder} universe="local" testId="move-local-firm" />;
    if (field === 'reason') return <Input.TextArea rows={2} maxLength={500} showCount />;
    return <Input maxLength={100} style={{ width: 320 }} />;
  };

  return (
    <Modal
      open
      title={fill(mv.title, { stage: stageNames[to] })}
      width={600}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={mv.ok}
      okButtonProps={{ loading: move.isPending, 'data-testid': 'move-ok' }}
      destroyOnHidden
      data-testid="move-modal"
    >
      <Flex vertical gap={16} style={{ marginTop: 12 }}>
        <Flex
          align="center"
          gap={12}
          wrap
          style={{
            padding: '10px 14px',
            background: '#f7f9fc',
            border: '1px solid #e6ebf2',
            borderRadius: 6,
          }}
        >
          <Typography.Text strong ellipsis style={{ maxWidth: 220 }}>
            {project.name}
          </Typography.Text>
          <StageTag stage={from} />
          <ArrowRightOutlined style={{ color: '#8c8c8c' }} />
          <Select<Stage>
            value={to}
            size="small"
            style={{ width: 110 }}
            onChange={(s) => {
              setTo(s);
              setRefusal(null);
            }}
            options={moveTargets(from).map((s) => ({ value: s, label: stageNames[s] }))}
            data-testid="move-to"
          />
        </Flex>
        {refusal && (
          <Alert type="error" showIcon title={mv.refused} description={refusal} data-testid="move-refusal" />
        )}
        <Form form={form} layout="horizontal" labelCol={{ flex: '112px' }} onFinish={submit} preserve>
          {needs.length > 0 ? (
            <>
              <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 12 }}>
                {mv.needs}
                {m.colon}
                {needs.map((n) => label(n.field, n.label)).join(m.sep)}
              </Typography.Text>
              {needs.map((n) => (
                <Form.Item
                  key={n.field}
                  name={n.field}
                  label={label(n.field, n.label)}
                  required
                  // What a stage needs is checked by the server, which also refuses a skipped stage
                  // and says both at once; the form checks only that an amount reads as a number.
                  rules={n.field === 'contractAmount' ? figureRules({ kind: 'wan', max: 1e10 }) : undefined}
                >
                  {input(n.field)}
                </Form.Item>
              ))}
            </>
          ) : (
            <Typography.Paragraph type="secondary">
              {back ? mv.back : resume ? mv.resume : mv.noNeeds}
            </Typography.Paragraph>
          )}
          <Form.Item name="note" label={mv.note} style={{ marginBottom: 0 }}>
            <Input.TextArea rows={2} maxLength={1000} placeholder={mv.notePlaceholder} />
          </Form.Item>
        </Form>
      </Flex>
    </Modal>
  );
}
