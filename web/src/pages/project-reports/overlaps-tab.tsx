/** 重复项目协调 (leaders and admins): firms courted by more than one active project in the city. The leader
 *  picks the project to keep, then 终止其他 (the others end, their reason naming the kept one) or 协调并行
 *  (all go on, the agreement recorded). */
import { Alert, App, Button, Card, Empty, Flex, Input, Popconfirm, Spin, Table, Typography } from 'antd';
import { useState } from 'react';
import { type OverlapGroup, useOverlaps, useResolveOverlap } from '../../api/pipeline';
import type { ProjectSummary } from '../../api/projects';
import { useApiError } from '../../components/use-api-error';
import { useMessages } from '../../i18n';
import { fill } from '../../i18n/fill';
import { StageTag } from '../projects/common';
import { formatMoney, ProjectLink } from './common';

export function OverlapsTab() {
  const r = useMessages().projectReports;
  const o = r.overlaps;
  const overlaps = useOverlaps(true);
  const groups = overlaps.data?.groups ?? [];

  return (
    <Flex vertical gap={16}>
      <Typography.Text type="secondary">{o.hint}</Typography.Text>
      {overlaps.error && (
        <Alert type="error" showIcon title={r.loadFailed} description={overlaps.error.message} />
      )}
      {overlaps.isPending && <Spin />}
      {overlaps.data && groups.length === 0 && <Empty description={o.empty} />}
      {groups.map((g) => (
        <OverlapCard key={g.enterpriseId} group={g} />
      ))}
    </Flex>
  );
}

function OverlapCard({ group }: { group: OverlapGroup }) {
  const o = useMessages().projectReports.overlaps;
  const col = useMessages().projects.col;
  const { message } = App.useApp();
  const onError = useApiError();
  const resolve = useResolveOverlap();
  const [keep, setKeep] = useState<string>(group.projects[0]?.id);
  const [note, setNote] = useState('');
  const others = group.projects.filter((p) => p.id !== keep).map((p) => p.id);
  const keptName = group.projects.find((p) => p.id === keep)?.name ?? '';

  // mutateAsync: the resolved group leaves the list (and this card unmounts) before mutate's callbacks run.
  const run = (action: 'terminate' | 'coordinate') =>
    resolve
      .mutateAsync({ keepProjectId: keep, otherProjectIds: others, action, note: note.trim() || undefined })
      .then((res) =>
        message.success(
          action === 'terminate'
            ? fill(o.terminated, { name: keptName, n: others.length })
            : fill(o.coordinated, { n: res.resolved }),
        ),
      )
      .catch(onError);

  return (
    <Card
      size="small"
      title={
        <Flex gap={8} align="baseline">
          <span>{group.enterpriseName}</span>
          {group.uscc && (
            <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 12 }}>
              {group.uscc}
            </Typography.Text>
          )}
        </Flex>
      }
      extra={
        <Typography.Text type="secondary">{fill(o.projects, { n: group.projects.length })}</Typography.Text>
      }
      data-testid={`overlap-${group.enterpriseName}`}
    >
      <Table<ProjectSummary>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={group.projects}
        rowSelection={{
          type: 'radio',
          selectedRowKeys: keep ? [keep] : [],
          onChange: (keys) => setKeep(String(keys[0])),
          columnTitle: o.keep,
          columnWidth: 64,
          getCheckboxProps: (p) => ({ 'aria-label': `${o.keep} ${p.name}` }) as object,
        }}
        onRow={(p) => ({ 'data-testid': `overlap-project-${p.name}`, onClick: () => setKeep(p.id) })}
        columns={[
          {
            title: col.name,
            dataIndex: 'name',
            render: (n: string, p) => <ProjectLink id={p.id} name={n} />,
          },
          { title: col.org, dataIndex: 'orgName', width: 160 },
          { title: col.owner, dataIndex: 'ownerName', width: 100, render: (v: string | null) => v ?? '—' },
          {
            title: col.stage,
            dataIndex: 'stage',
            width: 90,
            render: (s: ProjectSummary['stage']) => <StageTag stage={s} />,
          },
          {
            title: col.investment,
            dataIndex: 'plannedInvestment',
            width: 130,
            align: 'right',
            render: (v: number | null) => formatMoney(v),
          },
        ]}
      />
      <Flex gap={8} style={{ marginTop: 12 }}>
        <Input
          value={note}
          onChange={(e) => setNote(e.target.value)}
          placeholder={o.notePlaceholder}
          aria-label={o.note}
          maxLength={500}
          data-testid="overlap-note"
        />
        <Popconfirm
          title={fill(o.terminateConfirm, { n: others.length })}
          description={o.terminateBody}
          okButtonProps={{ danger: true, 'data-testid': 'overlap-terminate-ok' }}
          onConfirm={() => run('terminate')}
        >
          <Button
            danger
            disabled={!keep || others.length === 0}
            loading={resolve.isPending}
            data-testid="overlap-terminate"
          >
            {o.terminate}
          </Button>
        </Popconfirm>
        <Button
          disabled={!keep || others.length === 0}
          loading={resolve.isPending}
          onClick={() => run('coordinate')}
          data-testid="overlap-coordinate"
        >
          {o.coordinate}
        </Button>
      </Flex>
    </Card>
  );
}
