/** An EdgeSource over edges held in memory: for tests, and for small graphs already loaded. */
import type { Edge, EdgeSource, RelationKind } from './algorithms.js';

export function memoryGraph(edges: Edge[]): EdgeSource & { calls: number } {
  const g = {
    calls: 0,
    async around(ids: string[], kinds?: readonly RelationKind[], max?: number) {
      g.calls++;
      const set = new Set(ids);
      const found = edges.filter(
        (e) => (set.has(e.from) || set.has(e.to)) && (!kinds || kinds.includes(e.kind)),
      );
      return max === undefined ? found : found.slice(0, max);
    },
    async holdersOf(ids: string[]) {
      g.calls++;
      const set = new Set(ids);
      return edges.filter((e) => e.kind === 'shareholding' && set.has(e.to));
    },
    async holdingsOf(ids: string[]) {
      g.calls++;
      const set = new Set(ids);
      return edges.filter((e) => e.kind === 'shareholding' && set.has(e.from));
    },
  };
  return g;
}
