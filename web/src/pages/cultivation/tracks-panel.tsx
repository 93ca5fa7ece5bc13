/** 培育路径: the year's firms in the pool, per tier and stage (发现 → 服务 → 申报 → 认定 / 未通过), with
 *  who is in charge, the batch and the last change; 推进 moves a firm on, the row opens its history. */
import { Button, Card, Checkbox, Flex, Select, Table, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  nextStages,
  STAGES,
  type Stage,
  TIERS,
  type Tier,
  type Track,
  useTracks,
} from '../../api/cultivation';
import { useMessages } from '../../i18n';
import { MoveTrackModal } from './move-track-modal';
import { STAGE_COLOR, StageTag, YearSelect } from './stage';

function History({ track }: { track: Track }) {
  const c = useMessages().cultivation;
  return (
    <Flex vertical gap={8} style={{ paddingInlineStart: 8 }}>
      <Typography.Text strong>{c.tracks.history}</Typography.Text>
      <Timeline
        data-testid="track-history"
        items={track.history.map((e) => ({
          color: STAGE_COLOR[e.stage],
          children: (
            <Flex vertical>
              <Typography.Text>
                {c.stages[e.stage]} · {e.byName} · {dayjs(e.at).format('YYYY-MM-DD HH:mm')}
              </Typography.Text>
              {e.note && <Typography.Text type="secondary">{e.note}</Typography.Text>}
            </Flex>
          ),
        }))}
      />
      {track.reason && (
        <Typography.Text type="danger">
          {c.tracks.reason}
          {c.colon}
          {track.reason}
        </Typography.Text>
      )}
    </Flex>
  );
}

export function TracksPanel({
  year,
  onYear,
  canMove,
}: {
  year: number;
  onYear: (year: number) => void;
  canMove: boolean;
}) {
  const { t } = useTranslation();
  const m = useMessages();
  const c = m.cultivation;
  const [tier, setTier] = useState<Tier>();
  const [stage, setStage] = useState<Stage>();
  const [mine, setMine] = useState(false);
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [moving, setMoving] = useState<Track>();
  const list = useTracks({ year, tier, stage, mine, ...page });
  const first = (f: () => void) => {
    f();
    setPage((p) => ({ ...p, page: 1 }));
  };

  return (
    <Card title={c.tracks.title} data-testid="tracks-panel">
      <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
        <YearSelect value={year} onChange={(y) => first(() => onYear(y))} />
        <Select<Tier>
          allowClear
          value={tier}
          onChange={(v) => first(() => setTier(v))}
          placeholder={c.tracks.allTiers}
          style={{ width: 180 }}
          aria-label={c.tracks.tier}
          data-testid="tracks-tier"
          options={TIERS.map((x) => ({ value: x, label: m.enterprises.tiers[x] ?? x }))}
        />
        <Select<Stage>
          allowClear
          value={stage}
          onChange={(v) => first(() => setStage(v))}
          placeholder={c.tracks.allStages}
          style={{ width: 140 }}
          aria-label={c.tracks.stage}
          data-testid="tracks-stage"
          options={STAGES.map((x) => ({ value: x, label: c.stages[x] }))}
        />
        <Checkbox
          checked={mine}
          onChange={(e) => first(() => setMine(e.target.checked))}
          data-testid="tracks-mine"
        >
          {c.tracks.mine}
        </Checkbox>
      </Flex>
      <Table<Track>
        rowKey="id"
        size="middle"
        dataSource={list.data?.items ?? []}
        loading={list.isFetching && !list.data}
        locale={{ emptyText: list.error ? list.error.message : c.tracks.empty }}
        data-testid="tracks-table"
        expandable={{ expandedRowRender: (r) => <History track={r} /> }}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { total }),
          onChange: (p, pageSize) => setPage({ page: p, pageSize }),
        }}
        columns={[
          {
            title: c.tracks.firm,
            key: 'firm',
            render: (_, r) => (
              <Link to={`/enterprises/${r.enterpriseId}`} data-testid="track-firm">
                {r.enterpriseName}
              </Link>
            ),
          },
          {
            title: c.tracks.tier,
            key: 'tier',
            width: 170,
            render: (_, r) => m.enterprises.tiers[r.tier] ?? r.tierName,
          },
          {
            title: c.tracks.stage,
            key: 'stage',
            width: 100,
            render: (_, r) => <StageTag stage={r.stage} testId="track-stage" />,
          },
          { title: c.tracks.owner, key: 'owner', width: 120, render: (_, r) => r.ownerName ?? '—' },
          { title: c.tracks.batch, key: 'batch', width: 110, render: (_, r) => r.batch ?? '—' },
          {
            title: c.tracks.updatedAt,
            key: 'updatedAt',
            width: 150,
            render: (_, r) => dayjs(r.updatedAt).format('YYYY-MM-DD HH:mm'),
          },
          ...(canMove
            ? [
                {
                  title: c.tracks.actions,
                  key: 'actions',
                  width: 100,
                  render: (_: unknown, r: Track) =>
                    nextStages(r.stage).length > 0 ? (
                      <Button size="small" onClick={() => setMoving(r)} data-testid="track-move">
                        {c.tracks.move}
                      </Button>
                    ) : (
                      <Typography.Text type="secondary">{c.tracks.ended}</Typography.Text>
                    ),
                },
              ]
            : []),
        ]}
      />
      {moving && <MoveTrackModal track={moving} onClose={() => setMoving(undefined)} />}
    </Card>
  );
}
