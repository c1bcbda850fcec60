/**
 * Reading a recognised table: rows after the header, as holdings, transactions or dated snapshots. The layout rules
 * are the same for every format: title lines above the header name the account (`Positions for account … as of …`,
 * `계좌번호: …`); a repeated header starts another account's block (Schwab "all accounts"); a lone text line ends
 * the table (Fidelity's disclaimer) unless a header follows it; a row that is itself a header of another table ends
 * it (Vanguard's transactions block); totals are skipped; `--` is empty; cash and money-market sweeps are cash.
 * Every value that cannot be read stops the import with its line and column: nothing is skipped silently.
 */

import { type CurrencyCode, isCurrencyCode } from '../../../core/currency.ts';
import { InputError, type InputProblem } from '../../../core/errors.ts';
import type { Holding } from '../../../core/holdings.ts';
import {
  CASH_ONLY_KINDS,
  netPositions,
  type SplitFact,
  type Transaction,
  type TransactionKind,
} from '../../../core/transactions.ts';
import type { Warning } from '../../../core/warnings.ts';
import { particle, withJosa } from '../../../i18n/josa.ts';
import { parseCurrencyCell } from '../currency-cell.ts';
import { mergeDuplicates } from '../merge-duplicates.ts';
import type { NameResolver } from '../names.ts';
import { MAX_QUANTITY, MAX_QUANTITY_TEXT } from '../numbers.ts';
import { summaryRowWarning } from '../summary-row.ts';
import { headerKey, isEmptyCell, parseAmount, parseDateCell } from './cells.ts';
import { FORMATS, type FormatSpec, GENERIC_TRANSACTIONS, type Role, SHARED_ACTIONS } from './spec.ts';

export interface Row {
  cells: string[];
  /** 1-based line (CSV) or row number (spreadsheet). */
  line: number;
}

/** A price the file itself states (현재가, Last Price, Close Price), kept as a dated price source. */
export interface FilePrice {
  symbol: string;
  price: number;
  currency?: CurrencyCode;
  /** The file's own date (a title's `as of`, the snapshot's date); undefined: the import's as-of day. */
  date?: string;
  file: string;
  line: number;
}

export interface TableContext {
  file: string;
  defaultAccount: string;
  asOf?: string;
  names?: NameResolver;
  splits: readonly SplitFact[];
}

export interface TableResult {
  holdings: Holding[];
  warnings: Warning[];
  prices: FilePrice[];
}

type Columns = Partial<Record<Role, number>>;

// ── header matching ────────────────────────────────────────────────────────────────────────────────────────────

export function rowKeys(row: Row): Set<string> {
  return new Set(row.cells.map(headerKey).filter((k) => k !== ''));
}

export function signatureMatches(keys: ReadonlySet<string>, spec: FormatSpec): boolean {
  return (
    spec.signature.length > 0 &&
    spec.signature.every((part) =>
      typeof part === 'string' ? keys.has(part) : part.some((p) => keys.has(p)),
    )
  );
}

export function missingSignature(keys: ReadonlySet<string>, spec: FormatSpec): string[] {
  return spec.signature
    .filter((part) => (typeof part === 'string' ? !keys.has(part) : !part.some((p) => keys.has(p))))
    .map((part) => (typeof part === 'string' ? part : part.join(' or ')));
}

export function mapRoles(header: Row, spec: FormatSpec): Columns {
  const keys = header.cells.map(headerKey);
  const cols: Columns = {};
  for (const [role, aliases] of Object.entries(spec.columns) as [Role, readonly string[]][]) {
    for (const alias of aliases) {
      const i = keys.indexOf(alias);
      if (i >= 0) {
        cols[role] = i;
        break;
      }
    }
  }
  return cols;
}

/** Every header word any format knows: a row made of them (and no numbers) is a header. */
const KNOWN_HEADER_WORDS: ReadonlySet<string> = new Set(
  [...FORMATS, GENERIC_TRANSACTIONS].flatMap((f) => [
    ...Object.values(f.columns).flat(),
    ...f.signature.flatMap((p) => (typeof p === 'string' ? [p] : [...p])),
    'trade date',
    'settlement date',
    'transaction type',
    'transaction description',
  ]),
);

function looksLikeHeader(row: Row): boolean {
  const cells = row.cells.filter((c) => !isEmptyCell(c));
  if (cells.length < 3) return false;
  if (cells.some((c) => parseAmount(c) !== undefined || parseDateCell(c, 'ymd') !== undefined)) return false;
  return cells.filter((c) => KNOWN_HEADER_WORDS.has(headerKey(c))).length >= 2;
}

// ── layout: titles, blocks, footers, totals ─────────────────────────────────────────────────────────────────────

const TITLE_ACCOUNT: readonly RegExp[] = [
  /^positions for account (.+?) as of\b/i,
  /^transactions\s+for account (.+?) as of\b/i,
  /^계좌(?:번호|명)?\s*[:：]\s*(.+)$/,
];
const NOT_AN_ACCOUNT = /^positions for all-accounts\b|^all accounts\b/i;

const SUMMARY_LABELS: ReadonlySet<string> = new Set([
  '합계',
  '총계',
  '소계',
  'TOTAL',
  'TOTALS',
  'ACCOUNTTOTAL',
  'ACCOUNTSTOTAL',
  'GRANDTOTAL',
  'SUBTOTAL',
  'TRANSACTIONSTOTAL',
  'PENDINGACTIVITY',
  'TOTAL:',
]);

