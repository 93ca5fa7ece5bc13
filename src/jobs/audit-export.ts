/** 审计日志导出: writes the filtered audit log to a CSV in chunks, checkpointing after each chunk so
 *  a killed server resumes at the last written row instead of starting over. */
import {
  closeSync,
  existsSync,
  fstatSync,
  fsyncSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  statSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import { and, asc, count, eq, gt } from 'drizzle-orm';
import { z } from 'zod';
import { auditLog, orgs } from '../db/schema/index.js';
import { csvLine, UTF8_BOM } from '../domain/csv.js';
import { chinaDate, chinaDateTime } from '../domain/text/china-today.js';
import { auditWhere } from '../server/modules/audit/query.js';
import { AuditExportBody } from '../shared/api.js';
import { AUDIT_ENTITY_NAMES, type AuditEntity } from '../shared/audit-entities.js';
import { jobFile } from './files.js';
import type { JobDefinition } from './types.js';

const Params = AuditExportBody.extend({ chunkSize: z.number().int().min(1).max(5000).default(500) });
type State = { lastId: number; written: number; bytes: number; total: number };

// Times in Beijing time, like the file's date and the page's date filters; the header says so, since
// a bare time in a spreadsheet could be read as either.
const HEADER = ['编号', '时间（北京时间）', '操作人', '操作', '对象类型', '对象编号', '修改前', '修改后'];
const ACTIONS: Record<string, string> = { create: '新建', update: '修改', delete: '删除' };

export function exportFile(dataDir: string, jobId: string) {
  return jobFile(dataDir, jobId, 'audit.csv');
}

export const auditExportJob: JobDefinition<z.infer<typeof Params>, State> = {
  kind: 'audit.export',
  title: '审计日志导出',
  params: Params,
  async run({ job, params, state, db, dataDir, progress }) {
    const [org] = await db.select({ path: orgs.path }).from(orgs).where(eq(orgs.id, job.orgId));
    if (!org) throw new Error('任务所属组织已不存在');
    const where = auditWhere(org.path, params);
    const file = exportFile(dataDir, job.id);
    mkdirSync(path.dirname(file), { recursive: true });

    let cur: State;
    // Resume only if the file still holds everything the checkpoint counts (a power cut can lose
    // unflushed bytes; a killed process cannot, the page cache keeps them).
    if (state && existsSync(file) && statSync(file).size >= state.bytes) {
      cur = state;
    } else {
      const [{ n }] = await db.select({ n: count() }).from(auditLog).where(where);
      cur = { lastId: 0, written: 0, bytes: 0, total: n };
    }
    const fd = openSync(file, existsSync(file) ? 'r+' : 'w');
    try {
      // Drop whatever a killed attempt wrote after its last checkpoint.
      ftruncateSync(fd, cur.bytes);
      if (cur.bytes === 0) cur.bytes += writeSync(fd, UTF8_BOM + csvLine(HEADER), 0);
      for (;;) {
        const rows = await db
          .select()
          .from(auditLog)
          .where(and(where, gt(auditLog.id, cur.lastId)))
          .orderBy(asc(auditLog.id))
          .limit(params.chunkSize);
        if (rows.length === 0) break;
        const text = rows
          .map((r) =>
            csvLine([
              r.id,
              chinaDateTime(r.at),
              r.actorName,
              ACTIONS[r.action] ?? r.action,
              AUDIT_ENTITY_NAMES[r.entity as AuditEntity] ?? r.entity,
              r.entityId,
              r.before,
              r.after,
            ]),
          )
          .join('');
        cur.bytes += writeSync(fd, text, cur.bytes);
        cur = { ...cur, lastId: rows[rows.length - 1].id, written: cur.written + rows.length };
        const pct = cur.total === 0 ? 99 : Math.min(99, (cur.written / cur.total) * 100);
        await progress(pct, `已导出 ${cur.written} / ${cur.total} 条`, cur);
      }
      fsyncSync(fd);
      if (fstatSync(fd).size !== cur.bytes) throw new Error('导出文件长度与检查点不一致');
    } finally {
      closeSync(fd);
    }
    return {
      file: path.basename(file),
      rows: cur.written,
      downloadName: `审计日志-${chinaDate(job.createdAt)}.csv`,
      contentType: 'text/csv; charset=utf-8',
    };
  },
};
