/** 靶向招商 in a node's drawer: the target universe ranked for the node with the org's weights — rank,
 *  firm, score and the six factors — each row expanding to every factor's weight, points and reason.
 *  Admins and officers save the ranking as a 目标清单; admins change the weights. */
import { AimOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Form, Input, InputNumber, Modal, Table, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { type TargetItem, useSaveTargetList, useTargets } from '../../api/chains';
import { useApiError } from '../../components/use-api-error';
import { useMessages } from '../../i18n';
import { fill } from '../../i18n/fill';
import { FactorBars, FactorTable, ScoreCell, WeightTags } from './target-factors';
import { WeightsButton } from './weights-modal';

const LIMIT = 50;

function SaveListButton({
  nodeId,
  chainName,
  nodeName,
  empty,
}: {
  nodeId: string;
  chainName: string;
  nodeName: string;
  /** Nobody to target: there is no list worth saving. */
  empty: boolean;
}) {
  const t = useMessages().chains.targets;
  const s = t.save;
  const { message } = App.useApp();
  const showError = useApiError();
  const save = useSaveTargetList();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ name: string; limit: number }>();
  const submit = (v: { name: string; limit: number }) =>
    save.mutate(
      { nodeId, name: v.name.trim(), limit: v.limit },
      {
        onSuccess: (list) => {
          message.success(fill(s.done, { name: list.name }));
          setOpen(false);
        },
        onError: (err) => showError(err, form),
      },
    );
  return (
    <>
      <Tooltip title={empty ? s.emptyHint : undefined}>
        <Button
          type="primary"
          icon={<SaveOutlined />}
          disabled={empty}
          onClick={() => setOpen(true)}
          data-testid="target-save"
        >
          {s.button}
        </Button>
      </Tooltip>
      <Modal
        open={open}
        title={s.title}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        confirmLoading={save.isPending}
        okButtonProps={{ 'data-testid': 'target-save-ok' }}
        destroyOnHidden
        width={520}
      >
        <Typography.Paragraph type="secondary">{s.intro}</Typography.Paragraph>
        <Form
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{ name: fill(s.defaultName, { chain: chainName, node: nodeName }), limit: LIMIT }}
          data-testid="target-save-form"
        >
          <Form.Item name="name" label={s.name} rules={[{ required: true, whitespace: true, max: 80 }]}>
            <Input maxLength={80} showCount />
          </Form.Item>
          <Form.Item name="limit" label={s.limit} rules={[{ required: true }]}>
            <InputNumber
              min={1}
              max={500}
              precision={0}
              suffix={s.unit || undefined}
              style={{ width: 160 }}
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

export function NodeTargets({
  nodeId,
  chainName,
  nodeName,
  canSave,
  isAdmin,
}: {
  nodeId: string;
  chainName: string;
  nodeName: string;
  canSave: boolean;
  isAdmin: boolean;
}) {
  const t = useMessages().chains.targets;
  const r = useTargets(nodeId, LIMIT);
  const data = r.data;

  if (r.error) return <Alert type="error" showIcon title={t.loadFailed} description={r.error.message} />;
  return (
    <Flex vertical gap={12} data-testid="node-targets">
      <Flex
        justify="space-between"
        align="flex-start"
        gap={12}
        wrap
        style={{ background: '#f6f9ff', border: '1px solid #d6e4ff', borderRadius: 6, padding: '10px 14px' }}
      >
        <Flex vertical gap={6}>
          <Flex gap={8} align="center" wrap>
            <AimOutlined style={{ color: '#1656d6' }} />
            <Typography.Text strong data-testid="targets-total">
              {fill(t.total, { n: data?.total ?? 0 })}
            </Typography.Text>
            {data && data.total > data.items.length && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {fill(t.shown, { n: data.items.length })}
              </Typography.Text>
            )}
          </Flex>
          {data && (
            <Flex gap={8} align="center" wrap>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t.weightsUsed}
              </Typography.Text>
              <WeightTags weights={data.weights} />
            </Flex>
          )}
        </Flex>
        <Flex gap={8}>
          {isAdmin && <WeightsButton />}
          {canSave && (
            <SaveListButton
              nodeId={nodeId}
              chainName={data?.node.chainName ?? chainName}
              nodeName={nodeName}
              empty={data?.total === 0}
            />
          )}
        </Flex>
      </Flex>
      <Table<TargetItem>
        rowKey="enterpriseId"
        size="small"
        loading={r.isPending}
        dataSource={data?.items ?? []}
        pagination={{ pageSize: 10, hideOnSinglePage: true, size: 'small' }}
        locale={{ emptyText: t.empty }}
        expandable={{
          expandedRowRender: (x) => <FactorTable factors={x.factors} />,
          expandRowByClick: false,
        }}
        onRow={(x) => ({ className: 'target-row', 'data-testid': `target-row-${x.name}` })}
        data-testid="targets-table"
        columns={[
          {
            key: 'rank',
            title: t.col.rank,
            width: 52,
            align: 'center',
            render: (_, _x, i) => <Rank n={i + 1} />,
          },
          {
            key: 'name',
            title: t.col.name,
            render: (_, x) => (
              <Flex vertical gap={2}>
                <Link to={`/enterprises/${x.enterpriseId}`}>{x.name}</Link>
                {x.uscc && (
                  <Typography.Text
                    type="secondary"
                    style={{ fontSize: 11, fontFamily: 'ui-monospace, monospace' }}
                  >
                    {x.uscc}
                  </Typography.Text>
                )}
              </Flex>
            ),
          },
          { key: 'score', title: t.col.score, width: 86, render: (_, x) => <ScoreCell score={x.score} /> },
          {
            key: 'factors',
            title: t.col.factors,
            width: 360,
            render: (_, x) => <FactorBars factors={x.factors} />,
          },
        ]}
      />
      {data && data.items.length > 0 && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t.expandHint}
        </Typography.Text>
      )}
    </Flex>
  );
}

/** 1, 2, 3 on a coloured disc; the rest plain. */
function Rank({ n }: { n: number }) {
  const bg = n === 1 ? '#cf1322' : n === 2 ? '#fa541c' : n === 3 ? '#fa8c16' : undefined;
  return (
    <span
      style={{
        display: 'inline-flex',
        alignItems: 'center',
        justifyContent: 'center',
        width: 22,
        height: 22,
        borderRadius: '50%',
        fontSize: 12,
        fontWeight: 600,
        color: bg ? '#fff' : '#595959',
        background: bg ?? '#f0f0f0',
      }}
      data-testid="target-rank"
    >
      {n}
    </span>
  );
}
