/** A run still screening: its job's progress bar and message, polled every second; when the job ends the
 *  runs and the ladder are reloaded, so the page moves on to the results by itself. */
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Card, Flex, Progress, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { cultivationKey, type ScreeningRun } from '../../api/cultivation';
import { isActive, useJob } from '../../api/jobs';
import { useMessages } from '../../i18n';
import { fill } from '../../i18n/fill';
import { JobRemaining, percentText, progressStatus } from '../jobs/job-status';

export function RunProgress({ run }: { run: ScreeningRun }) {
  const c = useMessages().cultivation;
  const { message } = App.useApp();
  const qc = useQueryClient();
  const job = useJob(run.jobId, 1000);
  const ended = job.data && !isActive(job.data);
  const announced = useRef(false);

  useEffect(() => {
    if (!ended || announced.current) return;
    announced.current = true;
    if (job.data?.status === 'succeeded') {
      const firms = (job.data.result as { firms?: number } | null)?.firms ?? 0;
      message.success(fill(c.start.finished, { firms }));
    }
    void qc.invalidateQueries({ queryKey: cultivationKey });
  }, [ended, job.data, qc, message, c]);

  const status = job.data?.status ?? 'running';
  const percent = Math.round(job.data?.progress ?? run.progress ?? 0);
  return (
    <Card title={c.run.progress} data-testid="screening-progress" style={{ marginBottom: 16 }}>
      <Flex vertical gap={12}>
        <Progress
          percent={percent}
          status={progressStatus(status)}
          format={percentText}
          style={{ maxWidth: 720, margin: 0 }}
        />
        <JobRemaining job={job.data} />
        <Typography.Text type="secondary" data-testid="screening-message">
          {job.data?.message ?? run.message}
        </Typography.Text>
        {status === 'failed' && (
          <Alert
            type="error"
            showIcon
            title={c.run.failed}
            description={job.data?.error ?? c.run.failedHint}
          />
        )}
        {status === 'cancelled' && <Alert type="warning" showIcon title={c.run.cancelled} />}
      </Flex>
    </Card>
  );
}

/** A run that ended without results. */
export function RunEnded({ run }: { run: ScreeningRun }) {
  const c = useMessages().cultivation;
  return (
    <Alert
      type={run.status === 'failed' ? 'error' : 'warning'}
      showIcon
      title={run.status === 'failed' ? c.run.failed : c.run.cancelled}
      description={run.message ?? c.run.failedHint}
      style={{ marginBottom: 16 }}
      data-testid="screening-ended"
    />
  );
}
