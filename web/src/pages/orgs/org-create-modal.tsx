/** 新增下级: creates a child under the selected org. */
import { App, Form, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Org } from '../../../../src/shared/api';
import type { OrgKind } from '../../../../src/shared/roles';
import { useCreateOrg } from '../../api/orgs';
import { useApiError } from '../../components/use-api-error';
import { validValues } from '../../components/valid-values';
import { OrgFields, regionOrNull } from './org-fields';

type Values = { code: string; name: string; kind: OrgKind; regionCode?: string };

/** The usual kind one level down: a city holds districts, a district parks. */
function childKind(parent: OrgKind): OrgKind {
  if (parent === 'platform') return 'province';
  if (parent === 'province') return 'city';
  if (parent === 'city') return 'district';
  return 'park';
}

export function OrgCreateModal({
  parent,
  onClose,
  onCreated,
}: {
  parent: Org | null;
  onClose: () => void;
  onCreated: (org: Org) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateOrg();
  const showError = useApiError();

  const submit = async () => {
    if (!parent) return;
    const v = await validValues(form);
    if (!v) return;
    create.mutate(
      {
        code: v.code.trim(),
        name: v.name.trim(),
        kind: v.kind,
        regionCode: regionOrNull(v.regionCode),
        parentId: parent.id,
      },
      {
        onSuccess: (org) => {
          message.success(t('orgs.created'));
          onCreated(org);
        },
        onError: (err) => showError(err, form),
      },
    );
  };

  return (
    <Modal
      title={parent ? t('orgs.addChildTitle', { name: parent.name }) : ''}
      open={!!parent}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={create.isPending}
      okText={t('common.save')}
      destroyOnHidden
    >
      {parent && (
        <Form
          name="org-create"
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{ kind: childKind(parent.kind), regionCode: '' }}
        >
          <OrgFields withCode parentKind={parent?.kind} />
        </Form>
      )}
    </Modal>
  );
}
