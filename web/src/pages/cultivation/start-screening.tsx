/** 发起筛查: the assessment date (which picks the rule versions) and what counts as 接近; the run starts
 *  in the background. A run already in progress (409) is named in the server's words and selected. */
import { PlayCircleOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Form, InputNumber, Modal, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { isApiError } from '../../api/client';
import { useStartScreening } from '../../api/cultivation';
import { useApiError } from '../../components/use-api-error';
import { useMessages } from '../../i18n';

/** tolerancePercent: the per-criterion tolerance as users think of it (30 for 30 %). */
type Values = { assessedOn: Dayjs; maxUnmet: number; scoreMargin: number; tolerancePercent: number };

export function StartScreening({ onStarted }: { onStarted: (runId: string) => void }) {
  const c = useMessages().cultivation;
  const { message } = App.useApp();
  const showError = useApiError();
  const start = useStartScreening();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();

  const submit = (v: Values) =>
    start.mutate(
      {
        assessedOn: v.assessedOn.format('YYYY-MM-DD'),
        closeRule: { maxUnmet: v.maxUnmet, scoreMargin: v.scoreMargin, tolerance: v.tolerancePercent / 100 },
      },
      {
        onSuccess: ({ runId }) => {
          message.success(c.start.started);
          setOpen(false);
          onStarted(runId);
        },
        onError: (err) => {
          showError(err, form);
          // Show the run that is in the way, with its progress.
          const busy = isApiError(err, 'screening.running')
            ? (err.details as { runId?: string } | null)
            : null;
          if (busy?.runId) {
            setOpen(false);
            onStarted(busy.runId);
          }
        },
      },
    );

  return (
    <>
      <Button
        type="primary"
        icon={<PlayCircleOutlined />}
        onClick={() => setOpen(true)}
        data-testid="screening-start"
      >
        {c.start.button}
      </Button>
      <Modal
        open={open}
        title={c.start.title}
        okText={c.start.submit}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        confirmLoading={start.isPending}
        okButtonProps={{ 'data-testid': 'screening-submit' }}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{c.start.intro}</Typography.Paragraph>
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{ assessedOn: dayjs(), maxUnmet: 2, scoreMargin: 10, tolerancePercent: 30 }}
          data-testid="screening-form"
        >
          <Form.Item
            name="assessedOn"
            label={c.start.assessedOn}
            extra={c.start.assessedOnHint}
            rules={[{ required: true }]}
          >
            <DatePicker
              allowClear={false}
              style={{ width: 200 }}
              // The server's bounds: no rules before 2016, nothing past next year.
              minDate={dayjs('2016-01-01')}
              maxDate={dayjs().add(1, 'year').endOf('year')}
              data-testid="screening-date"
            />
          </Form.Item>
          <Typography.Text strong style={{ display: 'block', marginBottom: 8 }}>
            {c.start.closeRule}
          </Typography.Text>
          <Space size={24} wrap align="start">
            <Form.Item
              name="maxUnmet"
              label={c.start.maxUnmet}
              extra={c.start.maxUnmetHint}
              rules={[{ required: true }]}
              style={{ maxWidth: 220 }}
            >
              <InputNumber
                min={0}
                max={10}
                precision={0}
                suffix={c.start.items}
                data-testid="screening-max-unmet"
              />
            </Form.Item>
            <Form.Item
              name="scoreMargin"
              label={c.start.scoreMargin}
              extra={c.start.scoreMarginHint}
              rules={[{ required: true }]}
              style={{ maxWidth: 220 }}
            >
              <InputNumber min={0} max={100} suffix={c.start.points} data-testid="screening-score-margin" />
            </Form.Item>
            <Form.Item
              name="tolerancePercent"
              label={c.start.tolerance}
              extra={c.start.toleranceHint}
              rules={[{ required: true }]}
              style={{ maxWidth: 220 }}
            >
              <InputNumber min={0} max={100} suffix="%" data-testid="screening-tolerance" />
            </Form.Item>
          </Space>
        </Form>
      </Modal>
    </>
  );
}
