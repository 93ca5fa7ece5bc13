/** A running import: progress polled every second with the job's message and 取消; then the result —
 *  新增/更新/未变/拒绝, the reasons of rejected rows, and the rejected rows as an XLSX to fix. */
import { DownloadOutlined, StopOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Flex,
  Popconfirm,
  Progress,
  Row,
  Statistic,
  Table,
  Typography,
} from 'antd';
import type { Job } from '../../../../../src/shared/api';
import { mayCancelJob } from '../../../../../src/shared/job-rules';
import type { ImportError, ImportResult } from '../../../api/enterprises';
import { downloadUrl, hasFile, isActive, useCancelJob } from '../../../api/jobs';
import { useMe } from '../../../api/me';
import { useApiError } from '../../../components/use-api-error';
import { useMessages } from '../../../i18n';
import { JobRemaining, percentText, progressStatus } from '../../jobs/job-status';

const STATS = [
  { key: 'inserted', color: '#389e0d' },
  { key: 'updated', color: '#1656d6' },
  { key: 'unchanged', color: '#8c8c8c' },
  { key: 'rejected', color: '#cf1322' },
] as const;
const MAX_ERRORS = 1000;

function asResult(v: unknown): ImportResult | null {
  const r = v as ImportResult | null;
  return r && typeof r.inserted === 'number' ? r : null;
}

export function ImportResultView({ job, result }: { job: Job; result: ImportResult }) {
  const m = useMessages().enterprises.import;
  return (
    <Flex vertical gap={16} data-testid="import-result">
      {result.dryRun && <Alert type="info" showIcon title={m.dryRunDone} />}
      <Row gutter={16}>
        {STATS.map((s) => (
          <Col key={s.key} xs={12} md={6}>
            <Card size="small" data-testid={`import-stat-${s.key}`}>
              <Statistic title={m[s.key]} value={result[s.key]} styles={{ content: { color: s.color } }} />
            </Card>
          </Col>
        ))}
      </Row>
      {result.unmappedHeaders && result.unmappedHeaders.length > 0 && (
        <Typography.Text type="secondary">
          {m.unmapped.replace('{{headers}}', result.unmappedHeaders.join('、'))}
        </Typography.Text>
      )}
      {result.errors.length > 0 && (
        <Card
          size="small"
          title={m.errors}
          extra={
            hasFile(job) && (
              <Button
                icon={<DownloadOutlined />}
                href={downloadUrl(job)}
                download
                data-testid="import-download-rejected"
              >
                {m.downloadRejected}
              </Button>
            )
          }
        >
          <Table<ImportError & { i: number }>
            size="small"
            rowKey="i"
            dataSource={result.errors.map((e, i) => ({ ...e, i }))}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            data-testid="import-errors"
            columns={[
              { title: m.row, dataIndex: 'row', width: 80 },
              { title: m.column, dataIndex: 'column', width: 200, render: (c: string | null) => c ?? '—' },
              { title: m.reason, dataIndex: 'message' },
            ]}
          />
          {result.errors.length >= MAX_ERRORS && (
            <Typography.Text type="secondary">
              {m.errorsTruncated.replace('{{count}}', String(MAX_ERRORS))}
            </Typography.Text>
          )}
        </Card>
      )}
    </Flex>
  );
}

export function ImportProgress({ job }: { job: Job }) {
  const m = useMessages().enterprises.import;
  const { message } = App.useApp();
  const cancel = useCancelJob();
  const showError = useApiError();
  const result = asResult(job.result);
  const active = isActive(job);
  const me = useMe().data;

  return (
    <Card title={m.progress} data-testid="import-progress">
      <Flex vertical gap={16}>
        <Flex align="center" gap={16}>
          <Progress
            percent={Math.round(job.progress)}
            status={progressStatus(job.status)}
            format={percentText}
            style={{ flex: 1, maxWidth: 640, margin: 0 }}
          />
          <JobRemaining job={job} />
          {active && me && mayCancelJob(job, me) && (
            <Popconfirm
              title={m.cancel}
              description={<div style={{ maxWidth: 300 }}>{m.cancelConfirm}</div>}
              okButtonProps={{ 'data-testid': 'import-cancel-ok' }}
              onConfirm={() =>
                cancel.mutate(job.id, {
                  onSuccess: () => message.info(m.cancelled),
                  onError: (e) => showError(e),
                })
              }
            >
              <Button danger icon={<StopOutlined />} loading={cancel.isPending} data-testid="import-cancel">
                {m.cancel}
              </Button>
            </Popconfirm>
          )}
        </Flex>
        <Typography.Text type="secondary" data-testid="import-message">
          {job.message}
        </Typography.Text>
        {job.status === 'failed' && <Alert type="error" showIcon title={m.failed} description={job.error} />}
        {job.status === 'cancelled' && (
          <Alert
            type="warning"
            showIcon
            title={m.cancelledTitle}
            description={m.cancelledDetail}
            data-testid="import-cancelled"
          />
        )}
        {job.status === 'succeeded' && result && <ImportResultView job={job} result={result} />}
      </Flex>
    </Card>
  );
}
