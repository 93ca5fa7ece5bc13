/** The five newest background jobs of my org, with live progress. */
import { Button, Card, Empty, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useJobs } from '../../api/jobs';
import { useJobColumns } from '../jobs/job-columns';

export function RecentJobs() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const jobs = useJobs({ page: 1, pageSize: 5 });
  const columns = useJobColumns({ compact: true });

  return (
    <Card
      title={t('home.recentJobs')}
      extra={
        <Button type="link" onClick={() => navigate('/jobs')}>
          {t('home.allJobs')}
        </Button>
      }
      data-testid="recent-jobs"
      styles={{ body: { padding: 0 } }}
    >
      <Table
        rowKey="id"
        size="small"
        loading={jobs.isLoading}
        columns={columns}
        dataSource={jobs.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.noJobs')} /> }}
      />
    </Card>
  );
}
