/** Small helpers shared by the 政策找企业 pages: placeholders, deadlines and benefit summaries. */
import { Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { Benefit, Policy } from '../../api/policies';
import { useMessages } from '../../i18n';
import { fill } from '../../i18n/fill';
import type { Messages } from '../../i18n/zh-CN';

type P = Messages['policies'];

/** Whole days from today to `date` (YYYY-MM-DD); negative once it has passed. */
export function daysUntil(date: string): number {
  return dayjs(date).startOf('day').diff(dayjs().startOf('day'), 'day');
}

export function benefitText(b: Benefit, p: P): string {
  const kind = p.benefitKinds[b.kind] ?? b.kind;
  const amount = b.amount === null ? '' : `（${fill(p.amountWan, { amount: b.amount / 10_000 })}）`;
  return `${kind}${amount}${p.colon}${b.text}`;
}

export function windowText(policy: Pick<Policy, 'applyFrom' | 'applyTo'>): string {
  const { applyFrom, applyTo } = policy;
  if (!applyFrom && !applyTo) return '—';
  return `${applyFrom ?? '…'} ~ ${applyTo ?? '…'}`;
}

/** The deadline as a coloured tag: days left, due today, closed, not open yet or no deadline. */
export function DeadlineTag({
  applyFrom,
  applyTo,
  testId,
}: {
  applyFrom?: string | null;
  applyTo: string | null;
  testId?: string;
}) {
  const p = useMessages().policies;
  if (applyFrom && daysUntil(applyFrom) > 0)
    return (
      <Tag color="default" data-testid={testId}>
        {p.notOpen}
      </Tag>
    );
  if (!applyTo)
    return (
      <Tag color="blue" data-testid={testId}>
        {p.noDeadline}
      </Tag>
    );
  const days = daysUntil(applyTo);
  if (days < 0)
    return (
      <Tag color="default" data-testid={testId}>
        {p.closed}
      </Tag>
    );
  const text = days === 0 ? p.dueToday : fill(p.daysLeft, { days });
  return (
    <Tag color={days <= 7 ? 'red' : days <= 30 ? 'orange' : 'green'} data-testid={testId}>
      {text}
    </Tag>
  );
}

export function ClauseList({ items, type }: { items: string[]; type?: 'success' | 'danger' | 'warning' }) {
  if (items.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <ul style={{ margin: 0, paddingInlineStart: 18 }}>
      {items.map((s) => (
        <li key={s}>
          <Typography.Text type={type}>{s}</Typography.Text>
        </li>
      ))}
    </ul>
  );
}
