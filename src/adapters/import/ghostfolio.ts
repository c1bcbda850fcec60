/**
 * Holdings from a Ghostfolio export (Portfolio → Export in Ghostfolio, the JSON its ExportService writes). The export
 * is a ledger, not a snapshot: `activities` lists every BUY and SELL, and `accounts` carry the cash `balance`. So
 * holdings are the net of BUYs and SELLs per account and symbol, plus each account's balance as cash.
 *
 * Shape (verified against ghostfolio/ghostfolio apps/api/src/app/export/export.service.ts and test/import/ok/*.json):
 *   { meta: { date, version }, accounts: [{ id, name, currency, balance, balances, … }], assetProfiles, platforms,
 *     tags, activities: [{ accountId, quantity, type, unitPrice, currency, dataSource, date, symbol, fee, … }], user }
 * `accounts` is optional, `accountId` may be null or absent, `quantity` is positive for SELLs too (the type says
 * which way), and account `name`/`currency` are nullable in Ghostfolio's schema.
 *
 * Like Ghostfolio itself, an account marked `isExcluded` (Ghostfolio's "exclude from analysis") is left out: its
 * activities and its balance. With an as-of date, activities dated after it are left out, so a past as-of date
 * sees the positions held then; the balances cannot follow, since an export carries only today's.
 */

import { z } from 'zod';
import { type CurrencyCode, isCurrencyCode, quoteToMajor } from '../../core/currency.ts';
import type { IsoDate } from '../../core/dates.ts';
import { InputError } from '../../core/errors.ts';
import type { Holding, ImportResult } from '../../core/holdings.ts';
import { netPositions, type SplitFact, type Transaction } from '../../core/transactions.ts';
import type { Warning } from '../../core/warnings.ts';
import { withJosa } from '../../i18n/josa.ts';
import { type JsonSyntaxError, jsonReasonKo, lineColumnAt, scanJson } from './json-positions.ts';
import { MAX_QUANTITY, MAX_QUANTITY_TEXT, roundQuantity } from './numbers.ts';

/** Ghostfolio's activity types (Prisma enum `Type`), plus ITEM from exports made before it was retired. */
const ACTIVITY_TYPES = ['BUY', 'SELL', 'DIVIDEND', 'FEE', 'INTEREST', 'LIABILITY', 'ITEM'] as const;

/** Activities without an account (allowed in Ghostfolio) are held in this account. */
export const GHOSTFOLIO_DEFAULT_ACCOUNT = 'Ghostfolio';

const EXPECTED_DOCUMENT =
  'a Ghostfolio export: a JSON object with an "activities" array (and usually "accounts")';
const EXPECTED_DOCUMENT_KO =
  'Ghostfolio 내보내기 파일: "activities" 배열이 있는 JSON 객체 (보통 "accounts"도 있음)';

const accountSchema = z.object({
  id: z.string({ error: 'an account id (a string)' }).min(1, { error: 'a non-empty account id' }),
  name: z.string({ error: 'an account name (a string) or null' }).nullish(),
  currency: z.string({ error: 'a currency code (a string) or null' }).nullish(),
  balance: z
    .number({ error: 'a cash balance (a number)' })
    .lt(MAX_QUANTITY, { error: `a cash balance below ${MAX_QUANTITY_TEXT}` })
    .optional(),
  isExcluded: z.boolean({ error: 'isExcluded: true or false' }).optional(),
});

const activitySchema = z.object({
  accountId: z.string({ error: 'an account id (a string) or null' }).nullish(),
  quantity: z
    .number({ error: 'a quantity (a number)' })
    .min(0, { error: 'a quantity of zero or more' })
    .lt(MAX_QUANTITY, { error: `a quantity below ${MAX_QUANTITY_TEXT}` }),
  type: z.enum(ACTIVITY_TYPES, { error: `an activity type: one of ${ACTIVITY_TYPES.join(', ')}` }),
  symbol: z.string({ error: 'a symbol (a string)' }).min(1, { error: 'a non-empty symbol' }),
  currency: z.string({ error: 'a currency code (a string) or null' }).nullish(),
  /** An ISO timestamp in UTC (`2024-01-02T00:00:00.000Z`); only its calendar date is compared with the as-of date. */
  date: z.string({ error: 'a date (an ISO timestamp string)' }).optional(),
});

