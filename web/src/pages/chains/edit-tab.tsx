/** 编辑 (admins): a template of the platform is read-only — say so and offer to copy it to the org; the
 *  org's own chain shows as a tree (the 上游/中游/下游 segments fixed as roots) whose nodes can be dragged
 *  onto another node to move under it, with the selected node's form on the right, 添加下级节点 and
 *  删除. The server has the last word on every change: its refusals (a move deeper than three levels,
 *  a stale version) are shown as it words them. */
import { DeleteOutlined, LockOutlined, PlusOutlined } from '@ant-design/icons';
import type { TreeDataNode, TreeProps } from 'antd';
import { Alert, App, Button, Empty, Flex, Form, Modal, Popconfirm, Tooltip, Tree, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import type { Me } from '../../../../src/shared/api';
import {
  type ChainList,
  type ChainNode,
  type ChainTree,
  useCreateNode,
  useDeleteNode,
  useUpdateNode,
} from '../../api/chains';
import { isApiError } from '../../api/client';
import { useApiError } from '../../components/use-api-error';
import { useMessages } from '../../i18n';
import { fill } from '../../i18n/fill';
import { CopyChainButton } from './edit-copy';
import { cleanFields, type FieldValues, NodeFieldItems } from './edit-fields';
import { useEditMessages } from './edit-i18n';
import { NodeForm, subtreeOf } from './edit-node-form';
import { indexNodes, type NodeIndex } from './tree';

const MAX_DEPTH = 3;

function ReadOnly({
  tree,
  chains,
  me,
  onSwitch,
}: {
  tree: ChainTree;
  chains: ChainList;
  me: Me;
  onSwitch: (id: string) => void;
}) {
  const e = useEditMessages();
  return (
    <Flex vertical gap={16} style={{ maxWidth: 820, padding: '8px 0 16px' }} data-testid="edit-read-only">
      <Alert
        type="info"
        showIcon
        icon={<LockOutlined />}
        title={fill(e.readOnlyTitle, { name: tree.chain.name, org: tree.chain.orgName })}
        description={e.readOnlyText}
      />
      <div>
        <CopyChainButton chain={tree.chain} chains={chains} me={me} onCopied={onSwitch} />
      </div>
    </Flex>
  );
}

function AddChildModal({
  parent,
  parentName,
  onClose,
  onAdded,
}: {
  parent: ChainNode;
  parentName: string;
  onClose: () => void;
  onAdded: (id: string) => void;
}) {
  const e = useEditMessages();
  const { message } = App.useApp();
  const showError = useApiError();
  const create = useCreateNode();
  const [form] = Form.useForm<FieldValues>();
  const submit = (v: FieldValues) => {
    const fields = cleanFields(v);
    create.mutate(
      { parentId: parent.id, ...fields },
      {
        onSuccess: (row) => {
          message.success(fill(e.added, { name: fields.name }));
          onAdded(row.id);
        },
        onError: (err) => showError(err, form),
      },
    );
  };
  return (
    <Modal
      open
      title={fill(e.addTitle, { parent: parentName })}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending}
      okButtonProps={{ 'data-testid': 'edit-add-ok' }}
      destroyOnHidden
      width={560}
    >
      <Form<FieldValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        requiredMark={false}
        initialValues={{ keywords: [], products: [], technologies: [], industryCodes: [] }}
        data-testid="edit-add-form"
      >
        <NodeFieldItems prefix="add" />
      </Form>
    </Modal>
  );
}

function titleOf(n: ChainNode, segmentName: (n: ChainNode) => string) {
  if (n.depth === 0)
    return (
      <Typography.Text strong data-testid={`edit-tree-node-${n.segment}`}>
        {segmentName(n)}
      </Typography.Text>
    );
  return <span data-testid={`edit-tree-node-${n.name}`}>{n.name}</span>;
}

