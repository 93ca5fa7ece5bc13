/** The profile's radar chart as a PNG for the Word report: drawn as SVG here (five axes, rings at every
 *  20 points, the score polygon) and rasterised by resvg, so no browser or canvas is needed. */
import { Resvg } from '@resvg/resvg-js';

// Wide enough for the longest label (投资规模与落地效益) on either side.
const W = 640;
const H = 480;
const CX = W / 2;
const CY = H / 2;
const R = 150;

const point = (i: number, n: number, r: number) => {
  const a = -Math.PI / 2 + (2 * Math.PI * i) / n;
  return [CX + r * Math.cos(a), CY + r * Math.sin(a)] as const;
};
const poly = (pts: (readonly [number, number])[]) =>
  pts.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(' ');
const esc = (s: string) => s.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);

export function radarSvg(dimensions: { name: string; score: number }[]) {
  const n = dimensions.length;
  const rings = [20, 40, 60, 80, 100]
    .map(
      (v) =>
        `<polygon points="${poly(dimensions.map((_, i) => point(i, n, (R * v) / 100)))}" fill="none" stroke="#d9d9d9"/>`,
    )
    .join('');
  const axes = dimensions
    .map((_, i) => {
      const [x, y] = point(i, n, R);
      return `<line x1="${CX}" y1="${CY}" x2="${x.toFixed(1)}" y2="${y.toFixed(1)}" stroke="#d9d9d9"/>`;
    })
    .join('');
  const shape = `<polygon points="${poly(dimensions.map((d, i) => point(i, n, (R * Math.max(0, Math.min(100, d.score))) / 100)))}" fill="rgba(22,119,255,0.25)" stroke="#1677ff" stroke-width="2"/>`;
  const labels = dimensions
    .map((d, i) => {
      const [x, y] = point(i, n, R + 34);
      return `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" font-size="16" text-anchor="middle" dominant-baseline="middle" font-family="Noto Sans CJK SC, WenQuanYi Micro Hei, Microsoft YaHei, sans-serif" fill="#262626">${esc(d.name)} ${d.score}</text>`;
    })
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}"><rect width="${W}" height="${H}" fill="#ffffff"/>${rings}${axes}${shape}${labels}</svg>`;
}

export function radarPng(dimensions: { name: string; score: number }[]): Buffer {
  return new Resvg(radarSvg(dimensions), { font: { loadSystemFonts: true } }).render().asPng();
}
