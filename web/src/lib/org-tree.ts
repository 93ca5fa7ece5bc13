/** Builds the org tree from the flat, path-ordered list GET /orgs returns. An org whose parent is
 *  outside the list (the user's own org) becomes a root. */
import type { Org } from '../../../src/shared/api';

export type OrgNode = Org & { children: OrgNode[] };

export function buildOrgTree(orgs: readonly Org[]): OrgNode[] {
  const byId = new Map<string, OrgNode>();
  for (const o of orgs) byId.set(o.id, { ...o, children: [] });
  const roots: OrgNode[] = [];
  for (const node of byId.values()) {
    const parent = node.parentId ? byId.get(node.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** Names from the root of the visible tree down to the org, for a breadcrumb-like label. */
export function orgTrail(orgs: readonly Org[], id: string): string[] {
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const names: string[] = [];
  let cur = byId.get(id);
  while (cur) {
    names.unshift(cur.name);
    cur = cur.parentId ? byId.get(cur.parentId) : undefined;
  }
  return names;
}

export type OrgTreeSelectNode = { value: string; title: string; children: OrgTreeSelectNode[] };

/** Options for antd TreeSelect. */
export function orgTreeSelectData(orgs: readonly Org[]): OrgTreeSelectNode[] {
  const map = (n: OrgNode): OrgTreeSelectNode => ({
    value: n.id,
    title: n.name,
    children: n.children.map(map),
  });
  return buildOrgTree(orgs).map(map);
}
