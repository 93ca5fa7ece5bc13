/** npm run bench:eligibility — every tier's engine (assessAll: 8 verdicts per firm) over BENCH_ELIGIBILITY_FIRMS
 *  generated firms (default 1,000,000), in process, beside a baseline loop that only reads the same fields.
 *  Firms come from a seeded generator, so every run sees the same million: start-ups, SMEs, mid-size and
 *  large firms, fast growers with foreign-currency rounds, some figures and declarations missing, assessed
 *  on dates from 2023 to 2026 so both the 2022 and the 2026 梯度培育 rule sets run.
 *
 *  Settings (env): BENCH_ELIGIBILITY_FIRMS (1,000,000), BENCH_ELIGIBILITY_RUNS (5, the median is reported),
 *  BENCH_ELIGIBILITY_TIER_FIRMS (200,000: firms for the per-tier rows), BENCH_ELIGIBILITY_PARSE_FIRMS
 *  (50,000: firms for the zod-parse row). */
import { performance } from 'node:perf_hooks';
import {
  assessAll,
  assessPreparedTier,
  type FirmFacts,
  parseFirmFacts,
  prepareFirm,
  TIER_KEYS,
  type TierKey,
} from '../src/domain/eligibility/index.js';
import { envInt, machine, median, round, table, writeResult } from './lib.js';

const FIRMS = envInt('BENCH_ELIGIBILITY_FIRMS', 1_000_000);
const RUNS = envInt('BENCH_ELIGIBILITY_RUNS', 5);
const TIER_FIRMS = Math.min(FIRMS, envInt('BENCH_ELIGIBILITY_TIER_FIRMS', 200_000));
const PARSE_FIRMS = Math.min(FIRMS, envInt('BENCH_ELIGIBILITY_PARSE_FIRMS', 50_000));
const SEED = 20_260_401;
const GOAL = 200_000;
const log = (msg: string) => process.stderr.write(`[bench:eligibility] ${msg}\n`);

