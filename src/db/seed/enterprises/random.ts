/** Seeded randomness for the demo firms. Each firm draws from its own generator keyed by (seed, universe,
 *  index), so firm i is the same whatever the count, and names and codes come from keyed permutations of
 *  the index, so they are unique by construction instead of by a million-entry set. */

/** 32-bit avalanche hash (Murmur3 finaliser): small input changes scatter over all bits. */
export function mix32(x: number): number {
  let h = x >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** mulberry32: a tiny seeded generator of floats in [0, 1); used where a 32-bit state is enough. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Draws of one firm. sfc32 with a 128-bit state built from (seed, stream, index): distinct firms never
 *  share a state, which a 32-bit hash of the three would (≈ 100 pairs in a million). */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number, stream: number, index: number) {
    this.a = seed >>> 0;
    this.b = index >>> 0;
    this.c = (stream ^ 0x9e3779b9) >>> 0;
    this.d = 1;
    for (let i = 0; i < 12; i++) this.next();
  }

  /** A float in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0;
    this.c = (this.c + t) >>> 0;
    return t / 4294967296;
  }

  /** An integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  uniform(lo: number, hi: number): number {
    return lo + this.next() * (hi - lo);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** One of `items`, chosen with the given weights. */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of items) total += w;
    let r = this.next() * total;
    for (const [item, w] of items) {
      r -= w;
      if (r < 0) return item;
    }
    return items[items.length - 1][0];
  }

  /** Standard normal draw (Box–Muller). */
  normal(mean = 0, sd = 1): number {
    const u = 1 - this.next();
    const v = this.next();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Log-normal draw with the given median and log-space spread. */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(this.normal(0, sigma));
  }

  /** Poisson draw (Knuth below 30, normal approximation above). */
  poisson(lambda: number): number {
    if (lambda <= 0) return 0;
    if (lambda > 30) return Math.max(0, Math.round(this.normal(lambda, Math.sqrt(lambda))));
    const l = Math.exp(-lambda);
    let k = 0;
    let p = 1;
    do {
      k++;
      p *= this.next();
    } while (p > l);
    return k - 1;
  }
}

/** A keyed bijection of [0, n): a balanced Feistel network on the smallest even bit width, cycle-walked
 *  back into range. Distinct inputs give distinct outputs, and neighbours land far apart. */
export function permute(x: number, n: number, key: number): number {
  if (n <= 1) return 0;
  let bits = Math.max(2, Math.ceil(Math.log2(n)));
  if (bits % 2) bits++;
  const half = bits / 2;
  const mask = (1 << half) - 1;
  let v = x;
  do {
    let l = v >>> half;
    let r = v & mask;
    for (let round = 0; round < 4; round++) {
      const f = mix32(r ^ mix32(key + round * 0x9e3779b9)) & mask;
      const nl = r;
      r = l ^ f;
      l = nl;
    }
    v = l * (1 << half) + r;
  } while (v >= n);
  return v;
}