function summaryLabel(row: Row, cols: Columns): string | undefined {
  const label = (c: string) => SUMMARY_LABELS.has(c.replace(/\s+/g, '').toUpperCase());
  const symbol = cols.symbol === undefined ? '' : (row.cells[cols.symbol] ?? '').trim();
  if (symbol !== '' && label(symbol)) return symbol;
  // The first non-empty cell, trimmed (without trimming every cell of every row: this runs once per data row).
  const first = row.cells.find((c) => c.trim() !== '')?.trim();
  return first !== undefined && label(first) ? first : undefined;
}

/** The account a title line names, if it names one. */
function titleAccount(text: string): string | undefined {
  const t = text.trim();
  if (t === '' || NOT_AN_ACCOUNT.test(t)) return undefined;
  for (const re of TITLE_ACCOUNT) {
    const m = re.exec(t);
    if (m?.[1]) return m[1].trim();
  }
  return undefined;
}

/** The date a title line states (`… as of 09:52 PM ET, 2021/09/24`, `기준일: 2026.05.29`). */
function titleDate(text: string): string | undefined {
  const m = /(\d{4})[/.-](\d{2})[/.-](\d{2})/.exec(text);
  if (m) return parseDateCell(`${m[1]}-${m[2]}-${m[3]}`, 'ymd');
  const us = /as of (\d{2}\/\d{2}\/\d{4})/i.exec(text);
  return us ? parseDateCell(us[1], 'mdy') : undefined;
}

/** A block's title line as an account name (Schwab: `Roth IRA ...456`), unless it is the report's own title. */
function blockAccount(text: string): string | undefined {
  const t = text.trim();
  if (t === '' || NOT_AN_ACCOUNT.test(t) || /^positions for /i.test(t)) return titleAccount(t);
  return t;
}

function lonelyText(row: Row): string | undefined {
  const cells = row.cells.filter((c) => !isEmptyCell(c));
  return cells.length === 1 ? (cells[0] as string).trim() : undefined;
}

interface DataRow {
  row: Row;
  account: string | undefined;
}

/**
 * The data rows of the table whose header is `rows[headerIndex]`, with the account each block's title names.
 * Warnings say what was left out (totals, a footer, a second section), with its line.
 */
function dataRows(
  rows: readonly Row[],
  headerIndex: number,
  spec: FormatSpec,
  cols: Columns,
  file: string,
  warnings: Warning[],
): { data: DataRow[]; fileDate: string | undefined } {
  let account: string | undefined;
  let fileDate: string | undefined;
  let lastTitle: string | undefined;
  for (const r of rows.slice(0, headerIndex)) {
    if (r.cells.every((c) => c.trim() === '')) continue;
    const text = lonelyText(r) ?? r.cells.find((c) => c.trim() !== '')?.trim() ?? '';
    account = titleAccount(text) ?? account;
    fileDate = titleDate(text) ?? fileDate;
    lastTitle = text;
  }
  if (spec.blockTitles && lastTitle !== undefined && account === undefined) account = blockAccount(lastTitle);
  const data: DataRow[] = [];
  let pendingTitle: string | undefined;
  let stopped: { line: number; text: string; byText: boolean } | undefined;
  // A row with a number where the quantity goes is data: the header checks (the costly part) are for the others.
  const numberAt = cols.quantity ?? cols.bought ?? cols.sold;
  for (let i = headerIndex + 1; i < rows.length; i++) {
    const row = rows[i] as Row;
    const numeric = numberAt !== undefined && parseAmount(row.cells[numberAt], spec) !== undefined;
    if (!numeric && row.cells.every((c) => c.trim() === '')) continue;
    if (!numeric && signatureMatches(rowKeys(row), spec)) {
      // Another account's block: its title line (if any) names the account.
      const named =
        pendingTitle === undefined
          ? undefined
          : (titleAccount(pendingTitle) ?? (spec.blockTitles ? blockAccount(pendingTitle) : undefined));
      account = named ?? account;
      pendingTitle = undefined;
      stopped = undefined;
      continue;
    }
    const text = numeric ? undefined : lonelyText(row);
    if (text !== undefined) {
      pendingTitle = text;
      stopped ??= { line: row.line, text, byText: true };
      continue;
    }
    if (stopped?.byText && numeric) {
      // A lone line of text, then rows of data again without a header: not a footer. Skipping those rows, or
      // reading them as more of the same table, could both be wrong.
      throw new InputError({
        file,
        line: row.line,
        message: `this row holds data, but the ${spec.label} table seemed to end at line ${stopped.line} ("${stopped.text.slice(0, 40)}") and no header follows it`,
        expected: 'data rows together under one header, or a new header after a title line',
        hint: 'delete the lone line, or repeat the header under it',
        ko: {
          message: `이 행에 데이터가 있지만 ${spec.labelKo} 표는 ${stopped.line}행("${stopped.text.slice(0, 40)}")에서 끝난 것으로 보이고 그 뒤에 헤더가 없습니다`,
          expected: '한 헤더 아래 이어지는 데이터 행, 또는 제목 행 뒤의 새 헤더',
          hint: '그 한 줄을 지우거나 그 아래에 헤더를 다시 넣으세요',
        },
      });
    }
    if (stopped !== undefined) continue;
    if (!numeric && looksLikeHeader(row)) {
      stopped = { line: row.line, text: row.cells.filter((c) => c.trim() !== '').join(', '), byText: false };
      continue;
    }
    const summary = summaryLabel(row, cols);
    if (summary !== undefined) {
      warnings.push(summaryRowWarning(file, row.line, summary));
      continue;
    }
    data.push({ row, account });
  }
  if (stopped !== undefined) {
    const excerpt = stopped.text.length > 60 ? `${stopped.text.slice(0, 60)}…` : stopped.text;
    warnings.push({
      code: 'table-end',
      file,
      line: stopped.line,
      table: spec.label,
      excerpt,
    });
  }
  return { data, fileDate };
}

