/**
 * Kiwoom REST kt00018 saved as JSON (the API's own response): `acnt_evlt_remn_indv_tot` is the holdings table, one
 * object per holding with the same field names as the CSV layout (`stk_cd`, `rmnd_qty`, `cur_prc`). The objects
 * become rows (their keys the header) and go through the kiwoom-kt00018 format, each row at the line its object
 * starts on.
 */
import { topLevelArrayElementLines } from '../json-positions.ts';
import type { Row } from './read.ts';

export const KT00018_TABLE = 'acnt_evlt_remn_indv_tot';

/** The rows of a kt00018 response, or undefined when the JSON is not one. */
export function kt00018Rows(text: string): Row[] | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return undefined;
  const table = (data as Record<string, unknown>)[KT00018_TABLE];
  if (!Array.isArray(table)) return undefined;
  const objects = table.filter((o): o is Record<string, unknown> => o !== null && typeof o === 'object');
  const keys: string[] = [];
  for (const o of objects) for (const k of Object.keys(o)) if (!keys.includes(k)) keys.push(k);
  const lines = topLevelArrayElementLines(text, KT00018_TABLE);
  const header: Row = { cells: keys, line: Math.max(1, (lines[0] ?? 2) - 1) };
  return [
    header,
    ...objects.map((o, i) => ({
      cells: keys.map((k) => (o[k] === null || o[k] === undefined ? '' : String(o[k]))),
      line: lines[i] ?? header.line,
    })),
  ];
}