function Editor({ tree }: { tree: ChainTree }) {
  const e = useEditMessages();
  const c = useMessages().chains;
  const { message } = App.useApp();
  const showError = useApiError();
  const update = useUpdateNode();
  const remove = useDeleteNode();
  const index: NodeIndex = useMemo(() => indexNodes(tree.nodes), [tree]);
  const [selected, setSelected] = useState<string | undefined>();
  const [adding, setAdding] = useState(false);
  // Everything open but what the admin folded, so added and moved nodes show at once.
  const [folded, setFolded] = useState<ReadonlySet<string>>(new Set());
  const expanded = tree.nodes.filter((n) => !folded.has(n.id)).map((n) => n.id);
  const node = selected ? index.byId.get(selected) : undefined;
  const segmentName = useCallback((n: Pick<ChainNode, 'segment'>) => c.segments[n.segment], [c]);
  const below = node ? subtreeOf(index, node.id).size - 1 : 0;

  const data = useMemo(() => {
    const build = (parentId: string | null): TreeDataNode[] =>
      index.children(parentId).map((n) => ({
        key: n.id,
        title: titleOf(n, segmentName),
        children: build(n.id),
      }));
    return build(null);
  }, [index, segmentName]);

  const move = (n: ChainNode, parentId: string) => {
    const parent = index.byId.get(parentId);
    if (!parent) return;
    if (subtreeOf(index, n.id).has(parentId)) {
      message.error(e.moveSelf);
      return;
    }
    if (n.parentId === parentId) {
      message.info(e.moveSame);
      return;
    }
    update.mutate(
      { id: n.id, version: n.version, parentId },
      {
        onSuccess: () => {
          message.success(
            fill(e.moved, { name: n.name, parent: parent.depth === 0 ? segmentName(parent) : parent.name }),
          );
          setFolded((f) => new Set([...f].filter((k) => k !== parentId)));
        },
        onError: (err) => {
          if (isApiError(err, 'conflict.stale')) message.warning(e.stale);
          else showError(err);
        },
      },
    );
  };

  const onDrop: TreeProps['onDrop'] = (info) => {
    const dragged = index.byId.get(String(info.dragNode.key));
    const target = index.byId.get(String(info.node.key));
    if (!dragged || !target) return;
    // Onto a node: under it. Into the gap beside a node: under that node's parent.
    const parentId = info.dropToGap ? target.parentId : target.id;
    if (!parentId) return;
    move(dragged, parentId);
  };

  const del = () => {
    if (!node) return;
    remove.mutate(
      { id: node.id, version: node.version },
      {
        onSuccess: (r) => {
          message.success(fill(e.deleted, { n: r.deleted }));
          setSelected(node.parentId ?? undefined);
        },
        onError: (err) => {
          if (isApiError(err, 'conflict.stale')) message.warning(e.stale);
          else showError(err);
        },
      },
    );
  };

  const canAdd = !!node && node.depth < MAX_DEPTH;
  return (
    <Flex gap={24} align="flex-start" style={{ paddingTop: 4 }} data-testid="chain-editor">
      <Flex vertical gap={8} style={{ width: 420, flex: 'none' }}>
        <Flex justify="space-between" align="center" gap={8}>
          <Typography.Text strong>{e.treeTitle}</Typography.Text>
          <Flex gap={8}>
            <Tooltip title={node && !canAdd ? e.maxDepth : undefined}>
              <Button
                size="small"
                icon={<PlusOutlined />}
                disabled={!canAdd}
                onClick={() => setAdding(true)}
                data-testid="edit-add"
              >
                {e.addChild}
              </Button>
            </Tooltip>
            <Popconfirm
              title={below ? fill(e.delConfirm, { n: below }) : e.delConfirmLeaf}
              onConfirm={del}
              disabled={!node || node.depth === 0}
              okButtonProps={{ danger: true, 'data-testid': 'edit-delete-ok' }}
            >
              <Button
                size="small"
                danger
                icon={<DeleteOutlined />}
                disabled={!node || node.depth === 0}
                loading={remove.isPending}
                data-testid="edit-delete"
              >
                {e.del}
              </Button>
            </Popconfirm>
          </Flex>
        </Flex>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {e.treeHint}
        </Typography.Text>
        <div
          style={{
            border: '1px solid #f0f0f0',
            borderRadius: 8,
            padding: '8px 4px',
            maxHeight: 'max(420px, calc(100vh - 240px))',
            overflow: 'auto',
          }}
          data-testid="edit-tree"
        >
          <Tree
            blockNode
            draggable={{ icon: false, nodeDraggable: (n) => (index.byId.get(String(n.key))?.depth ?? 0) > 0 }}
            allowDrop={({ dragNode, dropNode, dropPosition }) => {
              const target = index.byId.get(String(dropNode.key));
              if (!target) return false;
              const parentId = dropPosition === 0 ? target.id : target.parentId;
              return !!parentId && !subtreeOf(index, String(dragNode.key)).has(parentId);
            }}
            onDrop={onDrop}
            treeData={data}
            expandedKeys={expanded}
            onExpand={(keys) => {
              const open = new Set(keys.map(String));
              setFolded(new Set(tree.nodes.filter((n) => !open.has(n.id)).map((n) => n.id)));
            }}
            selectedKeys={selected ? [selected] : []}
            // Clicking the selected node again keeps it selected.
            onSelect={(_, info) => setSelected(String(info.node.key))}
          />
        </div>
      </Flex>
      <div
        style={{
          flex: 1,
          minWidth: 0,
          border: '1px solid #f0f0f0',
          borderRadius: 8,
          padding: 20,
        }}
        data-testid="edit-panel"
      >
        {node ? (
          <NodeForm
            key={`${node.id}:${node.version}`}
            index={index}
            node={node}
            segmentName={segmentName}
            onMove={move}
            moving={update.isPending}
          />
        ) : (
          <Empty description={e.pick} style={{ margin: '48px 0' }} />
        )}
      </div>
      {adding && node && (
        <AddChildModal
          parent={node}
          parentName={node.depth === 0 ? segmentName(node) : node.name}
          onClose={() => setAdding(false)}
          onAdded={(id) => {
            setAdding(false);
            setFolded((f) => new Set([...f].filter((k) => k !== node.id)));
            setSelected(id);
          }}
        />
      )}
    </Flex>
  );
}

export function EditTab({
  tree,
  chains,
  me,
  onSwitch,
}: {
  tree: ChainTree;
  chains: ChainList;
  me: Me;
  onSwitch: (id: string) => void;
}) {
  if (!tree.chain.editable) return <ReadOnly tree={tree} chains={chains} me={me} onSwitch={onSwitch} />;
  return <Editor key={tree.chain.id} tree={tree} />;
}
