/** The embedded database allows one process at a time: a lock file with the owner's pid guards the
 *  data directory so a second server or a CLI command gets a clear message instead of corrupting it. */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The pid holding the data directory, if a live process does. */
export function lockOwner(dataDir: string): number | null {
  const file = path.join(dataDir, 'kezhao.lock');
  if (!existsSync(file)) return null;
  const pid = Number(readFileSync(file, 'utf8').trim());
  return Number.isInteger(pid) && pid !== process.pid && alive(pid) ? pid : null;
}

export function acquireDataLock(dataDir: string): () => void {
  const owner = lockOwner(dataDir);
  if (owner) {
    throw new Error(
      `数据目录 ${dataDir} 正被另一个 KeZhao 进程（PID ${owner}）使用。请先停止它，或用 DATA_DIR 指定其他目录。`,
    );
  }
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'kezhao.lock');
  writeFileSync(file, String(process.pid));
  return () => rmSync(file, { force: true });
}
