/** Job status tag, progress colour and kind label. */
import { Tag } from 'antd';
import type { Job } from '../../../../src/shared/api';
import { useMessages } from '../../i18n';
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