/** IBKR Activity Statement: the rows of one section, without the section and row-type columns. */
export function sectionRows(rows: readonly Row[], section: string): { rows: Row[]; totals: number } {
  const name = headerKey(section);
  const out: Row[] = [];
  let totals = 0;
  for (const r of rows) {
    if (headerKey(r.cells[0] ?? '') !== name) continue;
    const tag = headerKey(r.cells[1] ?? '');
    if (tag === 'header' || tag === 'data') out.push({ cells: r.cells.slice(2), line: r.line });
    else totals++;
  }
  return { rows: out, totals };
}

/** A cash holding before its account is known (the statement's account is read apart). */
type SectionCash = Omit<Extract<Holding, { kind: 'cash' }>, 'account'>;

/**
 * IBKR Activity Statement: the cash in each currency, from the `Forex Balances` section (Currency, Quantity; the
 * statement's cash is there, not in Open Positions). A missing section is no cash; a row without an amount is refused.
 */
function sectionCash(rows: readonly Row[], section: string, spec: FormatSpec, file: string): SectionCash[] {
  const s = sectionRows(rows, section);
  const head = s.rows[0];
  if (!head) return [];
  const keys = head.cells.map(headerKey);
  const currencyAt = keys.indexOf('currency');
  const quantityAt = keys.indexOf('quantity');
  const out: SectionCash[] = [];
  for (const row of s.rows.slice(1)) {
    if (headerKey(row.cells[0] ?? '') === 'asset category') continue;
    const code = cellOf(row, currencyAt).toUpperCase();
    const amount = parseAmount(cellOf(row, quantityAt), spec);
    if (!isCurrencyCode(code) || amount === undefined) {
      throw problem(
        file,
        row,
        // Columns as written in the file: the section and row-type columns come first.
        (amount === undefined ? quantityAt : currencyAt) + 2,
        {
          message: `the ${section} row has no ${amount === undefined ? 'amount' : 'currency'}`,
          expected: 'a currency code and an amount in the Currency and Quantity columns',
        },
        {
          message: `${section} 행에 ${amount === undefined ? '금액' : '통화'}이 없습니다`,
          expected: 'Currency 열의 통화 코드와 Quantity 열의 금액',
        },
      );
    }
    if (amount !== 0) out.push({ kind: 'cash', currency: code, amount, origin: { file, line: row.line } });
  }
  return out;
}

/** IBKR Activity Statement: `Account Information,Data,Account,U1234567`. */
function activityStatementAccount(rows: readonly Row[]): string | undefined {
  const row = rows.find(
    (r) =>
      headerKey(r.cells[0] ?? '') === 'account information' &&
      headerKey(r.cells[1] ?? '') === 'data' &&
      headerKey(r.cells[2] ?? '') === 'account',
  );
  const value = row?.cells[3]?.trim();
  return value ? value : undefined;
}

// ── cells ──────────────────────────────────────────────────────────────────────────────────────────────────────

function cellOf(row: Row, index: number | undefined): string {
  if (index === undefined) return '';
  const c = (row.cells[index] ?? '').trim();
  return isEmptyCell(c) ? '' : c;
}

function problem(
  file: string,
  row: Row,
  column: number | undefined,
  en: Omit<InputProblem, 'file' | 'line' | 'column' | 'ko'>,
  ko: NonNullable<InputProblem['ko']>,
): InputError {
  return new InputError({
    file,
    line: row.line,
    ...(column === undefined ? {} : { column: column + 1 }),
    ...en,
    ko,
  });
}

const CASH_SYMBOL: readonly RegExp[] = [
  /^cash$/i,
  /^cash & cash investments$/i,
  /^cash & cash fund/i,
  /^\$cash$/i,
  /^(?:spaxx|fcash|fdrxx|fzfxx|sprxx|core)\*{0,2}$/i,
  /^(?:vmfxx|swvxx|snvxx|snsxx)$/i,
  /^(?:예수금|현금)$/,
];

function isCash(text: string): boolean {
  return text !== '' && CASH_SYMBOL.some((re) => re.test(text.trim()));
}

function currencyIn(text: string): CurrencyCode | undefined {
  const m = /\(([A-Z]{3})\)/.exec(text);
  return m && isCurrencyCode(m[1] as string) ? (m[1] as CurrencyCode) : undefined;
}

function readCurrency(row: Row, cols: Columns, file: string): CurrencyCode | undefined {
  const raw = cellOf(row, cols.currency);
  const parsed = parseCurrencyCell(raw);
  if (!parsed.ok) {
    throw problem(
      file,
      row,
      cols.currency,
      { message: parsed.message, expected: parsed.expected },
      parsed.ko,
    );
  }
  return parsed.currency;
}

