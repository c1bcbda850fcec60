/**
 * Plain-text tables for the terminal. Hangul and other wide characters take two columns, a decomposed (NFD) syllable
 * as much as its composed form, and an emoji two, so widths are measured in display columns with `string-width`
 * (Unicode's East Asian Width and grapheme clusters), not in string length, or Korean names would break the alignment.
 *
 * string-width is loaded only when a text needs it: loading it builds an `Intl.Segmenter` and `\p{RGI_Emoji}`
 * regular expressions, 30–70 ms of every run's start-up (a `--json` run renders no table at all). Text of printable
 * ASCII, composed Hangul syllables and the few symbols the reports print (SIMPLE below, each checked against
 * string-width in table.test.ts) is measured here, with string-width's own result: every such character is a grapheme
 * of its own, one column, or two for a syllable. Anything else (jamo, an emoji, a CJK ideograph, a combining mark)
 * needs string-width: `displayWidth` then throws NEEDS_STRING_WIDTH until `loadStringWidth()` has run, and
 * `renderText` renders once more after loading it.
 */

export type Align = 'left' | 'right';

/** Printable ASCII, composed Hangul syllables and the symbols of the reports (₩ ✔ ✘ ─ · … → – — ’ ×): narrow but Hangul. */
const SIMPLE =
  /^[\u0020-\u007E\uAC00-\uD7A3\u20A9\u2714\u2718\u2500\u00B7\u2026\u2192\u2013\u2014\u2019\u00D7]*$/;
const HANGUL = /[\uAC00-\uD7A3]/g;

let stringWidth: ((s: string) => number) | undefined;

/** Thrown by `displayWidth` for a text it cannot measure before `loadStringWidth()`; `renderText` catches it. */
export const NEEDS_STRING_WIDTH = new Error('displayWidth needs string-width: await loadStringWidth() first');

/** Loads string-width for the texts SIMPLE does not cover (idempotent). */
export async function loadStringWidth(): Promise<void> {
  stringWidth ??= (await import('string-width')).default;
}

export function displayWidth(s: string): number {
  if (SIMPLE.test(s)) return s.length + (s.match(HANGUL)?.length ?? 0);
  if (stringWidth === undefined) throw NEEDS_STRING_WIDTH;
  return stringWidth(s);
}

/**
 * A text rendering, with string-width loaded if and only if the text needs it. `render` is pure (a document in, a
 * string out), so rendering it again after loading gives what one pass with string-width loaded would.
 */
export async function renderText(render: () => string): Promise<string> {
  if (stringWidth === undefined) {
    try {
      return render();
    } catch (e) {
      if (e !== NEEDS_STRING_WIDTH) throw e;
      await loadStringWidth();
    }
  }
  return render();
}

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
