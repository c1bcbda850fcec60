import { describe, expect, it } from 'vitest';
import { displayWidth, renderTable } from './table.ts';

describe('displayWidth', () => {
  it('counts terminal columns, not UTF-16 units', () => {
    expect(displayWidth('NVDA')).toBe(4);
    // 현대차: three Hangul syllables, two columns each.
    expect(displayWidth('현대차')).toBe(6);
    // The same word decomposed (NFD: 3 + 2 + 2 = 7 jamo code points) still takes six columns.
    const nfd = '현대차'.normalize('NFD');
    expect([...nfd].length).toBe(7);
    expect(displayWidth(nfd)).toBe(6);
    // An emoji is one wide glyph; a flag is two regional indicators drawn as one glyph.
    expect(displayWidth('🚀')).toBe(2);
    expect(displayWidth('🇰🇷')).toBe(2);
    // Full-width yen sign and a CJK ideograph.
    expect(displayWidth('￥東')).toBe(4);
  });
});

describe('renderTable', () => {
  it('aligns a decomposed Korean name with an ASCII one', () => {
    const text = renderTable(
      ['Name', 'Qty'],
      [
        ['현대차'.normalize('NFD'), '3'],
        ['NVDA', '10'],
      ],
      ['left', 'right'],
    );
    const [head, , first, second] = text.split('\n');
    // Widths: name column max(4, 6, 4) = 6, quantity column max(3, 1, 2) = 3; two spaces between columns.
    expect(head).toBe('Name    Qty');
    expect(displayWidth(first ?? '')).toBe(11);
    expect(second).toBe('NVDA     10');
  });
});
