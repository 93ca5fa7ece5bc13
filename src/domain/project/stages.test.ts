import { describe, expect, it } from 'vitest';
import { checkMove, factsUndoneBy } from './stages.js';

describe('project stages', () => {
  it('moves one step forward when the stage has what it needs, and names what is missing otherwise', () => {
    expect(checkMove('lead', 'contact', { contactPerson: '王总' })).toEqual({ ok: true });
    expect(checkMove('evaluation', 'signing', { contractDate: '2026-11-30' })).toMatchObject({
      ok: false,
      code: 'stage.missing',
      message: '进入“签约”阶段还需填写：签约金额',
      missing: ['签约金额'],
    });
    expect(checkMove('signing', 'landing', {})).toMatchObject({
      message: '进入“落地”阶段还需填写：落地注册企业、落地日期',
      messageEn: 'To enter Landing, still needed: local registered firm, landing date',
    });
  });

  it('refuses to skip a stage, saying which one comes next', () => {
    expect(checkMove('lead', 'signing', { contractDate: '2026-11-30', contractAmount: 1e8 })).toMatchObject({
      ok: false,
      code: 'stage.not_allowed',
      message: '不能从“线索”直接跳到“签约”，请先推进到“接洽”',
      messageEn: 'Lead cannot jump to Signing; move it to Contact first',
    });
  });

  it('goes back to an earlier stage without asking again', () => {
    expect(checkMove('signing', 'visit', {})).toEqual({ ok: true });
  });

  it('pauses and terminates from any stage with a reason, and resumes only where it was paused', () => {
    expect(checkMove('visit', 'paused', {})).toMatchObject({ ok: false, missing: ['暂停原因'] });
    expect(checkMove('visit', 'paused', { reason: '企业融资未到位' })).toEqual({ ok: true });
    expect(checkMove('paused', 'visit', {}, { pausedFrom: 'visit' })).toEqual({ ok: true });
    expect(checkMove('paused', 'signing', {}, { pausedFrom: 'visit' })).toMatchObject({
      ok: false,
      message: '暂停的项目只能恢复到暂停前的“考察”阶段，或终止',
    });
    expect(checkMove('paused', 'terminated', { reason: '企业选址他处' })).toEqual({ ok: true });
    expect(checkMove('terminated', 'lead', {})).toMatchObject({
      ok: false,
      message: '项目已终止，不能再推进',
    });
  });

  it('treats blank text as missing', () => {
    expect(checkMove('lead', 'contact', { contactPerson: '  ' })).toMatchObject({
      ok: false,
      missing: ['对接人'],
    });
  });

  it('refuses a landing before the signing and a production before the landing', () => {
    const signed = { contractDate: '2026-12-01', contractAmount: 1e8, localEnterpriseId: 'x' };
    expect(checkMove('signing', 'landing', { ...signed, landingDate: '2020-01-01' })).toMatchObject({
      ok: false,
      code: 'stage.date_order',
      message: '落地日期（2020-01-01）不能早于签约日期（2026-12-01）',
      messageEn: 'The landing date (2020-01-01) cannot be before the contract date (2026-12-01)',
    });
    expect(checkMove('signing', 'landing', { ...signed, landingDate: '2026-12-01' })).toEqual({ ok: true });
    const landed = { ...signed, landingDate: '2026-12-03' };
    expect(checkMove('landing', 'production', { ...landed, productionDate: '2026-12-02' })).toMatchObject({
      message: '投产日期（2026-12-02）不能早于落地日期（2026-12-03）',
    });
  });

  it('refuses a signing before the visit', () => {
    const visited = { visitDate: '2026-12-08', contractDate: '2026-11-25', contractAmount: 1e8 };
    expect(checkMove('evaluation', 'signing', visited)).toMatchObject({
      code: 'stage.date_order',
      message: '签约日期（2026-11-25）不能早于考察日期（2026-12-08）',
    });
  });
});

describe('a move back', () => {
  it('undoes the facts of the stages after the one moved back to, and nothing else', () => {
    const fields = (from: Parameters<typeof factsUndoneBy>[0], to: Parameters<typeof factsUndoneBy>[1]) =>
      factsUndoneBy(from, to).map((n) => n.field);
    expect(fields('landing', 'signing')).toEqual(['localEnterpriseId', 'landingDate', 'productionDate']);
    expect(fields('production', 'landing')).toEqual(['productionDate']);
    expect(fields('signing', 'evaluation')).toEqual([
      'contractDate',
      'contractAmount',
      'localEnterpriseId',
      'landingDate',
      'productionDate',
    ]);
    expect(factsUndoneBy('signing', 'landing')).toEqual([]);
    expect(factsUndoneBy('landing', 'paused')).toEqual([]);
    expect(factsUndoneBy('paused', 'landing')).toEqual([]);
    expect(factsUndoneBy('landing', 'terminated')).toEqual([]);
  });
});
