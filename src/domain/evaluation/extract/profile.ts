// Facts that are words, not figures: technology readiness, key customers, where the firm comes from.
import { FORECAST } from './context.js';

// TRL by the stage a Chinese plan names, checked from the most advanced down.
const TRL_STAGES: [number, RegExp][] = [
  [9, /规模化应用|稳定运行[\d#]*年|大规模商用|成熟应用/],
  [8, /量产|(?<!小)批量(?:生产|供货|配套|销售|应用)|规模化生产|已批量/],
  [7, /小批量|试生产|试产|试运行/],
  [6, /中试(?!线|基地|平台|车间)/],
  [5, /工程样机|中试线|环境验证/],
  [4, /实验室验证|实验室样机|(?<!原理|工程)样机|小试/],
  [3, /概念验证|原理验证|原理样机/],
  [2, /概念设计|方案设计/],
  [1, /原理研究|基础研究/],
];

// A level stated outright: "技术成熟度TRL 7级", "TRL-6", "技术成熟度达到7级", "技术就绪度为8级".
const STATED_TRL =
  /(?:TRL|技术(?:成熟|就绪)度(?:等级)?(?:为|达到|已达到|已达|处于)?)\s*[-:：]?\s*(?:TRL\s*)?([1-9])(?![\d.])\s*级?/gi;

/** The level the sentence states, else the most advanced stage it says is reached; a level or stage after
 *  a forecast word (预计达到 TRL 8) does not count. */
export function trlOf(sentence: string): number | undefined {
  for (const m of sentence.matchAll(STATED_TRL)) {
    if (!FORECAST.test(sentence.slice(0, m.index))) return Number(m[1]);
  }
  for (const [level, re] of TRL_STAGES) {
    const global = new RegExp(re.source, 'g');
    for (const m of sentence.matchAll(global)) {
      if (!FORECAST.test(sentence.slice(0, m.index))) return level;
    }
  }
  return undefined;
}

const CUSTOMER_LEAD =
  /(?:主要|标杆|核心|重点)?客户(?:包括|有|为|涵盖|覆盖|[：:])[：:]?(?:已服务|包括|有)?|已(?:进入|服务)/g;

/** Named customers listed after 客户包括 / 已进入 …, cut at 等 or the end of the sentence. */
export function customersOf(sentence: string): string[] {
  const out: string[] = [];
  for (const m of sentence.matchAll(CUSTOMER_LEAD)) {
    const rest = sentence.slice((m.index ?? 0) + m[0].length);
    const list = rest.split(/[，,；;。\n]|等/)[0];
    if (!list.includes('、') && !/^[\u4e00-\u9fa5A-Za-z]{2,10}$/.test(list)) continue;
    for (const item of list.split(/、|和|及/)) {
      const name = item.replace(/(?:的)?供应链$|的?供应商体系$/, '').trim();
      if (/^[\u4e00-\u9fa5A-Za-z][\u4e00-\u9fa5A-Za-z\d]{1,11}$/.test(name)) out.push(name);
    }
  }
  return out;
}

const ORIGIN =
  /依托|孵化|源自|来源于|来源|来自|转化|衍生|创立|组建|背景|控股|参股|子公司|旗下|出身|毕业于|属/;
const SOE_NAMES =
  /东风汽车|中国建材|中国船舶|国家电投|中国中车|中国石化|中国石油|国家电网|中核|中广核|中国电科|中国航天|中航工业|中国宝武|中国移动|中国电信|中国联通|中国商飞|三峡集团/;

export type Affiliation = '大院大所' | '龙头' | '央企国企' | '高校';

/** Kinds of origin or backer a clause names (the firm's own, not its customers' or rivals'). */
export function affiliationsOf(clause: string): Affiliation[] {
  if (/客户|竞争|对标|竞品|供应链/.test(clause)) return [];
  const out: Affiliation[] = [];
  const origin = ORIGIN.test(clause);
  if (origin) {
    if (/科学院|中科院/.test(clause)) out.push('大院大所');
    else if (/大学/.test(clause)) out.push('高校');
    // 药物所, 化学所: institutes are often named by their short form.
    else if (/研究院|研究所|院所|[\u4e00-\u9fa5]{2}所(?![有以在属需得谓])/.test(clause)) out.push('大院大所');
    else if (/学院/.test(clause)) out.push('高校');
  }
  if (/央企|中央企业|国企|国有|国资/.test(clause) || (origin && SOE_NAMES.test(clause))) out.push('央企国企');
  if (/龙头/.test(clause) && (origin || /是|为|系/.test(clause))) out.push('龙头');
  else if (/上市公司/.test(clause) && origin) out.push('龙头');
  return out;
}
