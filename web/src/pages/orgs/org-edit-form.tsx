/** Edits an org's name, kind and region code. Mount it keyed by id and version: a fresh form instance
 *  per version shows the server's current values after a save, a 409 or a switch to another org. */
import { App, Button, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Org } from '../../../../src/shared/api';
import type { OrgKind } from '../../../../src/shared/roles';
import { useUpdateOrg } from '../../api/orgs';
import { useApiError } from '../../components/use-api-error';
import { OrgFields, regionOrNull } from './org-fields';

type Values = { name: string; kind: OrgKind; regionCode?: string };

export function OrgEditForm({ org }: { org: Org }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const update = useUpdateOrg();
  const showError = useApiError();

  const save = (v: Values) =>
    update.mutate(
      {
        id: org.id,
        version: org.version,
        name: v.name.trim(),
        kind: v.kind,
        regionCode: regionOrNull(v.regionCode),
      },
      { onSuccess: () => message.success(t('orgs.updated')), onError: (err) => showError(err, form) },
    );

  return (
    <Form<Values>
      name="org-edit"
      form={form}
      layout="vertical"
      style={{ maxWidth: 480 }}
      initialValues={{ name: org.name, kind: org.kind, regionCode: org.regionCode ?? '' }}
      onFinish={save}
    >
      <OrgFields withCode={false} />
      <Button type="primary" htmlType="submit" loading={update.isPending}>
        {t('common.save')}
      </Button>
    </Form>
  );
}
