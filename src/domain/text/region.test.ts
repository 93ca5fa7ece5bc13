import { describe, expect, it } from 'vitest';
import { isValidRegionCode, regionCodeByName, regionEntry, regionName } from './region.js';
import { shortRegionName } from './region-data.js';

describe('isValidRegionCode', () => {
  it.each([
    ['320000', '江苏省'],
    ['320900', '盐城市'],
    ['320902', '亭湖区'],
    ['320685', '海安市'],
    ['320281', '江阴市'],
    ['330402', '南湖区 (Jiaxing)'],
    ['320671', '南通经济技术开发区'],
    ['110101', '东城区'],
    ['429004', '仙桃市 (省直辖县级)'],
    ['810000', '香港特别行政区'],
  ])('accepts %s (%s)', (code) => {
    expect(isValidRegionCode(code)).toBe(true);
  });

  it.each(['', '32090', '3209020', '32090X', '999999', '320999', '000000', '320902000000'])(
    'rejects %j',
    (code) => {
      expect(isValidRegionCode(code)).toBe(false);
    },
  );
});

describe('regionName', () => {
  it('names a county from the province down', () => {
    expect(regionName('320902')).toBe('江苏省 盐城市 亭湖区');
    expect(regionName('320685')).toBe('江苏省 南通市 海安市');
    expect(regionName('330402')).toBe('浙江省 嘉兴市 南湖区');
  });

  it('names province and city codes at their own level', () => {
    expect(regionName('320000')).toBe('江苏省');
    expect(regionName('320200')).toBe('江苏省 无锡市');
  });

  it('leaves out the 市辖区 and 省直辖县级行政区划 placeholders nobody writes', () => {
    expect(regionName('110101')).toBe('北京市 东城区');
    expect(regionName('310115')).toBe('上海市 浦东新区');
    expect(regionName('429004')).toBe('湖北省 仙桃市');
  });

  it('returns null for an unknown code', () => {
    expect(regionName('999999')).toBeNull();
  });

  it('exposes level and parent through regionEntry', () => {
    expect(regionEntry('320902')).toEqual({
      code: '320902',
      name: '亭湖区',
      level: 'county',
      parent: '320900',
    });
    expect(regionEntry('320900')?.parent).toBe('320000');
    expect(regionEntry('000000')).toBeNull();
  });
});

describe('regionCodeByName', () => {
  it.each([
    ['江苏省盐城市亭湖区', '320902'],
    ['江苏省 盐城市 亭湖区', '320902'],
    ['江苏盐城', '320900'],
    ['盐城市', '320900'],
    ['盐城', '320900'],
    ['亭湖区', '320902'],
    ['亭湖', '320902'],
    ['江苏 南通 海安', '320685'],
    ['海安市', '320685'],
    ['无锡梁溪', '320213'],
    ['江苏省江阴市', '320281'],
    ['南通开发区', '320671'],
    ['嘉兴市南湖区', '330402'],
    ['北京市东城区', '110101'],
    ['上海浦东', '310115'],
    ['湖北省仙桃市', '429004'],
    ['江苏', '320000'],
    ['320902', '320902'],
  ])('reads %j as %s', (name, code) => {
    expect(regionCodeByName(name)).toBe(code);
  });

  it('reads the region at the start of an address and ignores the rest', () => {
    expect(regionCodeByName('江苏省江阴市澄江街道人民东路 1 号')).toBe('320281');
    expect(regionCodeByName('盐城市亭湖区新洋街道解放南路')).toBe('320902');
  });

  it('prefers the province when a short name is also a city or county (吉林, 河南, 海南)', () => {
    expect(regionCodeByName('吉林')).toBe('220000');
    expect(regionCodeByName('吉林市')).toBe('220200');
    expect(regionCodeByName('吉林省吉林市')).toBe('220200');
    expect(regionCodeByName('河南')).toBe('410000');
    expect(regionCodeByName('海南')).toBe('460000');
  });

  it('refuses to guess between districts of the same name in different cities', () => {
    expect(regionCodeByName('鼓楼区')).toBeNull();
    expect(regionCodeByName('朝阳区')).toBeNull();
    expect(regionCodeByName('南京市鼓楼区')).toBe('320106');
    expect(regionCodeByName('长春市朝阳区')).toBe('220104');
  });

  it('returns null for names that are no division', () => {
    expect(regionCodeByName('')).toBeNull();
    expect(regionCodeByName('火星')).toBeNull();
    expect(regionCodeByName('盐南高新区')).toBeNull(); // a functional zone without a GB/T 2260 code
    expect(regionCodeByName('999999')).toBeNull();
  });
});

describe('shortRegionName', () => {
  it.each([
    ['江苏省', '江苏'],
    ['盐城市', '盐城'],
    ['海安市', '海安'],
    ['广西壮族自治区', '广西'],
    ['延边朝鲜族自治州', '延边'],
    ['黔东南苗族侗族自治州', '黔东南'],
    ['龙胜各族自治县', '龙胜'],
    ['浦东新区', '浦东'],
    ['清新区', '清新'],
    ['万柏林区', '万柏林'],
    ['神农架林区', '神农架'],
    ['南通经济技术开发区', '南通开发区'],
  ])('shortens %s to %s', (full, short) => {
    expect(shortRegionName(full)).toBe(short);
  });

  it('returns null where nothing of two characters would remain', () => {
    expect(shortRegionName('沛县')).toBeNull();
    expect(shortRegionName('矿区')).toBeNull();
    expect(shortRegionName('苏州工业园区')).toBeNull();
  });
});