/** mulberry32: a small seeded generator of floats in [0, 1). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DATES = ['2023-06-30', '2024-05-31', '2025-06-30', '2025-12-31', '2026-06-30', '2026-10-15'];
const LEVELS = ['national', 'provincial', 'city', 'other'] as const;
const FIELDS = ['电子信息', '生物与新医药', '新材料', '先进制造与自动化', '高技术服务', 'none'] as const;

type Profile = { share: number; ageMax: number; revenue: [number, number]; growth: [number, number] };
// Shares of the generated population: most firms are small, a few are fast-growing and well funded.
const PROFILES: Profile[] = [
  { share: 0.3, ageMax: 5, revenue: [0, 8e6], growth: [-0.2, 0.9] },
  { share: 0.45, ageMax: 18, revenue: [5e6, 8e7], growth: [-0.15, 0.45] },
  { share: 0.18, ageMax: 25, revenue: [5e7, 6e8], growth: [-0.1, 0.3] },
  { share: 0.07, ageMax: 11, revenue: [2e7, 2e9], growth: [0.1, 1.2] },
];

function generateFirm(rnd: () => number, i: number): FirmFacts {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const between = (lo: number, hi: number) => lo + rnd() * (hi - lo);
  const maybe = <T>(p: number, v: () => T): T | undefined => (rnd() < p ? v() : undefined);
  let u = rnd();
  let profile = PROFILES[PROFILES.length - 1];
  for (const p of PROFILES) {
    if (u < p.share) {
      profile = p;
      break;
    }
    u -= p.share;
  }
  const asOf = DATES[i % DATES.length];
  const year = Number(asOf.slice(0, 4));
  const age = between(0.3, profile.ageMax);
  const estYear = Math.floor(year - age);
  const establishedOn = `${estYear}-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`;
  const years: FirmFacts['years'] = [];
  let revenue = between(profile.revenue[0], profile.revenue[1]);
  const rdRatio = between(0.002, 0.14);
  const techShare = between(0.03, 0.6);
  for (let y = Math.max(estYear, year - 5); y < year; y++) {
    revenue = Math.max(0, revenue * (1 + between(profile.growth[0], profile.growth[1])));
    const rev = Math.round(revenue / 100) * 100;
    const employees = 3 + Math.floor(rev / between(3e5, 1.2e6));
    const techStaff = Math.floor(employees * techShare);
    const rdExpense = Math.round((rev * rdRatio) / 100) * 100;
    const assets = Math.round(rev * between(0.5, 2) + 1e6);
    years.push({
      year: y,
      employees,
      techStaff,
      rdStaff: Math.floor(techStaff * between(0.4, 1)),
      revenue: rev,
      mainRevenue: Math.round(rev * between(0.45, 1)),
      highTechRevenue: Math.round(rev * between(0.3, 0.98)),
      rdExpense,
      rdExpenseDomestic: Math.round(rdExpense * between(0.5, 1)),
      totalCosts: Math.round(rev * between(0.75, 1.1)),
      netProfit: Math.round(rev * between(-0.12, 0.22)),
      totalAssets: assets,
      totalLiabilities: Math.round(assets * between(0.15, 0.95)),
      convertedResults: Math.floor(between(0, 7)),
    });
  }
  // About one firm in twelve has a gap in its figures, as imported data does.
  if (years.length && rnd() < 0.08) {
    const y = pick(years) as Record<string, number>;
    delete y[pick(['revenue', 'rdExpense', 'employees', 'totalAssets', 'mainRevenue'])];
  }
  const invention = rnd() < 0.45 ? Math.floor(between(0, 12)) : 0;
  const rounds: NonNullable<FirmFacts['equityRounds']> = [];
  const nRounds =
    profile === PROFILES[3] ? Math.floor(between(1, 7)) : rnd() < 0.15 ? Math.floor(between(1, 3)) : 0;
  for (let r = 0; r < nRounds; r++) {
    const usdRound = profile === PROFILES[3] && rnd() < 0.5;
    const amount = Math.round(between(2e6, profile === PROFILES[3] ? 3e8 : 3e7));
    rounds.push({
      date: `${Math.min(year, estYear + 1 + r)}-0${1 + Math.floor(rnd() * 9)}-15`,
      amount,
      currency: usdRound ? 'USD' : 'CNY',
      postMoneyValuation: amount * Math.round(between(4, 12)),
    });
  }
  return {
    asOf,
    establishedOn,
    listed: rnd() < 0.02,
    years,
    ip:
      rnd() < 0.95
        ? {
            invention,
            utility: Math.floor(between(0, 20)),
            software: Math.floor(between(0, 25)),
            design: Math.floor(between(0, 4)),
            icLayout: rnd() < 0.05 ? 1 : 0,
            classIOwnDeveloped: maybe(0.7, () => Math.floor(invention * between(0.3, 1))),
            classIHighValue: maybe(0.6, () => (rnd() < 0.2 ? Math.min(invention, 1) : 0)),
            classIInUse: maybe(0.6, () => Math.floor(invention * between(0.2, 1))),
          }
        : undefined,
    standards:
      rnd() < 0.9
        ? rnd() < 0.1
          ? [
              {
                level: pick(['national', 'industry', 'group'] as const),
                role: pick(['lead', 'participant'] as const),
                year: year - 2,
              },
            ]
          : []
        : undefined,
    titles:
      rnd() < 0.9
        ? rnd() < 0.3
          ? [
              {
                title: pick(['hnte', 'tech_sme', 'specialized_sme', 'little_giant'] as const),
                issuedOn: `${year - 1}-11-30`,
                expiresOn: `${year + 2}-11-29`,
              },
            ]
          : []
        : undefined,
    rdInstitutions: rnd() < 0.9 ? (rnd() < 0.35 ? [{ level: pick(LEVELS) }] : []) : undefined,
    awards:
      rnd() < 0.9
        ? rnd() < 0.05
          ? [
              {
                kind: 'science',
                level: pick(['national', 'provincial', 'city'] as const),
                year: year - 1,
                rank: 1 + Math.floor(rnd() * 6),
              },
            ]
          : []
        : undefined,
    equityRounds: rnd() < 0.9 ? rounds : undefined,
    declared:
      rnd() < 0.9
        ? {
            hnteField: pick(FIELDS),
            noMajorIncidentLast365Days: rnd() < 0.98,
            noMajorIncidentThisOrLastYear: rnd() < 0.97,
            noResearchMisconduct: true,
            productsNotRestricted: true,
            notOnAbnormalList: rnd() < 0.97,
            strategicEmergingProduct: rnd() < 0.5,
            nicheYears: Math.floor(between(0, Math.max(1, age))),
            chainBreakthrough: rnd() < 0.1,
            leadProductInStrategicField: rnd() < 0.4,
            digitalLevel: Math.floor(between(1, 5)),
            qualitySystemCertified: rnd() < 0.6,
            ownBrand: rnd() < 0.5,
            provincialFeatureScore: maybe(0.5, () => Math.floor(between(0, 16))),
            coreProcessInformationSystem: rnd() < 0.6,
            nationalMarketShare: maybe(0.7, () => between(0, 0.3)),
            keyChainPosition: rnd() < 0.3,
          }
        : undefined,
    expert:
      rnd() < 0.3
        ? {
            hnte: {
              techAdvancement: Math.floor(between(0, 9)),
              coreSupport: Math.floor(between(0, 9)),
              rdManagement: Math.floor(between(0, 7)),
              rdInstitutionCooperation: Math.floor(between(0, 7)),
              conversionOrganisation: Math.floor(between(0, 5)),
              talentSystems: Math.floor(between(0, 5)),
            },
          }
        : undefined,
  };
}

/** The baseline: one pass over the same fields the engines read, summed so the JIT cannot drop it. */
function readFields(f: FirmFacts): number {
  let s = f.asOf.length + f.establishedOn.length;
  for (const y of f.years)
    s +=
      (y.revenue ?? 0) +
      (y.mainRevenue ?? 0) +
      (y.rdExpense ?? 0) +
      (y.employees ?? 0) +
      (y.techStaff ?? 0) +
      (y.totalAssets ?? 0) +
      (y.totalLiabilities ?? 0) +
      (y.netProfit ?? 0);
  const ip = f.ip;
  if (ip) s += (ip.invention ?? 0) + (ip.utility ?? 0) + (ip.software ?? 0);
  s += (f.titles?.length ?? 0) + (f.equityRounds?.length ?? 0) + (f.declared?.nicheYears ?? 0);
  return s;
}

