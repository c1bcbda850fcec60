/**
 * What a file is, decided before any row is read as a holding. In order: a named format whose header signature is
 * in the first lines (the longest signature wins); else a generic header with a symbol and a quantity column — read
 * as a transaction log when it also has a date and an action column (or a column whose values are Buy/Sell/
 * Dividend/매수/매도), as dated snapshots when it has a date column with several dates, and as holdings otherwise.
 * Anything else is refused with what was recognised and what was missing.
 */

import { InputError } from '../../../core/errors.ts';
import { withJosa } from '../../../i18n/josa.ts';
import { COLUMN_ALIASES } from '../csv-header.ts';
import { headerKey, isEmptyCell, parseDateCell } from './cells.ts';
import { actionKind, mapRoles, missingSignature, type Row, rowKeys, signatureMatches } from './read.ts';
import {
  FORMATS,
  type FormatSpec,
  GENERIC_FORMATS,
  GENERIC_TRANSACTIONS,
  type Role,
  SHARED_ACTIONS,
} from './spec.ts';

const ROLE_KO: Readonly<Record<string, string>> = {
  symbol: '종목',
  quantity: '수량',
  account: '계좌',
  currency: '통화',
  name: '종목명',
};

/** How far down a header may sit below title lines. */
const HEADER_SEARCH_ROWS = 60;

export type Detection =
  | { kind: 'named'; spec: FormatSpec; headerIndex: number }
  | { kind: 'generic-holdings'; headerIndex: number }
  | {
      kind: 'generic-transactions' | 'generic-snapshots';
      spec: FormatSpec;
      headerIndex: number;
      columns: Partial<Record<Role, number>>;
    };

export { GENERIC_FORMATS } from './spec.ts';

export function detectLayout(rows: readonly Row[], file: string, forced?: string): Detection {
  const window = rows.slice(0, HEADER_SEARCH_ROWS);
  if (forced !== undefined && !(GENERIC_FORMATS as readonly string[]).includes(forced)) {
    return forcedLayout(window, file, forced);
  }
  if (forced === undefined) {
    for (const [i, row] of window.entries()) {
      const keys = rowKeys(row);
      const matches = FORMATS.filter((f) => signatureMatches(keys, f));
      if (matches.length === 0) continue;
      const best = matches.reduce((a, b) => (b.signature.length > a.signature.length ? b : a));
      return { kind: 'named', spec: best, headerIndex: i };
    }
  }
  for (const [i, row] of window.entries()) {
    const keys = rowKeys(row);
    const has = (role: keyof typeof COLUMN_ALIASES) => COLUMN_ALIASES[role].some((a) => keys.has(a));
    if (!(has('symbol') && has('quantity'))) continue;
    return generic(rows, i, file, forced);
  }
  throw unknownLayout(window, file);
}

