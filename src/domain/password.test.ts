import { describe, expect, it } from 'vitest';
import { isStrongPassword } from './password.js';

describe('isStrongPassword', () => {
  it('accepts 8+ characters with a letter and a digit', () => {
    expect(isStrongPassword('kezhao26')).toBe(true);
  });
  it.each(['kezhao2', 'kezhaokezhao', '1234567890', ''])('refuses %j', (p) => {
    expect(isStrongPassword(p)).toBe(false);
  });
});
