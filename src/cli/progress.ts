/** A terminal progress bar; on a pipe or a CI log it prints a line per 10% instead of redrawing.
 *  After a few seconds it adds the time probably left, estimated as the job runner does. */
import { remainingSeconds } from '../jobs/remaining.js';
import { durationParts } from '../shared/duration.js';

export function remainingZh(seconds: number): string {
  const d = durationParts(seconds);
  if (d.unit === 'hours') return `约剩 ${d.h} 小时 ${d.m} 分钟`;
  return `约剩 ${d.n} ${d.unit === 'seconds' ? '秒' : '分钟'}`;
}

export function progressPrinter(out: NodeJS.WriteStream = process.stderr) {
  const started = new Date();
  let lastStep = -1;
  let lastLine = '';
  return {
    /** `startedAt`: when the job began, if before this printer (following a job already running). */
    update(percent: number, message: string, startedAt: Date | null = started) {
      const pct = Math.max(0, Math.min(100, percent));
      const left = remainingSeconds({ status: 'running', progress: pct, startedAt }, new Date());
      const said = message || '正在准备…';
      const text = left === null ? said : `${said}（${remainingZh(left)}）`;
      if (out.isTTY) {
        const width = 30;
        const filled = Math.round((pct / 100) * width);
        const line = `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${pct.toFixed(0).padStart(3)}% ${text}`;
        if (line !== lastLine) out.write(`\r${line}\x1b[K`);
        lastLine = line;
        return;
      }
      const step = Math.floor(pct / 10);
      if (step !== lastStep) {
        out.write(`${pct.toFixed(0).padStart(3)}% ${text}\n`);
        lastStep = step;
      }
    },
    done() {
      if (out.isTTY && lastLine) out.write('\n');
    },
  };
}
