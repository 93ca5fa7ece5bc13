/** A track's stage (发现 / 服务 / 申报 / 认定 / 未通过) as a tag, and the year picker the 培育路径 and
 *  年度统计 tabs share. */
import { Select, Tag } from 'antd';
import dayjs from 'dayjs';
import type { Stage } from '../../api/cultivation';
import { useMessages } from '../../i18n';
import { fill } from '../../i18n/fill';

const STAGE_TAG: Record<Stage, string> = {
  discovered: 'default',
  serving: 'processing',
  applied: 'warning',
  certified: 'success',
  rejected: 'error',
};

export const STAGE_COLOR: Record<Stage, string> = {
  discovered: '#8c8c8c',
  serving: '#1656d6',
  applied: '#faad14',
  certified: '#389e0d',
  rejected: '#cf1322',
};

export function StageTag({ stage, testId }: { stage: Stage; testId?: string }) {
  const c = useMessages().cultivation;
  return (
    <Tag color={STAGE_TAG[stage]} data-testid={testId} style={{ marginInlineEnd: 0 }}>
      {c.stages[stage]}
    </Tag>
  );
}

/** The last three years, this one and the next. */
export function YearSelect({ value, onChange }: { value: number; onChange: (year: number) => void }) {
  const c = useMessages().cultivation;
  const now = dayjs().year();
  const years = [now + 1, now, now - 1, now - 2, now - 3];
  if (!years.includes(value)) years.push(value);
  return (
    <Select
      value={value}
      onChange={onChange}
      style={{ width: 110 }}
      aria-label={c.tracks.year}
      data-testid="year-select"
      options={years
        .sort((a, b) => b - a)
        .map((y) => ({ value: y, label: fill(c.tracks.yearValue, { year: y }) }))}
    />
  );
}
