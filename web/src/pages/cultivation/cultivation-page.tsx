/** 梯度培育 › 培育库: start a screening of the org's firms, pick a run, read its ladder (who holds, who
 *  qualifies now, who is close, per tier, against the previous run) and list a tier's firms. */
import { Card, Empty, Select, Skeleton, Tabs, Typography } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import type { Me } from '../../../../src/shared/api';
import { isRunning, type ScreeningRun, useLadder, useScreenings } from '../../api/cultivation';
import { hasAnyRole } from '../../api/me';
import { PageHeader } from '../../components/page-header';
import { useMessages } from '../../i18n';
import { fill } from '../../i18n/fill';
import { type UrlPatch, useUrlParams } from '../../lib/use-url-params';
import { LadderPanel } from './ladder-panel';
import { RunEnded, RunProgress } from './run-progress';
import { StartScreening } from './start-screening';
import { StatsPanel } from './stats-panel';
import { TierResults } from './tier-results';
import { TracksPanel } from './tracks-panel';
import { usePoolState } from './use-pool-state';

function RunSelect({
  runs,
  value,
  onChange,
}: {
  runs: ScreeningRun[];
  value: string | undefined;
  onChange: (id: string) => void;
}) {
  const c = useMessages().cultivation;
  return (
    <Select
      value={value}
      onChange={onChange}
      style={{ width: 380 }}
      aria-label={c.run.label}
      data-testid="run-select"
      options={runs.map((r) => ({
        value: r.id,
        label: `${fill(c.run.option, { date: r.assessedOn, status: c.run.statuses[r.status] ?? r.status })} · ${fill(
          c.run.createdAt,
          { at: dayjs(r.createdAt).format('MM-DD HH:mm') },
        )}`,
      }))}
    />
  );
}

const VIEWS = ['pool', 'tracks', 'stats'] as const;
type View = (typeof VIEWS)[number];

/** The tab (培育库 / 培育路径 / 年度统计) and the year of the last two, kept in the URL. */
function useView() {
  const [params, patch] = useUrlParams();
  const v = params.get('view');
  const view: View = VIEWS.includes(v as View) ? (v as View) : 'pool';
  const y = Number(params.get('year'));
  const year = Number.isInteger(y) && y >= 2000 && y <= 2100 ? y : dayjs().year();
  const set = (change: { view?: View; year?: number }) => {
    const changes: UrlPatch = {};
    if (change.view) changes.view = change.view === 'pool' ? null : change.view;
    if (change.year) changes.year = change.year;
    patch(changes, { replace: true });
  };
  return { view, year, set };
}

export function CultivationPage({ me }: { me: Me }) {
  const c = useMessages().cultivation;
  const canRun = hasAnyRole(me, ['admin', 'leader', 'officer']);
  const canTarget = hasAnyRole(me, ['admin', 'leader']);
  const view = useView();
  const tabs = (pool: ReactNode) => (
    <Tabs
      activeKey={view.view}
      onChange={(k) => view.set({ view: k as View })}
      data-testid="cultivation-tabs"
      items={[
        { key: 'pool', label: c.tabs.pool, children: pool },
        {
          key: 'tracks',
          label: c.tabs.tracks,
          children: <TracksPanel year={view.year} onYear={(year) => view.set({ year })} canMove={canRun} />,
        },
        {
          key: 'stats',
          label: c.tabs.stats,
          children: (
            <StatsPanel year={view.year} onYear={(year) => view.set({ year })} canTarget={canTarget} />
          ),
        },
      ]}
    />
  );
  const { state, update } = usePoolState();
  const runs = useScreenings();
  // The run in the URL, else the most recent one.
  const run = runs.data?.find((r) => r.id === state.run) ?? runs.data?.[0];
  const done = run?.status === 'done';
  const ladder = useLadder(run?.id, done);

  const header = (
    <PageHeader
      title={c.title}
      subtitle={c.subtitle}
      extra={
        <>
          {runs.data && runs.data.length > 0 && (
            <RunSelect
              runs={runs.data}
              value={run?.id}
              onChange={(id) => update({ run: id, q: undefined })}
            />
          )}
          {canRun && <StartScreening onStarted={(id) => update({ run: id, q: undefined })} />}
        </>
      }
    />
  );

  if (runs.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (!run) {
    return (
      <>
        {header}
        {tabs(
          <Card>
            <Empty
              data-testid="screening-empty"
              description={
                <>
                  <Typography.Text strong>{runs.error ? runs.error.message : c.run.none}</Typography.Text>
                  <br />
                  <Typography.Text type="secondary">
                    {canRun ? c.run.noneRunner : c.run.noneReader}
                  </Typography.Text>
                </>
              }
            />
          </Card>,
        )}
      </>
    );
  }

  return (
    <>
      {header}
      {tabs(
        <>
          {isRunning(run) && <RunProgress key={run.id} run={run} />}
          {(run.status === 'failed' || run.status === 'cancelled') && <RunEnded run={run} />}
          {done && !ladder.data && <Skeleton active paragraph={{ rows: 8 }} />}
          {done && ladder.data && (
            <>
              <LadderPanel
                ladder={ladder.data}
                selected={state.tier}
                onSelect={(tier, status) =>
                  update(status ? { tier, status, q: undefined } : { tier, q: undefined })
                }
              />
              <TierResults
                run={run}
                rung={ladder.data.rungs.find((r) => r.tier === state.tier)}
                state={state}
                update={update}
                canPool={canRun}
              />
            </>
          )}
        </>,
      )}
    </>
  );
}
