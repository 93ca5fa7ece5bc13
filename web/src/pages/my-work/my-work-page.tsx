/** 我的工作: the signed-in user's projects whose next follow-up is due (reached or within 7 days) and those
 *  with no follow-up for longer than the org's stale days. Each name opens the project's drawer on the
 *  招商项目 page (?project=<id>). Admins and leaders change the stale days here. */
import { EditOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Flex, InputNumber, Row, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Me } from '../../../../src/shared/api';
import { hasAnyRole } from '../../api/me';
import { type MyWorkItem, useMyWork, usePipelineSettings, useSavePipelineSettings } from '../../api/pipeline';
import { PageHeader } from '../../components/page-header';
import { useApiError } from '../../components/use-api-error';
import { useMessages } from '../../i18n';
import { fill } from '../../i18n/fill';
import { formatDate } from '../../lib/format';
import { StageTag } from '../projects/common';

export const SETTINGS_EDITORS = ['admin', 'leader'] as const;

export function projectLink(id: string) {
  return `/projects?project=${id}`;
}

export function MyWorkPage({ me }: { me: Me }) {
  const m = useMessages().myWork;
  const work = useMyWork();
  const canEdit = hasAnyRole(me, SETTINGS_EDITORS);
  const today = work.data?.today ?? dayjs().format('YYYY-MM-DD');

  const base: ColumnsType<MyWorkItem> = [
    {
      title: m.col.name,
      dataIndex: 'name',
      render: (name: string, p) => (
        <Link to={projectLink(p.id)} data-testid="my-work-link">
          {name}
        </Link>
      ),
    },
    { title: m.col.firm, dataIndex: 'enterpriseName', ellipsis: true },
    {
      title: m.col.stage,
      dataIndex: 'stage',
      width: 90,
      render: (s: MyWorkItem['stage']) => <StageTag stage={s} />,
    },
    { title: m.col.owner, dataIndex: 'ownerName', width: 100, render: (v: string | null) => v ?? '—' },
  ];
  const dueColumns: ColumnsType<MyWorkItem> = [
    ...base,
    {
      title: m.col.next,
      dataIndex: 'nextFollowUpDate',
      width: 190,
      render: (d: string | null) => <DueDate date={d} today={today} />,
    },
  ];
  const staleColumns: ColumnsType<MyWorkItem> = [
    ...base,
    {
      title: m.col.last,
      dataIndex: 'lastFollowUp',
      width: 120,
      render: (d: string | null) =>
        d ? formatDate(d) : <Typography.Text type="secondary">{m.never}</Typography.Text>,
    },
    {
      title: m.col.idle,
      dataIndex: 'idleDays',
      width: 110,
      align: 'right',
      render: (n: number) => (
        <Typography.Text type="danger" data-testid="my-work-idle">
          {fill(m.idleDays, { n })}
        </Typography.Text>
      ),
    },
  ];

  const list = (key: 'due' | 'stale', columns: ColumnsType<MyWorkItem>, empty: string) => (
    <Table<MyWorkItem>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={work.data?.[key] ?? []}
      loading={work.isPending}
      pagination={false}
      locale={{ emptyText: empty }}
      onRow={(p) => ({ className: 'my-work-row', 'data-testid': `my-work-${key}-${p.name}` })}
      data-testid={`my-work-${key}`}
    />
  );

  return (
    <>
      <PageHeader
        title={m.title}
        subtitle={m.subtitle}
        extra={<Typography.Text type="secondary">{fill(m.today, { date: today })}</Typography.Text>}
      />
      {work.error && (
        <Alert
          type="error"
          showIcon
          title={m.loadFailed}
          description={work.error.message}
          style={{ marginBottom: 16 }}
        />
      )}
      <Row gutter={[16, 16]}>
        <Col span={24}>
          <Card
            title={
              <Flex gap={8} align="baseline">
                <span>{m.due}</span>
                <Tag color="blue">{work.data?.due.length ?? 0}</Tag>
                <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 13 }}>
                  {m.dueHint}
                </Typography.Text>
              </Flex>
            }
          >
            {list('due', dueColumns, m.dueEmpty)}
          </Card>
        </Col>
        <Col span={24}>
          <Card
            title={
              <Flex gap={8} align="baseline">
                <span>{m.stale}</span>
                <Tag color="orange">{work.data?.stale.length ?? 0}</Tag>
              </Flex>
            }
            extra={work.data && <StaleRule days={work.data.staleDays} canEdit={canEdit} />}
          >
            {list('stale', staleColumns, m.staleEmpty)}
          </Card>
        </Col>
      </Row>
    </>
  );
}

function DueDate({ date, today }: { date: string | null; today: string }) {
  const m = useMessages().myWork;
  if (!date) return '—';
  const days = dayjs(date).diff(dayjs(today), 'day');
  const [text, color] =
    days < 0
      ? [fill(m.overdue, { n: -days }), 'red']
      : days === 0
        ? [m.dueToday, 'orange']
        : [fill(m.inDays, { n: days }), 'blue'];
  return (
    <Flex gap={8} align="center">
      <span>{formatDate(date)}</span>
      <Tag color={color} style={{ marginInlineEnd: 0 }}>
        {text}
      </Tag>
    </Flex>
  );
}

/** “超过 N 天未跟进视为停滞”, with an inline editor for admins and leaders. */
function StaleRule({ days, canEdit }: { days: number; canEdit: boolean }) {
  const m = useMessages().myWork;
  const c = useMessages().common;
  const { message } = App.useApp();
  const onError = useApiError();
  const settings = usePipelineSettings(canEdit);
  const save = useSavePipelineSettings();
  const [editing, setEditing] = useState<number | null>(null);

  if (editing === null)
    return (
      <Flex gap={8} align="center">
        <Typography.Text type="secondary" data-testid="stale-rule">
          {fill(m.rule, { n: days })}
        </Typography.Text>
        {canEdit && (
          <Button
            size="small"
            type="link"
            icon={<EditOutlined />}
            disabled={!settings.data}
            onClick={() => setEditing(settings.data?.staleDays ?? days)}
            data-testid="stale-rule-edit"
          >
            {m.ruleEdit}
          </Button>
        )}
      </Flex>
    );
  return (
    <Flex gap={8} align="center">
      <InputNumber
        size="small"
        min={1}
        max={365}
        precision={0}
        value={editing}
        onChange={(v) => setEditing(v ?? 1)}
        suffix={m.ruleDays}
        aria-label={m.ruleDays}
        style={{ width: 110 }}
        data-testid="stale-rule-days"
      />
      <Button
        size="small"
        type="primary"
        loading={save.isPending}
        onClick={() => {
          if (!settings.data) return;
          save.mutate(
            { version: settings.data.version, staleDays: editing },
            {
              onSuccess: (s) => {
                message.success(fill(m.ruleSaved, { n: s.staleDays }));
                setEditing(null);
              },
              onError: (e) => onError(e),
            },
          );
        }}
        data-testid="stale-rule-save"
      >
        {c.save}
      </Button>
      <Button size="small" onClick={() => setEditing(null)}>
        {c.cancel}
      </Button>
    </Flex>
  );
}
