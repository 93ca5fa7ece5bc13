import { describe, expect, it } from 'vitest';
import { escapeHtml, tooltipHtml } from './html.js';

describe('tooltip HTML', () => {
  it('shows a name holding markup as text, not as markup', () => {
    const html = tooltipHtml(['<img src=x onerror="alert(1)">节点', '强：3 家企业 & 龙头']);
    expect(html).toBe('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;节点<br/>强：3 家企业 &amp; 龙头');
    expect(html).not.toContain('<img');
  });

  it('escapes quotes, so text is safe inside an attribute too', () => {
    expect(escapeHtml(`a"b'c`)).toBe('a&quot;b&#39;c');
  });
});
