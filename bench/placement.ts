/** npm run bench:placement — automatic placement of firms on chain nodes (src/domain/chain/placement.ts)
 *  over BENCH_PLACEMENT_FIRMS generated firms (default 1,000,000) against every node of the eight shipped
 *  chain templates, in process on one core, beside a baseline loop that reads the same three texts of
 *  every firm. Goal (issue #4): ≥ 10,000 firms/s. Median of BENCH_PLACEMENT_RUNS (3) runs. */
import { performance } from 'node:perf_hooks';
import { generateEnterprises } from '../src/db/seed/enterprises/index.js';
import { chainNodes } from '../src/domain/chain/chain-schema.js';
import { type PlacementFirm, Placer } from '../src/domain/chain/placement.js';
import { CHAIN_TEMPLATES } from '../src/domain/chain/templates.js';
import { envInt, machine, median, round, table, writeResult } from './lib.js';

const FIRMS = envInt('BENCH_PLACEMENT_FIRMS', 1_000_000);
const RUNS = envInt('BENCH_PLACEMENT_RUNS', 3);
const GOAL = 10_000;
const log = (msg: string) => process.stderr.write(`[bench:placement] ${msg}\n`);

let t = performance.now();
const firms: PlacementFirm[] = [];
for (const f of generateEnterprises({
  seed: 20_261_201,
  count: Math.round(FIRMS * 0.75),
  targetCount: FIRMS - Math.round(FIRMS * 0.75),
})) {
  firms.push({
    name: f.name,
    industryDivision: f.industryDivision,
    businessScope: f.businessScope,
    mainProducts: f.mainProducts,
  });
  if (firms.length % 200_000 === 0) log(`generated ${firms.length} firms`);
}
const generateSeconds = round((performance.now() - t) / 1000, 1);

const nodes = CHAIN_TEMPLATES.flatMap((c) =>
  chainNodes(c).map((n, i) => ({ id: `${c.key}:${i}:${n.name}`, ...n })),
);
t = performance.now();
const placer = new Placer(nodes);
const buildMs = round(performance.now() - t, 1);

function baseline() {
  let chars = 0;
  const start = performance.now();
  for (const f of firms)
    chars += f.name.length + (f.businessScope?.length ?? 0) + (f.mainProducts?.length ?? 0);
  return { perSec: firms.length / ((performance.now() - start) / 1000), chars };
}

function run() {
  let placements = 0;
  let placed = 0;
  const perChain = new Map<string, number>();
  const start = performance.now();
  const cpu = process.cpuUsage();
  for (const f of firms) {
    const ps = placer.place(f);
    placements += ps.length;
    if (ps.length) placed++;
    for (const p of ps) {
      const key = p.nodeId.slice(0, p.nodeId.indexOf(':'));
      perChain.set(key, (perChain.get(key) ?? 0) + 1);
    }
  }
  const seconds = (performance.now() - start) / 1000;
  const cpuSeconds = (process.cpuUsage(cpu).user + process.cpuUsage(cpu).system) / 1e6;
  return {
    perSec: firms.length / seconds,
    perCpuSec: firms.length / cpuSeconds,
    placements,
    placed,
    perChain,
  };
}

const base = Array.from({ length: RUNS }, baseline);
const runs: ReturnType<typeof run>[] = [];
for (let i = 0; i < RUNS; i++) {
  runs.push(run());
  log(`run ${i + 1}: ${Math.round(runs[i].perSec)} firms/s`);
}
const perSec = Math.round(median(runs.map((r) => r.perSec)));
const basePerSec = Math.round(median(base.map((r) => r.perSec)));
const r0 = runs[0];

console.log(
  `\nbench:placement: ${firms.length.toLocaleString('en')} firms × ${nodes.length} nodes of ${CHAIN_TEMPLATES.length} chains (${placer ? 'index built' : ''} in ${buildMs} ms)\n`,
);
console.log(
  table(
    ['pass', 'firms/s (median)', 'per run', '× baseline'],
    [
      ['baseline: read the three texts', basePerSec, base.map((b) => Math.round(b.perSec)).join(' / '), 1],
      [
        'placement (all chains)',
        perSec,
        runs.map((r) => Math.round(r.perSec)).join(' / '),
        round(perSec / basePerSec, 4),
      ],
    ],
  ),
);
console.log(
  `\nplaced ${r0.placed.toLocaleString('en')} firms (${round((r0.placed / firms.length) * 100, 1)} %), ${r0.placements.toLocaleString('en')} placements; by chain: ${[...r0.perChain].map(([k, n]) => `${k} ${n}`).join(', ')}`,
);
console.log(`goal ≥ ${GOAL.toLocaleString('en')} firms/s: ${perSec >= GOAL ? 'pass' : 'FAIL'}`);
console.log(
  `Wrote ${writeResult('placement.json', {
    benchmark: 'placement',
    machine: machine(),
    firms: firms.length,
    nodes: nodes.length,
    chains: CHAIN_TEMPLATES.map((c) => c.key),
    generateSeconds,
    indexBuildMs: buildMs,
    baseline: { firmsPerSec: basePerSec, perRun: base.map((b) => Math.round(b.perSec)) },
    placement: {
      firmsPerSec: perSec,
      perRun: runs.map((r) => Math.round(r.perSec)),
      firmsPerCpuSec: runs.map((r) => Math.round(r.perCpuSec)),
      placedFirms: r0.placed,
      placements: r0.placements,
      perChain: Object.fromEntries(r0.perChain),
    },
    goal: { firmsPerSec: GOAL, pass: perSec >= GOAL },
  })}`,
);
