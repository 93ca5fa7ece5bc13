/** Orgs on the command line: `kezhao orgs`, `--org` lookups, and the org an import goes into. */
import { asc, eq } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { orgs } from '../db/schema/index.js';
import { CliError } from './backup.js';
import { table } from './columns.js';

type OrgRow = typeof orgs.$inferSelect;
type TreeOrg = OrgRow & { depth: number; parentCode: string | null };

/** Every org in tree order (each parent before its children, siblings by code), with its depth. */
async function orgTree(d: Database): Promise<TreeOrg[]> {
  const rows = await d.db.select().from(orgs).orderBy(asc(orgs.code));
  const code = new Map(rows.map((o) => [o.id, o.code]));
  const children = new Map<string | null, OrgRow[]>();
  for (const o of rows) children.set(o.parentId, [...(children.get(o.parentId) ?? []), o]);
  const out: TreeOrg[] = [];
  const visit = (parentId: string | null, depth: number) => {
    for (const o of children.get(parentId) ?? []) {
      out.push({ ...o, depth, parentCode: o.parentId ? (code.get(o.parentId) ?? null) : null });
      visit(o.id, depth + 1);
    }
  };
  visit(null, 0);
  return out;
}

/** The codes to choose from, indented by level under the root, e.g. "    yannan  盐南高新区". */
function choices(tree: TreeOrg[]): string {
  return tree.map((o) => `${'  '.repeat(o.depth + 1)}${o.code}  ${o.name}`).join('\n');
}

export async function orgByCode(d: Database, code: string) {
  const [org] = await d.db.select().from(orgs).where(eq(orgs.code, code));
  if (!org) throw new CliError(`组织编码不存在：${code}；可选的组织编码：\n${choices(await orgTree(d))}`);
  return org;
}

/** The org an import writes into. Without --org it used to be the root (全部地区), where district users
 *  never see the firms and 疑似重复 (which compares within one org) never shows the copy a district import
 *  then makes; so with more than one org the user must say which. */
export async function importOrg(d: Database, code: string | undefined) {
  if (code !== undefined) return orgByCode(d, code);
  const tree = await orgTree(d);
  if (tree.length === 1) return tree[0];
  throw new CliError(
    `请用 --org 指定导入到哪个组织（共有 ${tree.length} 个组织）；可选的组织编码：\n${choices(tree)}`,
  );
}

/** `kezhao orgs [--json]`: code, name and parent of every org. */
export async function orgsCommand(d: Database, opts: { json?: boolean }) {
  const tree = await orgTree(d);
  if (opts.json) {
    const list = tree.map((o) => ({ code: o.code, name: o.name, kind: o.kind, parent: o.parentCode }));
    console.log(JSON.stringify(list, null, 2));
    return;
  }
  const rows = tree.map((o) => [o.code, o.name, o.parentCode ?? '—']);
  for (const line of table([['编码', '名称', '上级'], ...rows])) console.log(line);
}