function readQuantity(
  row: Row,
  cols: Columns,
  spec: FormatSpec,
  file: string,
  what: string,
  emptyIsZero = false,
): number {
  const raw = cellOf(row, cols.quantity);
  if (emptyIsZero && raw === '') return 0;
  const q = parseAmount(raw, spec);
  if (q === undefined) {
    throw problem(
      file,
      row,
      cols.quantity,
      {
        message: raw === '' ? `the quantity of ${what} is empty` : `"${raw}" is not a number`,
        expected: `a quantity as ${spec.label} writes it, such as ${spec.decimalComma ? '12,5' : '1,234 or 12.5'}`,
      },
      {
        message:
          raw === '' ? `${what}의 수량이 비어 있습니다` : `"${raw}"${particle(raw, '은/는')} 숫자가 아닙니다`,
        expected: `${spec.labelKo} 형식의 수량 (예: ${spec.decimalComma ? '12,5' : '1,234 또는 12.5'})`,
      },
    );
  }
  if (Math.abs(q) >= MAX_QUANTITY) {
    throw problem(
      file,
      row,
      cols.quantity,
      {
        message: `the quantity of ${what} is implausibly large (${raw})`,
        expected: `below ${MAX_QUANTITY_TEXT}`,
      },
      { message: `${what}의 수량이 비현실적으로 큽니다 (${raw})`, expected: `${MAX_QUANTITY_TEXT} 미만` },
    );
  }
  return q;
}

/** The listing a row is about: its code, or its ISIN, or (names-only exports) its resolved name. */
function readSymbol(row: Row, cols: Columns, spec: FormatSpec, ctx: TableContext): string {
  const code = spec.namesOnly ? '' : cellOf(row, cols.symbol);
  if (code !== '') return code;
  const isin = cellOf(row, cols.isin);
  if (isin !== '') return ctx.names?.resolveIsin?.(isin) ?? isin;
  const nameCol = spec.namesOnly ? (cols.name ?? cols.symbol) : cols.name;
  const name = cellOf(row, nameCol);
  if (name === '') {
    throw problem(
      ctx.file,
      row,
      cols.symbol ?? cols.name,
      { message: 'the symbol is empty', expected: `a symbol or a name, as ${spec.label} writes them` },
      { message: '종목이 비어 있습니다', expected: `${spec.labelKo} 형식의 종목코드 또는 종목명` },
    );
  }
  if (!spec.namesOnly && cols.symbol !== undefined) {
    throw problem(
      ctx.file,
      row,
      cols.symbol,
      { message: `${name} has no symbol`, expected: 'a symbol in every row' },
      { message: `${name}에 종목코드가 없습니다`, expected: '모든 행에 종목코드' },
    );
  }
  const resolved = ctx.names?.resolve(name);
  if (resolved?.ok) return resolved.symbol;
  if (resolved && resolved.reason === 'ambiguous') {
    throw problem(
      ctx.file,
      row,
      nameCol,
      {
        message: `the name "${name}" fits several listings: ${resolved.candidates.join(', ')}`,
        expected: 'a name that fits one listing',
        hint: 'add a code column, or give the instrument in --universe FILE with an alias',
      },
      {
        message: `종목명 "${name}"에 해당하는 종목이 여럿입니다: ${resolved.candidates.join(', ')}`,
        expected: '한 종목에만 해당하는 종목명',
        hint: '종목코드 열을 추가하거나 --universe FILE에 별칭(aliases)으로 등록하세요',
      },
    );
  }
  throw problem(
    ctx.file,
    row,
    nameCol,
    {
      message: `no listing is known by the name "${name}" (${spec.label} exports names, not codes)`,
      expected: 'a name in the listing table (the universe)',
      hint: 'add the instrument to --universe FILE with this name as an alias, or export with a code column',
    },
    {
      message: `"${name}"${particle(name, '이라/라')}는 종목명을 찾을 수 없습니다 (${withJosa(spec.labelKo, '은/는')} 종목코드 없이 종목명만 내보냅니다)`,
      expected: '종목 목록(유니버스)에 있는 종목명',
      hint: '--universe FILE에 이 종목명을 별칭(aliases)으로 추가하거나, 종목코드가 있는 형식으로 내보내세요',
    },
  );
}

const HOLDABLE_ASSETS: ReadonlySet<string> = new Set([
  'stk',
  'stocks',
  'stock',
  'etf',
  'etfs',
  'fund',
  'funds',
]);

// ── holdings ───────────────────────────────────────────────────────────────────────────────────────────────────

