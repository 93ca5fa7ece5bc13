/** Automatic placement of firms on chain nodes: which node a firm works in, how sure, and why. The
 *  node's vocabulary (keywords, products, technologies: the words firms write) is looked up in the
 *  firm's main products, business scope and name; its GB/T 4754 industry codes in the firm's industry.
 *  Matching curated terms as substrings of Chinese text is the segmentation here: the terms are the
 *  dictionary, and "光伏逆变器" inside "组串式光伏逆变器的研发" is found without cutting the text first. */

export type PlacementNode = {
  id: string;
  keywords: readonly string[];
  products: readonly string[];
  technologies: readonly string[];
  industryCodes: readonly string[];
};

export type PlacementFirm = {
  name: string;
  industryDivision: string | null;
  businessScope: string | null;
  mainProducts: string | null;
};

export type Placement = { nodeId: string; confidence: number; reasons: string[] };

/** Below this a match is noise (one generic word in a long business scope). */
export const MIN_CONFIDENCE = 0.35;

/** What each kind of evidence adds; a node's confidence is 1 − Π(1 − w) over the distinct terms found,
 *  so evidence adds up without passing 1. The weights are published in docs/CHAINS.md. */
export const WEIGHTS = {
  product: 0.6,
  scope: 0.3,
  name: 0.35,
  industry: 0.2,
} as const;

type Term = { text: string; node: number };

/** Built once per set of nodes and reused for every firm. Terms are filed under their first two
 *  characters, so a firm's text is read once, position by position, whatever the number of terms. */
export class Placer {
  private readonly terms: Term[] = [];
  private readonly byStart = new Map<string, Term[]>();
  private readonly byIndustry = new Map<string, number[]>();

  constructor(private readonly nodes: readonly PlacementNode[]) {
    nodes.forEach((n, i) => {
      const seen = new Set<string>();
      for (const t of [...n.keywords, ...n.products, ...n.technologies]) {
        const text = t.trim();
        if (text.length < 2 || seen.has(text)) continue;
        seen.add(text);
        this.terms.push({ text, node: i });
      }
      for (const c of n.industryCodes) {
        const list = this.byIndustry.get(c) ?? [];
        list.push(i);
        this.byIndustry.set(c, list);
      }
    });
    // Longer terms first, so "异质结光伏组件" is reported rather than "组件" when both match.
    this.terms.sort((a, b) => b.text.length - a.text.length);
    for (const t of this.terms) {
      const start = t.text.slice(0, 2);
      const list = this.byStart.get(start) ?? [];
      list.push(t);
      this.byStart.set(start, list);
    }
  }

  /** The terms found in `text`, longest first, each once. */
  private termsIn(text: string): Term[] {
    const out: Term[] = [];
    for (let i = 0; i < text.length - 1; i++) {
      const list = this.byStart.get(text.slice(i, i + 2));
      if (!list) continue;
      for (const t of list) if (text.startsWith(t.text, i) && !out.includes(t)) out.push(t);
    }
    return out.sort((a, b) => b.text.length - a.text.length);
  }

  place(firm: PlacementFirm): Placement[] {
    const found = new Map<number, { miss: number; reasons: string[]; hasTerm: boolean }>();
    const add = (node: number, weight: number, reason: string, isTerm: boolean) => {
      const f = found.get(node) ?? { miss: 1, reasons: [], hasTerm: false };
      f.miss *= 1 - weight;
      f.reasons.push(reason);
      f.hasTerm ||= isTerm;
      found.set(node, f);
    };
    const sources: [string | null, number, string][] = [
      [firm.mainProducts, WEIGHTS.product, '主要产品'],
      [firm.name, WEIGHTS.name, '企业名称'],
      [firm.businessScope, WEIGHTS.scope, '经营范围'],
    ];
    for (const [text, weight, label] of sources) {
      if (!text) continue;
      const hit: Term[] = [];
      for (const t of this.termsIn(text)) {
        // A shorter term inside a longer one already found for the same node is not new evidence.
        if (hit.some((h) => h.node === t.node && h.text.includes(t.text))) continue;
        hit.push(t);
        add(t.node, weight, `${label}：${t.text}`, true);
      }
    }
    if (firm.industryDivision)
      for (const node of this.byIndustry.get(firm.industryDivision) ?? [])
        if (found.get(node)?.hasTerm) add(node, WEIGHTS.industry, `行业代码 ${firm.industryDivision}`, false);
    const out: Placement[] = [];
    for (const [node, f] of found) {
      const confidence = Math.round((1 - f.miss) * 1000) / 1000;
      if (f.hasTerm && confidence >= MIN_CONFIDENCE)
        out.push({ nodeId: this.nodes[node].id, confidence, reasons: f.reasons });
    }
    return out.sort((a, b) => b.confidence - a.confidence);
  }
}
