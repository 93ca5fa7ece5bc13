import { auditExportJob } from './audit-export.js';
import { chainPlacementJob } from './chain-placement.js';
import { screeningJob } from './cultivation-screening.js';
import { enterpriseImportJob } from './enterprise-import.js';
import type { JobDefinition } from './types.js';

/** Every job kind the runner knows. New kinds (enterprise import, screening…) register here. */
export const JOB_DEFINITIONS = [
  auditExportJob,
  enterpriseImportJob,
  screeningJob,
  chainPlacementJob,
] as unknown as JobDefinition<never, never>[];
