/**
 * Holdings from a KOSCOM 오픈플랫폼 계좌잔고 조회 response (`POST /v1/{증권사단축명}/account/balance/search`), the JSON
 * layout brokers serve through KOSCOM's open platform: NH투자증권 (NHINVEST), KB투자증권 (KBINVEST), 삼성, 신한, 대신 ….
 * Layout and field meanings from KOSCOM's own documentation (devkoscom/openapi, api/account.md, Response Parameters):
 *
 *   { accInfo: { vtAccNo },                                   the platform's virtual account number: the account
 *     balanceResponseBody: { queryResult: { totalCnt, count, page } },   page "null": nothing more to fetch
 *     balanceList: { balance: {
 *       summary: { cashBalance, d1, d2, receivable, loanCredit, … },     cashBalance 현금잔고: the cash
 *       equityList: [{ assetType KSP|KDQ|ETF|FUT|OPT|ELW|ETC, isinCode, qty, tradeType NRM|CRD|LOAN|SUM,
 *                      valAtTrade, valAtCur, proLoss, earningRate }],
 *       fundList: [{ fundCode, fundName, valAtTrade, valAtCur, … }],      no quantity
 *       etcList: [{ assetType BOND|CD|CP|DLS|ELS|STB|RP|CRP|RRP|WRT, assetName, qty, valAtCur | valueAtCur }] } },
 *     resp: { respCode, respMsg } }
 *
 * Shares are read from equityList (KSP, KDQ, ETF): a Korean ISIN becomes its KRX code when the ISIN spells it
 * (common shares and ETFs), any other ISIN goes the way Degiro's do (the listing table, else the ISIN stays the
 * symbol); valAtCur ÷ qty is the file's own price in won. Funds (no quantity), bonds and notes (qty is a face value)
 * and derivatives cannot be held as listings: each is left out with a warning naming it and its value, as the
 * Ghostfolio reader says what it ignores. The documentation allows null, "null" and "" for any absent value.
 */

import { InputError } from '../../core/errors.ts';
import type { Holding, ImportResult } from '../../core/holdings.ts';
import type { Warning } from '../../core/warnings.ts';
import { particle } from '../../i18n/josa.ts';
import type { FilePrice } from './formats/read.ts';
import { isIsinShaped, isinCheckDigit, isinCheckDigitOk, krxCodeOfIsin } from './isin.ts';
import { jsonReasonKo, jsonValuePlaces, scanJson } from './json-positions.ts';
import { mergeDuplicates } from './merge-duplicates.ts';
import type { NameResolver } from './names.ts';
import { MAX_QUANTITY, MAX_QUANTITY_TEXT } from './numbers.ts';

export const KOSCOM_FORMAT = 'koscom';
const LABEL = 'KOSCOM open platform account balance (계좌잔고 조회)';
const LABEL_KO = 'KOSCOM 오픈플랫폼 계좌잔고 조회';
const EXPECTED =
  'a KOSCOM 계좌잔고 조회 response: a JSON object with balanceList.balance (summary, equityList …)';
const EXPECTED_KO = 'KOSCOM 계좌잔고 조회 응답: balanceList.balance(summary, equityList …)가 있는 JSON 객체';

/** Shares one holds: KOSPI, KOSDAQ and ETF listings. */
const HOLDABLE = new Set(['KSP', 'KDQ', 'ETF']);
const BALANCE = 'balanceList.balance';

/** A quick look at the text, so other JSON (a Ghostfolio export) is not parsed twice to be told apart. */
export function looksLikeKoscom(text: string): boolean {
  return /"balanceList"\s*:|"portfolioList"\s*:/.test(text);
}

export interface KoscomOptions {
  defaultAccount?: string;
  names?: NameResolver;
}

type Json = Record<string, unknown>;

