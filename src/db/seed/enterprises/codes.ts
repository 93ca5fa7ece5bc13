/** Identifiers of demo firms: valid, unique 统一社会信用代码 and stable row ids, both derived from the firm's
 *  name slot (a unique number per firm and seed), never from a random draw that could repeat. */
import { USCC_CHARSET, usccCheckChar } from '../../../domain/text/uscc.js';
import { mix32, permute } from './random.js';

const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
const ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** GB 11714 check character of an 8-character 组织机构代码 body. */
export function orgCodeCheck(body8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += ALNUM.indexOf(body8[i]) * ORG_CODE_WEIGHTS[i];
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

const DIGIT_SPACE = 100_000_000;
const MA_SPACE = 31 ** 6;

/**
 * A code '91' (市场监管, 企业) + the registering region + a 9-character 主体标识码 + the check character.
 * Firms registered since the 2015 reform get an 'MA…' body, older ones an all-digit 组织机构代码; both
 * are keyed permutations of `slot`, so two slots never share a body and two firms never share a code.
 */
export function demoUscc(slot: number, seed: number, regionCode: string, reformEra: boolean): string {
  let body8: string;
  if (reformEra) {
    let v = permute(slot, MA_SPACE, mix32(seed ^ 0x4d41));
    let tail = '';
    for (let i = 0; i < 6; i++) {
      tail = USCC_CHARSET[v % 31] + tail;
      v = Math.floor(v / 31);
    }
    body8 = `MA${tail}`;
  } else {
    body8 = String(permute(slot, DIGIT_SPACE, mix32(seed ^ 0x3931))).padStart(8, '0');
  }
  const first17 = `91${regionCode}${body8}${orgCodeCheck(body8)}`;
  return first17 + usccCheckChar(first17);
}

const hex = (n: number, len: number) => (n >>> 0).toString(16).padStart(8, '0').slice(-len);

/** A stable v4-shaped id: the seed in the first group and the slot in the last, so ids never repeat. */
export function demoId(slot: number, seed: number): string {
  const h = mix32(slot ^ mix32(seed));
  const slotHex = slot.toString(16).padStart(12, '0');
  return `${hex(seed, 8)}-${hex(h >>> 16, 4)}-4${hex(h, 3)}-a${hex(mix32(h), 3)}-${slotHex}`;
}
