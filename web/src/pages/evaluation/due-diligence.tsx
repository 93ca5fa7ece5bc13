/** 市场尽调: the org's checklist, each item with its finding (通过 / 关注 / 不通过 / 不适用) and notes,
 *  saved one item at a time. 否决项 are marked: one failed caps the recommendation at 不通过. Once the
 *  leader has decided, the checklist is read-only. */
import { SaveOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Flex,
  Input,
  Select,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import {
  DD_STATUS_LIST,
  type DdItem,
  type DdStatus,
  type Evaluation,
  useUpdateDdItem,
} from '../../api/evaluation';
import { attachmentUrl, useProject } from '../../api/projects';
import { useApiError } from '../../components/use-api-error';
import { useMessages } from '../../i18n';
import { fill } from '../../i18n/fill';

const STATUS_COLOR: Record<DdStatus, string> = {
  pass: 'green',
  attention: 'gold',
  fail: 'red',
  na: 'default',
};

type Draft = { status?: DdStatus; notes?: string; attachmentIds?: string[] };

export function DueDiligence({ ev, canEdit }: { ev: Evaluation; canEdit: boolean }) {
  const m = useMessages().evaluation;
  const d = m.dd;
  const { message } = App.useApp();
  const showError = useApiError();
  const update = useUpdateDdItem(ev.id);
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const editable = canEdit && !ev.decision;
  const draft = (x: DdItem): { status: DdStatus | undefined; notes: string; attachmentIds: string[] } => ({
    status: drafts[x.id]?.status ?? x.status ?? undefined,
    notes: drafts[x.id]?.notes ?? x.notes ?? '',
    attachmentIds: drafts[x.id]?.attachmentIds ?? x.attachmentIds,
  });
  // The evidence of a finding is one of the project's attachments (an 征信报告, a 访谈纪要 …). Experts
  // may not read the project (the API answers 403), so they are not made to ask.
  const files = useProject(canEdit ? ev.projectId : undefined).data?.attachments ?? [];
  const fileName = (id: string) => files.find((f) => f.id === id)?.fileName ?? id.slice(0, 8);
  const change = (id: string, patch: Draft) =>
    setDrafts((all) => ({ ...all, [id]: { ...all[id], ...patch } }));
  const dirty = (x: DdItem) => {
    const v = draft(x);
    return (
      v.status !== (x.status ?? undefined) ||
      v.notes !== (x.notes ?? '') ||
      v.attachmentIds.join() !== x.attachmentIds.join()
    );
  };
  const save = (x: DdItem) => {
    const v = draft(x);
    if (!v.status) return;
    update.mutate(
      { itemId: x.id, status: v.status, notes: v.notes.trim() || undefined, attachmentIds: v.attachmentIds },
      {
        onSuccess: () => {
          setDrafts(({ [x.id]: _, ...rest }) => rest);
          message.success(fill(d.saved, { name: m.ddItemNames[x.name] ?? x.name }));
        },
        onError: (e) => showError(e),
      },
    );
  };

  const columns: TableColumnsType<DdItem> = [
    {
      key: 'name',
      title: d.item,
      width: 190,
      render: (_, x) => (
        <Flex gap={6} align="center" wrap>
          <Typography.Text strong>{m.ddItemNames[x.name] ?? x.name}</Typography.Text>
          {x.veto && (
            <Tag color="red" style={{ marginInlineEnd: 0 }}>
              {d.veto}
            </Tag>
          )}
        </Flex>
      ),
    },
    {
      key: 'status',
      title: d.status,
      width: 130,
      render: (_, x) =>
        editable ? (
          <Select<DdStatus>
            value={draft(x).status}
            placeholder={d.choose}
            onChange={(status) => change(x.id, { status })}
            style={{ width: 110 }}
            options={DD_STATUS_LIST.map((s) => ({ value: s, label: m.ddStatuses[s] }))}
            aria-label={`${x.name}${d.status}`}
            data-testid="dd-status"
          />
        ) : x.status ? (
          <Tag color={STATUS_COLOR[x.status]}>{m.ddStatuses[x.status]}</Tag>
        ) : (
          '—'
        ),
    },
    {
      key: 'notes',
      title: d.notes,
      render: (_, x) =>
        editable ? (
          <Input.TextArea
            value={draft(x).notes}
            onChange={(e) => change(x.id, { notes: e.target.value })}
            placeholder={d.notesPlaceholder}
            autoSize={{ minRows: 1, maxRows: 4 }}
            maxLength={2000}
            aria-label={`${x.name}${d.notes}`}
            data-testid="dd-notes"
          />
        ) : (
          (x.notes ?? '—')
        ),
    },
    {
      key: 'files',
      title: d.files,
      width: 200,
      render: (_, x) =>
        editable ? (
          <Select
            mode="multiple"
            value={draft(x).attachmentIds}
            onChange={(attachmentIds: string[]) => change(x.id, { attachmentIds })}
            placeholder={files.length ? d.filesPick : d.filesNone}
            disabled={!files.length}
            style={{ width: 190 }}
            options={files.map((f) => ({ value: f.id, label: f.fileName }))}
            aria-label={`${x.name}${d.files}`}
            data-testid="dd-files"
          />
        ) : x.attachmentIds.length ? (
          <Flex vertical>
            {x.attachmentIds.map((id) => (
              <a key={id} href={attachmentUrl(ev.projectId, id)} download>
                {fileName(id)}
              </a>
            ))}
          </Flex>
        ) : (
          '—'
        ),
    },
    { key: 'by', title: d.by, width: 100, render: (_, x) => x.updatedByName ?? '—' },
  ];
  if (editable)
    columns.push({
      key: 'save',
      width: 80,
      render: (_, x) => (
        <Button
          size="small"
          type={dirty(x) ? 'primary' : 'default'}
          icon={<SaveOutlined />}
          disabled={!dirty(x) || !draft(x).status}
          loading={update.isPending && update.variables?.itemId === x.id}
          onClick={() => save(x)}
          data-testid="dd-save"
        >
          {d.save}
        </Button>
      ),
    });

  return (
    <Card title={m.sections.dueDiligence} data-testid="evaluation-dd">
      <Flex vertical gap={12}>
        {canEdit && ev.decision && <Alert type="info" showIcon title={d.decided} />}
        <Table<DdItem>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={ev.dueDiligence}
          pagination={false}
          onRow={(x) => ({ className: 'dd-row', 'data-testid': `dd-row-${x.name}` })}
        />
      </Flex>
    </Card>
  );
}
