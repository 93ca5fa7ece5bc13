import { describe, expect, it } from 'vitest';
import { readFigure } from './typed-figure.js';

describe('readFigure: what an officer types into a figure field', () => {
  it('reads money in 万元 as written, with or without its own unit', () => {
    expect(readFigure('1,200.5', 'wan')).toEqual({ ok: true, value: 1200.5 });
    expect(readFigure('1.2亿', 'wan')).toEqual({ ok: true, value: 12000 });
    expect(readFigure('300万元', 'wan')).toEqual({ ok: true, value: 300 });
    expect(readFigure('５０００元', 'wan')).toEqual({ ok: true, value: 0.5 });
    expect(readFigure('-80', 'wan')).toEqual({ ok: true, value: -80 });
    expect(readFigure(3000, 'wan')).toEqual({ ok: true, value: 3000 });
  });

  it('reads counts whole, and keeps a minus sign for the rule to refuse', () => {
    expect(readFigure('８０００', 'count')).toEqual({ ok: true, value: 8000 });
    expect(readFigure('160人', 'count')).toEqual({ ok: true, value: 160 });
    expect(readFigure('1.2万', 'count')).toEqual({ ok: true, value: 12000 });
    expect(readFigure('-5', 'count')).toEqual({ ok: true, value: -5 });
    expect(readFigure('2.5', 'count')).toEqual({ ok: false, reason: 'fraction' });
  });

  it('says that text is not a number instead of reading it as nothing', () => {
    expect(readFigure('abc', 'wan')).toEqual({ ok: false, reason: 'invalid' });
    expect(readFigure('abc', 'count')).toEqual({ ok: false, reason: 'invalid' });
    expect(readFigure('$300万', 'wan')).toEqual({ ok: false, reason: 'foreign' });
    expect(readFigure('  ', 'wan')).toEqual({ ok: true, value: null });
    expect(readFigure(null, 'count')).toEqual({ ok: true, value: null });
  });

  it('calls a number too large for any figure too large, not "not a number"', () => {
    expect(readFigure('99999999999999', 'wan')).toEqual({ ok: false, reason: 'huge' });
    expect(readFigure('99999999999999999999', 'count')).toEqual({ ok: false, reason: 'huge' });
    expect(readFigure('abc', 'wan')).toEqual({ ok: false, reason: 'invalid' });
  });
});
