/**
 * Tables in (CSV text today, spreadsheet rows through the same door): detect what the file is, then read it as
 * holdings, as a transaction log netted as of the as-of day, or as dated snapshots. Generic holdings files keep
 * the strict reader they always had (csv-holdings.ts), with title lines above the header allowed.
 */
import type { ImportResult } from '../../../core/holdings.ts';
import type { SplitFact } from '../../../core/transactions.ts';
import { parseHoldingsCsv } from '../csv-holdings.ts';
import type { NameResolver } from '../names.ts';
import { bundledSplits } from '../splits-file.ts';
import { detectLayout } from './detect.ts';
import { genericFilePrices } from './generic-prices.ts';
import {
  type FilePrice,
  type Row,
  readHoldings,
  readSnapshots,
  readTransactions,
  type TableContext,
} from './read.ts';
import { readRows } from './table.ts';

export type { FilePrice } from './read.ts';

export interface TabularOptions {
  defaultAccount?: string;
  asOf?: string;
  /** `--format NAME`: skip detection (`csv` = the generic holdings reader). */
  format?: string;
  names?: NameResolver;
  splits?: readonly SplitFact[];
}

export interface TabularImport extends ImportResult {
  /** `csv` for a generic holdings file, else the format's id. */
  format: string;
  prices: FilePrice[];
}

export function importTabular(input: string, file: string, options: TabularOptions = {}): TabularImport {
  const text = input.replace(/^\uFEFF/, '');
  const defaultAccount = options.defaultAccount?.trim() || baseName(file);
  if (text.trim() === '') {
    return { ...parseHoldingsCsv(text, file, { defaultAccount }), format: 'csv', prices: [] };
  }
  const rows = readRows(text, file);
  return importRows(rows, text, file, { ...options, defaultAccount });
}

/** The same for rows already split into cells (a spreadsheet's sheet). `text` is only for the generic reader. */
export function importRows(
  rows: readonly Row[],
  text: string | undefined,
  file: string,
  options: TabularOptions & { defaultAccount: string },
): TabularImport {
  const detection = detectLayout(rows, file, options.format);
  const ctx: TableContext = {
    file,
    defaultAccount: options.defaultAccount,
    ...(options.asOf === undefined ? {} : { asOf: options.asOf }),
    ...(options.names === undefined ? {} : { names: options.names }),
    splits: options.splits ?? bundledSplits(),
  };
  switch (detection.kind) {
    case 'named': {
      const { spec, headerIndex } = detection;
      const read =
        spec.kind === 'transactions'
          ? readTransactions
          : spec.kind === 'snapshots'
            ? readSnapshots
            : readHoldings;
      return { ...read(rows, headerIndex, spec, ctx), format: spec.id };
    }
    case 'generic-transactions':
      return {
        ...readTransactions(rows, detection.headerIndex, detection.spec, ctx, detection.columns),
        format: 'transactions',
      };
    case 'generic-snapshots':
      return {
        ...readSnapshots(rows, detection.headerIndex, detection.spec, ctx, detection.columns),
        format: 'snapshots',
      };
    case 'generic-holdings': {
      const header = rows[detection.headerIndex] as Row;
      const source = text ?? rowsToCsv(rows);
      // Title lines above the header become blank lines, so the strict reader starts at the header and every
      // line number it reports is still the file's own.
      const lines = source.split(/(?<=\r\n|\n|\r)/);
      const blanked = lines.map((l, i) => (i < header.line - 1 ? l.replace(/[^\r\n]/g, '') : l)).join('');
      const result = parseHoldingsCsv(blanked, file, { defaultAccount: options.defaultAccount });
      return { ...result, format: 'csv', prices: genericFilePrices(rows, header, result.holdings, file) };
    }
  }
}

function rowsToCsv(rows: readonly Row[]): string {
  const out: string[] = [];
  for (const r of rows) {
    while (out.length < r.line - 1) out.push('');
    out.push(r.cells.map((c) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(','));
  }
  return `${out.join('\n')}\n`;
}

function baseName(file: string): string {
  const last = file.split(/[\\/]/).pop() ?? file;
  return last.replace(/\.[^.]*$/, '') || last || 'default';
}
