/** 推进: moves a firm's track to one of the stages the server allows next — 申报 with its batch, 未通过
 *  with the reason, 认定 with the date (and certificate number, written into the firm's titles). The
 *  server decides what is missing and says so in Chinese; that message shows in the dialog. A record
 *  changed meanwhile (stale version) reloads the list and closes. */
import { Alert, App, DatePicker, Form, Input, Modal, Radio, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { isApiError } from '../../api/client';
import { nextStages, type Stage, type Track, useMoveTrack } from '../../api/cultivation';
import { validValues } from '../../components/valid-values';
import { useMessages } from '../../i18n';
import { fill } from '../../i18n/fill';
import { StageTag } from './stage';

type Values = {
  stage: Stage;
  batch?: string;
  reason?: string;
  issuedOn?: Dayjs;
  expiresOn?: Dayjs;
  certificateNo?: string;
  note?: string;
};

const text = (v: string | undefined) => v?.trim() || undefined;

export function MoveTrackModal({ track, onClose }: { track: Track; onClose: () => void }) {
  const m = useMessages();
  const c = m.cultivation;
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const move = useMoveTrack();
  const [error, setError] = useState<string>();
  const allowed = nextStages(track.stage);
  const stage = Form.useWatch('stage', form) ?? allowed[0];

  const submit = async () => {
    const v = await validValues(form);
    if (!v) return;
    setError(undefined);
    const to = v.stage;
    move.mutate(
      {
        id: track.id,
        version: track.version,
        stage: to,
        batch: to === 'applied' ? text(v.batch) : undefined,
        reason: to === 'rejected' ? text(v.reason) : undefined,
        issuedOn: to === 'certified' ? v.issuedOn?.format('YYYY-MM-DD') : undefined,
        expiresOn: to === 'certified' ? v.expiresOn?.format('YYYY-MM-DD') : undefined,
        certificateNo: to === 'certified' ? text(v.certificateNo) : undefined,
        note: text(v.note),
      },
      {
        onSuccess: (t) => {
          message.success(fill(c.move.moved, { stage: c.stages[t.stage] }));
          onClose();
        },
        onError: (err) => {
          if (isApiError(err, 'conflict.stale')) {
            message.warning(c.move.stale);
            onClose();
            return;
          }
          const fields = isApiError(err) ? err.fieldErrors() : [];
          setError(fields.length ? fields.map((f) => f.message).join(c.sep) : err.message);
        },
      },
    );
  };

  return (
    <Modal
      open
      title={fill(c.move.title, { firm: track.enterpriseName })}
      onOk={submit}
      onCancel={onClose}
      okText={c.move.submit}
      confirmLoading={move.isPending}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ stage: allowed[0] }}
        data-testid="move-form"
        onValuesChange={() => setError(undefined)}
      >
        <Form.Item label={c.move.from}>
          <Typography.Text>
            {m.enterprises.tiers[track.tier] ?? track.tierName} · <StageTag stage={track.stage} />
          </Typography.Text>
        </Form.Item>
        <Form.Item name="stage" label={c.move.to}>
          <Radio.Group
            data-testid="move-stage"
            options={allowed.map((s) => ({ value: s, label: c.stages[s] }))}
          />
        </Form.Item>
        {stage === 'applied' && (
          <Form.Item name="batch" label={c.move.batch} initialValue={track.batch ?? undefined} required>
            <Input placeholder={c.move.batchHint} maxLength={50} />
          </Form.Item>
        )}
        {stage === 'rejected' && (
          <Form.Item name="reason" label={c.move.reason} required>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        )}
        {stage === 'certified' && (
          <>
            <Form.Item name="issuedOn" label={c.move.issuedOn} required>
              <DatePicker
                style={{ width: 200 }}
                // A certificate is recorded once issued: no future date (the server refuses it too).
                disabledDate={(d) => d.isAfter(dayjs(), 'day')}
                data-testid="move-issued-on"
              />
            </Form.Item>
            <Form.Item name="expiresOn" label={c.move.expiresOn} extra={c.move.expiresOnHint}>
              <DatePicker style={{ width: 200 }} data-testid="move-expires-on" />
            </Form.Item>
            <Form.Item name="certificateNo" label={c.move.certificateNo}>
              <Input maxLength={64} />
            </Form.Item>
          </>
        )}
        <Form.Item name="note" label={c.move.note}>
          <Input.TextArea rows={2} maxLength={500} placeholder={c.move.notePlaceholder} />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} data-testid="move-error" />}
      </Form>
    </Modal>
  );
}
