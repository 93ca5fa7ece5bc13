/** 复制为本组织的产业链: a template exported as JSON and imported into the admin's org under a new key
 *  (`<key>-<org code>`, made unique among the org's chains) and the name the admin gives it; the page
 *  then switches to the copy. */
import { CopyOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import type { Me } from '../../../../src/shared/api';
import { type ChainList, type ChainSummary, fetchChainFile, useImportChain } from '../../api/chains';
import { useApiError } from '../../components/use-api-error';
import { fill } from '../../i18n/fill';
import { useEditMessages } from './edit-i18n';

const KEY = /^[a-z][a-z0-9_-]{1,39}$/;

/** `${key}-${orgCode}` in the key's alphabet, with -2, -3… when the org already has it. */
export function copyKey(key: string, orgCode: string, taken: ReadonlySet<string>): string {
  let base = `${key}-${orgCode}`
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/-$/, '');
  if (!/^[a-z]/.test(base)) base = `c-${base}`;
  base = base.slice(0, 36);
  let k = base;
  for (let i = 2; taken.has(k); i++) k = `${base}-${i}`;
  return k;
}

type Values = { name: string; key: string };

export function CopyChainButton({
  chain,
  chains,
  me,
  onCopied,
}: {
  chain: ChainSummary;
  chains: ChainList;
  me: Me;
  onCopied: (id: string) => void;
}) {
  const e = useEditMessages();
  const { message } = App.useApp();
  const showError = useApiError();
  const save = useImportChain();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<Values>();
  const taken = new Set(chains.filter((x) => x.orgId === me.org.id).map((x) => x.key));

  const submit = async (v: Values) => {
    setBusy(true);
    try {
      const file = await fetchChainFile(chain.id);
      const name = v.name.trim();
      const res = await save.mutateAsync({ ...file, key: v.key.trim(), name });
      message.success(fill(e.copied, { name, n: res.nodes }));
      setOpen(false);
      onCopied(res.id);
    } catch (err) {
      showError(err, form);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button
        type="primary"
        icon={<CopyOutlined />}
        onClick={() => {
          form.setFieldsValue({
            name: `${chain.name}${e.copyNameSuffix}`.slice(0, 40),
            key: copyKey(chain.key, me.org.code, taken),
          });
          setOpen(true);
        }}
        data-testid="edit-copy"
      >
        {e.copy}
      </Button>
      <Modal
        open={open}
        title={e.copyTitle}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        confirmLoading={busy}
        okButtonProps={{ 'data-testid': 'edit-copy-ok' }}
        forceRender
        width={520}
      >
        <Form<Values> form={form} layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item
            name="name"
            label={e.copyName}
            rules={[{ required: true, whitespace: true }, { max: 40 }]}
          >
            <Input maxLength={40} data-testid="edit-copy-name" />
          </Form.Item>
          <Form.Item
            name="key"
            label={e.copyKey}
            extra={e.copyKeyHint}
            rules={[
              { required: true },
              { pattern: KEY, message: e.copyKeyHint },
              {
                validator: async (_, v: string | undefined) => {
                  if (v && taken.has(v.trim())) throw new Error(fill(e.copyKeyTaken, { key: v.trim() }));
                },
              },
            ]}
          >
            <Input maxLength={40} data-testid="edit-copy-key" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
