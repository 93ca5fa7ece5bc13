/** 新建用户 / 编辑用户. The rules mirror the API so most mistakes are caught before sending;
 *  the server's field errors land on the same fields. */
import { App, Form, Input, Modal, Select, TreeSelect } from 'antd';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../../src/shared/api';
import { ROLES, type Role } from '../../../../src/shared/roles';
import { useOrgs } from '../../api/orgs';
import { useCreateUser, useUpdateUser } from '../../api/users';
import { useApiError } from '../../components/use-api-error';
import { validValues } from '../../components/valid-values';
import { orgTreeSelectData } from '../../lib/org-tree';
import { isStrongPassword } from '../../lib/passwords';

type Values = { username: string; displayName: string; password: string; roles: Role[]; orgId: string };

/** `editing` null: create; a user: edit; undefined: closed. */
type Props = { editing: User | null | undefined; defaultOrgId: string; onClose: () => void };

export function UserFormModal({ editing, defaultOrgId, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const orgs = useOrgs();
  const create = useCreateUser();
  const update = useUpdateUser();
  const showError = useApiError();
  const isCreate = editing === null;

  const submit = async () => {
    const v = await validValues(form);
    if (!v) return;
    const done = (msg: string) => () => {
      message.success(msg);
      onClose();
    };
    if (isCreate) {
      create.mutate(
        { ...v, username: v.username.trim(), displayName: v.displayName.trim() },
        { onSuccess: done(t('users.created')), onError: (e) => showError(e, form) },
      );
    } else if (editing) {
      update.mutate(
        {
          id: editing.id,
          version: editing.version,
          displayName: v.displayName.trim(),
          roles: v.roles,
          orgId: v.orgId,
        },
        {
          onSuccess: done(t('users.updated')),
          onError: (e) => {
            showError(e, form);
            // The table has been refetched; close so the next edit starts from the current version.
            onClose();
          },
        },
      );
    }
  };

  return (
    <Modal
      title={isCreate ? t('users.create') : t('users.editTitle')}
      open={editing !== undefined}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={create.isPending || update.isPending}
      okText={t('common.save')}
      destroyOnHidden
      width={560}
    >
      <Form<Values>
        name="user-form"
        form={form}
        layout="vertical"
        preserve={false}
        data-testid="user-form"
        initialValues={
          editing
            ? {
                username: editing.username,
                displayName: editing.displayName,
                roles: editing.roles,
                orgId: editing.orgId,
              }
            : { roles: [], orgId: defaultOrgId }
        }
      >
        <Form.Item
          name="username"
          label={t('users.username')}
          rules={[
            { required: true, whitespace: true, message: t('users.usernameRequired') },
            { min: 2, max: 64, message: t('users.usernameLength') },
            { pattern: /^[A-Za-z0-9_.\-\u4e00-\u9fa5]+$/, message: t('users.usernamePattern') },
          ]}
        >
          <Input disabled={!isCreate} autoComplete="off" maxLength={64} />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('users.displayName')}
          rules={[{ required: true, whitespace: true, message: t('users.displayNameRequired') }]}
        >
          <Input maxLength={64} />
        </Form.Item>
        {isCreate && (
          <Form.Item
            name="password"
            label={t('users.password')}
            extra={t('password.rule')}
            rules={[
              {
                required: true,
                validator: async (_, v: string | undefined) => {
                  if (!isStrongPassword(v ?? '')) throw new Error(t('password.rule'));
                },
              },
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
        <Form.Item
          name="roles"
          label={t('users.roles')}
          rules={[{ required: true, type: 'array', min: 1, message: t('users.rolesRequired') }]}
        >
          <Select<Role[]>
            mode="multiple"
            options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="orgId"
          label={t('users.org')}
          rules={[{ required: true, message: t('users.orgRequired') }]}
        >
          <TreeSelect
            treeData={orgTreeSelectData(orgs.data ?? [])}
            treeDefaultExpandAll
            showSearch
            treeNodeFilterProp="title"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
