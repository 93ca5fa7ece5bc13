/** 导出 JSON / 导入 JSON (admins). The export is the chain in the import format, saved as `<key>.json`;
 *  the import reads a file in the browser and first asks the server what it would do (a dry run): a
 *  file the server refuses is answered with each problem and where it is — the path spelled with the
 *  segment and node names of the file; a file for a chain the org already has is confirmed first,
 *  saying how many nodes stay, come and go and how many users' decisions go with them; a new chain
 *  is imported at once. */
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Table, Tooltip, Typography, Upload } from 'antd';
import { useState } from 'react';
import {
  type ChainImportResult,
  type ChainSummary,
  fetchChainFile,
  previewChainImport,
  useImportChain,
} from '../../api/chains';
import { isApiError } from '../../api/client';
import { useApiError } from '../../components/use-api-error';
import { fill } from '../../i18n/fill';
import { type EditMessages, useEditMessages } from './edit-i18n';

function saveAs(text: string, fileName: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function ExportJsonButton({ chain }: { chain: ChainSummary }) {
  const e = useEditMessages();
  const showError = useApiError();
  const [busy, setBusy] = useState(false);
  return (
    <Button
      icon={<DownloadOutlined />}
      loading={busy}
      onClick={async () => {
        setBusy(true);
        try {
          const file = await fetchChainFile(chain.id);
          saveAs(`${JSON.stringify(file, null, 2)}\n`, `${file.key}.json`);
        } catch (err) {
          showError(err);
        } finally {
          setBusy(false);
        }
      }}
      data-testid="export-json"
    >
      {e.exportJson}
    </Button>
  );
}

type Json = Record<string, unknown> | unknown[] | string | number | boolean | null | undefined;

/** `segments.1.children.0.industryCodes.0` → 中游 › 电池片 › 行业代码 › 第 1 项, read along the file.
 *  A list itself (`segments`, a node's `children`) is named when the problem is with the list. */
export function describeField(field: string, file: unknown, e: EditMessages): string {
  const parts = field.split('.').filter(Boolean);
  const out: string[] = [];
  let at: Json = file as Json;
  let parent = '';
  parts.forEach((p, k) => {
    const i = /^\d+$/.test(p) ? Number(p) : null;
    const next: Json =
      at && typeof at === 'object' ? (at as Record<string, Json>)[i === null ? p : i] : undefined;
    const last = k === parts.length - 1;
    if (i === null) {
      // Before an index the list is named by its item (上游, 电池片); on its own it is the list.
      if ((p !== 'segments' && p !== 'children') || last) out.push(e.fieldNames[p] ?? p);
    } else if (parent === 'segments') {
      const seg = (next as { segment?: unknown } | undefined)?.segment;
      out.push(typeof seg === 'string' ? (e.segmentNames[seg] ?? seg) : fill(e.nth, { n: i + 1 }));
    } else if (parent === 'children') {
      const name = (next as { name?: unknown } | undefined)?.name;
      out.push(typeof name === 'string' && name.trim() ? name : fill(e.nthNode, { n: i + 1 }));
    } else {
      out.push(fill(e.nth, { n: i + 1 }));
    }
    parent = p;
    at = next;
  });
  return out.length ? out.join(' › ') : e.file;
}

const counts = (r: ChainImportResult) => ({ kept: r.kept, added: r.added, removed: r.removed });

/** What updating the chain will do, for the confirmation. */
function ReplaceSummary({ preview, e }: { preview: ChainImportResult; e: EditMessages }) {
  return (
    <div data-testid="import-confirm">
      <Typography.Paragraph>{fill(e.replaceSummary, counts(preview))}</Typography.Paragraph>
      {preview.removed > 0 && (
        <Alert
          type="warning"
          showIcon
          title={fill(e.replaceRemoved, { removed: preview.removed, decisions: preview.removedDecisions })}
          data-testid="import-confirm-removed"
        />
      )}
    </div>
  );
}

export function ImportJsonButton({ onImported }: { onImported: (id: string) => void }) {
  const e = useEditMessages();
  const { message, modal } = App.useApp();
  const showError = useApiError();
  const save = useImportChain();
  const [checking, setChecking] = useState(false);

  /** Each problem of a refused file with where it is in the file; other failures as a message. */
  const showRefusal = (err: unknown, parsed: unknown) => {
    const fields = isApiError(err) ? err.fieldErrors() : [];
    if (!fields.length) {
      showError(err);
      return;
    }
    modal.error({
      title: e.importFailed,
      width: 640,
      content: (
        <Table
          size="small"
          rowKey={(r) => `${r.field}:${r.message}`}
          pagination={false}
          dataSource={fields.map((x) => ({ ...x, where: describeField(x.field, parsed, e) }))}
          data-testid="import-errors"
          columns={[
            {
              key: 'where',
              title: e.field,
              render: (_, r) => (
                <Typography.Text>
                  {r.where}
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 11 }}>
                    {r.field}
                  </Typography.Text>
                </Typography.Text>
              ),
            },
            { key: 'message', title: e.problem, render: (_, r) => r.message },
          ]}
        />
      ),
    });
  };

  const write = (parsed: unknown) =>
    save.mutateAsync(parsed).then(
      (r) => {
        message.success(
          r.replaced
            ? fill(e.updated, { name: r.previousName ?? '', ...counts(r) })
            : fill(e.imported, { n: r.nodes }),
        );
        onImported(r.id);
      },
      (err) => showRefusal(err, parsed),
    );

  const upload = async (f: File) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(await f.text());
    } catch (err) {
      message.error(fill(e.notJson, { reason: err instanceof Error ? err.message : String(err) }));
      return;
    }
    setChecking(true);
    let preview: ChainImportResult;
    try {
      preview = await previewChainImport(parsed);
    } catch (err) {
      showRefusal(err, parsed);
      return;
    } finally {
      setChecking(false);
    }
    if (!preview.replaced) {
      await write(parsed);
      return;
    }
    modal.confirm({
      title: fill(e.replaceTitle, { name: preview.previousName ?? '' }),
      width: 560,
      content: <ReplaceSummary preview={preview} e={e} />,
      okText: preview.removed > 0 ? fill(e.replaceOkRemove, counts(preview)) : e.replaceOk,
      okButtonProps: { danger: preview.removed > 0, 'data-testid': 'import-confirm-ok' } as {
        danger: boolean;
      },
      onOk: () => write(parsed),
    });
  };

  return (
    <Tooltip title={e.importHint}>
      <span data-testid="import-json">
        <Upload
          accept=".json,application/json"
          showUploadList={false}
          beforeUpload={(f) => {
            void upload(f);
            return false;
          }}
        >
          <Button
            icon={<UploadOutlined />}
            loading={checking || save.isPending}
            data-testid="import-json-button"
          >
            {e.importJson}
          </Button>
        </Upload>
      </span>
    </Tooltip>
  );
}
