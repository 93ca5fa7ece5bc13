/** The selected org: read-only facts, an edit form, 新增下级 and 删除. */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Divider, Popconfirm, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Org } from '../../../../src/shared/api';
import { useDeleteOrg } from '../../api/orgs';
import { useApiError } from '../../components/use-api-error';
import { formatTime } from '../../lib/format';
import { OrgEditForm } from './org-edit-form';

type Props = { org: Org; trail: string[]; onAddChild: () => void; onDeleted: () => void };

export function OrgDetail({ org, trail, onAddChild, onDeleted }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const remove = useDeleteOrg();
  const showError = useApiError();

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
      <OrgEditForm key={`${org.id}:${org.version}`} org={org} />
    </Card>
  );
}
