/** A terminal progress bar; on a pipe or a CI log it prints a line per 10% instead of redrawing. */
export function progressPrinter(out: NodeJS.WriteStream = process.stderr) {
  let lastStep = -1;
  let lastLine = '';
  return {
    update(percent: number, message: string) {
      const pct = Math.max(0, Math.min(100, percent));
      if (out.isTTY) {
        const width = 30;
        const filled = Math.round((pct / 100) * width);
        const line = `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${pct.toFixed(0).padStart(3)}% ${message}`;
        if (line !== lastLine) out.write(`\r${line}\x1b[K`);
        lastLine = line;
        return;
      }
      const step = Math.floor(pct / 10);
      if (step !== lastStep) {
        out.write(`${pct.toFixed(0).padStart(3)}% ${message}\n`);
        lastStep = step;
      }
    },
    done() {
      if (out.isTTY && lastLine) out.write('\n');
    },
  };
}
