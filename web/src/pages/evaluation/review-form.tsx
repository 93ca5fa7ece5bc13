/** An expert's blind review: 1–9 for each of the five dimensions, comments and a recommendation,
 *  submitted once. A conflicted expert sees why they do not score; after submitting, the panel above
 *  shows the other experts' scores and the committee's result. */
import { CheckCircleFilled, SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Form, Input, Radio, Typography } from 'antd';
import {
  DIMENSIONS,
  type Dimension,
  type Evaluation,
  RECOMMENDATIONS,
  type ReviewRecommendation,
  useSubmitReview,
} from '../../api/evaluation';
import { useApiError } from '../../components/use-api-error';
import { useMessages } from '../../i18n';
import { fill } from '../../i18n/fill';

type Values = Record<Dimension, number> & { comments: string; recommendation: ReviewRecommendation };

const SCALE = Array.from({ length: 9 }, (_, i) => ({ value: i + 1, label: String(i + 1) }));

export function ReviewForm({ ev }: { ev: Evaluation }) {
  const m = useMessages().evaluation;
  const r = m.review;
  const { message, modal } = App.useApp();
  const showError = useApiError();
  const [form] = Form.useForm<Values>();
  const submit = useSubmitReview(ev.id);
  const mine = ev.panel.members.find((x) => x.mine);
  if (!mine) return null;
  if (mine.conflicted)
    return (
      <Alert
        type="error"
        showIcon
        title={fill(r.conflicted, { reason: mine.conflict?.reason ?? '' })}
        data-testid="review-conflicted"
      />
    );
  if (mine.submitted)
    return (
      <Alert
        type="success"
        showIcon
        icon={<CheckCircleFilled />}
        title={r.mine}
        description={mine.comments}
        data-testid="review-done"
      />
    );

  // After the leader's decision the panel is closed (the server refuses a late score).
  if (ev.decision) return <Alert type="info" showIcon title={r.closed} data-testid="review-closed" />;

  // mutateAsync: the form gives way to the 已提交 notice once the panel refetches.
  const send = (v: Values) =>
    submit
      .mutateAsync({
        scores: Object.fromEntries(DIMENSIONS.map((d) => [d, v[d]])) as Record<Dimension, number>,
        comments: v.comments,
        recommendation: v.recommendation,
      })
      .then(
        () => message.success(r.submitted),
        (e) => showError(e, form),
      );

  return (
    <Card title={r.title} data-testid="review-form" styles={{ header: { background: '#f0f5ff' } }}>
      <Typography.Paragraph type="secondary">{r.intro}</Typography.Paragraph>
      <Form<Values> form={form} layout="horizontal" labelCol={{ flex: '150px' }}>
        {DIMENSIONS.map((d) => (
          <Form.Item
            key={d}
            name={d}
            label={m.dimensions[d]}
            rules={[{ required: true, message: r.scoreRequired }]}
          >
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              options={SCALE}
              aria-label={m.dimensions[d]}
              data-testid={`review-score-${d}`}
            />
          </Form.Item>
        ))}
        <Form.Item label=" " colon={false} style={{ marginTop: -12 }}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.scale}
          </Typography.Text>
        </Form.Item>
        <Form.Item
          name="recommendation"
          label={r.recommendation}
          rules={[{ required: true, message: r.recommendationRequired }]}
        >
          <Radio.Group
            options={RECOMMENDATIONS.map((x) => ({ value: x, label: m.recommendations[x] ?? x }))}
            data-testid="review-recommendation"
          />
        </Form.Item>
        <Form.Item
          name="comments"
          label={r.comments}
          rules={[{ required: true, whitespace: true, message: r.commentsRequired }]}
        >
          <Input.TextArea rows={4} maxLength={3000} showCount data-testid="review-comments" />
        </Form.Item>
        <Flex justify="flex-end">
          <Button
            type="primary"
            icon={<SendOutlined />}
            loading={submit.isPending}
            onClick={() =>
              form.validateFields().then(
                (v) => {
                  modal.confirm({
                    title: r.confirm,
                    okButtonProps: { 'data-testid': 'review-confirm' } as Record<string, string>,
                    onOk: () => send(v),
                  });
                },
                () => undefined,
              )
            }
            data-testid="review-submit"
          >
            {r.submit}
          </Button>
        </Flex>
      </Form>
    </Card>
  );
}