type Timing = { label: string; perSec: number; perCpuSec: number; runs: number[]; cpuRuns: number[] };

/** Runs `body` RUNS times. Wall-clock rate and, because another process may share the cores, the rate per
 *  second of CPU time this process actually got (user + system), which is what "on one core" means. */
function time(label: string, n: number, body: () => number): Timing {
  const runs: number[] = [];
  const cpuRuns: number[] = [];
  let sink = 0;
  for (let r = 0; r < RUNS; r++) {
    const c = process.cpuUsage();
    const t = performance.now();
    sink += body();
    const wall = (performance.now() - t) / 1000;
    const cpu = process.cpuUsage(c);
    runs.push(n / wall);
    cpuRuns.push(n / ((cpu.user + cpu.system) / 1e6));
  }
  if (sink === Number.MIN_VALUE) log('unreachable');
  const perSec = median(runs);
  const perCpuSec = median(cpuRuns);
  log(
    `${label}: median ${Math.round(perSec).toLocaleString('en')}/s wall, ${Math.round(perCpuSec).toLocaleString('en')}/CPU-s`,
  );
  return { label, perSec, perCpuSec, runs: runs.map(Math.round), cpuRuns: cpuRuns.map(Math.round) };
}

log(`generating ${FIRMS.toLocaleString('en')} firms (seed ${SEED})…`);
const t0 = performance.now();
const rnd = mulberry32(SEED);
const firms: FirmFacts[] = new Array(FIRMS);
for (let i = 0; i < FIRMS; i++) firms[i] = generateFirm(rnd, i);
const generateSeconds = round((performance.now() - t0) / 1000, 1);

// The generator must produce what the boundary accepts, or the engines would be timed on invalid input.
let invalid = 0;
const tp = performance.now();
for (let i = 0; i < PARSE_FIRMS; i++) if (!parseFirmFacts(firms[i]).ok) invalid++;
const parsePerSec = PARSE_FIRMS / ((performance.now() - tp) / 1000);
if (invalid) throw new Error(`${invalid} generated firms fail validation`);
log(`generated in ${generateSeconds} s; ${PARSE_FIRMS.toLocaleString('en')} parsed by zod, all valid`);

// Warm-up, then the measured runs; the tallies double as a check that verdicts vary.
const tally: Record<TierKey, [number, number, number]> = Object.fromEntries(
  TIER_KEYS.map((t) => [t, [0, 0, 0]]),
) as Record<TierKey, [number, number, number]>;
for (let i = 0; i < Math.min(FIRMS, 50_000); i++) assessAll(firms[i]);
const baseline = time('baseline (read the same fields)', FIRMS, () => {
  let s = 0;
  for (let i = 0; i < FIRMS; i++) s += readFields(firms[i]);
  return s;
});
const engines = time('assessAll (8 tiers, text not rendered)', FIRMS, () => {
  let s = 0;
  for (let i = 0; i < FIRMS; i++) s += assessAll(firms[i]).length;
  return s;
});
for (let i = 0; i < FIRMS; i++) {
  const vs = assessAll(firms[i]);
  for (let k = 0; k < vs.length; k++)
    tally[vs[k].tier][vs[k].eligible === true ? 0 : vs[k].eligible === false ? 1 : 2]++;
}
// The same verdicts with every text field rendered (what the CLI and the API send), on a subset.
const TEXT_FIRMS = Math.min(FIRMS, 100_000);
const rendered = time('assessAll + JSON.stringify (all text rendered)', TEXT_FIRMS, () => {
  let s = 0;
  for (let i = 0; i < TEXT_FIRMS; i++) s += JSON.stringify(assessAll(firms[i])).length;
  return s;
});
const perTier = TIER_KEYS.map((tier) => {
  const prepared = firms.slice(0, TIER_FIRMS).map((f) => prepareFirm(f, f.asOf));
  const r = time(`  ${tier}`, TIER_FIRMS, () => {
    let s = 0;
    for (let i = 0; i < TIER_FIRMS; i++) s += assessPreparedTier(prepared[i], tier).eligible === true ? 1 : 0;
    return s;
  });
  const [eligible, notEligible, open] = tally[tier];
  return {
    tier,
    perSec: Math.round(r.perSec),
    perCpuSec: Math.round(r.perCpuSec),
    eligible,
    notEligible,
    open,
  };
});

