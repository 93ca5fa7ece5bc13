/** Files a job produces live in one folder per job under DATA_DIR; a job's result names its
 *  downloadable file as `{ file, downloadName }` (a bare file name inside that folder). */
import path from 'node:path';

export function jobDir(dataDir: string, jobId: string): string {
  return path.join(dataDir, 'jobs', jobId);
}

/** The path of a job's file; the name is reduced to its base name so a result can never point elsewhere. */
export function jobFile(dataDir: string, jobId: string, file: string): string {
  return path.join(jobDir(dataDir, jobId), path.basename(file));
}

export type JobDownload = { file: string; downloadName: string; contentType?: string };