export function importKoscomJson(
  input: string,
  file: string,
  options: KoscomOptions = {},
): ImportResult & { format: typeof KOSCOM_FORMAT; prices: FilePrice[] } {
  const text = input.replace(/^\uFEFF/, '');
  const places = jsonValuePlaces(text);
  if (!places) {
    const e = scanJson(text).error;
    throw new InputError({
      file,
      ...(e ? { line: e.line, column: e.column } : {}),
      message: `the file is not valid JSON: ${e?.reason ?? 'a syntax error'}`,
      expected: EXPECTED,
      ko: {
        message: `올바른 JSON이 아닙니다: ${e ? jsonReasonKo(e.reason) : '문법 오류'}`,
        expected: EXPECTED_KO,
      },
    });
  }
  const data = JSON.parse(text) as unknown;
  const where = (path: string) => {
    // The value's own place, or its nearest ancestor's (a missing field is reported at the object that lacks it).
    for (let p = path; ; p = p.replace(/(?:\.[^.[\]]+|\[\d+\])$/, '')) {
      const at = places.get(p);
      if (at) return at;
      if (p === '') return undefined;
    }
  };
  const fail = (
    path: string,
    en: { message: string; expected: string },
    ko: { message: string; expected: string },
  ) => new InputError({ file, ...where(path), ...en, ko });

  const root = object(data);
  const balance = object(object(root?.balanceList)?.balance);
  if (!root || !balance) {
    const weights = root !== undefined && object(root.portfolioList) !== undefined;
    throw fail(
      weights ? 'portfolioList' : '',
      weights
        ? {
            message: `this is a KOSCOM 자산 포트폴리오 조회 response (portfolioList): its qty are weights within each asset class, not quantities`,
            expected: EXPECTED,
          }
        : { message: `not a ${LABEL} response: there is no ${BALANCE} object`, expected: EXPECTED },
      weights
        ? {
            message:
              'KOSCOM 자산 포트폴리오 조회 응답(portfolioList)입니다: qty는 수량이 아니라 자산군 안의 비중입니다',
            expected: EXPECTED_KO,
          }
        : { message: `${LABEL_KO} 응답이 아닙니다: ${BALANCE} 객체가 없습니다`, expected: EXPECTED_KO },
    );
  }
  const resp = object(root.resp);
  const code = text_(resp?.respCode);
  if (code !== undefined && code !== '200') {
    const msg = text_(resp?.respMsg) ?? '';
    throw fail(
      'resp.respCode',
      {
        message: `the broker answered ${code}${msg ? ` (${msg})` : ''}, not 200 OK: the response holds no balance`,
        expected: 'a response with resp.respCode "200"',
      },
      {
        message: `증권사 응답 코드가 200(정상)이 아니라 ${code}입니다${msg ? ` (${msg})` : ''}: 잔고가 들어 있지 않습니다`,
        expected: 'resp.respCode가 "200"인 응답',
      },
    );
  }

  const account = text_(object(root.accInfo)?.vtAccNo) ?? (options.defaultAccount?.trim() || 'koscom');
  const warnings: Warning[] = [];
  const holdings: Holding[] = [];
  const prices: FilePrice[] = [];
  const lineOf = (path: string) => where(path)?.line ?? 1;

  /** A number as the documentation allows it: a JSON number or its text; null, "null" and "" are no value. */
  const amount = (path: string, value: unknown, what: string, whatKo: string): number | undefined => {
    if (value === undefined || value === null || value === '' || value === 'null') return undefined;
    const n =
      typeof value === 'number'
        ? value
        : typeof value === 'string' && /^\s*-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?\s*$/.test(value)
          ? Number(value)
          : Number.NaN;
    if (!Number.isFinite(n)) {
      const shown = JSON.stringify(value).slice(0, 40);
      throw fail(
        path,
        { message: `${path} is ${shown}, not a number`, expected: `${what} (a number)` },
        {
          message: `${path} 값 ${shown}${particle(shown, '은/는')} 숫자가 아닙니다`,
          expected: `${whatKo} (숫자)`,
        },
      );
    }
    if (Math.abs(n) >= MAX_QUANTITY * 1000) {
      throw fail(
        path,
        {
          message: `${path} is implausibly large (${n})`,
          expected: `${what} below ${MAX_QUANTITY_TEXT},000`,
        },
        {
          message: `${path} 값이 비현실적으로 큽니다 (${n})`,
          expected: `${MAX_QUANTITY_TEXT},000 미만의 ${whatKo}`,
        },
      );
    }
    return n;
  };

  // ── pages ──
  const result = object(object(root.balanceResponseBody)?.queryResult);
  const page = text_(result?.page);
  const count = amount('balanceResponseBody.queryResult.count', result?.count, 'a row count', '건수');
  const total = amount('balanceResponseBody.queryResult.totalCnt', result?.totalCnt, 'a row count', '건수');
  if (
    (page !== undefined && page !== 'null') ||
    (count !== undefined && total !== undefined && count < total)
  ) {
    warnings.push({
      code: 'more-pages',
      file,
      page: page ?? 'null',
      ...(count === undefined ? {} : { count }),
      ...(total === undefined ? {} : { total }),
    });
  }

  // ── cash ──
  const summaryPath = `${BALANCE}.summary`;
  const summary = object(balance.summary);
  const cash = amount(`${summaryPath}.cashBalance`, summary?.cashBalance, 'the cash balance', '현금잔고');
  if (cash !== undefined && cash < 0) {
    throw fail(
      `${summaryPath}.cashBalance`,
      { message: `the cash balance is negative (${cash})`, expected: 'a cash balance of zero or more' },
      { message: `현금잔고가 음수입니다 (${cash})`, expected: '0 이상의 현금잔고' },
    );
  }
  if (cash !== undefined && cash > 0) {
    holdings.push({
      kind: 'cash',
      account,
      currency: 'KRW',
      amount: cash,
      origin: { file, line: lineOf(`${summaryPath}.cashBalance`) },
    });
  }
  const loan =
    amount(`${summaryPath}.loanCredit`, summary?.loanCredit, 'the loan and credit balance', '대출/신용금') ??
    0;
  const receivable =
    amount(`${summaryPath}.receivable`, summary?.receivable, 'the receivable', '미수/미납금') ?? 0;
  if (loan > 0 || receivable > 0) {
    warnings.push({
      code: 'account-debt',
      account,
      file,
      line: lineOf(summaryPath),
      loanCredit: loan,
      receivable,
    });
  }

  // ── shares ──
  const equities = list(balance.equityList, `${BALANCE}.equityList`, fail);
  const kinds = new Map<string, { types: Set<string>; path: string }>();
  equities.forEach((raw, i) => {
    const path = `${BALANCE}.equityList[${i}]`;
    const row = object(raw);
    if (!row) {
      throw fail(
        path,
        { message: `${path} is not an object`, expected: 'one object per holding' },
        { message: `${path} 값이 객체가 아닙니다`, expected: '종목마다 객체 하나' },
      );
    }
    const assetType = (text_(row.assetType) ?? '').toUpperCase();
    const isin = isinAt(`${path}.isinCode`, row.isinCode, fail);
    const value = amount(`${path}.valAtCur`, row.valAtCur, 'the value', '평가금액');
    if (!HOLDABLE.has(assetType)) {
      leftOut(warnings, file, lineOf(path), account, isin, assetType || '?', value, 'equity');
      return;
    }
    const qty = amount(`${path}.qty`, row.qty, 'the quantity', '수량');
    if (qty === undefined) {
      throw fail(
        `${path}.qty`,
        { message: `${path}.qty is missing: ${isin} has no quantity`, expected: 'the quantity held (qty)' },
        { message: `${path}.qty가 없습니다: ${isin}의 수량이 없습니다`, expected: '보유 수량 (qty)' },
      );
    }
    if (qty < 0 || qty >= MAX_QUANTITY) {
      throw fail(
        `${path}.qty`,
        {
          message: `${path}.qty of ${isin} is ${qty}`,
          expected: `a quantity of zero or more, below ${MAX_QUANTITY_TEXT}`,
        },
        {
          message: `${path}.qty (${isin}) 값이 ${qty}입니다`,
          expected: `0 이상 ${MAX_QUANTITY_TEXT} 미만의 수량`,
        },
      );
    }
    const symbol = options.names?.resolveIsin?.(isin) ?? krxCodeOfIsin(isin) ?? isin;
    const tradeType = (text_(row.tradeType) ?? '').toUpperCase();
    const seen = kinds.get(symbol) ?? { types: new Set<string>(), path };
    seen.types.add(tradeType);
    kinds.set(symbol, seen);
    if (seen.types.has('SUM') && (seen.types.has('NRM') || seen.types.has('CRD'))) {
      throw fail(
        `${path}.tradeType`,
        {
          message: `${isin} has a SUM row and a ${seen.types.has('NRM') ? 'NRM' : 'CRD'} row (${seen.path}, ${path}): SUM already adds the cash and credit balances up, so summing the rows would count shares twice`,
          expected: 'either one SUM row per listing, or its NRM, CRD and LOAN rows',
        },
        {
          message: `${isin}에 SUM 행과 ${seen.types.has('NRM') ? 'NRM' : 'CRD'} 행이 함께 있습니다 (${seen.path}, ${path}): SUM은 이미 현금·신용 잔고의 합이라 더하면 주식을 두 번 셉니다`,
          expected: '종목마다 SUM 행 하나, 또는 NRM·CRD·LOAN 행',
        },
      );
    }
    const line = lineOf(path);
    if (qty === 0) {
      warnings.push({
        code: 'zero-quantity',
        symbol,
        account,
        file,
        line,
      });
      return;
    }
    if (tradeType === 'CRD' || tradeType === 'LOAN') {
      warnings.push({
        code: 'loan-not-subtracted',
        symbol,
        account,
        file,
        line,
        credit: [`tradeType ${tradeType}`],
      });
    }
    holdings.push({
      kind: 'security',
      account,
      symbol,
      quantity: qty,
      currency: 'KRW',
      origin: { file, line },
    });
    if (value !== undefined && value > 0) {
      prices.push({ symbol, price: value / qty, currency: 'KRW', file, line });
    }
  });

  // ── what cannot be held as a quantity ──
  list(balance.fundList, `${BALANCE}.fundList`, fail).forEach((raw, i) => {
    const path = `${BALANCE}.fundList[${i}]`;
    const row = object(raw) ?? {};
    const name = text_(row.fundName) ?? text_(row.fundCode) ?? `fund ${i + 1}`;
    const value = amount(`${path}.valAtCur`, row.valAtCur, 'the value', '평가금액');
    leftOut(warnings, file, lineOf(path), account, name, 'FUND', value, 'fund');
  });
  list(balance.etcList, `${BALANCE}.etcList`, fail).forEach((raw, i) => {
    const path = `${BALANCE}.etcList[${i}]`;
    const row = object(raw) ?? {};
    const name = text_(row.assetName) ?? text_(row.isinCode) ?? `item ${i + 1}`;
    // The documentation's table calls it valAtCur, its example valueAtCur: either.
    const key = row.valAtCur !== undefined ? 'valAtCur' : 'valueAtCur';
    const value = amount(`${path}.${key}`, row[key], 'the value', '평가금액');
    leftOut(
      warnings,
      file,
      lineOf(path),
      account,
      name,
      (text_(row.assetType) ?? '?').toUpperCase(),
      value,
      'etc',
    );
  });

  if (holdings.length === 0) {
    throw fail(
      BALANCE,
      {
        message: `no holdings in file: ${BALANCE} has no cash and no KSP, KDQ or ETF shares`,
        expected: 'summary.cashBalance or equityList rows with a quantity',
      },
      {
        message: `보유 종목이 없습니다: ${BALANCE}에 현금도, KSP·KDQ·ETF 주식도 없습니다`,
        expected: 'summary.cashBalance 또는 수량이 있는 equityList 행',
      },
    );
  }
  const merged = mergeDuplicates(holdings, file);
  return {
    holdings: merged.holdings,
    warnings: [...warnings, ...merged.warnings],
    prices,
    format: KOSCOM_FORMAT,
  };
}

