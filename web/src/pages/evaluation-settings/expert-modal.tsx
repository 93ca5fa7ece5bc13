/** 新增专家: name, login (an account with the expert role), fields, affiliation, and the declared
 *  interests — firms picked from 企业库 (the same picker as 招商项目) and a free-text declaration. */
import { App, Flex, Form, Input, Modal, Select, Tag } from 'antd';
import { useState } from 'react';
import type { User } from '../../../../src/shared/api';
import { useCreateExpert } from '../../api/evaluation';
import { useApiError } from '../../components/use-api-error';
import { validValues } from '../../components/valid-values';
import { useMessages } from '../../i18n';
import { fill } from '../../i18n/fill';
import { FirmSelect } from '../projects/common';

type Values = {
  name: string;
  userId?: string;
  fields: string[];
  affiliation?: string;
  declaration?: string;
};
type Firm = { id: string; name: string };

/** Firms chosen one at a time with the 企业库 search; each shows as a removable tag. */
function DeclaredFirms({ value, onChange }: { value: Firm[]; onChange: (v: Firm[]) => void }) {
  const x = useMessages().evaluationSettings.experts;
  // A new picker after each choice, so it is empty again for the next firm.
  const [round, setRound] = useState(0);
  return (
    <Flex vertical gap={8}>
      <FirmSelect
        key={round}
        placeholder={x.firmPick}
        testId="expert-firm-select"
        onChange={(id, name) => {
          if (!value.some((f) => f.id === id)) onChange([...value, { id, name }]);
          setRound((r) => r + 1);
        }}
      />
      {value.length > 0 && (
        <Flex gap={4} wrap data-testid="expert-firms">
          {value.map((f) => (
            <Tag
              key={f.id}
              color="orange"
              closable
              onClose={() => onChange(value.filter((o) => o.id !== f.id))}
            >
              {f.name}
            </Tag>
          ))}
        </Flex>
      )}
    </Flex>
  );
}

export function ExpertModal({ users, onClose }: { users: User[]; onClose: () => void }) {
  const x = useMessages().evaluationSettings.experts;
  const { message } = App.useApp();
  const onError = useApiError();
  const create = useCreateExpert();
  const [form] = Form.useForm<Values>();
  const [firms, setFirms] = useState<Firm[]>([]);

  const submit = async () => {
    const v = await validValues(form);
    if (!v) return;
    create.mutate(
      {
        name: v.name,
        userId: v.userId || undefined,
        fields: v.fields ?? [],
        affiliation: v.affiliation || undefined,
        declaration: v.declaration || undefined,
        declaredFirmIds: firms.map((f) => f.id),
      },
      {
        onSuccess: (e) => {
          message.success(fill(x.created, { name: e.name }));
          onClose();
        },
        onError: (e) => onError(e, form),
      },
    );
  };

  return (
    <Modal
      open
      title={x.add}
      width={640}
      onCancel={onClose}
      onOk={submit}
      confirmLoading={create.isPending}
      okButtonProps={{ 'data-testid': 'expert-add-ok' }}
      destroyOnHidden
      data-testid="expert-modal"
    >
      <Form form={form} layout="vertical" initialValues={{ fields: [] }}>
        <Form.Item
          name="name"
          label={x.name}
          rules={[{ required: true, whitespace: true, message: x.nameRequired }]}
        >
          <Input maxLength={40} data-testid="expert-name" />
        </Form.Item>
        <Form.Item name="userId" label={x.user} extra={x.userHint}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={x.userPlaceholder}
            options={users.map((u) => ({ value: u.id, label: `${u.displayName}（${u.username}）` }))}
            onChange={(id?: string) => {
              const u = users.find((o) => o.id === id);
              if (u && !form.getFieldValue('name')) form.setFieldValue('name', u.displayName);
            }}
            data-testid="expert-user"
          />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item name="affiliation" label={x.affiliation} style={{ flex: 1 }}>
            <Input maxLength={100} data-testid="expert-affiliation" />
          </Form.Item>
          <Form.Item name="fields" label={x.fields} style={{ flex: 1 }}>
            <Select
              mode="tags"
              placeholder={x.fieldsPlaceholder}
              open={false}
              suffixIcon={null}
              tokenSeparators={[',', '，', '、']}
              data-testid="expert-fields"
            />
          </Form.Item>
        </Flex>
        <Form.Item label={x.firms} extra={x.firmsHint}>
          <DeclaredFirms value={firms} onChange={setFirms} />
        </Form.Item>
        <Form.Item name="declaration" label={x.declaration}>
          <Input.TextArea
            rows={2}
            maxLength={1000}
            placeholder={x.declarationPlaceholder}
            data-testid="expert-declaration"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