export function readHoldings(
  rows: readonly Row[],
  headerIndex: number,
  spec: FormatSpec,
  ctx: TableContext,
): TableResult {
  const { file } = ctx;
  const warnings: Warning[] = [];
  let table = rows;
  let header = headerIndex;
  if (spec.section) {
    const s = sectionRows(rows, spec.section);
    table = s.rows;
    header = 0;
  }
  const block = spec.cashBlock ? takeCashBlock(table, header, spec, file) : undefined;
  if (block) {
    table = block.rows;
    header = block.header;
  }
  const headerRow = table[header] as Row;
  const cols = mapRoles(headerRow, spec);
  if (spec.valueAfterCurrency && cols.currency !== undefined) cols.value = cols.currency + 1;
  const { data, fileDate } = dataRows(table, header, spec, cols, file, warnings);
  const statementAccount = spec.section ? activityStatementAccount(rows) : undefined;
  const holdings: Holding[] = [];
  const prices: FilePrice[] = [];
  let unsettledRows = 0;
  for (const { row, account: blockAccount } of data) {
    if (cols.discriminator !== undefined && headerKey(cellOf(row, cols.discriminator)) !== 'summary')
      continue;
    const account = cellOf(row, cols.account) || blockAccount || statementAccount || ctx.defaultAccount;
    const symbolText = cellOf(row, cols.symbol);
    const nameText = cellOf(row, cols.name);
    const origin = { file, line: row.line };
    if (isCash(symbolText) || (symbolText === '' && isCash(nameText))) {
      const label = symbolText || nameText;
      const value =
        parseAmount(cellOf(row, cols.value), spec) ?? parseAmount(cellOf(row, cols.quantity), spec);
      if (value === undefined) {
        throw problem(
          file,
          row,
          cols.value ?? cols.quantity,
          {
            message: `the cash row ${label} has no amount`,
            expected: 'an amount in the value or quantity column',
          },
          { message: `현금 행 ${label}에 금액이 없습니다`, expected: '평가금액 또는 수량 열의 금액' },
        );
      }
      const currency = readCurrency(row, cols, file) ?? currencyIn(label) ?? spec.currency;
      if (!currency) {
        throw problem(
          file,
          row,
          cols.currency,
          {
            message: `the cash row ${label} has no currency`,
            expected: 'a currency column or a currency in the row',
          },
          { message: `현금 행 ${label}에 통화가 없습니다`, expected: '통화 열 또는 행 안의 통화' },
        );
      }
      if (value === 0) continue;
      holdings.push({ kind: 'cash', account, currency, amount: value, origin });
      continue;
    }
    const assetClass = headerKey(cellOf(row, cols.assetClass));
    if (cols.assetClass !== undefined && assetClass !== '' && !HOLDABLE_ASSETS.has(assetClass)) {
      warnings.push({
        code: 'unsupported-asset',
        symbol: symbolText,
        assetClass: cellOf(row, cols.assetClass),
        trade: false,
        file,
        line: row.line,
      });
      continue;
    }
    const symbol = readSymbol(row, cols, spec, ctx);
    const quantity = readQuantity(row, cols, spec, file, symbol);
    if (quantity < 0) {
      throw problem(
        file,
        row,
        cols.quantity,
        {
          message: `the quantity of ${symbol} is negative (${cellOf(row, cols.quantity)})`,
          expected: 'a quantity of zero or more',
          hint: 'short positions are not supported',
        },
        {
          message: `${symbol}의 수량이 음수입니다 (${cellOf(row, cols.quantity)})`,
          expected: '0 이상의 수량',
          hint: '공매도 포지션은 지원하지 않습니다',
        },
      );
    }
    if (quantity === 0) {
      warnings.push({
        code: 'zero-quantity',
        symbol,
        account,
        file,
        line: row.line,
      });
      continue;
    }
    const unsettled = parseAmount(cellOf(row, cols.unsettled), spec);
    if (unsettled !== undefined && unsettled !== 0) unsettledRows++;
    const credit = [cellOf(row, cols.creditCode), cellOf(row, cols.loanDate)].filter(
      (c) => c !== '' && !/^0+$/.test(c.replace(/[-./]/g, '')),
    );
    if (credit.length > 0) {
      warnings.push({
        code: 'loan-not-subtracted',
        symbol,
        account,
        file,
        line: row.line,
        credit,
      });
    }
    const overseas = spec.overseas?.includes(cellOf(row, cols.market)) ?? false;
    const currency = readCurrency(row, cols, file) ?? (overseas ? 'USD' : undefined);
    holdings.push({
      kind: 'security',
      account,
      symbol,
      quantity,
      ...(currency ? { currency } : {}),
      ...(nameText && nameText !== symbol ? { name: nameText } : {}),
      origin,
    });
    // A layout with no price column (Mirae's IRP export) states the value: its price is value ÷ quantity.
    const value = cols.price === undefined ? parseAmount(cellOf(row, cols.value), spec) : undefined;
    const price =
      parseAmount(cellOf(row, cols.price), spec) ??
      (value !== undefined && quantity > 0 ? value / quantity : undefined);
    const priceCurrency = currency ?? spec.currency;
    if (price !== undefined && price > 0) {
      prices.push({
        symbol,
        price,
        ...(priceCurrency ? { currency: priceCurrency } : {}),
        ...(fileDate ? { date: fileDate } : {}),
        file,
        line: row.line,
      });
    }
  }
  if (block) {
    const cash = blockCash(block, unsettledRows, spec, file, warnings);
    const account = data[0]?.account || statementAccount || ctx.defaultAccount;
    if (cash.amount !== 0) {
      holdings.push({
        kind: 'cash',
        account,
        currency: spec.currency ?? 'KRW',
        amount: cash.amount,
        origin: { file, line: cash.line },
      });
    }
  }
  if (spec.cashSection) {
    const account = statementAccount || ctx.defaultAccount;
    for (const c of sectionCash(rows, spec.cashSection, spec, file)) holdings.push({ ...c, account });
  }
  if (holdings.length === 0) {
    throw new InputError({
      file,
      line: headerRow.line,
      message: `no holdings in file: the ${spec.label} table on line ${headerRow.line} has no holding rows`,
      expected: 'one row per holding below the header',
      ko: {
        message: `보유 종목이 없습니다: ${headerRow.line}행의 ${spec.labelKo} 표에 보유 행이 없습니다`,
        expected: '헤더 아래에 종목마다 한 행',
      },
    });
  }
  const merged = mergeDuplicates(holdings, file);
  return { holdings: merged.holdings, warnings: [...warnings, ...merged.warnings], prices };
}

