import stringWidth from 'string-width';
import { beforeAll, describe, expect, it } from 'vitest';
import { displayWidth, loadStringWidth, NEEDS_STRING_WIDTH, renderTable, renderText } from './table.ts';

// Runs first (vitest keeps the order of a file's tests): string-width is not loaded yet.
describe('before string-width is loaded', () => {
  it('measures ASCII, Hangul syllables and the report symbols itself, and asks for string-width otherwise', () => {
    // NVDA 4, 삼성 2 × 2, ₩1,000 6, ✔ ✘ ─ · one each, five spaces: 4 + 4 + 6 + 4 + 5 = 23 columns.
    expect(displayWidth('NVDA 삼성 ₩1,000 ✔ ✘ ─·')).toBe(23);
    expect(() => displayWidth('🚀')).toThrow(NEEDS_STRING_WIDTH);
    expect(() => displayWidth('東')).toThrow(NEEDS_STRING_WIDTH);
  });

  it('renderText loads string-width when the text needs it, and renders again', async () => {
    let passes = 0;
    const text = await renderText(() => {
      passes++;
      return renderTable(['Name'], [['🚀']]);
    });
    // First pass stopped at the emoji, second one measured it as two columns: header padded to 4, rule of 4.
    expect(passes).toBe(2);
    expect(text).toBe('Name\n────\n🚀');
  });
});

describe('displayWidth', () => {
  beforeAll(loadStringWidth);

  it('gives string-width’s own width for every character it measures without it', () => {
    const chars: string[] = [];
    for (let c = 0x20; c <= 0x7e; c++) chars.push(String.fromCharCode(c));
    for (let c = 0xac00; c <= 0xd7a3; c++) chars.push(String.fromCharCode(c));
    chars.push(...'₩✔✘─·…→–—’×');
    const wrong = chars.filter(
      (c) => displayWidth(c) !== stringWidth(c) || displayWidth(`a${c}가`) !== stringWidth(`a${c}가`),
    );
    expect(wrong).toEqual([]);
  });

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
