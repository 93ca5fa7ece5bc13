/** 企业导入 (admin, officer): choose a CSV/XLSX, see how its columns were recognised and map the rest,
 *  set the year, universe and dry run, then follow the import job to its result. */
import { FileExcelOutlined, InboxOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Card, Flex, Select, Spin, Tag, Typography, Upload } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import {
  enterprisesKey,
  type ImportPreview,
  useImportFields,
  usePreview,
  useStartImport,
} from '../../../api/enterprises';
import { isActive, useJob } from '../../../api/jobs';
import { PageHeader } from '../../../components/page-header';
import { useApiError } from '../../../components/use-api-error';
import { useMessages } from '../../../i18n';
import { ColumnMapping } from './column-mapping';
import { ImportOptions, type ImportSettings } from './import-options';
import { ImportProgress } from './import-progress';
import { SavedMappings } from './saved-mappings';

/** Only the columns whose field differs from what the server recognised by itself. */
function overrides(preview: ImportPreview | undefined, mapping: Record<string, string>) {
  const out: Record<string, string> = {};
  for (const c of preview?.columns ?? []) {
    const chosen = mapping[c.header];
    if (chosen !== undefined && chosen !== (c.key ?? '')) out[c.header] = chosen;
  }
  return out;
}

/** A saved mapping changes only the columns this file has. */
function applySaved(cur: Record<string, string>, saved: Record<string, string>) {
  const next = { ...cur };
  for (const header of Object.keys(cur)) if (header in saved) next[header] = saved[header];
  return next;
}

/** A text file's encoding as a user knows it from Excel's 另存为 dialog, not as the decoder names it
 *  (an XLSX has none to show). */
const ENCODING_NAMES: Record<string, string> = {
  utf8: 'UTF-8',
  gb18030: 'GBK',
  utf16le: 'Unicode（UTF-16）',
  utf16be: 'Unicode（UTF-16 BE）',
};

export function EnterpriseImportPage() {
  const { colon, import: m } = useMessages().enterprises;
  const qc = useQueryClient();
  const showError = useApiError();
  const fields = useImportFields();
  const preview = usePreview();
  const start = useStartImport();
  const [file, setFile] = useState<File | null>(null);
  const [sheet, setSheet] = useState<string>();
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [settings, setSettings] = useState<ImportSettings>({
    year: dayjs().year() - 1,
    universe: 'local',
    dryRun: false,
  });
  const [jobId, setJobId] = useState<string | null>(null);
  const [uploaded, setUploaded] = useState<number | null>(null);
  const job = useJob(jobId, 1000);
  const running = !!job.data && isActive(job.data);
  const finished = job.data?.status === 'succeeded';

  // A finished import changes the registry; lists and profiles must not show the old state.
  useEffect(() => {
    if (finished) void qc.invalidateQueries({ queryKey: enterprisesKey });
  }, [finished, qc]);

  const readPreview = (f: File, s?: string) =>
    preview.mutate(
      { file: f, sheet: s },
      {
        onSuccess: (p) => {
          setSheet(p.sheet ?? undefined);
          setMapping(Object.fromEntries(p.columns.map((c) => [c.header, c.key ?? ''])));
        },
      },
    );

  const choose = (f: File) => {
    setFile(f);
    setSheet(undefined);
    setMapping({});
    setJobId(null);
    start.reset();
    readPreview(f);
  };

  const reset = () => {
    setFile(null);
    setJobId(null);
    setMapping({});
    preview.reset();
    start.reset();
  };

  const begin = () => {
    if (!file) return;
    start.mutate(
      {
        file,
        sheet,
        year: settings.year ?? undefined,
        universe: settings.universe,
        dryRun: settings.dryRun,
        mapping: overrides(preview.data, mapping),
        onUploadProgress: setUploaded,
      },
      {
        onSuccess: (j) => setJobId(j.id),
        onError: (e) => showError(e),
        onSettled: () => setUploaded(null),
      },
    );
  };

  const p = preview.data;
  const locked = running || start.isPending;

  return (
    <>
      <PageHeader title={m.title} subtitle={m.subtitle} />
      <Flex vertical gap={16}>
        <Card>
          <div data-testid="import-file">
            <Upload.Dragger
              accept=".csv,.xlsx"
              multiple={false}
              showUploadList={false}
              disabled={locked}
              beforeUpload={(f) => {
                choose(f);
                return false;
              }}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">{m.drop}</p>
              <p className="ant-upload-hint">{m.dropHint}</p>
            </Upload.Dragger>
          </div>
          {file && (
            <Flex gap={12} align="center" wrap style={{ marginTop: 12 }} data-testid="import-file-info">
              <FileExcelOutlined style={{ color: '#389e0d', fontSize: 18 }} />
              <Typography.Text strong>{file.name}</Typography.Text>
              {p && p.encoding !== 'xlsx' && (
                <Tag>{`${m.encoding}${colon}${ENCODING_NAMES[p.encoding] ?? p.encoding}`}</Tag>
              )}
              {p?.headerRow && <Tag>{m.headerRow.replace('{{row}}', String(p.headerRow))}</Tag>}
              {p && p.sheets.length > 1 && (
                <Select<string>
                  style={{ width: 200 }}
                  value={sheet}
                  prefix={`${m.sheet}${colon}`}
                  disabled={locked}
                  options={p.sheets.map((s) => ({ value: s, label: s }))}
                  onChange={(s) => {
                    setSheet(s);
                    readPreview(file, s);
                  }}
                  data-testid="import-sheet"
                />
              )}
            </Flex>
          )}
        </Card>

        {file && (
          <Card
            title={m.columns}
            extra={
              p && (
                <SavedMappings
                  mapping={mapping}
                  onApply={(s) => setMapping((cur) => applySaved(cur, s.mapping))}
                />
              )
            }
          >
            {preview.isPending && (
              <Spin tip={m.previewing}>
                <div style={{ height: 80 }} />
              </Spin>
            )}
            {preview.error && (
              <Alert
                type="warning"
                showIcon
                title={m.previewFailed.replace('{{message}}', preview.error.message)}
                style={{ marginBottom: 16 }}
              />
            )}
            {p && (
              <ColumnMapping
                preview={p}
                fields={fields.data ?? []}
                mapping={mapping}
                onChange={(header, key) => setMapping((cur) => ({ ...cur, [header]: key }))}
              />
            )}
            <ImportOptions
              value={settings}
              onChange={setSettings}
              disabled={locked || preview.isPending}
              busy={locked}
              uploaded={start.isPending ? (uploaded ?? 0) : null}
              onStart={begin}
              onAgain={job.data && !running ? reset : undefined}
            />
          </Card>
        )}

        {job.data && <ImportProgress job={job.data} />}
      </Flex>
    </>
  );
}
