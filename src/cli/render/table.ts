/**
 * Plain-text tables for the terminal. Hangul and other wide characters take two columns, a decomposed (NFD) syllable
 * as much as its composed form, and an emoji two, so widths are measured in display columns with `string-width`
 * (Unicode's East Asian Width and grapheme clusters), not in string length, or Korean names would break the alignment.
 */
import stringWidth from 'string-width';

export type Align = 'left' | 'right';

export const displayWidth = (s: string): number => stringWidth(s);

function pad(s: string, width: number, align: Align): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(s)));
  return align === 'right' ? fill + s : s + fill;
}

export function renderTable(header: string[], rows: string[][], align: Align[] = []): string {
  const widths = header.map((h, i) =>
    Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ''))),
  );
  const line = (cells: string[]) =>
    cells
      .map((c, i) => pad(c, widths[i] ?? 0, align[i] ?? 'left'))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '─'.repeat(w)).join('  ');
  return [line(header), rule, ...rows.map(line)].join('\n');
}