// ── a cash record beside the grid (NH c8201's OutBlock) ─────────────────────────────────────────────────────────

interface CashBlock {
  /** The table without the record's two rows, and where its header now is. */
  rows: Row[];
  header: number;
  cash: BlockAmount;
  settled: BlockAmount | undefined;
}

interface BlockAmount {
  label: string;
  amount: number;
  line: number;
}

/**
 * The record's header row (a cell named as `spec.cashBlock.cash` says) and the value row under it, wherever they sit
 * in the file (a saved OutBlock goes above or below the grid); the grid is read without them. Undefined when the
 * file has no such record: the grid alone is still a holdings file, with no cash.
 */
function takeCashBlock(
  table: readonly Row[],
  header: number,
  spec: FormatSpec,
  file: string,
): CashBlock | undefined {
  const aliases = spec.cashBlock;
  if (!aliases) return undefined;
  for (let i = 0; i < table.length; i++) {
    if (i === header) continue;
    const keys = (table[i] as Row).cells.map(headerKey);
    const at = keys.findIndex((k) => aliases.cash.includes(k));
    // A row of labels, not a grid row whose 종목명 is 예수금 (that one is a cash row of the grid).
    if (at < 0 || (table[i] as Row).cells.some((c) => parseAmount(c, spec) !== undefined)) continue;
    let v = i + 1;
    while (v < table.length && (table[v] as Row).cells.every((c) => c.trim() === '')) v++;
    const labels = table[i] as Row;
    const values = table[v];
    const read = (col: number): BlockAmount => {
      const raw = (values?.cells[col] ?? '').trim();
      const amount = parseAmount(raw, spec);
      const label = (labels.cells[col] ?? '').trim();
      if (values === undefined || v === header || amount === undefined) {
        const where = values ?? labels;
        throw problem(
          file,
          where,
          col,
          {
            message: `the ${label} under line ${labels.line} is ${raw === '' || v === header ? 'missing' : `"${raw}", not an amount`}`,
            expected: `the ${spec.label} account record: a row of labels (${label} …) and a row of amounts under it`,
          },
          {
            message: `${labels.line}행 ${label} 아래의 ${raw === '' || v === header ? '금액이 없습니다' : `"${raw}"${particle(raw, '은/는')} 금액이 아닙니다`}`,
            expected: `${spec.labelKo} 계좌 요약: 항목 이름 행(${label} …)과 그 아래 금액 행`,
          },
        );
      }
      return { label, amount, line: values.line };
    };
    const settledAt = keys.findIndex((k) => aliases.settled.includes(k));
    const cash = read(at);
    const settled = settledAt >= 0 ? read(settledAt) : undefined;
    const rows = table.filter((_, j) => j !== i && j !== v);
    return { rows, header: header - (i < header ? 1 : 0) - (v < header ? 1 : 0), cash, settled };
  }
  return undefined;
}

/**
 * The record's cash. 잔고수량 counts shares bought today at once (a trade-date balance, its unsettled part in
 * 미결제수량), while 예수금 still holds the money until settlement two days later: with unsettled rows the cash is
 * the deposit after settlement (D2예수금), so a purchase is not counted twice. Either way a warning names both.
 */
function blockCash(
  block: CashBlock,
  unsettledRows: number,
  spec: FormatSpec,
  file: string,
  warnings: Warning[],
): BlockAmount {
  const { cash, settled } = block;
  const chosen = settled && unsettledRows > 0 ? settled : cash;
  const other = chosen === cash ? settled : cash;
  if (other && other.amount !== chosen.amount) {
    warnings.push({
      code: 'cash-unsettled',
      file,
      line: chosen.line,
      read: chosen.label,
      amount: chosen.amount,
      other: other.label,
      otherAmount: other.amount,
      unsettledRows,
      currency: spec.currency ?? 'KRW',
    });
  }
  if (chosen.amount < 0) {
    throw new InputError({
      file,
      line: chosen.line,
      message: `the account's ${chosen.label} is negative (${chosen.amount}): money is owed to the broker`,
      expected: 'a cash amount of zero or more',
      hint: 'settle the receivable, or write the holdings without the cash record and the debt separately',
      ko: {
        message: `계좌의 ${withJosa(chosen.label, '이/가')} 음수입니다 (${chosen.amount}): 증권사에 갚을 돈(미수)이 있습니다`,
        expected: '0 이상의 현금',
        hint: '미수금을 정리하거나, 현금 요약 행 없이 보유 종목만 적으세요',
      },
    });
  }
  return chosen;
}

// ── transactions ───────────────────────────────────────────────────────────────────────────────────────────────

export function actionKind(raw: string, spec: FormatSpec): TransactionKind | undefined {
  const key = raw.trim().toLowerCase().replace(/\s+/g, ' ');
  const own = spec.actions?.[key];
  if (own) return own;
  for (const [prefix, kind] of spec.actionPrefixes ?? []) if (key.startsWith(prefix)) return kind;
  return Object.hasOwn(SHARED_ACTIONS, key) ? SHARED_ACTIONS[key] : undefined;
}