function generic(rows: readonly Row[], headerIndex: number, file: string, forced?: string): Detection {
  const header = rows[headerIndex] as Row;
  const columns = mapRoles(header, GENERIC_TRANSACTIONS);
  const body = rows.slice(headerIndex + 1, headerIndex + 201);
  if (columns.action === undefined) {
    // No column is called type or action; is one full of Buy/Sell anyway?
    const byValues = actionColumnByValues(header, body);
    if (byValues !== undefined) columns.action = byValues;
  }
  if (forced === 'csv') return { kind: 'generic-holdings', headerIndex };
  if (columns.action !== undefined && (forced === 'transactions' || actionShare(body, columns.action) > 0)) {
    if (columns.date === undefined) {
      throw new InputError({
        file,
        line: header.line,
        column: columns.action + 1,
        message: `this looks like a transaction log (column "${header.cells[columns.action]?.trim()}" holds actions such as Buy and Sell) but it has no date column`,
        expected:
          'a date column (date, trade date, 거래일…) so positions can be netted as of a day, or a holdings file',
        ko: {
          message: `거래내역으로 보입니다 ("${header.cells[columns.action]?.trim()}" 열에 매수·매도 같은 거래구분이 있습니다) 그러나 날짜 열이 없습니다`,
          expected: '기준일까지 순수량을 계산할 날짜 열 (거래일 등), 또는 보유종목 파일',
        },
      });
    }
    return { kind: 'generic-transactions', spec: GENERIC_TRANSACTIONS, headerIndex, columns };
  }
  if (forced === 'transactions') throw needsColumns(file, header, forced);
  if (columns.date !== undefined) {
    const dates = new Set<string>();
    for (const r of body) {
      const d = parseDateCell(r.cells[columns.date], 'ymd');
      if (d) dates.add(d);
    }
    if (forced === 'snapshots') {
      return {
        kind: 'generic-snapshots',
        spec: { ...GENERIC_TRANSACTIONS, kind: 'snapshots' },
        headerIndex,
        columns,
      };
    }
    if (dates.size > 1) {
      // Several snapshots, or one holding per row with its purchase date? Summing the first or keeping only the
      // latest date of the second would both be wrong: ask.
      const name = header.cells[columns.date]?.trim();
      throw new InputError({
        file,
        line: header.line,
        column: columns.date + 1,
        message: `the "${name}" column holds ${dates.size} different dates: this may be several dated snapshots of the same holdings, or one holding per row with its own date`,
        expected:
          '--format snapshots (read the latest snapshot on or before --as-of) or --format csv (every row is a holding)',
        ko: {
          message: `"${name}" 열에 서로 다른 날짜가 ${dates.size}개 있습니다: 같은 보유 종목의 날짜별 스냅숏일 수도, 행마다 날짜가 있는 보유 종목일 수도 있습니다`,
          expected:
            '--format snapshots (--as-of 이전의 마지막 스냅숏) 또는 --format csv (모든 행이 보유 종목)',
        },
      });
    }
  }
  if (forced === 'snapshots') throw needsColumns(file, header, forced);
  return { kind: 'generic-holdings', headerIndex };
}

function needsColumns(file: string, header: Row, forced: 'transactions' | 'snapshots'): InputError {
  const log = forced === 'transactions';
  return new InputError({
    file,
    line: header.line,
    message: `--format ${forced} needs ${log ? 'a date and an action column' : 'a date column'}, and the header has none`,
    expected: `a header with ${log ? 'date, action (or type)' : 'date'}, symbol and quantity columns`,
    ko: {
      message: `--format ${forced}에는 ${log ? '날짜와 거래구분 열' : '날짜 열'}이 필요하지만 헤더에 없습니다`,
      expected: `${log ? '날짜, 거래구분' : '날짜'}, 종목, 수량 열이 있는 헤더`,
    },
  });
}

const ACTION_WORDS = new Set(Object.keys(SHARED_ACTIONS));

function actionColumnByValues(header: Row, body: readonly Row[]): number | undefined {
  for (let c = 0; c < header.cells.length; c++) {
    const values = body.map((r) => (r.cells[c] ?? '').trim().toLowerCase()).filter((v) => !isEmptyCell(v));
    if (values.length === 0) continue;
    const hits = values.filter((v) => ACTION_WORDS.has(v)).length;
    if (hits / values.length >= 0.5) return c;
  }
  return undefined;
}

function actionShare(body: readonly Row[], column: number): number {
  const values = body.map((r) => (r.cells[column] ?? '').trim()).filter((v) => !isEmptyCell(v));
  if (values.length === 0) return 0;
  return values.filter((v) => actionKind(v, GENERIC_TRANSACTIONS) !== undefined).length / values.length;
}

