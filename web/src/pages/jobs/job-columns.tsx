/** Columns of the jobs tables (任务中心 and the 工作台 card): progress bars, cancel and download. */
import { DownloadOutlined, StopOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm, Progress, Space, type TableColumnsType, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Job } from '../../../../src/shared/api';
import { mayCancelJob } from '../../../../src/shared/job-rules';
import { downloadUrl, hasFile, isActive, useCancelJob } from '../../api/jobs';
import { useMe } from '../../api/me';
import { useApiError } from '../../components/use-api-error';
import { useMessages } from '../../i18n';
import { formatTime } from '../../lib/format';
import { JobStatusTag, jobKindLabel, percentText, progressStatus, remainingText } from './job-status';

function JobActions({ job }: { job: Job }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const cancel = useCancelJob();
  const showError = useApiError();
  const me = useMe().data;
  return (
    <Space size={4}>
      {isActive(job) && me && mayCancelJob(job, me) && (
        <Popconfirm
          title={t('jobs.cancelConfirm')}
          onConfirm={() =>
            cancel.mutate(job.id, {
              onSuccess: () => message.info(t('jobs.cancelled')),
              onError: (e) => showError(e),
            })
          }
        >
          <Button size="small" danger icon={<StopOutlined />} loading={cancel.isPending}>
            {t('jobs.cancel')}
          </Button>
        </Popconfirm>
      )}
      {hasFile(job) && (
        <Button
          size="small"
          type="link"
          icon={<DownloadOutlined />}
          href={downloadUrl(job)}
          download
          data-testid="job-download"
        >
          {t('jobs.download')}
        </Button>
      )}
    </Space>
  );
}

export function useJobColumns({ compact = false }: { compact?: boolean } = {}): TableColumnsType<Job> {
  const { t } = useTranslation();
  const m = useMessages();
  const columns: TableColumnsType<Job> = [
    { title: t('jobs.kind'), dataIndex: 'kind', render: (kind: string) => jobKindLabel(m, kind), width: 140 },
    {
      title: t('jobs.status'),
      dataIndex: 'status',
      render: (s: Job['status']) => <JobStatusTag status={s} />,
      width: 100,
    },
    {
      title: t('jobs.progress'),
      dataIndex: 'progress',
      width: 160,
      render: (p: number, job) => (
        <Progress
          percent={Math.round(p)}
          size="small"
          status={progressStatus(job.status)}
          data-testid="job-progress"
          format={percentText}
        />
      ),
    },
  ];
  if (!compact) {
    columns.push({
      // The line that says what happened ("已匹配 1597 家…", a failure's reason) wraps rather than
      // being cut to three characters beside two wide time columns.
      title: t('jobs.message'),
      key: 'message',
      render: (_, job) => (
        <Typography.Text type={job.status === 'failed' ? 'danger' : undefined}>
          {job.error ?? job.message}
          {job.remainingSeconds != null && ` · ${remainingText(m, job.remainingSeconds)}`}
        </Typography.Text>
      ),
    });
  }
  columns.push({ title: t('jobs.createdAt'), dataIndex: 'createdAt', render: formatTime, width: 170 });
  if (!compact)
    columns.push({ title: t('jobs.finishedAt'), dataIndex: 'finishedAt', render: formatTime, width: 170 });
  columns.push({
    title: t('common.actions'),
    key: 'actions',
    width: compact ? 90 : 140,
    render: (_, job) => <JobActions job={job} />,
  });
  return columns;
}