const exportSchema = z.object(
  {
    meta: z.object({ date: z.string().optional() }).optional(),
    accounts: z.array(accountSchema, { error: 'an "accounts" array' }).optional(),
    activities: z.array(activitySchema, { error: 'an "activities" array' }),
  },
  { error: EXPECTED_DOCUMENT },
);

type GhostfolioExport = z.infer<typeof exportSchema>;

export interface GhostfolioImportOptions {
  /** Leave out activities dated after this day (`YYYY-MM-DD`); default: keep them all. */
  asOf?: IsoDate;
  /** Splits to apply between activities (Ghostfolio records quantities as traded, not split-adjusted). */
  splits?: readonly SplitFact[];
}

export function importGhostfolioJson(
  text: string,
  file: string,
  options: GhostfolioImportOptions = {},
): ImportResult {
  const source = text.replace(/^\uFEFF/, '');
  // One linear pass finds syntax errors (and nesting too deep to scan) with their place, and every element's line.
  const scan = scanJson(source, ['activities', 'accounts']);
  const activityLines = scan.elementLines.get('activities') ?? [];
  const accountLines = scan.elementLines.get('accounts') ?? [];
  const document = validate(
    parseJson(source, file, scan.error),
    { activities: activityLines, accounts: accountLines },
    file,
  );
  const accountNames = new Map((document.accounts ?? []).map((a) => [a.id, a.name?.trim() || a.id]));
  const excluded = new Set((document.accounts ?? []).filter((a) => a.isExcluded).map((a) => a.id));
  const warnings: Warning[] = excludedWarnings(document, excluded, file);
  const { asOf } = options;
  const later: string[] = []; // calendar dates of the activities after the as-of date

  // Net position per account and symbol, in order of first appearance.
  interface Position {
    account: string;
    symbol: string;
    bought: number;
    sold: number;
    currencies: Set<string>;
    line: number;
    firstSellLine: number | undefined;
    activityNumbers: number[];
    trades: Transaction[];
  }
  const positions = new Map<string, Position>();
  const ignored = new Map<string, number>();
  document.activities.forEach((activity, index) => {
    if (activity.accountId && excluded.has(activity.accountId)) return;
    const day = activity.date?.slice(0, 10);
    if (asOf !== undefined && day !== undefined && day > asOf) {
      later.push(day);
      return;
    }
    if (activity.type !== 'BUY' && activity.type !== 'SELL') {
      // Dividends, fees, interest and liabilities move cash, and the account balance already reflects that.
      ignored.set(activity.type, (ignored.get(activity.type) ?? 0) + 1);
      return;
    }
    const account = activity.accountId
      ? (accountNames.get(activity.accountId) ?? activity.accountId)
      : GHOSTFOLIO_DEFAULT_ACCOUNT;
    const key = `${account}\u0000${activity.symbol}`;
    let position = positions.get(key);
    if (!position) {
      position = {
        account,
        symbol: activity.symbol,
        bought: 0,
        sold: 0,
        currencies: new Set(),
        line: activityLines[index] ?? 1,
        firstSellLine: undefined,
        activityNumbers: [],
        trades: [],
      };
      positions.set(key, position);
    }
    if (activity.type === 'BUY') position.bought += activity.quantity;
    else {
      position.sold += activity.quantity;
      position.firstSellLine ??= activityLines[index];
    }
    if (activity.currency) position.currencies.add(activity.currency);
    position.activityNumbers.push(index + 1);
    position.trades.push({
      date: day,
      account,
      symbol: activity.symbol,
      kind: activity.type === 'BUY' ? 'buy' : 'sell',
      quantity: activity.quantity,
      origin: { file, line: activityLines[index] ?? 1 },
    });
  });

  const holdings: Holding[] = [];
  for (const p of positions.values()) {
    const symbolSplits = (options.splits ?? []).filter(
      (s) => s.symbol.toUpperCase() === p.symbol.toUpperCase(),
    );
    const split = symbolSplits.length > 0 ? netPositions(p.trades, symbolSplits, asOf) : undefined;
    for (const { split: s } of split?.splitsApplied ?? []) {
      warnings.push({
        code: 'split-applied',
        symbol: s.symbol,
        account: p.account,
        file,
        date: s.date,
        ratio: s.ratio,
        source: s.source,
      });
    }
    const net = split ? (split.positions[0]?.quantity ?? 0) : roundQuantity(p.bought - p.sold);
    if (net < 0) {
      throw new InputError({
        file,
        line: p.firstSellLine ?? p.line,
        message: `more ${p.symbol} sold than bought in account ${p.account}: bought ${roundQuantity(p.bought)}, sold ${roundQuantity(p.sold)} (activities ${listNumbers(p.activityNumbers)})`,
        expected: 'sales of at most the quantity bought; short positions are not supported',
        hint: 'a BUY may be missing from the export, e.g. one made before the export period',
        ko: {
          message: `${p.account} 계좌에서 ${withJosa(p.symbol, '을/를')} 산 것보다 많이 팔았습니다: 매수 ${roundQuantity(p.bought)}, 매도 ${roundQuantity(p.sold)} (활동 ${listNumbers(p.activityNumbers)})`,
          expected: '매수한 수량 이하의 매도 (공매도는 지원하지 않습니다)',
          hint: '내보내기 기간 이전의 매수처럼 BUY 활동이 빠졌을 수 있습니다',
        },
      });
    }
    if (net === 0) continue; // a closed position
    const currency = positionCurrency(p.currencies);
    holdings.push({
      kind: 'security',
      account: p.account,
      symbol: p.symbol,
      quantity: net,
      ...(currency ? { currency } : {}),
      origin: { file, line: p.line },
    });
  }

  let cashFromBalances = false;
  (document.accounts ?? []).forEach((a, index) => {
    if (a.isExcluded) return;
    const balance = a.balance ?? 0; // Prisma default
    if (balance === 0) return;
    const account = a.name?.trim() || a.id;
    const line = accountLines[index] ?? 1;
    if (balance < 0) {
      throw new InputError({
        file,
        line,
        message: `account ${account} has a negative cash balance (${balance})`,
        expected: 'a cash balance of zero or more',
        ko: {
          message: `${account} 계좌의 현금 잔액이 음수입니다 (${balance})`,
          expected: '0 이상의 현금 잔액',
        },
      });
    }
    const currency = a.currency?.trim().toUpperCase() ?? '';
    if (!isCurrencyCode(currency)) {
      throw new InputError({
        file,
        line,
        message: `account ${account} has a cash balance of ${balance} but ${a.currency ? `an unknown currency "${a.currency}"` : 'no currency'}`,
        expected: 'an ISO 4217 currency code such as KRW, USD, JPY, EUR, INR',
        ko: {
          message: `${account} 계좌의 현금 잔액 ${balance}에 ${a.currency ? `알 수 없는 통화 "${a.currency}"` : '통화가 없습니다'}`,
          expected: 'KRW, USD, JPY, EUR, INR 같은 ISO 4217 통화 코드',
        },
      });
    }
    holdings.push({ kind: 'cash', account, currency, amount: balance, origin: { file, line } });
    cashFromBalances = true;
  });

  warnings.push(...ignoredWarning(ignored, file));
  if (asOf !== undefined) {
    warnings.push(...laterWarning(later, asOf, file));
    const exported = document.meta?.date?.slice(0, 10);
    if (cashFromBalances && exported !== undefined && asOf < exported) {
      warnings.push({
        code: 'balances-as-of-export',
        file,
        date: exported,
        asOf,
      });
    }
  }
  return { holdings, warnings };
}