function forcedLayout(window: readonly Row[], file: string, id: string): Detection {
  const spec = FORMATS.find((f) => f.id === id);
  if (!spec) {
    throw new InputError({
      message: `--format ${id} is not a known format`,
      expected: `one of csv, ${FORMATS.map((f) => f.id).join(', ')}`,
      ko: {
        message: `--format ${withJosa(id, '은/는')} 알 수 없는 형식입니다`,
        expected: `csv, ${FORMATS.map((f) => f.id).join(', ')} 중 하나`,
      },
    });
  }
  let best: { row: Row; missing: string[] } | undefined;
  for (const [i, row] of window.entries()) {
    const keys = rowKeys(row);
    if (signatureMatches(keys, spec)) return { kind: 'named', spec, headerIndex: i };
    const missing = missingSignature(keys, spec);
    if (!best || missing.length < best.missing.length) best = { row, missing };
  }
  throw new InputError({
    file,
    line: best?.row.line,
    message: `not a ${spec.label} file: no header row in the first ${HEADER_SEARCH_ROWS} lines has ${spec.signature.length === 1 ? 'its column' : 'all its columns'}${best ? ` (the closest, line ${best.row.line}, lacks ${best.missing.map((m) => `"${m}"`).join(', ')})` : ''}`,
    expected: `a header with ${spec.signature.map((p) => (typeof p === 'string' ? `"${p}"` : p.map((x) => `"${x}"`).join(' or '))).join(', ')}`,
    hint: 'leave out --format to detect the format',
    ko: {
      message: `${spec.labelKo} 파일이 아닙니다: 처음 ${HEADER_SEARCH_ROWS}행 안에 필요한 열을 모두 가진 헤더가 없습니다${best ? ` (가장 가까운 ${best.row.line}행에 ${best.missing.map((m) => `"${m}"`).join(', ')} 없음)` : ''}`,
      expected: `${spec.signature.map((p) => (typeof p === 'string' ? `"${p}"` : p.join(' 또는 '))).join(', ')} 열이 있는 헤더`,
      hint: '--format을 빼면 형식을 자동으로 알아냅니다',
    },
  });
}

function unknownLayout(window: readonly Row[], file: string): InputError {
  // The row with the most cells we know is the most likely header: say what it has and lacks.
  const roles: [string, readonly string[]][] = Object.entries(COLUMN_ALIASES);
  let best: { row: Row; found: string[] } | undefined;
  for (const row of window) {
    const keys = rowKeys(row);
    const found = roles.filter(([, aliases]) => aliases.some((a) => keys.has(a))).map(([role]) => role);
    if (!best || found.length > best.found.length) best = { row, found };
  }
  const missing = ['symbol', 'quantity'].filter((r) => !best?.found.includes(r));
  const cells = best?.row.cells.filter((c) => c.trim() !== '').map((c) => `"${headerKey(c)}"`) ?? [];
  const where = best && best.found.length > 0 ? best.row.line : window[0]?.line;
  const ko = (roles: readonly string[]) => roles.map((r) => ROLE_KO[r] ?? r).join(', ');
  const names = FORMATS.map((f) => f.id).join(', ');
  return new InputError({
    file,
    line: where,
    message:
      best && best.found.length > 0
        ? `unknown layout: the likeliest header (line ${best.row.line}: ${cells.join(', ')}) has ${best.found.join(', ')} but no ${missing.join(' and no ')} column, and no named format matches`
        : `unknown layout: no header row with a symbol and a quantity column in the first ${HEADER_SEARCH_ROWS} lines, and no named format matches`,
    expected: `a header with a symbol and a quantity column (${COLUMN_ALIASES.symbol.join(', ')} / ${COLUMN_ALIASES.quantity.join(', ')}), or one of the named formats: ${names}`,
    hint: 'if this is one of the named formats, --format NAME says which column it lacks',
    ko: {
      message:
        best && best.found.length > 0
          ? `알 수 없는 형식입니다: 헤더로 보이는 ${best.row.line}행(${cells.join(', ')})에 ${ko(best.found)} 열은 있으나 ${ko(missing)} 열이 없고, 알려진 증권사 형식과도 맞지 않습니다`
          : `알 수 없는 형식입니다: 처음 ${HEADER_SEARCH_ROWS}행 안에 종목과 수량 열이 있는 헤더가 없고, 알려진 증권사 형식과도 맞지 않습니다`,
      expected: `종목(${COLUMN_ALIASES.symbol.join(', ')})과 수량(${COLUMN_ALIASES.quantity.join(', ')}) 열이 있는 헤더, 또는 알려진 형식: ${names}`,
      hint: '알려진 형식이라면 --format NAME으로 어떤 열이 빠졌는지 확인하세요',
    },
  });
}
