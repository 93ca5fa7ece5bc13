/** 项目来源 is the org's own list: leaders and admins add, rename or drop sources here (tags), and every
 *  picker on the page offers that list. Projects keep the source they were created with. */
import { SettingOutlined } from '@ant-design/icons';
import { App, Button, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { usePipelineSettings, useSavePipelineSettings } from '../../api/pipeline';
import { PROJECT_SOURCES } from '../../api/projects';
import { useMessages } from '../../i18n';

/** The org's sources (the built-in list until the settings have loaded or when none are set). */
export function useProjectSources(): readonly string[] {
  return usePipelineSettings(true).data?.sources ?? PROJECT_SOURCES;
}

export function SourcesEditor() {
  const m = useMessages().projects.sources;
  const { message } = App.useApp();
  const settings = usePipelineSettings(true);
  const save = useSavePipelineSettings();
  const [editing, setEditing] = useState<string[] | null>(null);
  return (
    <>
      <Button
        icon={<SettingOutlined />}
        onClick={() => setEditing([...(settings.data?.sources ?? PROJECT_SOURCES)])}
        data-testid="sources-edit"
      >
        {m.button}
      </Button>
      <Modal
        open={editing !== null}
        title={m.title}
        okText={m.save}
        confirmLoading={save.isPending}
        onCancel={() => setEditing(null)}
        okButtonProps={{ disabled: !editing?.length, id: 'sources-save' }}
        onOk={() =>
          settings.data &&
          editing &&
          save.mutate(
            { version: settings.data.version, sources: editing },
            {
              onSuccess: () => {
                message.success(m.saved);
                setEditing(null);
              },
              onError: (e) => message.error((e as Error).message),
            },
          )
        }
      >
        <Typography.Paragraph type="secondary">{m.hint}</Typography.Paragraph>
        <Select
          mode="tags"
          style={{ width: '100%' }}
          value={editing ?? []}
          onChange={(v) => setEditing(v.map((s) => s.trim()).filter(Boolean))}
          tokenSeparators={[',', '，', '、']}
          data-testid="sources-select"
        />
        <Button
          type="link"
          style={{ paddingInline: 0 }}
          onClick={() => setEditing([...(settings.data?.defaultSources ?? PROJECT_SOURCES)])}
        >
          {m.reset}
        </Button>
      </Modal>
    </>
  );
}
