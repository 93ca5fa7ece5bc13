/** 任务中心: every background job of my org and below; refreshes every 2 s while one is running. */
import { ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Select, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { JOB_STATUSES, type JobStatus, useJobs } from '../../api/jobs';
import { PageHeader } from '../../components/page-header';
import { useMessages } from '../../i18n';
import { useJobColumns } from './job-columns';

export function JobsPage() {
  const { t } = useTranslation();
  const m = useMessages();
  const [status, setStatus] = useState<JobStatus | undefined>();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const jobs = useJobs({ status, ...page });
  const columns = useJobColumns();

  return (
    <>
      <PageHeader
        title={t('jobs.title')}
        subtitle={t('jobs.subtitle')}
        extra={
          <>
            <Select<JobStatus | undefined>
              allowClear
              placeholder={t('jobs.allStatuses')}
              style={{ width: 160 }}
              value={status}
              onChange={(v) => {
                setStatus(v);
                setPage((p) => ({ ...p, page: 1 }));
              }}
              options={JOB_STATUSES.map((s) => ({ value: s, label: m.jobs.statuses[s] }))}
            />
            <Button icon={<ReloadOutlined />} onClick={() => void jobs.refetch()}>
              {t('common.refresh')}
            </Button>
          </>
        }
      />
      <Card styles={{ body: { padding: 0 } }}>
        <Table
          rowKey="id"
          columns={columns}
          dataSource={jobs.data?.items ?? []}
          loading={jobs.isLoading}
          data-testid="jobs-table"
          pagination={{
            current: page.page,
            pageSize: page.pageSize,
            total: jobs.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => t('common.total', { total }),
            onChange: (p, ps) => setPage({ page: p, pageSize: ps }),
          }}
        />
      </Card>
    </>
  );
}