/** One warning per excluded account, saying what was left out, so a total that looks low is explained. */
function excludedWarnings(
  document: GhostfolioExport,
  excluded: ReadonlySet<string>,
  file: string,
): Warning[] {
  return (document.accounts ?? [])
    .filter((a) => excluded.has(a.id))
    .map((a) => {
      const account = a.name?.trim() || a.id;
      const n = document.activities.filter((x) => x.accountId === a.id).length;
      const balance = a.balance ?? 0;
      return {
        code: 'excluded-account' as const,
        account,
        file,
        activities: n,
        balance,
        ...(a.currency ? { currency: a.currency } : {}),
      };
    });
}

function laterWarning(later: readonly string[], asOf: IsoDate, file: string): Warning[] {
  if (later.length === 0) return [];
  const first = [...later].sort()[0] as string;
  return [
    {
      code: 'activities-after-as-of',
      file,
      date: first,
      count: later.length,
      asOf,
      rows: false,
    },
  ];
}

function parseJson(text: string, file: string, found: JsonSyntaxError | undefined): unknown {
  if (found?.reason.startsWith('arrays and objects are nested')) {
    throw new InputError({
      file,
      line: found.line,
      column: found.column,
      message: `the file cannot be imported: ${found.reason}`,
      expected: EXPECTED_DOCUMENT,
      ko: {
        message: `파일을 가져올 수 없습니다: ${jsonReasonKo(found.reason)}`,
        expected: EXPECTED_DOCUMENT_KO,
      },
    });
  }
  try {
    if (found) throw new SyntaxError(found.reason);
    return JSON.parse(text);
  } catch (e) {
    if (!(e instanceof SyntaxError)) throw e;
    // Our own scan always knows where; V8's message only sometimes has "at position N".
    const position = /at position (\d+)/.exec(e.message)?.[1];
    const where = found ?? (position ? lineColumnAt(text, Number(position)) : undefined);
    throw new InputError({
      file,
      line: where?.line,
      column: where?.column,
      message: `the file is not valid JSON: ${found?.reason ?? e.message}`,
      expected: EXPECTED_DOCUMENT,
      ko: {
        message: `올바른 JSON이 아닙니다: ${found ? jsonReasonKo(found.reason) : e.message}`,
        expected: EXPECTED_DOCUMENT_KO,
      },
    });
  }
}

