/** A page's state kept in the address's query (tab, filters, page), changed a few keys at a time.
 *  react-router's setSearchParams starts from the params of the last render, and the re-render runs
 *  in a transition; two quick clicks (a tier on the 梯度 ladder, then a standing) made the second
 *  undo the first, so the list showed the wrong tier. Changes here start from the address as it is
 *  now: BrowserRouter writes it at once, before React draws the page again. */
import { type NavigateOptions, useSearchParams } from 'react-router';

export type UrlPatch = Record<string, string | number | boolean | null | undefined>;

export function useUrlParams() {
  const [params, setParams] = useSearchParams();
  /** Sets each key of the patch; null, undefined, '' and false remove it. */
  const patch = (changes: UrlPatch, options?: NavigateOptions) => {
    const next = new URLSearchParams(window.location.search);
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined || v === null || v === '' || v === false) next.delete(k);
      else next.set(k, String(v));
    }
    setParams(next, options);
  };
  return [params, patch] as const;
}