export function readTransactions(
  rows: readonly Row[],
  headerIndex: number,
  spec: FormatSpec,
  ctx: TableContext,
  columns?: Columns,
): TableResult {
  const { file } = ctx;
  const warnings: Warning[] = [];
  const headerRow = rows[headerIndex] as Row;
  const cols = columns ?? mapRoles(headerRow, spec);
  const { data } = dataRows(rows, headerIndex, spec, cols, file, warnings);
  const transactions: Transaction[] = [];
  const currencies = new Map<string, Set<CurrencyCode>>();
  let unknownIgnored = 0;
  const noteCurrency = (account: string, symbol: string, currency: CurrencyCode | undefined) => {
    if (!currency) return;
    const key = `${account}\u0000${symbol.toUpperCase()}`;
    currencies.set(key, (currencies.get(key) ?? new Set()).add(currency));
  };
  for (const { row, account: blockAccount } of data) {
    const account = cellOf(row, cols.account) || blockAccount || ctx.defaultAccount;
    let date: string | undefined;
    if (cols.date !== undefined) {
      const raw = cellOf(row, cols.date);
      date = parseDateCell(raw, spec.dateOrder ?? 'ymd');
      if (date === undefined) {
        throw problem(
          file,
          row,
          cols.date,
          {
            message: raw === '' ? 'the date is empty' : `"${raw}" is not a date`,
            expected: `a date as ${spec.label} writes it (${dateExample(spec)})`,
          },
          {
            message:
              raw === '' ? '날짜가 비어 있습니다' : `"${raw}"${particle(raw, '은/는')} 날짜가 아닙니다`,
            expected: `${spec.labelKo} 형식의 날짜 (${dateExample(spec)})`,
          },
        );
      }
    }
    const origin = { file, line: row.line };
    if (cols.bought !== undefined || cols.sold !== undefined) {
      // One row, two movements (KIS): the bought and the sold quantity of the day.
      const symbol = readSymbol(row, cols, spec, ctx);
      for (const [role, kind] of [
        ['bought', 'buy'],
        ['sold', 'sell'],
      ] as const) {
        const q = readQuantity(row, { ...cols, quantity: cols[role] }, spec, file, symbol, true);
        if (q !== 0) transactions.push({ date, account, symbol, kind, quantity: q, origin });
      }
      noteCurrency(account, symbol, readCurrency(row, cols, file) ?? spec.currency);
      continue;
    }
    let kind: TransactionKind | undefined;
    if (spec.signedTrades) kind = 'trade';
    else {
      const raw = cellOf(row, cols.action);
      kind = actionKind(raw, spec);
      if (kind === undefined) {
        const qty = parseAmount(cellOf(row, cols.quantity), spec);
        if (qty === undefined || qty === 0) {
          unknownIgnored++;
          kind = 'other';
        } else {
          throw problem(
            file,
            row,
            cols.action,
            {
              message: `unknown action "${raw}" on a row with a quantity (${cellOf(row, cols.quantity)}): it may change the share count`,
              expected: `an action ${spec.label} uses, such as Buy, Sell, Reinvest Shares, Stock Split, Dividend`,
              hint: 'tell us the action (open an issue) or remove the row if it does not move shares',
            },
            {
              message: `수량(${cellOf(row, cols.quantity)})이 있는 행의 거래구분 "${raw}"${particle(raw, '을/를')} 알 수 없습니다: 보유 수량을 바꿀 수 있습니다`,
              expected: `${spec.labelKo}의 거래구분 (매수, 매도, 배당 등)`,
              hint: '주식 수에 영향이 없는 행이라면 지우세요',
            },
          );
        }
      }
    }
    if (CASH_ONLY_KINDS.has(kind)) {
      transactions.push({ date, account, symbol: '', kind, quantity: 0, origin });
      continue;
    }
    const assetClass = headerKey(cellOf(row, cols.assetClass));
    if (cols.assetClass !== undefined && assetClass !== '' && !HOLDABLE_ASSETS.has(assetClass)) {
      warnings.push({
        code: 'unsupported-asset',
        symbol: cellOf(row, cols.symbol),
        assetClass: cellOf(row, cols.assetClass),
        trade: true,
        file,
        line: row.line,
      });
      continue;
    }
    const symbol = readSymbol(row, cols, spec, ctx);
    const quantity = readQuantity(row, cols, spec, file, symbol);
    transactions.push({ date, account, symbol, kind, quantity, origin });
    noteCurrency(account, symbol, readCurrency(row, cols, file) ?? spec.currency);
  }
  if (transactions.length === 0) {
    throw new InputError({
      file,
      line: headerRow.line,
      message: `no transactions in file: the ${spec.label} table on line ${headerRow.line} has no rows`,
      expected: 'one row per transaction below the header',
      ko: {
        message: `거래가 없습니다: ${headerRow.line}행의 ${spec.labelKo} 표에 행이 없습니다`,
        expected: '헤더 아래에 거래마다 한 행',
      },
    });
  }
  const net = netPositions(transactions, splitsFor(ctx.splits, transactions), ctx.asOf);
  const holdings: Holding[] = net.positions.map((p) => {
    const set = currencies.get(`${p.account}\u0000${p.symbol.toUpperCase()}`);
    const currency = set?.size === 1 ? [...set][0] : undefined;
    return {
      kind: 'security',
      account: p.account,
      symbol: p.symbol,
      quantity: p.quantity,
      ...(currency ? { currency } : {}),
      origin: p.origin,
    };
  });
  const cashOnly = [...net.cashOnly.values()].reduce((a, b) => a + b, 0);
  warnings.unshift({
    code: 'read-as-transactions',
    file,
    format: spec.label,
    netted: transactions.length - cashOnly,
    cashRows: cashOnly,
    unknown: unknownIgnored,
    ...(ctx.asOf ? { asOf: ctx.asOf } : {}),
  });
  if (net.later.count > 0 && ctx.asOf) {
    warnings.push({
      code: 'activities-after-as-of',
      file,
      ...(net.later.first ? { date: net.later.first } : {}),
      count: net.later.count,
      asOf: ctx.asOf,
      rows: true,
    });
  }
  for (const { account, split } of net.splitsApplied) {
    warnings.push({
      code: 'split-applied',
      symbol: split.symbol,
      account,
      file,
      date: split.date,
      ratio: split.ratio,
      source: split.source,
    });
  }
  if (holdings.length === 0) {
    throw new InputError({
      file,
      line: headerRow.line,
      message: `no holdings as of ${ctx.asOf ?? 'the last row'}: every position in the ${spec.label} log nets to zero`,
      expected: 'a log in which some position is still open',
      ko: {
        message: `${ctx.asOf ?? '마지막 행'} 기준 보유 종목이 없습니다: 거래내역의 모든 포지션이 0입니다`,
        expected: '남아 있는 포지션이 있는 거래내역',
      },
    });
  }
  return { holdings, warnings, prices: [] };
}

