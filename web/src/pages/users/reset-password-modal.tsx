/** 重置密码: sets a new password; the server ends all of the user's sessions. */
import { Alert, App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../../src/shared/api';
import { useResetPassword } from '../../api/users';
import { useApiError } from '../../components/use-api-error';
import { validValues } from '../../components/valid-values';
import { isStrongPassword } from '../../lib/passwords';

export function ResetPasswordModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password: string }>();
  const reset = useResetPassword();
  const showError = useApiError();

  const submit = async () => {
    if (!user) return;
    const v = await validValues(form);
    if (!v) return;
    const { password } = v;
    reset.mutate(
      { id: user.id, version: user.version, password },
      {
        onSuccess: () => {
          message.success(t('users.passwordReset'));
          onClose();
        },
        onError: (e) => showError(e, form),
      },
    );
  };

  return (
    <Modal
      title={user ? t('users.resetTitle', { name: user.displayName }) : ''}
      open={!!user}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={reset.isPending}
      okText={t('common.save')}
      destroyOnHidden
    >
      <Alert type="info" showIcon title={t('users.resetHint')} style={{ marginBottom: 16 }} />
      <Form name="reset-password" form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="password"
          label={t('users.newPassword')}
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
      </Form>
    </Modal>
  );
}
