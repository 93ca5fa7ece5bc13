import { describe, expect, it } from 'vitest';
import { bigramDice, nameSimilarity, normalizeCompanyName, withoutInnerRegion } from './company-name.js';

describe('normalizeCompanyName', () => {
  it('folds full-width brackets and spaces into one normalised name', () => {
    const full = normalizeCompanyName('中交慧运（盐城）科技有限公司');
    const half = normalizeCompanyName(' 中交慧运 (盐城) 科技有限公司\u3000');
    expect(full).toEqual({ normalized: '中交慧运(盐城)科技有限公司', core: '中交慧运科技' });
    expect(half).toEqual(full);
  });

  it('folds Latin width and case, other bracket shapes and quotes', () => {
    expect(normalizeCompanyName('ＡＢＣ科技【上海】有限公司').normalized).toBe('ABC科技(上海)有限公司');
    expect(normalizeCompanyName('abc科技(上海)有限公司').normalized).toBe('ABC科技(上海)有限公司');
    expect(normalizeCompanyName('“小天鹅”电器有限公司').normalized).toBe('小天鹅电器有限公司');
  });

  it.each([
    ['南通市通润汽车零部件有限公司', '通润汽车零部件'],
    ['中交慧运（盐城）科技有限公司', '中交慧运科技'],
    ['江苏恒瑞医药股份有限公司', '恒瑞医药'],
    ['江苏省盐城市亭湖区某某科技有限公司', '某某科技'],
    ['嘉兴市南湖区 某某 有限责任公司', '某某'],
    ['江阴兴澄特种钢铁有限公司', '兴澄特种钢铁'],
    ['海安市鑫源机械有限公司', '鑫源机械'],
    ['无锡小天鹅电器有限公司', '小天鹅电器'],
    ['深圳市腾讯计算机系统有限公司', '腾讯计算机系统'],
    ['阿里巴巴（中国）有限公司', '阿里巴巴'],
    ['华为技术有限公司', '华为技术'],
    ['苏州科达科技股份有限公司', '科达科技'],
    ['上海某某科技集团有限公司', '某某科技'],
    ['某某新能源（集团）股份有限公司', '某某新能源'],
    ['某某创业投资中心（有限合伙）', '某某创业投资中心'],
    ['某某科技有限公司（筹）', '某某科技'],
  ])('reduces %s to the core %s', (name, core) => {
    expect(normalizeCompanyName(name).core).toBe(core);
  });

  it('keeps a bracketed word that is not a region', () => {
    expect(normalizeCompanyName('某某(国际)贸易有限公司').core).toBe('某某国际贸易');
  });

  it('keeps a short region name when what follows is only an industry word (南京银行, 上海电气)', () => {
    expect(normalizeCompanyName('南京银行股份有限公司').core).toBe('南京银行');
    expect(normalizeCompanyName('上海电气集团股份有限公司').core).toBe('上海电气');
    expect(normalizeCompanyName('宜兴市宜兴科技有限公司').core).toBe('宜兴科技');
  });

  it('does not take a brand for a district (福田汽车, 长安汽车, 金山软件, 东方电气)', () => {
    expect(normalizeCompanyName('北汽福田汽车股份有限公司').core).toBe('北汽福田汽车');
    expect(normalizeCompanyName('重庆长安汽车股份有限公司').core).toBe('长安汽车');
    expect(normalizeCompanyName('金山软件有限公司').core).toBe('金山软件');
    expect(normalizeCompanyName('东方电气股份有限公司').core).toBe('东方电气');
    expect(normalizeCompanyName('中国石油化工集团有限公司').core).toBe('中国石油化工');
  });

  it('never strips a name down to fewer than two characters', () => {
    expect(normalizeCompanyName('南通市通有限公司').core).toBe('南通市通');
    expect(normalizeCompanyName('盐城市X').core).toBe('盐城市X');
    expect(normalizeCompanyName('X公司').core).toBe('X公司');
    expect(normalizeCompanyName('有限公司').core).toBe('有限公司');
  });

  it('compares a branch by the firm it belongs to', () => {
    expect(normalizeCompanyName('盐城中交慧运科技有限公司南通分公司').core).toBe('中交慧运科技');
  });
});

describe('nameSimilarity', () => {
  it('is 1 for the same name written with full- and half-width brackets', () => {
    expect(nameSimilarity('中交慧运（盐城）科技有限公司', '中交慧运(盐城)科技有限公司')).toBe(1);
  });

  it('is 1 when only the region, the legal form or the spacing differ', () => {
    expect(nameSimilarity('中交慧运（盐城）科技有限公司', '中交慧运科技有限公司')).toBe(1);
    expect(nameSimilarity('南通市通润汽车零部件有限公司', '通润汽车零部件（南通）有限公司')).toBe(1);
    expect(nameSimilarity('某某科技有限公司', '某某科技有限责任公司')).toBe(1);
  });

  it('is high for a short name against the full name', () => {
    expect(nameSimilarity('中交慧运', '中交慧运（盐城）科技有限公司')).toBeGreaterThanOrEqual(0.7);
  });

  it('is moderate for firms that differ in one character of their brand', () => {
    const s = nameSimilarity('南通市通润汽车零部件有限公司', '南通市通达汽车零部件有限公司');
    expect(s).toBeGreaterThan(0.5);
    expect(s).toBeLessThan(0.9);
  });

  it('is low for unrelated firms even with the same region and legal form', () => {
    expect(nameSimilarity('南通市通润汽车零部件有限公司', '江苏恒瑞医药股份有限公司')).toBe(0);
    expect(nameSimilarity('盐城市中交慧运科技有限公司', '盐城市华能风电设备有限公司')).toBeLessThan(0.2);
  });

  it('is symmetric and stays in [0, 1]', () => {
    const pairs: [string, string][] = [
      ['中交慧运科技', '慧运科技'],
      ['A', 'AB'],
      ['', '某某'],
    ];
    for (const [a, b] of pairs) {
      const s = nameSimilarity(a, b);
      expect(s).toBe(nameSimilarity(b, a));
      expect(s).toBeGreaterThanOrEqual(0);
      expect(s).toBeLessThanOrEqual(1);
    }
    expect(nameSimilarity('', '')).toBe(0);
  });
});

describe('bigramDice', () => {
  it('counts shared character pairs', () => {
    expect(bigramDice('通润汽车', '通润汽车')).toBe(1);
    expect(bigramDice('通润汽车', '通达汽车')).toBeCloseTo(2 / 6);
    expect(bigramDice('甲', '甲')).toBe(1);
    expect(bigramDice('甲', '乙')).toBe(0);
  });
});

describe('withoutInnerRegion', () => {
  it('takes out a region typed inside a name, and leaves a leading one or a name without one alone', () => {
    expect(withoutInnerRegion('中交慧运盐城科技')).toBe('中交慧运科技');
    expect(withoutInnerRegion('中交慧运盐城')).toBe('中交慧运');
    expect(withoutInnerRegion('盐城中交慧运')).toBeNull();
    expect(withoutInnerRegion('青禾光电')).toBeNull();
  });
});
