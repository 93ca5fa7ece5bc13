/** 企业导入 as a durable job: progress per batch, resumable after a restart, cancellable between batches. */
import { z } from 'zod';
import { type ImportState, runEnterpriseImport } from '../import/enterprise-import.js';
import type { JobDefinition } from './types.js';

export const ImportParamsSchema = z.object({
  file: z.string(),
  originalName: z.string(),
  orgId: z.uuid(),
  sheet: z.string().optional(),
  mapping: z.record(z.string(), z.string()).optional(),
  year: z.number().int().min(1950).max(2100).optional(),
  universe: z.enum(['local', 'target']).optional(),
  dryRun: z.boolean().optional(),
});

export const enterpriseImportJob: JobDefinition<z.infer<typeof ImportParamsSchema>, ImportState> = {
  kind: 'enterprise.import',
  title: '企业导入',
  params: ImportParamsSchema,
  // A file that cannot be read will not read better on a second try.
  maxAttempts: 2,
  async run({ job, params, state, db, dataDir, progress }) {
    const result = await runEnterpriseImport({ db, dataDir, jobId: job.id, params, state, progress });
    return {
      ...result,
      ...(result.rejectedFile
        ? {
            file: result.rejectedFile,
            downloadName: `被拒绝的行-${params.originalName.replace(/\.[^.]+$/, '')}.xlsx`,
            contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          }
        : {}),
    };
  },
};
