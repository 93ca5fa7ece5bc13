/** 项目报表: the pipeline's closed loop in five tabs — 月度跟踪, 双月点评, 季度考核, 年度总结 and, for leaders
 *  and admins, 重复项目协调. The tab and an open review live in the URL (?tab=reviews&review=<id>). */
import { Card, Tabs } from 'antd';
import type { Me } from '../../../../src/shared/api';
import { hasAnyRole } from '../../api/me';
import { PageHeader } from '../../components/page-header';
import { useMessages } from '../../i18n';
import { useUrlParams } from '../../lib/use-url-params';
import { AssessmentTab } from './assessment-tab';
import { REVIEWERS } from './common';
import { MonthlyTab } from './monthly-tab';
import { OverlapsTab } from './overlaps-tab';
import { ReviewsTab } from './reviews-tab';
import { YearTab } from './year-tab';

const TABS = ['monthly', 'reviews', 'assessment', 'year', 'overlaps'] as const;
type Tab = (typeof TABS)[number];

export function ProjectReportsPage({ me }: { me: Me }) {
  const r = useMessages().projectReports;
  const [params, set] = useUrlParams();
  const leads = hasAnyRole(me, REVIEWERS);
  const asked = params.get('tab') as Tab | null;
  const tab: Tab = asked && TABS.includes(asked) && (asked !== 'overlaps' || leads) ? asked : 'monthly';

  const items = [
    { key: 'monthly', label: r.tabs.monthly, children: <MonthlyTab /> },
    {
      key: 'reviews',
      label: r.tabs.reviews,
      children: (
        <ReviewsTab
          canRate={leads}
          openId={params.get('review') ?? undefined}
          onOpen={(id) => set({ review: id })}
        />
      ),
    },
    { key: 'assessment', label: r.tabs.assessment, children: <AssessmentTab canEdit={leads} /> },
    { key: 'year', label: r.tabs.year, children: <YearTab /> },
    ...(leads ? [{ key: 'overlaps', label: r.tabs.overlaps, children: <OverlapsTab /> }] : []),
  ];

  return (
    <>
      <PageHeader title={r.title} subtitle={r.subtitle} />
      <Card styles={{ body: { padding: '4px 16px 16px' } }}>
        <Tabs
          activeKey={tab}
          onChange={(k) => set({ tab: k === 'monthly' ? null : k, review: null })}
          items={items}
          destroyOnHidden
          data-testid="report-tabs"
        />
      </Card>
    </>
  );
}
