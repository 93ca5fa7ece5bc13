/** 新增专家 and 编辑专家 (one form): name, login (an account with the expert role; fixed once the expert
 *  exists), fields, affiliation, the employer and the declared interests — firms picked from 企业库 (the
 *  same picker as 招商项目) — and a free-text declaration. An edit is saved with PATCH; the server refuses
 *  a login or firm outside the admin's org tree (expert.bad_user / bad_firm), which the form shows. */
import { Alert, App, Flex, Form, Input, Modal, Select, Tag } from 'antd';
import { useState } from 'react';
import type { User } from '../../../../src/shared/api';
import { isApiError } from '../../api/client';
import { useFirmNames } from '../../api/enterprises';
import { type Expert, useCreateExpert, useUpdateExpert } from '../../api/evaluation';
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

/** Firms chosen one at a time with the 企业库 search; each shows as a removable tag. With `single`, a
 *  new pick replaces the one there. */
function FirmPicker({
  value,
  onChange,
  label,
  single,
  testId,
}: {
  value: string[];
  onChange: (ids: string[], picked?: { id: string; name: string }) => void;
  label: (id: string) => string;
  single?: boolean;
  testId: string;
}) {
  const x = useMessages().evaluationSettings.experts;
  // A new picker after each choice, so it is empty again for the next firm.
  const [round, setRound] = useState(0);
  return (
    <Flex vertical gap={8}>
      <FirmSelect
        key={round}
        placeholder={single ? x.employerPick : x.firmPick}
        testId={`${testId}-select`}
        onChange={(id, name) => {
          if (single) onChange([id], { id, name });
          else if (!value.includes(id)) onChange([...value, id], { id, name });
          setRound((r) => r + 1);
        }}
      />
      {value.length > 0 && (
        <Flex gap={4} wrap data-testid={`${testId}s`}>
          {value.map((id) => (
            <Tag
              key={id}
              color={single ? 'blue' : 'orange'}
              closable
              onClose={(e) => {
                e.preventDefault();
                onChange(value.filter((o) => o !== id));
              }}
              data-testid={`${testId}-tag`}
            >
              {label(id)}
            </Tag>
          ))}
        </Flex>
      )}
    </Flex>
  );
}

/** Without `expert`, adds one; with it, edits that expert (prefilled). */
export function ExpertModal({
  users,
  expert,
  onClose,
}: {
  users: User[];
  expert?: Expert;
  onClose: () => void;
}) {
  const x = useMessages().evaluationSettings.experts;
  const { message } = App.useApp();
  const onError = useApiError();
  const create = useCreateExpert();
  const update = useUpdateExpert();
  const [form] = Form.useForm<Values>();
  const [firmIds, setFirmIds] = useState<string[]>(expert?.declaredFirmIds ?? []);
  const [employer, setEmployer] = useState<string[]>(expert?.employerId ? [expert.employerId] : []);
  // Names of the firms picked here; those the expert already had are looked up once by id.
  const [picked, setPicked] = useState<Record<string, string>>({});
  const [known] = useState(() => [
    ...(expert?.declaredFirmIds ?? []),
    ...(expert?.employerId ? [expert.employerId] : []),
  ]);
  const names = useFirmNames(known);
  const label = (id: string) => {
    const n = picked[id] ?? names.get(id);
    return n ?? (n === null ? x.firmGone : '…');
  };
  // What the server refused that is no field of the form (a firm or login outside the org tree).
  const [refused, setRefused] = useState<{ code: string; message: string } | null>(null);

  const changeFirms = (set: (ids: string[]) => void) => (ids: string[], p?: { id: string; name: string }) => {
    set(ids);
    if (p) setPicked((o) => ({ ...o, [p.id]: p.name }));
    if (refused?.code === 'expert.bad_firm') setRefused(null);
  };

  const failed = (e: unknown) => {
    if (isApiError(e) && e.code.startsWith('expert.') && e.code !== 'expert.not_found') {
      setRefused({ code: e.code, message: e.message });
      if (e.code === 'expert.bad_user') form.setFields([{ name: 'userId', errors: [e.message] }]);
      return;
    }
    onError(e, form);
  };

  const submit = async () => {
    const v = await validValues(form);
    if (!v) return;
    setRefused(null);
    if (expert) {
      update.mutate(
        {
          id: expert.id,
          name: v.name,
          fields: v.fields ?? [],
          affiliation: v.affiliation?.trim() || null,
          employerId: employer[0] ?? null,
          declaredFirmIds: firmIds,
          declaration: v.declaration?.trim() || null,
        },
        {
          onSuccess: (e) => {
            message.success(fill(x.saved, { name: e.name }));
            onClose();
          },
          onError: failed,
        },
      );
      return;
    }
    create.mutate(
      {
        name: v.name,
        userId: v.userId || undefined,
        fields: v.fields ?? [],
        affiliation: v.affiliation || undefined,
        employerId: employer[0],
        declaration: v.declaration || undefined,
        declaredFirmIds: firmIds,
      },
      {
        onSuccess: (e) => {
          message.success(fill(x.created, { name: e.name }));
          onClose();
        },
        onError: failed,
      },
    );
  };

  const userOptions = users.map((u) => ({ value: u.id, label: `${u.displayName}（${u.username}）` }));
  if (expert?.userId && !users.some((u) => u.id === expert.userId))
    userOptions.unshift({ value: expert.userId, label: x.userLinked });
  const badFirm = refused?.code === 'expert.bad_firm' ? ('error' as const) : undefined;

  return (
    <Modal
      open
      title={expert ? fill(x.editTitle, { name: expert.name }) : x.add}
      width={640}
      onCancel={onClose}
      onOk={submit}
      okText={expert ? x.save : undefined}
      confirmLoading={create.isPending || update.isPending}
      okButtonProps={{ 'data-testid': expert ? 'expert-edit-ok' : 'expert-add-ok' }}
      destroyOnHidden
      data-testid="expert-modal"
    >
      {refused && (
        <Alert
          type="error"
          showIcon
          title={refused.message}
          style={{ marginBottom: 12 }}
          data-testid="expert-error"
        />
      )}
      {expert && <Alert type="info" showIcon title={x.editHint} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={
          expert
            ? {
                name: expert.name,
                userId: expert.userId ?? undefined,
                fields: expert.fields,
                affiliation: expert.affiliation ?? undefined,
                declaration: expert.declaration ?? undefined,
              }
            : { fields: [] }
        }
      >
        <Form.Item
          name="name"
          label={x.name}
          rules={[{ required: true, whitespace: true, message: x.nameRequired }]}
        >
          <Input maxLength={40} data-testid="expert-name" />
        </Form.Item>
        <Form.Item name="userId" label={x.user} extra={expert ? x.userFixed : x.userHint}>
          <Select
            allowClear={!expert}
            disabled={!!expert}
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={expert ? x.noUser : x.userPlaceholder}
            options={userOptions}
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
        <Form.Item label={x.employer} extra={x.employerHint} validateStatus={badFirm}>
          <FirmPicker
            value={employer}
            onChange={changeFirms(setEmployer)}
            label={label}
            single
            testId="expert-employer"
          />
        </Form.Item>
        <Form.Item label={x.firms} extra={x.firmsHint} validateStatus={badFirm}>
          <FirmPicker value={firmIds} onChange={changeFirms(setFirmIds)} label={label} testId="expert-firm" />
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
