/** Keeps a long streamed job's memory flat. An import keeps ≈ 55 MB alive, but between full
 *  collections V8 let the heap grow to ≈ 230 MB of mostly dead batches, on top of the embedded
 *  database: 474 MB peak for 100,000 rows, near the 500 MB an office machine should be asked for.
 *  A full collection every `every` progress reports (500 rows each) costs ≈ 10 ms and kept the peak
 *  at 371 MB, at the same speed. (`--optimize-for-size` did as well for memory but cost a third of the speed.) */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export function collectEvery<A extends unknown[]>(every: number, report: (...a: A) => void) {
  setFlagsFromString('--expose-gc');
  // A fresh context sees the flag just set; the main one was created before it.
  const gc = runInNewContext('gc') as () => void;
  let calls = 0;
  return (...a: A) => {
    if (++calls % every === 0) gc();
    report(...a);
  };
}
