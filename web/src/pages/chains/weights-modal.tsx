/** 权重设置 (admins): the org's six 靶向招商 weights (0–100 each), with the default and why next to each,
 *  saved with the version read. When someone else saved first (409), or the server refuses the values
 *  (400), its message shows in the dialog until the weights are changed, and the current weights are
 *  loaded again. */
import { SlidersOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Form, InputNumber, Modal, Skeleton, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { TARGET_FACTORS, type TargetFactor, useSaveTargetWeights, useTargetWeights } from '../../api/chains';
import { isApiError } from '../../api/client';
import { useApiError } from '../../components/use-api-error';
import { useMessages } from '../../i18n';
import { fill } from '../../i18n/fill';
import { FACTOR_COLOR } from './target-factors';

type Values = Record<TargetFactor, number>;

/** The defaults of src/domain/chain/targeting.ts (sum 100); the reasons are in docs/CHAINS.md. */
const DEFAULTS: Values = { fit: 25, scale: 15, innovation: 20, growth: 15, funding: 10, proximity: 15 };

export function WeightsButton() {
  const c = useMessages().chains;
  const t = c.targets;
  const w = t.weights;
  const { message } = App.useApp();
  const showError = useApiError();
  const [open, setOpen] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const current = useTargetWeights(open);
  const save = useSaveTargetWeights();
  const [form] = Form.useForm<Values>();
  const values = Form.useWatch([], form) as Partial<Values> | undefined;
  const sum = TARGET_FACTORS.reduce((s, f) => s + (Number(values?.[f]) || 0), 0);
  const data = current.data;

  useEffect(() => {
    if (!open || !data) return;
    form.setFieldsValue(Object.fromEntries(TARGET_FACTORS.map((f) => [f, data[f]])) as Values);
  }, [open, data, form]);

  const submit = (v: Values) => {
    if (!data) return;
    setProblem(null);
    save.mutate(
      { ...v, version: data.version },
      {
        onSuccess: () => {
          message.success(w.saved);
          setOpen(false);
        },
        onError: (err) => {
          if (isApiError(err) && (err.status === 409 || err.status === 400)) {
            const details = err.fieldErrors().map((f) => f.message);
            setProblem(details.length ? details.join('；') : err.message);
            void current.refetch();
          } else showError(err, form);
        },
      },
    );
  };

  return (
    <>
      <Button icon={<SlidersOutlined />} onClick={() => setOpen(true)} data-testid="weights-open">
        {w.button}
      </Button>
      <Modal
        open={open}
        title={w.title}
        onOk={() => form.submit()}
        onCancel={() => {
          setOpen(false);
          setProblem(null);
        }}
        confirmLoading={save.isPending}
        okButtonProps={{ disabled: !data, 'data-testid': 'weights-save' }}
        destroyOnHidden
        width={640}
      >
        <Typography.Paragraph type="secondary">{w.intro}</Typography.Paragraph>
        {problem && (
          <Alert
            type="warning"
            showIcon
            title={problem}
            style={{ marginBottom: 16 }}
            data-testid="weights-problem"
          />
        )}
        {current.isPending ? (
          <Skeleton active />
        ) : current.error ? (
          <Alert type="error" title={current.error.message} />
        ) : (
          <Form<Values>
            form={form}
            layout="vertical"
            onFinish={submit}
            // The server's refusal was of the values sent; once they change it no longer applies
            // ("权重不能全为 0" stayed up over valid weights). A reload after a 409 is not a change.
            onValuesChange={() => setProblem(null)}
            data-testid="weights-form"
          >
            {TARGET_FACTORS.map((f) => (
              <Flex key={f} gap={16} align="flex-start" style={{ marginBottom: 4 }}>
                <Form.Item
                  name={f}
                  label={
                    <Flex gap={6} align="center">
                      <span style={{ width: 8, height: 8, borderRadius: 2, background: FACTOR_COLOR[f] }} />
                      {t.factors[f]}
                    </Flex>
                  }
                  rules={[{ required: true }]}
                  style={{ marginBottom: 8, width: 200, flex: 'none' }}
                >
                  <InputNumber min={0} max={100} precision={0} style={{ width: 140 }} />
                </Form.Item>
                <Typography.Text type="secondary" style={{ fontSize: 12, paddingTop: 34 }}>
                  {fill(w.default, { n: DEFAULTS[f], why: t.reasons[f] })}
                </Typography.Text>
              </Flex>
            ))}
          </Form>
        )}
        {data && (
          <Flex justify="space-between" align="center" style={{ marginTop: 4 }}>
            <Typography.Text strong={sum > 0} type={sum > 0 ? undefined : 'danger'} data-testid="weights-sum">
              {sum > 0 ? fill(w.sum, { n: sum }) : w.zero}
            </Typography.Text>
            <Button
              size="small"
              onClick={() => {
                form.setFieldsValue(DEFAULTS);
                setProblem(null);
              }}
              data-testid="weights-defaults"
            >
              {w.defaults}
            </Button>
          </Flex>
        )}
      </Modal>
    </>
  );
}