function validate(
  data: unknown,
  lines: { activities: readonly number[]; accounts: readonly number[] },
  file: string,
): GhostfolioExport {
  const result = exportSchema.safeParse(data);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = issue?.path ?? [];
  const [top, index] = path;
  let line: number | undefined;
  let subject = `the JSON ${describeValue(data)}`;
  if (path.length > 0) {
    subject = `${formatPath(path)} is ${describeValue(valueAt(data, path))}`;
    if ((top === 'activities' || top === 'accounts') && typeof index === 'number') {
      line = lines[top][index];
      const count = (data as Record<string, unknown[]>)[top]?.length;
      subject = `${top === 'activities' ? 'activity' : 'account'} ${index + 1} of ${count}: ${subject}`;
    }
  }
  throw new InputError({
    file,
    line,
    message: `not a valid Ghostfolio export: ${subject}`,
    expected: issue?.message ?? EXPECTED_DOCUMENT,
    ko: {
      message: `올바른 Ghostfolio 내보내기 파일이 아닙니다: ${subject}`,
      expected: issue?.message ?? EXPECTED_DOCUMENT_KO,
    },
  });
}

/**
 * The instrument's currency, when the activities agree on one. Ghostfolio writes the quote currency, which for
 * London listings is GBp: holdings carry the major currency (GBP), like every other amount in Dispersion.
 */
function positionCurrency(currencies: ReadonlySet<string>): CurrencyCode | undefined {
  if (currencies.size !== 1) return undefined;
  const [only] = currencies;
  return only === undefined ? undefined : quoteToMajor(only)?.currency;
}

/** `1, 4, 9` — or the first twenty and how many more, so 25,000 sales do not make a 150 kB message. */
function listNumbers(ns: readonly number[], shown = 20): string {
  if (ns.length <= shown) return ns.join(', ');
  return `${ns.slice(0, shown).join(', ')} and ${ns.length - shown} more`;
}

function ignoredWarning(ignored: ReadonlyMap<string, number>, file: string): Warning[] {
  if (ignored.size === 0) return [];
  const total = [...ignored.values()].reduce((a, b) => a + b, 0);
  return [
    {
      code: 'ignored-activities',
      file,
      count: total,
      types: [...ignored].map(([type, count]) => ({ type, count })),
    },
  ];
}

function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`))
    .join('');
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = data;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[p];
  }
  return v;
}

function describeValue(v: unknown): string {
  if (v === undefined) return 'missing';
  if (Array.isArray(v)) return 'an array';
  if (v !== null && typeof v === 'object') return 'an object';
  const json = JSON.stringify(v);
  return json.length > 40 ? `${json.slice(0, 40)}…` : json;
}
