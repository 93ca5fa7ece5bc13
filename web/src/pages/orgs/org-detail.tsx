/** The selected org: read-only facts, an edit form, 新增下级 and 删除. */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Divider, Form, Popconfirm, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Org } from '../../../../src/shared/api';
import type { OrgKind } from '../../../../src/shared/roles';
import { useDeleteOrg, useUpdateOrg } from '../../api/orgs';
import { useApiError } from '../../components/use-api-error';
import { formatTime } from '../../lib/format';
import { OrgFields, regionOrNull } from './org-fields';

type Values = { name: string; kind: OrgKind; regionCode?: string };

type Props = { org: Org; trail: string[]; onAddChild: () => void; onDeleted: () => void };

export function OrgDetail({ org, trail, onAddChild, onDeleted }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const update = useUpdateOrg();
  const remove = useDeleteOrg();
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

  const del = () =>
    remove.mutate(org, {
      onSuccess: () => {
        message.success(t('orgs.deleted'));
        onDeleted();
      },
      onError: (err) => showError(err),
    });

  return (
    <Card
      title={org.name}
      data-testid="org-detail"
      extra={
        <Space>
          <Button icon={<PlusOutlined />} onClick={onAddChild} data-testid="org-add-child">
            {t('orgs.addChild')}
          </Button>
          <Popconfirm
            title={t('orgs.deleteConfirm', { name: org.name })}
            onConfirm={del}
            okButtonProps={{ danger: true, loading: remove.isPending }}
          >
            <Button danger icon={<DeleteOutlined />}>
              {t('common.delete')}
            </Button>
          </Popconfirm>
        </Space>
      }
    >
      <Descriptions
        column={1}
        size="small"
        items={[
          { key: 'code', label: t('orgs.code'), children: org.code },
          { key: 'path', label: t('orgs.path'), children: trail.join(' / ') },
          { key: 'updated', label: t('orgs.updatedAt'), children: formatTime(org.updatedAt) },
        ]}
      />
      <Divider style={{ margin: '12px 0 20px' }} />
      {/* Keyed by version so a refetch after a save or a 409 shows the server's current values. */}
      <Form<Values>
        name="org-edit"
        key={`${org.id}:${org.version}`}
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
    </Card>
  );
}
