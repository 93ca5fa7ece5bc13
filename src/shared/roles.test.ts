import { describe, expect, it } from 'vitest';
import { orgKindFits } from './roles.js';

describe('org levels', () => {
  it('puts only lower levels under an org; 区 and 县 are peers; a 园区 may hold a 园中园', () => {
    expect(orgKindFits('platform', 'city')).toBe(true);
    expect(orgKindFits('city', 'district')).toBe(true);
    expect(orgKindFits('city', 'park')).toBe(true);
    expect(orgKindFits('park', 'park')).toBe(true);
    expect(orgKindFits('park', 'province')).toBe(false);
    expect(orgKindFits('district', 'county')).toBe(false);
    expect(orgKindFits('city', 'city')).toBe(false);
  });
});
