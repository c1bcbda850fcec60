/** `A1` → row 1, column 1; `AA2091` → row 2091, column 27 (letters are base-26 digits A=1 … Z=26). */
export function parseCellAddress(ref: string): { row: number; column: number } | undefined {
  let column = 0;
  for (let i = 0; i < ref.length; i++) {
    const code = ref.charCodeAt(i);
    if (code >= 48 && code <= 57) {
      const row = Number(ref.slice(i));
      return i > 0 && Number.isInteger(row) && row > 0 ? { row, column } : undefined;
    }
    column = column * 26 + (code - 64);
  }
  return undefined;
}

/** Column 1 → `A`, 27 → `AA`. */
export function columnLetters(column: number): string {
  let s = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