const n = TIER_KEYS.length;
const ratio = (x: number) => `${round(x / baseline.perSec, 4)}×`;
const rows = [
  ['baseline: read the fields', Math.round(baseline.perSec), Math.round(baseline.perCpuSec), '—', '—'],
  [
    'assessAll: 8 verdicts per firm',
    Math.round(engines.perSec),
    Math.round(engines.perCpuSec),
    ratio(engines.perSec),
    Math.round(engines.perSec * n),
  ],
  [
    'assessAll + all text as JSON',
    Math.round(rendered.perSec),
    Math.round(rendered.perCpuSec),
    ratio(rendered.perSec),
    Math.round(rendered.perSec * n),
  ],
  ['parseFirmFacts (zod, at the boundary)', Math.round(parsePerSec), '—', ratio(parsePerSec), '—'],
];
console.log(`\nbench:eligibility — ${FIRMS.toLocaleString('en')} firms, median of ${RUNS} runs, one core\n`);
console.log(table(['what', 'firms/s', 'firms/CPU-s', '× baseline', 'tier verdicts/s'], rows));
console.log(
  `\nper tier (${TIER_FIRMS.toLocaleString('en')} firms, prepared once; counts over all ${FIRMS.toLocaleString('en')}):\n`,
);
console.log(
  table(
    ['tier', 'verdicts/s', 'verdicts/CPU-s', 'eligible', 'not eligible', 'open (null)'],
    perTier.map((t) => [t.tier, t.perSec, t.perCpuSec, t.eligible, t.notEligible, t.open]),
  ),
);
// "Firm-verdicts" can be read two ways; both are reported rather than the friendlier one chosen.
const goal = {
  target: GOAL,
  firmsPerSec: Math.round(engines.perSec),
  passAsFirmsPerSec: engines.perSec >= GOAL,
  tierVerdictsPerSec: Math.round(engines.perSec * n),
  passAsTierVerdictsPerSec: engines.perSec * n >= GOAL,
};
console.log(
  `\ngoal ≥ ${GOAL.toLocaleString('en')}/s — as firms with all ${n} tiers: ${goal.passAsFirmsPerSec ? 'pass' : 'FAIL'} ` +
    `(${goal.firmsPerSec.toLocaleString('en')}); as tier verdicts: ${goal.passAsTierVerdictsPerSec ? 'pass' : 'FAIL'} ` +
    `(${goal.tierVerdictsPerSec.toLocaleString('en')})`,
);
const file = writeResult('eligibility-engines.json', {
  date: new Date().toISOString(),
  machine: machine(),
  runner: `node ${process.version} via tsx`,
  firms: FIRMS,
  runs: RUNS,
  seed: SEED,
  generateSeconds,
  baseline: {
    firmsPerSec: Math.round(baseline.perSec),
    firmsPerCpuSec: Math.round(baseline.perCpuSec),
    perRun: baseline.runs,
  },
  assessAll: {
    firmsPerSec: Math.round(engines.perSec),
    firmsPerCpuSec: Math.round(engines.perCpuSec),
    tierVerdictsPerSec: Math.round(engines.perSec * n),
    perRun: engines.runs,
    perRunCpu: engines.cpuRuns,
    ratioToBaseline: round(engines.perSec / baseline.perSec, 4),
  },
  assessAllWithText: {
    firms: TEXT_FIRMS,
    firmsPerSec: Math.round(rendered.perSec),
    firmsPerCpuSec: Math.round(rendered.perCpuSec),
  },
  parseFirmFacts: { firmsPerSec: Math.round(parsePerSec), firms: PARSE_FIRMS },
  perTier,
  goal,
});
console.log(`Wrote ${file}`);
