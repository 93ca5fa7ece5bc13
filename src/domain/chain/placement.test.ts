import { describe, expect, it } from 'vitest';
import { MIN_CONFIDENCE, type PlacementNode, Placer } from './placement.js';

const node = (id: string, terms: Partial<PlacementNode>): PlacementNode => ({
  id,
  keywords: [],
  products: [],
  technologies: [],
  industryCodes: [],
  ...terms,
});
const placer = new Placer([
  node('inverter', { keywords: ['逆变器', '光伏逆变器'], products: ['组串式逆变器'], industryCodes: ['38'] }),
  node('cell', { keywords: ['光伏电池片', 'TOPCon'], technologies: ['异质结'], industryCodes: ['38'] }),
  node('wafer', { keywords: ['单晶硅片', '硅片'] }),
]);
const firm = (f: Partial<Parameters<Placer['place']>[0]>) => ({
  name: '某某科技有限公司',
  industryDivision: null,
  businessScope: null,
  mainProducts: null,
  ...f,
});

describe('placement', () => {
  it('places a firm by its products, with the words that caused it', () => {
    const [p, ...rest] = placer.place(firm({ mainProducts: '组串式逆变器、光伏逆变器、储能变流器' }));
    expect(p.nodeId).toBe('inverter');
    expect(p.reasons).toEqual(['主要产品：组串式逆变器', '主要产品：光伏逆变器']);
    expect(p.confidence).toBeGreaterThan(0.8);
    expect(rest).toEqual([]);
  });

  it('does not count a shorter term found inside a longer one of the same node twice', () => {
    const [p] = placer.place(firm({ mainProducts: '光伏逆变器' }));
    expect(p.reasons).toEqual(['主要产品：光伏逆变器']);
    expect(p.confidence).toBe(0.6);
  });

  it('adds the industry code to words already found, but never places on the code alone', () => {
    const withCode = placer.place(firm({ mainProducts: 'TOPCon高效光伏电池片', industryDivision: '38' }));
    expect(withCode.map((p) => p.nodeId)).toEqual(['cell']);
    expect(withCode[0].reasons).toContain('行业代码 38');
    expect(placer.place(firm({ industryDivision: '38' }))).toEqual([]);
  });

  it('drops a lone word in the business scope as too weak, and keeps it with more evidence', () => {
    const scopeOnly = placer.place(firm({ businessScope: '电子元器件销售；硅片销售' }));
    expect(scopeOnly).toEqual([]);
    expect(0.3).toBeLessThan(MIN_CONFIDENCE);
    const named = placer.place(firm({ name: '盐城晶科硅片有限公司', businessScope: '单晶硅片制造' }));
    expect(named[0]).toMatchObject({ nodeId: 'wafer' });
    expect(named[0].confidence).toBeCloseTo(1 - 0.65 * 0.7, 3);
  });

  it('places a firm on every node it works in, surest first', () => {
    const ps = placer.place(
      firm({ mainProducts: '单晶硅片；异质结光伏电池片', businessScope: '光伏逆变器的销售' }),
    );
    expect(ps.map((p) => p.nodeId)).toEqual(['cell', 'wafer']);
  });
});
