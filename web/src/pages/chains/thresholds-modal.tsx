/** 强弱标准 (admins): the org's thresholds for 优势 / 一般 / 薄弱 / 缺失, money entered in 亿元 and sent
 *  in 元, saved with the version read. When someone else saved first (409) the server's message shows
 *  in the dialog and the current values are loaded again. */
import { ControlOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, InputNumber, Modal, Skeleton, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useSaveThresholds, useThresholds } from '../../api/chains';
import { isApiError } from '../../api/client';
import { useApiError } from '../../components/use-api-error';
import { useMessages } from '../../i18n';

type Values = { leaderRevenue: number; strongFirms: number; strongRevenue: number; averageFirms: number };
const YI = 1e8;

export function ThresholdsButton() {
  const c = useMessages().chains;
  const th = c.thresholds;
  const { message } = App.useApp();
  const showError = useApiError();
  const [open, setOpen] = useState(false);
  const [conflict, setConflict] = useState<string | null>(null);
  const current = useThresholds(open);
  const save = useSaveThresholds();
  const [form] = Form.useForm<Values>();
  const data = current.data;

  useEffect(() => {
    if (!open || !data) return;
    form.setFieldsValue({
      leaderRevenue: data.leaderRevenue / YI,
      strongFirms: data.strongFirms,
      strongRevenue: data.strongRevenue / YI,
      averageFirms: data.averageFirms,
    });
  }, [open, data, form]);

  const submit = (v: Values) => {
    if (!data) return;
    setConflict(null);
    save.mutate(
      {
        version: data.version,
        leaderRevenue: Math.round(v.leaderRevenue * YI),
        strongFirms: v.strongFirms,
        strongRevenue: Math.round(v.strongRevenue * YI),
        averageFirms: v.averageFirms,
      },
      {
        onSuccess: () => {
          message.success(th.saved);
          setOpen(false);
        },
        onError: (err) => {
          if (isApiError(err) && err.status === 409) setConflict(err.message);
          else showError(err, form);
        },
      },
    );
  };

  const money = { min: 0, max: 100000, step: 1, suffix: th.yi, style: { width: 200 } };
  const count = {
    min: 1,
    max: 100000,
    precision: 0,
    suffix: c.unitFirms || undefined,
    style: { width: 200 },
  };
  return (
    <>
      <Button icon={<ControlOutlined />} onClick={() => setOpen(true)} data-testid="thresholds-open">
        {c.actions.thresholds}
      </Button>
      <Modal
        open={open}
        title={c.actions.thresholds}
        onOk={() => form.submit()}
        onCancel={() => {
          setOpen(false);
          setConflict(null);
        }}
        confirmLoading={save.isPending}
        okButtonProps={{ disabled: !data, 'data-testid': 'thresholds-save' }}
        destroyOnHidden
        width={560}
      >
        <Typography.Paragraph type="secondary">{th.intro}</Typography.Paragraph>
        {conflict && (
          <Alert
            type="warning"
            showIcon
            title={conflict}
            style={{ marginBottom: 16 }}
            data-testid="thresholds-conflict"
          />
        )}
        {current.isPending ? (
          <Skeleton active />
        ) : current.error ? (
          <Alert type="error" title={current.error.message} />
        ) : (
          <Form<Values>
            form={form}
            layout="horizontal"
            labelCol={{ span: 10 }}
            wrapperCol={{ span: 14 }}
            onFinish={submit}
            data-testid="thresholds-form"
          >
            <Form.Item name="leaderRevenue" label={th.leaderRevenue} rules={[{ required: true }]}>
              <InputNumber {...money} />
            </Form.Item>
            <Form.Item name="strongFirms" label={th.strongFirms} rules={[{ required: true }]}>
              <InputNumber {...count} />
            </Form.Item>
            <Form.Item name="strongRevenue" label={th.strongRevenue} rules={[{ required: true }]}>
              <InputNumber {...money} />
            </Form.Item>
            <Form.Item name="averageFirms" label={th.averageFirms} rules={[{ required: true }]}>
              <InputNumber {...count} />
            </Form.Item>
          </Form>
        )}
      </Modal>
    </>
  );
}
