/** Job status tag, progress colour and kind label. */
import { Tag, Typography } from 'antd';
import type { Job } from '../../../../src/shared/api';
import { durationParts } from '../../../../src/shared/duration';
import { useMessages } from '../../i18n';
import { fill } from '../../i18n/fill';
import type { Messages } from '../../i18n/zh-CN';

const COLORS: Record<Job['status'], string> = {
  queued: 'default',
  running: 'processing',
  succeeded: 'success',
  failed: 'error',
  cancelled: 'warning',
};

export function JobStatusTag({ status }: { status: Job['status'] }) {
  const m = useMessages();
  return (
    <Tag color={COLORS[status]} data-testid={`job-status-${status}`}>
      {m.jobs.statuses[status]}
    </Tag>
  );
}

export function progressStatus(status: Job['status']): 'normal' | 'exception' | 'active' | 'success' {
  if (status === 'running' || status === 'queued') return 'active';
  if (status === 'failed' || status === 'cancelled') return 'exception';
  return 'success';
}

/** Always the number, also when finished: a tick alone says less than 100%. */
export function percentText(percent?: number): string {
  return `${percent ?? 0}%`;
}

export function jobKindLabel(m: Messages, kind: string): string {
  return m.jobs.kinds[kind] ?? kind;
}

/** "约剩 3 分钟": the server's estimate of what a running job still needs, in the largest fitting unit. */
export function remainingText(m: Messages, seconds: number): string {
  const r = m.jobs.remaining;
  const d = durationParts(seconds);
  if (d.unit === 'hours') return fill(r.hours, { h: d.h, m: d.m });
  return fill(r[d.unit], { n: d.n });
}

/** The estimate beside a running job's progress; nothing while the server cannot say yet. */
export function JobRemaining({ job }: { job: Job | undefined }) {
  const m = useMessages();
  if (job?.remainingSeconds == null) return null;
  return (
    <Typography.Text type="secondary" data-testid="job-remaining">
      {remainingText(m, job.remainingSeconds)}
    </Typography.Text>
  );
}
