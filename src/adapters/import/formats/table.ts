/**
 * Text → rows for the format detector. The delimiter is the one most lines use (title lines above a header often
 * have none, so the first line cannot decide); records keep their physical line numbers (csv-records.ts).
 */
import { type Delimiter, readCsvRecords } from '../csv-records.ts';
import type { Row } from './read.ts';

export function sniffDelimiter(text: string): Delimiter {
  const lines = text
    .split(/\r\n|\r|\n/, 80)
    .filter((l) => l.trim() !== '')
    .slice(0, 40);
  const score = (d: string) => lines.filter((l) => outsideQuotes(l).includes(d)).length;
  const candidates: Delimiter[] = [',', '\t', ';'];
  let best: Delimiter = ',';
  for (const d of candidates) if (score(d) > score(best)) best = d;
  return best;
}

function outsideQuotes(line: string): string {
  return line.replace(/"(?:[^"]|"")*"/g, '');
}

export function readRows(text: string, file: string): Row[] {
  return readCsvRecords(text, file, sniffDelimiter(text)).map((r) => ({ cells: r.fields, line: r.line }));
}
