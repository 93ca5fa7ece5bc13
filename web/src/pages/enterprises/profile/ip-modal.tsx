/** 编辑知识产权数量 (admin, officer): one number per class; only the classes that change are sent, so the
 *  others keep their source; 0 removes a class. */
import { App, Col, Form, Modal, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { type EnterpriseDetail, IP_KINDS, type IpKind, useSetIpCounts } from '../../../api/enterprises';
import { FigureInput, readFigures, useFigureRules } from '../../../components/figure-input';
import { validValues } from '../../../components/valid-values';
import { useMessages } from '../../../i18n';
import { useFactErrors } from './use-fact-errors';

type Values = Record<IpKind, number | null>;
const KINDS = Object.fromEntries(IP_KINDS.map((k) => [k, 'count'])) as Record<IpKind, 'count'>;

export function IpModal({ e, onClose }: { e: EnterpriseDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const m = useMessages().enterprises;
  const [form] = Form.useForm<Values>();
  const save = useSetIpCounts(e.id);
  const onError = useFactErrors();
  const now = new Map(e.ip.map((i) => [i.kind, i.count]));
  const initial = Object.fromEntries(IP_KINDS.map((k) => [k, now.get(k) ?? 0])) as Values;
  const figureRules = useFigureRules();

  const submit = async () => {
    const valid = await validValues(form);
    if (!valid) return;
    const v = readFigures(valid, KINDS);
    const counts: Partial<Record<IpKind, number>> = {};
    for (const k of IP_KINDS) {
      const n = v[k] ?? 0;
      if (n !== (now.get(k) ?? 0)) counts[k] = n;
    }
    if (Object.keys(counts).length === 0) {
      message.info(m.facts.noChange);
      onClose();
      return;
    }
    save.mutate(
      { version: e.version, counts },
      {
        onSuccess: () => {
          message.success(m.facts.ipSaved);
          onClose();
        },
        onError: (err) => onError(err, { form, onClose, rename: (f) => f.replace(/^counts\./, '') }),
      },
    );
  };

  return (
    <Modal
      title={m.facts.ipTitle}
      open
      onOk={submit}
      onCancel={onClose}
      confirmLoading={save.isPending}
      okText={t('common.save')}
      destroyOnHidden
      width={640}
      okButtonProps={{ 'data-testid': 'ip-save' }}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={initial}
        data-testid="ip-form"
      >
        <Row gutter={16}>
          {IP_KINDS.map((k) => (
            <Col xs={12} md={6} key={k}>
              <Form.Item name={k} label={m.ipKinds[k] ?? k} rules={figureRules({ kind: 'count' })}>
                <FigureInput data-testid={`ip-input-${k}`} />
              </Form.Item>
            </Col>
          ))}
        </Row>
        <Typography.Text type="secondary">{m.facts.ipHint}</Typography.Text>
      </Form>
    </Modal>
  );
}
