/** One tier's firms in a run, filtered by standing (可申报 first) and name: the verdict and its movement,
 *  the score, the unmet criteria with actual vs required, what it would take (or the direct path that
 *  makes the firm eligible whatever its score), and the expiry of a held title; 导出 XLSX downloads the
 *  same list. */
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Input, Segmented, Table, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  type LadderRung,
  resultsExportUrl,
  type ScreeningResultItem,
  type ScreeningRun,
  useScreeningResults,
  useTracksFromScreening,
} from '../../api/cultivation';
import { useMessages } from '../../i18n';
import { fill } from '../../i18n/fill';
import { GapCell, ScoreCell, UnmetCell } from './result-cells';
import { Movement, StandingTag } from './standing';
import { type PoolState, STANDING_FILTERS, type StandingFilter } from './use-pool-state';

function count(rung: LadderRung | undefined, f: StandingFilter): number | undefined {
  if (!rung) return undefined;
  if (f === 'all') return rung.holding + rung.eligible + rung.close + rung.far + rung.unknown;
  return rung[f];
}

export function TierResults({
  run,
  rung,
  state,
  update,
  canPool = false,
}: {
  run: ScreeningRun;
  rung: LadderRung | undefined;
  state: PoolState;
  update: (patch: Partial<PoolState>) => void;
  /** 纳入培育库 for admin, leader and officer. */
  canPool?: boolean;
}) {
  const { t } = useTranslation();
  const m = useMessages();
  const c = m.cultivation;
  const filter = {
    tier: state.tier,
    status: state.status === 'all' ? undefined : state.status,
    q: state.q,
  };
  const list = useScreeningResults(run.id, { ...filter, page: state.page, pageSize: state.pageSize });
  const tierName = m.enterprises.tiers[state.tier] ?? rung?.tierName ?? state.tier;
  const { message } = App.useApp();
  const pool = useTracksFromScreening();
  const year = dayjs().year();
  const poolable =
    state.status === 'eligible' || state.status === 'close' || state.status === 'unknown'
      ? state.status
      : undefined;

  const addToPool = () => {
    if (!poolable) return;
    pool.mutate(
      { runId: run.id, tier: state.tier, status: poolable, year },
      {
        onSuccess: ({ added }) => message.success(fill(c.pool.added, { n: added })),
        onError: (err) => message.error(err.message),
      },
    );
  };

  return (
    <Card
      title={fill(c.results.title, { tier: tierName })}
      data-testid="tier-results"
      extra={
        <Flex gap={8}>
          {canPool && poolable && (
            <Tooltip title={fill(c.pool.addHint, { status: c.standings[poolable], year })}>
              <Button
                icon={<PlusOutlined />}
                onClick={addToPool}
                loading={pool.isPending}
                disabled={(rung?.[poolable] ?? 1) === 0}
                data-testid="pool-add"
              >
                {c.pool.add}
              </Button>
            </Tooltip>
          )}
          <Button
            icon={<DownloadOutlined />}
            href={resultsExportUrl(run.id, filter)}
            download
            data-testid="results-export"
          >
            {c.results.export}
          </Button>
        </Flex>
      }
    >
      <Flex gap={16} wrap align="center" justify="space-between" style={{ marginBottom: 16 }}>
        <Segmented<StandingFilter>
          value={state.status}
          onChange={(v) => update({ status: v })}
          data-testid="standing-filter"
          options={STANDING_FILTERS.map((f) => {
            const n = count(rung, f);
            const label = f === 'all' ? c.all : c.standings[f];
            return { value: f, label: n === undefined ? label : `${label} ${n}` };
          })}
        />
        <Input.Search
          allowClear
          defaultValue={state.q}
          key={`${run.id}:${state.tier}`}
          placeholder={c.results.search}
          onSearch={(q) => update({ q: q.trim() || undefined })}
          style={{ width: 280 }}
          data-testid="results-search"
        />
      </Flex>
      <Table<ScreeningResultItem>
        rowKey="enterpriseId"
        size="middle"
        dataSource={list.data?.items ?? []}
        loading={list.isFetching && !list.data}
        locale={{ emptyText: list.error ? list.error.message : c.results.empty }}
        data-testid="results-table"
        scroll={{ x: 1100 }}
        pagination={{
          current: state.page,
          pageSize: state.pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { total }),
          onChange: (page, pageSize) => update({ page, pageSize }),
        }}
        columns={[
          {
            title: c.results.name,
            key: 'name',
            width: 260,
            render: (_, r) => (
              <Flex vertical>
                <Link
                  to={`/enterprises/${r.enterpriseId}?date=${run.assessedOn}&run=${run.id}`}
                  data-testid="result-name"
                >
                  {r.name}
                </Link>
                {r.uscc && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {r.uscc}
                  </Typography.Text>
                )}
              </Flex>
            ),
          },
          {
            title: c.results.status,
            key: 'status',
            width: 130,
            render: (_, r) => (
              <Flex vertical gap={2} align="flex-start">
                <StandingTag status={r.status} testId="result-status" />
                <Movement now={r.status} before={r.previousStatus} />
              </Flex>
            ),
          },
          {
            title: c.results.score,
            key: 'score',
            width: 90,
            align: 'right',
            render: (_, r) => <ScoreCell r={r} c={c} />,
          },
          {
            title: c.results.unmet,
            key: 'unmet',
            render: (_, r) => <UnmetCell r={r} c={c} />,
          },
          {
            title: c.results.gap,
            key: 'gap',
            render: (_, r) => <GapCell r={r} c={c} />,
          },
          {
            title: c.results.heldUntil,
            key: 'heldUntil',
            width: 110,
            render: (_, r) => {
              if (r.status !== 'holding' || !r.heldUntil) return '—';
              return r.heldUntil.startsWith('9999') ? c.results.noExpiry : r.heldUntil;
            },
          },
        ]}
      />
    </Card>
  );
}