/** Bundled splits under every spelling a file may use for the listing (`005930`, `A005930`, `005930.KS`). */
function splitsFor(splits: readonly SplitFact[], transactions: readonly Transaction[]): SplitFact[] {
  const written = new Set(transactions.map((t) => t.symbol.trim().toUpperCase()));
  const out: SplitFact[] = [];
  for (const s of splits) {
    const krx = /^(\d{6})\.(KS|KQ)$/.exec(s.symbol);
    const spellings = [
      s.symbol,
      ...(krx ? [krx[1] as string, `A${krx[1]}`] : []),
      ...(s.isin ? [s.isin] : []),
    ];
    for (const w of spellings) if (written.has(w.toUpperCase())) out.push({ ...s, symbol: w });
  }
  return out;
}

function dateExample(spec: FormatSpec): string {
  switch (spec.dateOrder) {
    case 'mdy':
      return 'MM/DD/YYYY';
    case 'dmy':
      return 'DD-MM-YYYY';
    default:
      return 'YYYY-MM-DD';
  }
}

// ── snapshots ──────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * A file of dated snapshots (Wealthfolio: one set of rows per date): the latest snapshot on or before the as-of
 * day. Summing them would count every position once per date.
 */
export function readSnapshots(
  rows: readonly Row[],
  headerIndex: number,
  spec: FormatSpec,
  ctx: TableContext,
  columns?: Columns,
): TableResult {
  const { file } = ctx;
  const headerRow = rows[headerIndex] as Row;
  const cols = columns ?? mapRoles(headerRow, spec);
  const warnings: Warning[] = [];
  const { data } = dataRows(rows, headerIndex, spec, cols, file, warnings);
  const byDate = new Map<string, DataRow[]>();
  for (const d of data) {
    const raw = cellOf(d.row, cols.date);
    const date = parseDateCell(raw, spec.dateOrder ?? 'ymd');
    if (date === undefined) {
      throw problem(
        file,
        d.row,
        cols.date,
        {
          message: raw === '' ? 'the date is empty' : `"${raw}" is not a date`,
          expected: 'a snapshot date YYYY-MM-DD',
        },
        {
          message: raw === '' ? '날짜가 비어 있습니다' : `"${raw}"${particle(raw, '은/는')} 날짜가 아닙니다`,
          expected: '스냅숏 날짜 YYYY-MM-DD',
        },
      );
    }
    byDate.set(date, [...(byDate.get(date) ?? []), d]);
  }
  const dates = [...byDate.keys()].sort();
  const eligible = dates.filter((d) => ctx.asOf === undefined || d <= ctx.asOf);
  const chosen = eligible.at(-1);
  if (chosen === undefined) {
    throw new InputError({
      file,
      line: headerRow.line,
      message: `no snapshot on or before ${ctx.asOf}: the file's first snapshot is of ${dates[0] ?? 'no date'}`,
      expected: 'a snapshot dated on or before the as-of date',
      hint: 'pass --as-of with a later date',
      ko: {
        message: `${ctx.asOf} 이전의 스냅숏이 없습니다: 파일의 첫 스냅숏은 ${dates[0] ?? '날짜 없음'}입니다`,
        expected: '기준일 이전 날짜의 스냅숏',
        hint: '--as-of에 더 늦은 날짜를 주세요',
      },
    });
  }
  const chosenRows = byDate.get(chosen) ?? [];
  if (dates.length > 1) {
    warnings.push({
      code: 'snapshot-chosen',
      file,
      date: chosen,
      snapshots: dates.length,
      first: dates[0] as string,
      last: dates.at(-1) as string,
      ...(ctx.asOf ? { asOf: ctx.asOf } : {}),
    });
  }
  const snapshotRows: Row[] = [headerRow, ...chosenRows.map((d) => d.row)];
  const result = readHoldings(snapshotRows, 0, { ...spec, columns: spec.columns }, ctx);
  return {
    holdings: result.holdings,
    warnings: [...warnings, ...result.warnings],
    prices: result.prices.map((p) => ({ ...p, date: chosen })),
  };
}
