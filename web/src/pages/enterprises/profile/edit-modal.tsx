/** 编辑企业信息 (admin, officer): sends only the changed facts with the version they were based on;
 *  a stale version (409) keeps the dialog open, takes the other side's value in the fields the user did
 *  not change and keeps what the user typed in the others; the server's field errors land on their fields. */
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, DatePicker, Flex, Form, Input, Modal, Radio, Select, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { validateUscc } from '../../../../../src/domain/text/uscc';
import { api, isApiError } from '../../../api/client';
import { type EnterpriseDetail, type EnterpriseUpdate, useUpdateEnterprise } from '../../../api/enterprises';
import { FigureInput, readFigures, useFigureRules } from '../../../components/figure-input';
import { useApiError } from '../../../components/use-api-error';
import { validValues } from '../../../components/valid-values';
import { useMessages } from '../../../i18n';

type Values = {
  name: string;
  uscc: string;
  legalRep: string;
  establishedOn: Dayjs | null;
  registeredCapitalWan: number | null;
  regionCode: string;
  address: string;
  mainProducts: string;
  businessScope: string;
  listed: boolean;
  universe: 'local' | 'target';
  aliases: EnterpriseDetail['aliases'];
};

function toValues(e: EnterpriseDetail): Values {
  return {
    name: e.name,
    uscc: e.uscc ?? '',
    legalRep: e.legalRep ?? '',
    establishedOn: e.establishedOn ? dayjs(e.establishedOn) : null,
    registeredCapitalWan: e.registeredCapital === null ? null : e.registeredCapital / 1e4,
    regionCode: e.regionCode ?? '',
    address: e.address ?? '',
    mainProducts: e.mainProducts ?? '',
    businessScope: e.businessScope ?? '',
    listed: e.listed,
    universe: e.universe,
    aliases: e.aliases,
  };
}

const orNull = (s: string | undefined) => (s?.trim() ? s.trim() : null);

/** The API body: only the facts that differ from the profile as loaded. */
function changes(e: EnterpriseDetail, v: Values): EnterpriseUpdate {
  const next: Omit<EnterpriseUpdate, 'version'> = {
    name: v.name.trim(),
    uscc: orNull(v.uscc)?.toUpperCase() ?? null,
    legalRep: orNull(v.legalRep),
    establishedOn: v.establishedOn ? v.establishedOn.format('YYYY-MM-DD') : null,
    registeredCapital:
      v.registeredCapitalWan === null || v.registeredCapitalWan === undefined
        ? null
        : Math.round(v.registeredCapitalWan * 1e4 * 100) / 100,
    regionCode: orNull(v.regionCode),
    address: orNull(v.address),
    mainProducts: orNull(v.mainProducts),
    businessScope: orNull(v.businessScope),
    listed: v.listed,
    universe: v.universe,
    aliases: (v.aliases ?? []).filter((a) => a?.name?.trim()).map((a) => ({ ...a, name: a.name.trim() })),
  };
  const body: EnterpriseUpdate = { version: e.version };
  for (const [k, val] of Object.entries(next) as [keyof typeof next, unknown][]) {
    if (JSON.stringify(val) !== JSON.stringify(e[k] ?? null)) Object.assign(body, { [k]: val });
  }
  return body;
}

