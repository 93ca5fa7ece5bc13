/** Saved column mappings: pick one to apply to the current file, save the current one under a name,
 *  or delete one. */
import { DeleteOutlined, SaveOutlined } from '@ant-design/icons';
import { App, Button, Flex, Input, Popconfirm, Popover, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ImportMapping, useDeleteMapping, useMappings, useSaveMapping } from '../../../api/enterprises';
import { useApiError } from '../../../components/use-api-error';
import { useMessages } from '../../../i18n';

export function SavedMappings({
  mapping,
  onApply,
}: {
  mapping: Record<string, string>;
  onApply: (m: ImportMapping) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const m = useMessages().enterprises.import;
  const showError = useApiError();
  const list = useMappings();
  const save = useSaveMapping();
  const remove = useDeleteMapping();
  const [selected, setSelected] = useState<string>();
  const [name, setName] = useState('');
  const [open, setOpen] = useState(false);
  const current = list.data?.find((x) => x.id === selected);

  const doSave = () =>
    save.mutate(
      { name: name.trim(), mapping },
      {
        onSuccess: (saved) => {
          message.success(m.mappingSaved);
          setSelected(saved.id);
          setOpen(false);
          setName('');
        },
        onError: (e) => showError(e),
      },
    );

  return (
    <Flex gap={8} align="center" wrap data-testid="saved-mappings">
      <Select<string>
        allowClear
        placeholder={m.applyMapping}
        style={{ width: 220 }}
        value={selected}
        loading={list.isLoading}
        options={(list.data ?? []).map((x) => ({ value: x.id, label: x.name }))}
        onChange={(id) => {
          setSelected(id);
          const found = list.data?.find((x) => x.id === id);
          if (found) {
            onApply(found);
            message.success(m.mappingApplied.replace('{{name}}', found.name));
          }
        }}
      />
      {current && (
        <Popconfirm
          title={t('common.delete')}
          onConfirm={() =>
            remove.mutate(current, {
              onSuccess: () => {
                message.success(m.mappingDeleted);
                setSelected(undefined);
              },
              onError: (e) => showError(e),
            })
          }
        >
          <Button icon={<DeleteOutlined />} aria-label={t('common.delete')} />
        </Popconfirm>
      )}
      <Popover
        open={open}
        onOpenChange={setOpen}
        trigger="click"
        title={m.mappingName}
        content={
          <Flex gap={8}>
            <Input
              value={name}
              maxLength={64}
              onChange={(e) => setName(e.target.value)}
              onPressEnter={() => name.trim() && doSave()}
              data-testid="mapping-name"
            />
            <Button type="primary" disabled={!name.trim()} loading={save.isPending} onClick={doSave}>
              {t('common.save')}
            </Button>
          </Flex>
        }
      >
        <Button icon={<SaveOutlined />} disabled={Object.keys(mapping).length === 0}>
          {m.saveMapping}
        </Button>
      </Popover>
    </Flex>
  );
}