function leftOut(
  warnings: Warning[],
  file: string,
  line: number,
  account: string,
  name: string,
  kind: string,
  value: number | undefined,
  from: 'equity' | 'fund' | 'etc',
): void {
  warnings.push({
    code: 'left-out-holding',
    symbol: name,
    account,
    file,
    line,
    kind,
    from,
    ...(value === undefined ? {} : { value, currency: 'KRW' }),
  });
}

function object(v: unknown): Json | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : undefined;
}

/** A string or number as trimmed text; null, "null"-free absence as undefined. */
function text_(v: unknown): string | undefined {
  if (typeof v === 'number') return String(v);
  if (typeof v !== 'string') return undefined;
  const t = v.trim();
  return t === '' ? undefined : t;
}

type Fail = (
  path: string,
  en: { message: string; expected: string },
  ko: { message: string; expected: string },
) => InputError;

function list(v: unknown, path: string, fail: Fail): unknown[] {
  if (v === undefined || v === null || v === '' || v === 'null') return [];
  if (Array.isArray(v)) return v;
  throw fail(
    path,
    { message: `${path} is not an array`, expected: 'an array of rows (or null)' },
    { message: `${path} 값이 배열이 아닙니다`, expected: '행의 배열 (또는 null)' },
  );
}

function isinAt(path: string, v: unknown, fail: Fail): string {
  const isin = typeof v === 'string' ? v.trim().toUpperCase() : '';
  if (isin === '') {
    throw fail(
      path,
      { message: `${path} is missing`, expected: "the holding's ISIN (12 characters, such as KR7005930003)" },
      { message: `${path} 값이 없습니다`, expected: '종목의 ISIN (KR7005930003 같은 12자리)' },
    );
  }
  if (!isIsinShaped(isin)) {
    throw fail(
      path,
      {
        message: `${path} "${isin}" is not an ISIN`,
        expected: 'two letters, nine letters or digits and a check digit, such as KR7005930003',
      },
      {
        message: `${path} 값 "${isin}"${particle(isin, '은/는')} ISIN이 아닙니다`,
        expected: '영문 두 자리, 영문·숫자 아홉 자리, 검사 숫자 한 자리 (예: KR7005930003)',
      },
    );
  }
  if (!isinCheckDigitOk(isin)) {
    const due = isinCheckDigit(isin.slice(0, 11));
    throw fail(
      path,
      {
        message: `${path} "${isin}" has the check digit ${isin[11]}, but its first eleven characters call for ${due}: a mistyped or altered ISIN`,
        expected: 'an ISIN whose last digit checks (ISO 6166)',
      },
      {
        message: `${path} "${isin}"의 검사 숫자는 ${isin[11]}이지만 앞 열한 자리로 계산하면 ${due}입니다: 잘못 입력되었거나 바뀐 ISIN입니다`,
        expected: '검사 숫자가 맞는 ISIN (ISO 6166)',
      },
    );
  }
  return isin;
}
