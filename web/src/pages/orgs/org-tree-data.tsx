/** antd Tree data for orgs: the name with its kind as a small tag. */

import type { TreeDataNode as DataNode } from 'antd';
import { Tag } from 'antd';
import type { TFunction } from 'i18next';
import type { Org } from '../../../../src/shared/api';
import { buildOrgTree, type OrgNode } from '../../lib/org-tree';

const KIND_COLORS: Record<Org['kind'], string> = {
  platform: 'magenta',
  province: 'volcano',
  city: 'blue',
  district: 'green',
  county: 'cyan',
  park: 'purple',
};

export function OrgTitle({ org, t }: { org: Org; t: TFunction }) {
  return (
    <span data-testid={`org-node-${org.code}`}>
      <span style={{ marginRight: 8 }}>{org.name}</span>
      <Tag color={KIND_COLORS[org.kind]} style={{ marginInlineEnd: 0, fontSize: 11, lineHeight: '18px' }}>
        {t(`orgKinds.${org.kind}`)}
      </Tag>
    </span>
  );
}

export function orgTreeData(orgs: readonly Org[], t: TFunction, filter?: string): DataNode[] {
  const q = filter?.trim();
  const keep = (n: OrgNode): boolean =>
    !q || n.name.includes(q) || n.code.includes(q) || n.children.some(keep);
  const map = (n: OrgNode): DataNode => ({
    key: n.id,
    title: <OrgTitle org={n} t={t} />,
    children: n.children.filter(keep).map(map),
  });
  return buildOrgTree(orgs).filter(keep).map(map);
}
