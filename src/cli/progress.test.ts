import { PassThrough } from 'node:stream';
import { expect, it } from 'vitest';
import { progressPrinter, remainingZh } from './progress.js';

it('words the time left in Chinese', () => {
  expect(remainingZh(41)).toBe('约剩 41 秒');
  expect(remainingZh(150)).toBe('约剩 3 分钟');
  expect(remainingZh(3 * 3600 + 600)).toBe('约剩 3 小时 10 分钟');
});

it('adds the time left to a line once the job has run a few seconds', () => {
  const out = new PassThrough() as unknown as NodeJS.WriteStream;
  let text = '';
  (out as unknown as PassThrough).on('data', (b: Buffer) => {
    text += b.toString();
  });
  const bar = progressPrinter(out);
  bar.update(5, '已处理 500 行');
  // A job followed from elsewhere that began 50 s ago and is a quarter done: 150 s, about 3 minutes
  // left. (Not a minute ago: 180 s is the edge of 3 minutes, and the millisecond that passes before
  // the printer reads the clock made it 4 on a busy machine.)
  bar.update(25, '已处理 2500 行', new Date(Date.now() - 50_000));
  expect(text).toBe('  5% 已处理 500 行\n 25% 已处理 2500 行（约剩 3 分钟）\n');
});
