/** 跟进记录: the follow-ups as a timeline, newest first as the server sends them, and 添加跟进 (kind,
 *  date, participants, content, outcome, next step and date). */
import { FieldTimeOutlined, PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Col,
  DatePicker,
  Empty,
  Flex,
  Form,
  Input,
  Modal,
  Radio,
  Row,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import {
  FOLLOW_UP_KINDS,
  type FollowUp,
  type FollowUpKind,
  type ProjectDetail,
  useAddFollowUp,
} from '../../api/projects';
import { useApiError } from '../../components/use-api-error';
import { useMessages } from '../../i18n';

function FollowUpModal({ id, onClose }: { id: string; onClose: () => void }) {
  const m = useMessages().projects;
  const f = m.followUp;
  const { message } = App.useApp();
  const showError = useApiError();
  const add = useAddFollowUp(id);
  const [form] = Form.useForm();
  const date: Dayjs | undefined = Form.useWatch('date', form);
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
              {/* A follow-up records what happened: no future day (the server refuses it too). */}
              <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
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
              <DatePicker style={{ width: '100%' }} disabledDate={(d) => !!date && d.isBefore(date, 'day')} />
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

export function FollowUps({ p, canAdd }: { p: ProjectDetail; canAdd: boolean }) {
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
                    {[
                      x.nextStep && `${f.nextStep}${m.colon}${x.nextStep}`,
                      x.nextDate && `${f.nextDate}${m.colon}${x.nextDate}`,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
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
