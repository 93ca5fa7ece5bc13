/** Pieces shared by the report tabs: the periods (month, quarter, year) as the API writes them, the
 *  按负责人/按团队 switch and the download buttons. */
import { DownloadOutlined } from '@ant-design/icons';
import { Button, Segmented, Select } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ReportBy } from '../../api/pipeline';
import { useMessages } from '../../i18n';
import { fill } from '../../i18n/fill';

export { formatMoney } from '../enterprises/format';
export { fill };

export const REVIEWERS = ['admin', 'leader'] as const;

export const thisMonth = () => dayjs().format('YYYY-MM');

/** A 双月点评's title in the interface language: the server's Chinese title ("2026年12月—2027年1月双月点评"),
 *  or the two months in English ("Review Dec 2026 – Jan 2027"). */
export function useReviewTitle(): (r: { title: string; period: string }) => string {
  const { i18n } = useTranslation();
  if (i18n.language !== 'en-US') return (r) => r.title;
  return (r) => {
    const start = dayjs(`${r.period}-01`);
    const end = start.add(1, 'month');
    const from = start.year() === end.year() ? start.format('MMM') : start.format('MMM YYYY');
    return `Review ${from} – ${end.format('MMM YYYY')}`;
  };
}

export function quarterOf(d: dayjs.Dayjs): string {
  return `${d.year()}-Q${Math.floor(d.month() / 3) + 1}`;
}

/** This quarter and the seven before it, newest first. */
export function recentQuarters(now = dayjs()): string[] {
  return Array.from({ length: 8 }, (_, i) => quarterOf(now.subtract(3 * i, 'month')));
}

export function ByToggle({ value, onChange }: { value: ReportBy; onChange: (v: ReportBy) => void }) {
  const r = useMessages().projectReports;
  return (
    <Segmented<ReportBy>
      value={value}
      onChange={onChange}
      options={[
        { value: 'owner', label: r.by.owner },
        { value: 'team', label: r.by.team },
      ]}
      data-testid="report-by"
    />
  );
}

export function QuarterSelect({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  const r = useMessages().projectReports;
  const options = recentQuarters().map((q) => {
    const [y, n] = q.split('-Q');
    return { value: q, label: fill(r.quarterLabel, { y, q: n }) };
  });
  return (
    <Select
      value={value}
      onChange={onChange}
      options={options}
      style={{ width: 170 }}
      data-testid="quarter-select"
    />
  );
}

export function YearSelect({ value, onChange }: { value: number; onChange: (v: number) => void }) {
  const r = useMessages().projectReports;
  const now = dayjs().year();
  const options = Array.from({ length: 6 }, (_, i) => ({
    value: now - i,
    label: fill(r.yearLabel, { y: now - i }),
  }));
  return (
    <Select
      value={value}
      onChange={onChange}
      options={options}
      style={{ width: 120 }}
      data-testid="year-select"
    />
  );
}

export function ExportButton({ href, label, testId }: { href: string; label: string; testId: string }) {
  return (
    <Button icon={<DownloadOutlined />} href={href} download data-testid={testId}>
      {label}
    </Button>
  );
}

export function ProjectLink({ id, name }: { id: string; name: string }) {
  return (
    <Link to={`/projects?project=${id}`} data-testid="report-project-link">
      {name}
    </Link>
  );
}
