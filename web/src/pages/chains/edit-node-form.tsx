/** The right-hand side of 编辑: the selected node's place in the chain, its fields saved with the version
 *  read (a stale version reloads the chain and says so), and 移动到… — the same move as dragging in the
 *  tree, for the keyboard: the node itself and its descendants cannot be picked. */
import { Alert, App, Button, Flex, Form, TreeSelect, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { type ChainNode, useUpdateNode } from '../../api/chains';
import { isApiError } from '../../api/client';
import { useApiError } from '../../components/use-api-error';
import { cleanFields, type FieldValues, NodeFieldItems } from './edit-fields';
import { useEditMessages } from './edit-i18n';
import { type NodeIndex, pathOf } from './tree';

/** The ids of a node's subtree, the node included. */
export function subtreeOf(index: NodeIndex, id: string): Set<string> {
  const out = new Set<string>([id]);
  const walk = (pid: string) => {
    for (const k of index.children(pid)) {
      out.add(k.id);
      walk(k.id);
    }
  };
  walk(id);
  return out;
}

type TreeSelectNode = { value: string; title: string; disabled: boolean; children: TreeSelectNode[] };

function MoveControl({
  index,
  node,
  segmentName,
  onMove,
  moving,
}: {
  index: NodeIndex;
  node: ChainNode;
  segmentName: (n: Pick<ChainNode, 'segment'>) => string;
  onMove: (node: ChainNode, parentId: string) => void;
  moving: boolean;
}) {
  const e = useEditMessages();
  const [target, setTarget] = useState<string | undefined>();
  const data = useMemo(() => {
    const banned = subtreeOf(index, node.id);
    const build = (parentId: string | null): TreeSelectNode[] =>
      index.children(parentId).map((n) => ({
        value: n.id,
        title: n.depth === 0 ? segmentName(n) : n.name,
        disabled: banned.has(n.id) || n.id === node.parentId,
        children: build(n.id),
      }));
    return build(null);
  }, [index, node, segmentName]);
  return (
    <Flex gap={8} align="center">
      <TreeSelect
        value={target}
        onChange={setTarget}
        treeData={data}
        treeDefaultExpandAll
        showSearch={{ treeNodeFilterProp: 'title' }}
        placeholder={e.moveTo}
        aria-label={e.moveTo}
        style={{ flex: 1, minWidth: 0 }}
        listHeight={360}
        data-testid="edit-move-select"
      />
      <Button
        disabled={!target}
        loading={moving}
        onClick={() => target && onMove(node, target)}
        data-testid="edit-move"
      >
        {e.move}
      </Button>
    </Flex>
  );
}

export function NodeForm({
  index,
  node,
  segmentName,
  onMove,
  moving,
}: {
  index: NodeIndex;
  node: ChainNode;
  segmentName: (n: Pick<ChainNode, 'segment'>) => string;
  onMove: (node: ChainNode, parentId: string) => void;
  moving: boolean;
}) {
  const e = useEditMessages();
  const { message } = App.useApp();
  const showError = useApiError();
  const update = useUpdateNode();
  const [form] = Form.useForm<FieldValues>();
  const segment = node.depth === 0;
  const path = pathOf(index, node.id);
  path[0] = segmentName(node);

  const submit = (v: FieldValues) => {
    const fields = cleanFields({ ...v, name: v.name ?? node.name });
    const body = segment
      ? { id: node.id, version: node.version, description: fields.description ?? '' }
      : { id: node.id, version: node.version, ...fields, description: fields.description ?? '' };
    update.mutate(body, {
      onSuccess: () => message.success(e.saved),
      onError: (err) => {
        if (isApiError(err, 'conflict.stale')) message.warning(e.stale);
        else showError(err, form);
      },
    });
  };

  return (
    <Flex vertical gap={12}>
      <div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="edit-node-path">
          {path.join(' › ')}
        </Typography.Text>
        <Typography.Title level={5} style={{ margin: '2px 0 0' }} data-testid="edit-node-title">
          {segment ? segmentName(node) : node.name}
        </Typography.Title>
      </div>
      {segment && <Alert type="info" showIcon title={e.segmentFixed} />}
      <Form<FieldValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          name: segment ? segmentName(node) : node.name,
          description: node.description ?? '',
          keywords: node.keywords,
          products: node.products,
          technologies: node.technologies,
          industryCodes: node.industryCodes,
        }}
        requiredMark={false}
        data-testid="edit-node-form"
      >
        <NodeFieldItems prefix="edit" segment={segment} />
        <Button type="primary" htmlType="submit" loading={update.isPending} data-testid="edit-save">
          {e.save}
        </Button>
      </Form>
      {!segment && (
        <div style={{ borderTop: '1px solid #f0f0f0', paddingTop: 12 }}>
          <Typography.Text strong style={{ display: 'block', marginBottom: 4 }}>
            {e.moveTo}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginBottom: 8 }}>
            {e.moveHint}
          </Typography.Text>
          <MoveControl index={index} node={node} segmentName={segmentName} onMove={onMove} moving={moving} />
        </div>
      )}
    </Flex>
  );
}
