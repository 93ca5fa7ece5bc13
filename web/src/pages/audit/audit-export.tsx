/** Shows the audit CSV export job started from this page: live progress, then a download link. */
import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Progress, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { downloadUrl, hasFile, isActive, useJob } from '../../api/jobs';
import { JobRemaining, percentText, progressStatus } from '../jobs/job-status';

export function AuditExportProgress({ jobId, onClose }: { jobId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const job = useJob(jobId, 1000);
  const data = job.data;
  const failed = data && (data.status === 'failed' || data.status === 'cancelled');
  const done = data && hasFile(data);
  const type = failed ? 'error' : done ? 'success' : 'info';
  const title = failed ? t('audit.exportFailed') : done ? t('audit.exportDone') : t('audit.exportTitle');

  return (
    <Alert
      type={type}
      showIcon
      closable={{ onClose }}
      style={{ marginBottom: 16 }}
      data-testid="audit-export"
      title={title}
      description={
        <Flex vertical gap={4}>
          <Progress
            percent={Math.round(data?.progress ?? 0)}
            status={data ? progressStatus(data.status) : 'active'}
            style={{ maxWidth: 480 }}
            format={percentText}
          />
          <Flex align="center" gap={16} wrap>
            <Typography.Text type="secondary">
              {data?.error ?? data?.message ?? ''}
              {data && isActive(data) && !data.message ? t('common.loading') : ''}
            </Typography.Text>
            <JobRemaining job={data} />
            {done && data && (
              <Button
                type="primary"
                size="small"
                icon={<DownloadOutlined />}
                href={downloadUrl(data)}
                download
                data-testid="audit-export-download"
              >
                {t('audit.downloadCsv')}
              </Button>
            )}
          </Flex>
        </Flex>
      }
    />
  );
}
