/** 添加资质 (admin, officer): a tier title with certificate number and dates. The same title on the same
 *  day is refused by the server (409) with the reason on the date field. */
import { App, DatePicker, Flex, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import {
  type EnterpriseDetail,
  type QualificationInput,
  TIER_KEYS,
  useAddQualification,
} from '../../../api/enterprises';
import { validValues } from '../../../components/valid-values';
import { useMessages } from '../../../i18n';
import { useFactErrors } from './use-fact-errors';

type Values = {
  tier: QualificationInput['tier'] | undefined;
  certificateNo: string;
  issuedOn: Dayjs | null;
  expiresOn: Dayjs | null;
};

const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);

export function QualificationModal({ e, onClose }: { e: EnterpriseDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const m = useMessages().enterprises;
  const f = m.facts;
  const [form] = Form.useForm<Values>();
  const add = useAddQualification(e.id);
  const onError = useFactErrors();

  const submit = async () => {
    const v = await validValues(form);
    if (!v) return;
    if (!v.tier) return;
    add.mutate(
      {
        version: e.version,
        tier: v.tier,
        certificateNo: v.certificateNo?.trim() || null,
        issuedOn: day(v.issuedOn),
        expiresOn: day(v.expiresOn),
      },
      {
        onSuccess: () => {
          message.success(f.qualificationSaved);
          onClose();
        },
        onError: (err) => onError(err, { form, onClose }),
      },
    );
  };

  const notBeforeIssued = ({ getFieldValue }: { getFieldValue: (n: 'issuedOn') => Dayjs | null }) => ({
    validator: async (_: unknown, v: Dayjs | null) => {
      const issued = getFieldValue('issuedOn');
      if (v && issued && v.isBefore(issued, 'day')) throw new Error(f.expiresBeforeIssued);
    },
  });

  return (
    <Modal
      title={f.qualificationTitle}
      open
      onOk={submit}
      onCancel={onClose}
      confirmLoading={add.isPending}
      okText={t('common.save')}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'qualification-save' }}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ tier: undefined, certificateNo: '', issuedOn: null, expiresOn: null }}
        data-testid="qualification-form"
      >
        <Form.Item name="tier" label={f.tier} rules={[{ required: true, message: f.tierRequired }]}>
          <Select
            data-testid="qualification-tier"
            options={TIER_KEYS.map((k) => ({ value: k, label: m.tiers[k] ?? k }))}
          />
        </Form.Item>
        <Form.Item name="certificateNo" label={m.profile.certificateNo}>
          <Input maxLength={64} />
        </Form.Item>
        <Flex gap={16}>
          <Form.Item name="issuedOn" label={m.profile.issuedOn} style={{ flex: 1 }}>
            <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
          </Form.Item>
          <Form.Item
            name="expiresOn"
            label={m.profile.expiresOn}
            dependencies={['issuedOn']}
            rules={[notBeforeIssued]}
            style={{ flex: 1 }}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
      </Form>
    </Modal>
  );
}