export function EditEnterpriseModal({
  e,
  open,
  onClose,
}: {
  e: EnterpriseDetail;
  open: boolean;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const m = useMessages().enterprises;
  const p = m.profile;
  const [form] = Form.useForm<Values>();
  const update = useUpdateEnterprise(e.id);
  const showError = useApiError();
  const figureRules = useFigureRules();
  // The version the form edits: the profile as opened, then the other side's after a conflict.
  const [base, setBase] = useState(e);
  const [conflict, setConflict] = useState(false);

  /** After a 409: fields only the other side changed take their value, so saving again cannot undo
   *  them unseen; fields the user changed keep what was typed and will overwrite knowingly. */
  const adoptTheirs = async (mine: EnterpriseUpdate) => {
    const current = await api.get<EnterpriseDetail>(`/api/v1/enterprises/${e.id}`);
    const theirs = toValues(current);
    const adopt: Partial<Values> = {};
    for (const k of Object.keys(theirs) as (keyof Values)[]) {
      const apiKey = k === 'registeredCapitalWan' ? 'registeredCapital' : k;
      const changed = JSON.stringify(current[apiKey] ?? null) !== JSON.stringify(base[apiKey] ?? null);
      if (changed && !(apiKey in mine)) Object.assign(adopt, { [k]: theirs[k] });
    }
    form.setFieldsValue(adopt);
    setBase(current);
    setConflict(true);
  };

  const submit = async () => {
    const v = await validValues(form);
    if (!v) return;
    const body = changes(base, readFigures(v, { registeredCapitalWan: 'wan' }));
    if (Object.keys(body).length === 1) {
      message.info(m.edit.noChange);
      onClose();
      return;
    }
    update.mutate(body, {
      onSuccess: () => {
        message.success(m.edit.saved);
        onClose();
      },
      onError: (err) => {
        if (isApiError(err, 'conflict.stale')) {
          adoptTheirs(body).catch((e2) => showError(e2));
          return;
        }
        if (isApiError(err) && Array.isArray(err.details)) {
          const known = new Set(Object.keys(form.getFieldsValue(true)));
          const fields = (err.details as { field?: unknown; message?: unknown }[])
            .map((d) => ({
              name: String(d.field ?? '').replace(/^(body|querystring)\./, ''),
              msg: String(d.message),
            }))
            .map((d) => ({
              name: d.name === 'registeredCapital' ? 'registeredCapitalWan' : d.name.split('.')[0],
              msg: d.msg,
            }))
            .filter((d) => known.has(d.name));
          form.setFields(fields.map((d) => ({ name: d.name as keyof Values, errors: [d.msg] })));
        }
        showError(err);
      },
    });
  };

  const usccRule = {
    validator: async (_: unknown, v: string | undefined) => {
      if (!v?.trim()) return;
      const r = validateUscc(v);
      if (!r.ok) throw new Error(i18n.language === 'en-US' ? m.edit.usccInvalid : r.message);
    },
  };

  return (
    <Modal
      title={m.edit.title}
      open={open}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={update.isPending}
      okText={t('common.save')}
      destroyOnHidden
      width={720}
      okButtonProps={{ 'data-testid': 'enterprise-edit-save' }}
    >
      {conflict && (
        <Alert
          type="warning"
          showIcon
          title={m.edit.conflict}
          style={{ marginBottom: 12 }}
          data-testid="enterprise-edit-conflict"
        />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={toValues(e)}
        data-testid="enterprise-form"
      >
        <Form.Item
          name="name"
          label={m.col.name}
          rules={[{ required: true, whitespace: true, min: 2, message: m.edit.nameRequired }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Flex gap={16}>
          <Form.Item name="uscc" label={m.col.uscc} rules={[usccRule]} style={{ flex: 1 }}>
            <Input maxLength={30} style={{ fontFamily: 'ui-monospace, Menlo, monospace' }} />
          </Form.Item>
          <Form.Item name="legalRep" label={p.legalRep} style={{ flex: 1 }}>
            <Input maxLength={64} />
          </Form.Item>
        </Flex>
        <Flex gap={16}>
          <Form.Item name="establishedOn" label={p.establishedOn} style={{ flex: 1 }}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            name="registeredCapitalWan"
            label={p.registeredCapital}
            extra={m.edit.capitalHint}
            style={{ flex: 1 }}
            rules={figureRules({ kind: 'wan' })}
          >
            <FigureInput suffix={m.money.wan} data-testid="enterprise-capital" />
          </Form.Item>
          <Form.Item
            name="regionCode"
            label={p.region}
            rules={[{ pattern: /^\d{6}$/, message: m.edit.regionPattern }]}
            style={{ flex: 1 }}
          >
            <Input maxLength={6} />
          </Form.Item>
        </Flex>
        <Form.Item name="address" label={p.address}>
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="mainProducts" label={p.mainProducts}>
          <Input maxLength={1000} />
        </Form.Item>
        <Form.Item name="businessScope" label={p.businessScope}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={5000} />
        </Form.Item>
        <Flex gap={32}>
          <Form.Item name="universe" label={p.universe}>
            <Radio.Group
              options={(['local', 'target'] as const).map((k) => ({ value: k, label: m.universes[k] }))}
            />
          </Form.Item>
          <Form.Item name="listed" label={p.listed} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Flex>
        <Form.Item label={p.aliases}>
          <Form.List name="aliases">
            {(fields, { add, remove }) => (
              <Flex vertical gap={8}>
                {fields.map((f) => (
                  <Flex key={f.key} gap={8} align="center">
                    <Form.Item name={[f.name, 'kind']} noStyle>
                      <Select
                        style={{ width: 120 }}
                        options={(['short', 'former'] as const).map((k) => ({
                          value: k,
                          label: m.aliasKinds[k],
                        }))}
                      />
                    </Form.Item>
                    <Form.Item
                      name={[f.name, 'name']}
                      noStyle
                      rules={[{ required: true, whitespace: true, message: m.edit.aliasRequired }]}
                    >
                      <Input placeholder={m.edit.aliasName} maxLength={200} style={{ flex: 1 }} />
                    </Form.Item>
                    <MinusCircleOutlined onClick={() => remove(f.name)} />
                  </Flex>
                ))}
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() => add({ kind: 'short', name: '' })}
                >
                  {m.edit.addAlias}
                </Button>
              </Flex>
            )}
          </Form.List>
        </Form.Item>
      </Form>
    </Modal>
  );
}
