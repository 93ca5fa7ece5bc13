/** 技术委员会: the assigned experts (a conflicted one marked with the reason and left out of the score),
 *  who has submitted, each expert's 1–9 scores once the viewer may see them, and the panel's aggregate
 *  with its spread and a 需讨论 tag when the experts disagree. Admins assign experts from the registry;
 *  the server checks each for conflicts of interest. */
import { TeamOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Flex,
  Select,
  Statistic,
  Table,
  type TableColumnsType,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useState } from 'react';
import {
  type Committee,
  DIMENSIONS,
  type Evaluation,
  type PanelMember,
  useAssignExperts,
  useExperts,
} from '../../api/evaluation';
import { useApiError } from '../../components/use-api-error';
import { useMessages } from '../../i18n';
import { fill } from '../../i18n/fill';

const REC_COLOR: Record<string, string> = { 支持: 'green', 有条件支持: 'gold', 不支持: 'red' };

function AssignExperts({ ev }: { ev: Evaluation }) {
  const a = useMessages().evaluation.assign;
  const { message } = App.useApp();
  const showError = useApiError();
  const experts = useExperts();
  const assign = useAssignExperts(ev.id);
  const [chosen, setChosen] = useState<string[]>([]);
  const assigned = new Set(ev.panel.members.map((x) => x.expertId));
  const options = (experts.data?.items ?? [])
    .filter((e) => e.active && !assigned.has(e.id))
    .map((e) => ({
      value: e.id,
      label: [e.name, e.affiliation, e.fields.join('、')].filter(Boolean).join(' · '),
    }));
  return (
    <Flex gap={8} align="center">
      <Select
        mode="multiple"
        value={chosen}
        onChange={setChosen}
        options={options}
        loading={experts.isPending}
        placeholder={a.placeholder}
        notFoundContent={a.noExperts}
        optionFilterProp="label"
        style={{ width: 360 }}
        maxTagCount="responsive"
        aria-label={a.title}
        data-testid="assign-experts"
      />
      <Button
        icon={<TeamOutlined />}
        disabled={!chosen.length}
        loading={assign.isPending}
        onClick={() =>
          assign.mutate(chosen, {
            onSuccess: () => {
              setChosen([]);
              message.success(a.done);
            },
            onError: (e) => showError(e),
          })
        }
        data-testid="assign-experts-ok"
      >
        {a.button}
      </Button>
    </Flex>
  );
}

function Aggregate({ c }: { c: Committee }) {
  const p = useMessages().evaluation.panel;
  if (!c.experts) return null;
  return (
    <Flex gap={32} align="center" wrap data-testid="committee-aggregate">
      <Statistic title={p.score9} value={c.score9 ?? '—'} />
      <Statistic title={p.score100} value={c.score100 ?? '—'} />
      <Statistic title={p.sd} value={c.sd ?? '—'} />
      <Statistic title={p.range} value={c.range ?? '—'} />
      <Flex vertical gap={4}>
        <Typography.Text type="secondary">
          {c.experts === 1 ? p.expertOne : fill(p.experts, { n: c.experts })}
        </Typography.Text>
        {c.excluded > 0 && (
          <Typography.Text type="secondary">{fill(p.excluded, { n: c.excluded })}</Typography.Text>
        )}
        {c.trimmed && <Typography.Text type="secondary">{p.trimmed}</Typography.Text>}
      </Flex>
      {c.discuss && (
        <Tooltip title={p.discussHint}>
          <Tag color="red" style={{ fontSize: 14, padding: '2px 10px' }} data-testid="committee-discuss">
            {p.discuss}
          </Tag>
        </Tooltip>
      )}
    </Flex>
  );
}

function State({ x }: { x: PanelMember }) {
  const p = useMessages().evaluation.panel;
  if (x.conflicted)
    return (
      <Flex vertical gap={2}>
        <span>
          <Tag color="red">{p.conflicted}</Tag>
        </span>
        <Typography.Text type="danger" style={{ fontSize: 12 }} data-testid="member-conflict">
          {x.conflict?.reason ?? p.conflictedHint}
        </Typography.Text>
      </Flex>
    );
  return x.submitted ? <Tag color="green">{p.submitted}</Tag> : <Tag>{p.pending}</Tag>;
}

export function CommitteeSection({ ev, canAssign }: { ev: Evaluation; canAssign: boolean }) {
  const m = useMessages().evaluation;
  const p = m.panel;
  const { panel, committee } = ev;
  const hidden = (x: PanelMember) =>
    x.submitted && !x.scores ? (
      <Typography.Text type="secondary" data-testid="member-hidden">
        {p.hidden}
      </Typography.Text>
    ) : (
      '—'
    );
  const columns: TableColumnsType<PanelMember> = [
    {
      key: 'name',
      title: p.members,
      width: 110,
      render: (_, x) => (
        <span>
          {x.name}
          {x.mine && <Tag style={{ marginInlineStart: 6 }}>{p.me}</Tag>}
        </span>
      ),
    },
    { key: 'affiliation', title: p.affiliation, width: 130, render: (_, x) => x.affiliation ?? '—' },
    { key: 'state', title: p.state, width: 180, render: (_, x) => <State x={x} /> },
    ...DIMENSIONS.map((d, n) => ({
      key: d,
      title: m.dimensions[d],
      width: 70,
      align: 'center' as const,
      onCell: (x: PanelMember) => ({ colSpan: x.scores ? 1 : n === 0 ? DIMENSIONS.length : 0 }),
      render: (_: unknown, x: PanelMember) => (x.scores ? (x.scores[d] ?? '—') : hidden(x)),
    })),
    {
      key: 'recommendation',
      title: p.recommendation,
      width: 100,
      render: (_, x) =>
        x.recommendation ? (
          <Tag color={REC_COLOR[x.recommendation]}>{m.recommendations[x.recommendation]}</Tag>
        ) : (
          '—'
        ),
    },
    {
      key: 'comments',
      title: p.comments,
      ellipsis: { showTitle: true },
      render: (_, x) => x.comments ?? '—',
    },
  ];
  return (
    <Card
      title={m.sections.committee}
      extra={canAssign && <AssignExperts ev={ev} />}
      data-testid="evaluation-committee"
    >
      <Flex vertical gap={16}>
        {panel.blind && <Alert type="info" showIcon title={p.blind} data-testid="committee-blind" />}
        {panel.warning && panel.members.length > 0 && (
          <Alert type="warning" showIcon title={panel.warning} data-testid="committee-warning" />
        )}
        {committee && <Aggregate c={committee} />}
        <Table<PanelMember>
          rowKey="expertId"
          size="small"
          columns={columns}
          dataSource={panel.members}
          pagination={false}
          scroll={{ x: 900 }}
          locale={{ emptyText: canAssign ? p.empty : p.emptyAskAdmin }}
          onRow={(x) => ({ className: 'committee-member', 'data-testid': `member-${x.name}` })}
          data-testid="committee-members"
        />
      </Flex>
    </Card>
  );
}
