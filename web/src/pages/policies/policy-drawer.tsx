/** A policy's drawer: its facts, the conditions as Chinese sentences, the benefits, and the firms it
 *  finds under 符合 / 接近 / 待补资料 with their met and unmet clauses; writers may 生成推送清单. */
import { EditOutlined, SendOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Descriptions,
  Drawer,
  Flex,
  Input,
  Modal,
  Skeleton,
  Table,
  type TableColumnsType,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Me } from '../../../../src/shared/api';
import { hasAnyRole } from '../../api/me';
import {
  MATCH_STATUSES,
  type MatchItem,
  type MatchStatus,
  type Policy,
  type PushCreated,
  useCreatePushes,
  usePolicy,
  usePolicyMatches,
} from '../../api/policies';
import { ColleagueSelect } from '../../components/colleague-select';
import { useApiError } from '../../components/use-api-error';
import { useMessages } from '../../i18n';
import { fill } from '../../i18n/fill';
import { benefitText, ClauseList, DeadlineTag, windowText } from './format';
import { PolicyEditor } from './policy-editor';

const WRITERS = ['admin', 'leader', 'officer'] as const;

function PolicyFacts({ policy }: { policy: Policy }) {
  const p = useMessages().policies;
  const d = p.detail;
  return (
    <Flex vertical gap={16}>
      <Descriptions size="small" column={2} bordered styles={{ label: { whiteSpace: 'nowrap' } }}>
        <Descriptions.Item label={p.col.documentNo}>{policy.documentNo ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={p.col.issuer}>{policy.issuer}</Descriptions.Item>
        <Descriptions.Item label={d.window}>
          <Flex gap={8} align="center" wrap>
            {windowText(policy)}
            <DeadlineTag applyFrom={policy.applyFrom} applyTo={policy.applyTo} testId="policy-deadline" />
          </Flex>
        </Descriptions.Item>
        <Descriptions.Item label={d.valid}>
          {policy.validFrom || policy.validTo ? `${policy.validFrom ?? '…'} ~ ${policy.validTo ?? '…'}` : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={d.region}>
          {policy.regionScope ? `${policy.regionScopeName ?? ''}（${policy.regionScope}）` : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={d.org}>{policy.orgName}</Descriptions.Item>
        {policy.summary && (
          <Descriptions.Item label={d.summary} span={2}>
            {policy.summary}
          </Descriptions.Item>
        )}
      </Descriptions>
      <div data-testid="policy-conditions">
        <Typography.Title level={5}>{d.conditions}</Typography.Title>
        {policy.clauses.all.length === 0 && !policy.clauses.anyOf ? (
          <Typography.Text type="secondary">{d.noConditions}</Typography.Text>
        ) : (
          <>
            <Typography.Text type="secondary">{d.allOf}</Typography.Text>
            <ClauseList items={policy.clauses.all} />
            {policy.clauses.anyOf && policy.clauses.anyOf.length > 0 && (
              <>
                <Typography.Text type="secondary">{d.anyOf}</Typography.Text>
                <ClauseList items={policy.clauses.anyOf} />
              </>
            )}
          </>
        )}
      </div>
      <div data-testid="policy-benefits">
        <Typography.Title level={5}>{d.benefits}</Typography.Title>
        <ClauseList items={policy.benefits.map((b) => benefitText(b, p))} />
      </div>
    </Flex>
  );
}

function FirmTable({ policyId, status }: { policyId: string; status: MatchStatus }) {
  const { t } = useTranslation();
  const p = useMessages().policies;
  const [q, setQ] = useState('');
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const matches = usePolicyMatches(policyId, { status, q: q || undefined, ...paging });
  const columns: TableColumnsType<MatchItem> = [
    {
      key: 'name',
      title: p.firm,
      width: 220,
      render: (_, r) => (
        <Flex vertical>
          <Link to={`/enterprises/${r.enterpriseId}`}>{r.name}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.orgName}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'met',
      title: p.met,
      render: (_, r) => <ClauseList items={r.met.map((c) => c.text)} type="success" />,
    },
    {
      key: 'unmet',
      title: status === 'unknown' ? p.missing : p.unmet,
      render: (_, r) =>
        status === 'unknown' ? (
          <ClauseList items={r.missing.map((m) => `${m.clause}${p.colon}${m.data}`)} type="warning" />
        ) : (
          <ClauseList items={r.unmet.map((c) => c.text)} type="danger" />
        ),
    },
    {
      key: 'push',
      title: p.push,
      width: 90,
      render: (_, r) =>
        r.push ? (
          <Tag color={r.push.status === 'told' ? 'green' : 'orange'}>{p.pushStatuses[r.push.status]}</Tag>
        ) : (
          <Typography.Text type="secondary">{p.notPushed}</Typography.Text>
        ),
    },
  ];
  return (
    <Flex vertical gap={8}>
      <Typography.Text type="secondary">{p.matchHints[status]}</Typography.Text>
      <Input.Search
        allowClear
        style={{ maxWidth: 300 }}
        onSearch={(v) => {
          setQ(v.trim());
          setPaging((s) => ({ ...s, page: 1 }));
        }}
      />
      <Table<MatchItem>
        rowKey="enterpriseId"
        size="small"
        columns={columns}
        dataSource={matches.data?.items ?? []}
        loading={matches.isFetching && !matches.data}
        locale={{ emptyText: matches.error ? matches.error.message : p.noFirms }}
        data-testid={`matches-${status}`}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: matches.data?.total ?? 0,
          showTotal: (total) => t('common.total', { total }),
          onChange: (page, pageSize) => setPaging({ page, pageSize }),
        }}
      />
    </Flex>
  );
}

/** 生成推送清单: one to-tell entry per firm that qualifies now, owned by whoever is to tell them — the
 *  user by default, or a colleague they hand the list to. */
function GeneratePushes({
  policy,
  me,
  onDone,
}: {
  policy: Policy;
  me: Me;
  onDone: (r: PushCreated) => void;
}) {
  const p = useMessages().policies;
  const { message } = App.useApp();
  const showError = useApiError();
  const create = useCreatePushes(policy.id);
  const [open, setOpen] = useState(false);
  const [ownerId, setOwnerId] = useState(me.id);
  const send = () =>
    create.mutateAsync(ownerId === me.id ? undefined : ownerId).then(
      (r) => {
        setOpen(false);
        onDone(r);
        // Nothing to tell is not a success to celebrate: say why the list is empty.
        if (r.created + r.existing === 0) message.info(p.generatedNone);
        else message.success(generatedText(p, r));
      },
      (e) => showError(e),
    );
  return (
    <>
      <Button
        type="primary"
        icon={<SendOutlined />}
        disabled={policy.status !== 'published'}
        onClick={() => setOpen(true)}
        data-testid="push-generate"
      >
        {p.generate}
      </Button>
      <Modal
        open={open}
        title={p.generate}
        onCancel={() => setOpen(false)}
        onOk={send}
        okText={p.generateOk}
        okButtonProps={{ loading: create.isPending, id: 'push-generate-ok' }}
        destroyOnHidden
        data-testid="push-generate-modal"
      >
        <Typography.Paragraph>{p.generateConfirm}</Typography.Paragraph>
        <Flex vertical gap={4}>
          <Typography.Text>{p.pushOwner}</Typography.Text>
          <ColleagueSelect
            roles={['officer', 'leader']}
            value={ownerId}
            onChange={setOwnerId}
            current={{ id: me.id, name: me.displayName }}
            testId="push-owner"
          />
        </Flex>
      </Modal>
    </>
  );
}

/** The result of 生成推送清单, naming pushes taken over from an owner who could no longer act. */
function generatedText(p: { generated: string; reassigned: string }, r: PushCreated) {
  return fill(p.generated, r) + (r.reassigned ? fill(p.reassigned, r) : '');
}

export function PolicyDrawer({ id, me, onClose }: { id: string; me: Me; onClose: () => void }) {
  const p = useMessages().policies;
  const policy = usePolicy(id);
  const counts = usePolicyMatches(id, { status: 'match', pageSize: 1 });
  const [created, setCreated] = useState<PushCreated | null>(null);
  const [tab, setTab] = useState<MatchStatus>('match');
  const [editing, setEditing] = useState(false);
  const canWrite = hasAnyRole(me, WRITERS);
  const c = counts.data?.counts;

  return (
    <Drawer
      open
      size={980}
      onClose={onClose}
      title={policy.data?.title ?? p.title}
      extra={
        policy.data &&
        canWrite && (
          <Flex gap={8}>
            {policy.data.editable && (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="policy-edit">
                {p.editor.edit}
              </Button>
            )}
            <GeneratePushes policy={policy.data} me={me} onDone={setCreated} />
          </Flex>
        )
      }
      data-testid="policy-drawer"
    >
      {policy.isPending ? (
        <Skeleton active />
      ) : policy.error ? (
        <Alert type="error" title={policy.error.message} />
      ) : (
        <Flex vertical gap={16}>
          {created && (
            <Alert
              type={created.created + created.existing === 0 ? 'info' : 'success'}
              showIcon
              closable
              onClose={() => setCreated(null)}
              title={created.created + created.existing === 0 ? p.generatedNone : generatedText(p, created)}
              data-testid="push-result"
            />
          )}
          {editing && <PolicyEditor policy={policy.data} onClose={() => setEditing(false)} />}
          <PolicyFacts policy={policy.data} />
          <Typography.Title level={5} style={{ margin: 0 }}>
            {p.detail.firms}
          </Typography.Title>
          <Tabs
            activeKey={tab}
            onChange={(k) => setTab(k as MatchStatus)}
            data-testid="match-tabs"
            items={MATCH_STATUSES.map((s) => ({
              key: s,
              label: (
                <span data-testid={`match-tab-${s}`}>
                  {p.match[s]}
                  {c ? ` ${c[s]}` : ''}
                </span>
              ),
              children: <FirmTable policyId={id} status={s} />,
            }))}
          />
        </Flex>
      )}
    </Drawer>
  );
}
