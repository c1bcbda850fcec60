/**
 * Whether a number format shows a date, so a numeric cell holds a serial date rather than a quantity. Excel stores
 * dates as numbers (days since 1900 or 1904) and only the cell's style says which: built-in format ids, or a custom
 * format code made only of date and time tokens once literals are removed. The same reading read-excel-file 9.3
 * gives (its isDateFormat.js), so a workbook reads as it did before.
 */

/**
 * Built-in date/time ids (ECMA-376 Part 1 §18.8.30): 14–22 and 45–47 in every locale; 27–36 and 50–58 in the
 * Chinese, Japanese and Korean locales (`yyyy"년" mm"월" dd"일"` …); 71–81 in the Thai locale.
 */
const BUILT_IN_DATE_IDS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54,
  55, 56, 57, 58, 71, 72, 73, 74, 75, 76, 77, 78, 79, 80, 81,
]);

export function isBuiltInDateFormat(id: number): boolean {
  return BUILT_IN_DATE_IDS.has(id);
}

const DATE_TOKENS = new Set([
  's',
  'ss',
  'm',
  'mm',
  'h',
  'hh',
  'am',
  'pm',
  'a',
  'p',
  'd',
  'dd',
  'ddd',
  'dddd',
  'aaa',
  'aaaa',
  'aaaaa',
  'mmm',
  'mmmm',
  'mmmmm',
  'y',
  'yy',
  'yyyy',
  'e',
  'ee',
  'eeee',
]);

/**
 * A custom format code is a date format when one of its `;`-separated sections, with quoted text, backslash-escaped
 * characters, bracketed parts (`[$-412]`, `[Red]`; `[h]` counts as `h`) and fractional seconds removed, consists
 * only of date/time tokens: `yyyy-mm-dd` and `[$-412]yyyy"년" m"월" d"일"` are, `0.00`, `#,##0"원"` and `General` are not.
 */
export function isDateFormatCode(code: string): boolean {
  const sections = code.toLowerCase().replace(/;@$/, '').replace(/\\./g, ' ').split(';');
  return sections.some((section) => {
    const tokens = section
      .replace(/"[^"]*"/g, ' ')
      .replace(/(\[?[smhd]{1,2}\]?)[.,]00?0?/g, '$1')
      .replace(/\[([smhd]{1,2})\]/g, '$1')
      .replace(/\[[^\]]*\]/g, '')
      .split(/[^a-z0#?%]+/)
      .filter((t) => t !== '');
    return tokens.length > 0 && tokens.every((t) => DATE_TOKENS.has(t));
  });
}
