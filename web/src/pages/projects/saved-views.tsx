/** 视图: the current filters saved under a name (保存为视图), picked again from a select that applies them,
 *  and deleted with a confirmation. A view stores the list's query parameters plus the owner's name, so
 *  the 负责人 filter can show who it is before the board has met that owner. */
import { DeleteOutlined, SaveOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Modal, Popconfirm, Select, Space } from 'antd';
import { useState } from 'react';
import { STAGES } from '../../../../src/domain/project/stages';
import { isApiError } from '../../api/client';
import {
  filterQuery,
  PROJECT_TYPES,
  type ProjectFilter,
  type SavedView,
  type SortKey,
  useDeleteView,
  useSavedViews,
  useSaveView,
} from '../../api/projects';
import { useApiError } from '../../components/use-api-error';
import { useMessages } from '../../i18n';
import { fill } from '../../i18n/fill';

const SORTS: SortKey[] = ['updatedAt', 'plannedInvestment', 'lastFollowUp', 'name'];
const bool = (v: unknown) => v === true || v === 'true' || undefined;
const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
const oneOf = <T extends string>(list: readonly T[], v: unknown) =>
  list.includes(v as T) ? (v as T) : undefined;

/** A stored query back as filters; what this version does not know is dropped. */
export function viewFilter(q: SavedView['query']): ProjectFilter {
  return {
    q: str(q.q),
    mine: bool(q.mine),
    stage: oneOf(STAGES, q.stage),
    source: str(q.source),
    type: oneOf(PROJECT_TYPES, q.type),
    ownerId: str(q.ownerId),
    stale: bool(q.stale),
    sort: oneOf(SORTS, q.sort),
    order: oneOf(['asc', 'desc'] as const, q.order),
  };
}

export function SavedViews({
  filter,
  ownerName,
  active,
  onApply,
}: {
  filter: ProjectFilter;
  ownerName?: string;
  active: string | undefined;
  onApply: (view: SavedView | undefined) => void;
}) {
  const v = useMessages().projects.views;
  const { message } = App.useApp();
  const showError = useApiError();
  const views = useSavedViews();
  const save = useSaveView();
  const remove = useDeleteView();
  const [naming, setNaming] = useState(false);
  const [form] = Form.useForm<{ name: string }>();
  const items = views.data?.items ?? [];
  const current = items.find((x) => x.id === active);

  const submit = ({ name }: { name: string }) => {
    const query = { ...filterQuery(filter), ...(filter.ownerId && ownerName ? { ownerName } : {}) };
    save.mutate(
      { name: name.trim(), query },
      {
        onSuccess: (saved) => {
          message.success(fill(v.saved, { name: saved.name }));
          setNaming(false);
          form.resetFields();
          onApply(saved);
        },
        onError: (err) => {
          if (isApiError(err, 'conflict.duplicate'))
            form.setFields([{ name: 'name', errors: [err.message] }]);
          else showError(err, form);
        },
      },
    );
  };

  return (
    <Space size={8}>
      <Select
        allowClear
        placeholder={v.placeholder}
        style={{ width: 180 }}
        value={current?.id}
        loading={views.isPending}
        notFoundContent={v.empty}
        options={items.map((x) => ({ value: x.id, label: x.name }))}
        onChange={(id) => {
          const view = items.find((x) => x.id === id);
          onApply(view);
          if (view) message.info(fill(v.applied, { name: view.name }));
        }}
        data-testid="saved-view-select"
      />
      {current && (
        <Popconfirm
          title={fill(v.deleteConfirm, { name: current.name })}
          okButtonProps={{ danger: true, 'data-testid': 'saved-view-delete-ok' }}
          onConfirm={() =>
            remove.mutateAsync(current.id).then(
              () => {
                message.success(v.deleted);
                onApply(undefined);
              },
              (err) => showError(err),
            )
          }
        >
          <Button
            icon={<DeleteOutlined />}
            title={v.delete}
            aria-label={v.delete}
            data-testid="saved-view-delete"
          />
        </Popconfirm>
      )}
      <Button icon={<SaveOutlined />} onClick={() => setNaming(true)} data-testid="saved-view-save">
        {v.save}
      </Button>
      <Modal
        open={naming}
        title={v.title}
        width={420}
        onCancel={() => setNaming(false)}
        onOk={() => form.submit()}
        okButtonProps={{ loading: save.isPending, 'data-testid': 'saved-view-ok' }}
        destroyOnHidden
        data-testid="saved-view-modal"
      >
        <Form form={form} layout="vertical" style={{ marginTop: 12 }} onFinish={submit}>
          <Form.Item
            name="name"
            label={v.name}
            rules={[{ required: true, whitespace: true, message: v.nameRequired }]}
            style={{ marginBottom: 0 }}
          >
            <Input maxLength={40} placeholder={v.namePlaceholder} autoFocus />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
