/** 导入企业关系 (admins, officers): what the file needs — the columns and what goes in them, CSV
 *  (UTF-8/GBK) or XLSX, firms already in 企业库 — then the upload, answered at once with the counts
 *  (新增/更新/未变/拒绝) and each rejected row's number, column and reason. */
import { CloudUploadOutlined, DownloadOutlined, FileExcelOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Modal, Spin, Statistic, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { type RelationImportResult, useImportRelations } from '../../api/graph';
import { useMessages } from '../../i18n';
import { fill } from '../../i18n/fill';

const REQUIRED = new Set(['关系类型', '主体', '客体']);

/** A small UTF-8 (with BOM, for Excel) CSV showing every column. */
const TEMPLATE = [
  '关系类型,主体,主体类型,客体,持股比例,金额(万元),轮次,日期',
  '持股,张三,自然人,示例控股集团有限公司,60%,,,2025-06-30',
  '持股,示例控股集团有限公司,企业,示例新能源科技有限公司,70%,,,2025-06-30',
  '投资,示例创投基金,机构,示例新能源科技有限公司,,"1,200",A轮,2024-03-01',
  '供应,示例新能源科技有限公司,企业,示例整车制造有限公司,,,,',
  '产学研,示例新能源科技有限公司,企业,东南大学,,,,',
].join('\r\n');

function downloadTemplate(fileName: string) {
  const url = URL.createObjectURL(new Blob([`\uFEFF${TEMPLATE}\r\n`], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function Result({ r }: { r: RelationImportResult }) {
  const im = useMessages().graph.importer;
  const counts = [
    ['inserted', r.inserted, '#389e0d'],
    ['updated', r.updated, '#1656d6'],
    ['unchanged', r.unchanged, '#8c8c8c'],
    ['rejected', r.rejected, r.rejected ? '#cf1322' : '#8c8c8c'],
  ] as const;
  return (
    <Flex vertical gap={12}>
      <Flex
        justify="space-around"
        style={{ background: '#fafafa', border: '1px solid #f0f0f0', borderRadius: 6, padding: '12px 8px' }}
        data-testid="relation-counts"
      >
        {counts.map(([k, v, color]) => (
          <Statistic
            key={k}
            title={im[k]}
            value={v}
            styles={{ content: { color, fontWeight: 600 } }}
            data-testid={`count-${k}`}
          />
        ))}
      </Flex>
      {r.warnings.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={im.warnings}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {r.warnings.map((w) => (
                <li key={w.message}>{w.message}</li>
              ))}
            </ul>
          }
          data-testid="relation-warnings"
        />
      )}
      {r.errors.length > 0 && (
        <Flex vertical gap={6}>
          <Typography.Text strong>{im.errors}</Typography.Text>
          <Table
            rowKey={(e) => `${e.row}-${e.column}-${e.code}`}
            size="small"
            bordered
            dataSource={r.errors}
            pagination={{ pageSize: 8, hideOnSinglePage: true, size: 'small' }}
            data-testid="relation-errors"
            columns={[
              { key: 'row', title: im.row, width: 70, align: 'right', render: (_, e) => e.row },
              { key: 'column', title: im.column, width: 110, render: (_, e) => <Tag>{e.column}</Tag> },
              { key: 'reason', title: im.reason, render: (_, e) => e.message },
            ]}
          />
        </Flex>
      )}
    </Flex>
  );
}

export function ImportRelationsButton() {
  const g = useMessages().graph;
  const im = g.importer;
  const [open, setOpen] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const run = useImportRelations();

  const choose = (f: File) => {
    setFile(f);
    run.mutate(f);
  };
  const reset = () => {
    setFile(null);
    run.reset();
  };

  return (
    <>
      <Button
        icon={<CloudUploadOutlined />}
        onClick={() => setOpen(true)}
        data-testid="relations-import-open"
      >
        {g.toolbar.import}
      </Button>
      <Modal
        open={open}
        title={im.title}
        width={780}
        onCancel={() => setOpen(false)}
        afterClose={reset}
        destroyOnHidden
        footer={
          <Flex justify="space-between">
            <Button icon={<DownloadOutlined />} onClick={() => downloadTemplate(im.templateName)}>
              {im.template}
            </Button>
            <Flex gap={8}>
              {file && !run.isPending && (
                <Button onClick={reset} data-testid="relations-again">
                  {im.again}
                </Button>
              )}
              <Button type="primary" onClick={() => setOpen(false)} data-testid="relations-close">
                {im.close}
              </Button>
            </Flex>
          </Flex>
        }
        data-testid="relations-import"
      >
        {!file ? (
          <Flex vertical gap={12}>
            <Typography.Text type="secondary">{im.intro}</Typography.Text>
            <Table
              rowKey="name"
              size="small"
              bordered
              pagination={false}
              dataSource={Object.entries(g.columns).map(([name, meaning]) => ({ name, meaning }))}
              data-testid="relations-columns"
              columns={[
                {
                  key: 'name',
                  title: im.column,
                  width: 140,
                  render: (_, r) => (
                    <Flex gap={4} align="center">
                      <Typography.Text code>{r.name}</Typography.Text>
                      {REQUIRED.has(r.name) && <Typography.Text type="danger">*</Typography.Text>}
                    </Flex>
                  ),
                },
                { key: 'meaning', title: im.meaning, render: (_, r) => r.meaning },
              ]}
            />
            <Alert type="info" showIcon title={im.firmsFirst} />
            <div data-testid="relations-file">
              <Upload.Dragger
                accept=".csv,.xlsx"
                multiple={false}
                showUploadList={false}
                beforeUpload={(f) => {
                  choose(f);
                  return false;
                }}
              >
                <p className="ant-upload-drag-icon">
                  <InboxOutlined />
                </p>
                <p className="ant-upload-text">{im.drop}</p>
                <p className="ant-upload-hint">{im.dropHint}</p>
              </Upload.Dragger>
            </div>
          </Flex>
        ) : (
          <Flex vertical gap={12} data-testid="relations-result">
            <Flex gap={8} align="center">
              <FileExcelOutlined style={{ color: '#389e0d', fontSize: 18 }} />
              <Typography.Text strong>{file.name}</Typography.Text>
            </Flex>
            {run.isPending && (
              <Spin tip={fill(im.uploading, { name: file.name })}>
                <div style={{ height: 80 }} />
              </Spin>
            )}
            {run.error && <Alert type="error" showIcon title={im.failed} description={run.error.message} />}
            {run.data && (
              <>
                <Alert
                  type={run.data.rejected ? 'warning' : 'success'}
                  showIcon
                  title={fill(im.done, { name: file.name })}
                />
                <Result r={run.data} />
              </>
            )}
          </Flex>
        )}
      </Modal>
    </>
  );
}
