// Numbers as a Chinese user reads them in verdicts: money in 万元, ratios in per cent. Amounts a firm
// still needs are rounded UP, so following the advice always meets the threshold.

function group(intPart: string): string {
  return intPart.length <= 4 ? intPart : intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Yuan as 万元: two decimals below 100 万, one below 10,000 万, whole 万 above; `up` rounds up. */
export function wan(yuan: number, up = false): string {
  const neg = yuan < 0;
  const abs = neg ? -yuan : yuan;
  // Work in hundredths of 万 (= 100 元) so 864,000 元 is 8640 exactly, not 8640.000000001.
  const cents = abs / 100;
  const step = abs < 1_000_000 ? 1 : abs < 100_000_000 ? 10 : 100;
  const r = (up ? Math.ceil(cents / step - 1e-9) : Math.round(cents / step)) * step;
  const whole = Math.floor(r / 100);
  const frac = r - whole * 100;
  let s = group(String(whole));
  if (frac > 0) s += frac % 10 === 0 ? `.${frac / 10}` : `.${frac < 10 ? '0' : ''}${frac}`;
  return `${neg ? '-' : ''}${s} 万元`;
}

/** A money value shown beside a threshold it misses: in 万元, or to the yuan when 万元 would show them equal. */
export function wanVs(yuan: number, threshold: number): string {
  const w = wan(yuan);
  return w === wan(threshold) && yuan !== threshold ? `${group(String(Math.round(yuan)))} 元` : w;
}

/** A ratio as per cent with up to two decimals; `down` truncates so 3.999% never shows as 4%. */
export function pct(ratio: number, down = false): string {
  const h = ratio * 10_000;
  const n = down ? Math.floor(h + 1e-6) : Math.round(h);
  const whole = Math.trunc(n / 100);
  const frac = Math.abs(n - whole * 100);
  const sign = n < 0 && whole === 0 ? '-' : '';
  if (frac === 0) return `${sign}${whole}%`;
  return `${sign}${whole}.${frac % 10 === 0 ? frac / 10 : frac < 10 ? `0${frac}` : frac}%`;
}

/** US dollars as the growth tiers state them: 亿美元 (two decimals) or 万美元 (one decimal); `up` rounds up. */
export function usd(amount: number, up = false): string {
  const yi = amount >= 100_000_000;
  const unit = yi ? 1_000_000 : 1000;
  const n = up ? Math.ceil(amount / unit - 1e-9) : Math.round(amount / unit);
  const v = yi ? n / 100 : n / 10;
  const whole = Math.trunc(v);
  const frac = String(v).slice(String(whole).length);
  return `${group(String(whole))}${frac} ${yi ? '亿美元' : '万美元'}`;
}

/** US dollars beside a threshold they miss: to the dollar when the rounded forms would look equal. */
export function usdVs(amount: number, threshold: number): string {
  const s = usd(amount);
  return s === usd(threshold) && amount !== threshold ? `${group(String(Math.round(amount)))} 美元` : s;
}

/** Whole-point scores and point ranges: 7 or 7–8. */
export function pts(lo: number, hi: number): string {
  return lo === hi ? `${lo}` : `${lo}–${hi}`;
}
