import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { NOTICE_CODES } from '../core/notices.ts';
import type { RebalanceWarning } from '../core/rebalance/types.ts';
import { REBALANCE_WARNING_CODES, rebalanceWarningText } from './rebalance.ts';
import { KOREAN_WARNING_CODES, warningText } from './warnings.ts';

describe('warningText', () => {
  it('keeps the English sentence in English', () => {
    const w = {
      code: 'stale-fx',
      message: 'USD exchange rate is from 2026-04-30 …',
      currency: 'USD',
      date: '2026-04-30',
      age: 21,
    };
    expect(warningText(w, 'en')).toBe(w.message);
  });
  it('writes the known codes in Korean from their facts', () => {
    expect(
      warningText(
        {
          code: 'stale-fx',
          message: 'x',
          currency: 'USD',
          date: '2026-04-30',
          age: 21,
          monthlyAverage: true,
        },
        'ko',
      ),
    ).toBe('USD 환율이 2026-04-30 기준 (월평균)으로, 기준일보다 21거래일 전입니다.');
    expect(warningText({ code: 'unclassified', message: 'x', symbol: 'BTCUSD' }, 'ko')).toContain(
      'BTCUSD는 종목 유니버스에 없어',
    );
  });
  it('falls back to the English sentence for a code it does not know, or when facts are missing', () => {
    expect(warningText({ code: 'duplicate-rows', message: 'rows 3 and 7 summed' }, 'ko')).toBe(
      'rows 3 and 7 summed',
    );
    expect(warningText({ code: 'stale-price', message: 'old' }, 'ko')).toBe('old');
  });
  it('writes the concentration warnings in Korean from their numbers', () => {
    expect(
      warningText(
        {
          code: 'concentration-position',
          message: 'x',
          symbols: ['GOOG', 'GOOGL'],
          weight: 0.25,
          limit: 0.2,
        },
        'ko',
      ),
    ).toBe(
      'GOOG + GOOGL (한 회사) 비중이 현금 제외 보유액의 25.0%로, 한 회사 한도 20.0%를 넘습니다: 한 종목에 집중된 포트폴리오는 2026년을 견디기 어렵습니다.',
    );
    expect(
      warningText(
        { code: 'concentration-country', message: 'x', country: 'KR', weight: 1, limit: 0.6 },
        'ko',
      ),
    ).toBe(
      '한국(KR) 사업 비중이 현금 제외 보유액의 100.0%로, 한 국가 한도 60.0%를 넘습니다: 한 국가에 집중된 포트폴리오는 2026년을 견디기 어렵습니다.',
    );
  });
});

describe('warningText for import warnings', () => {
  it('says in Korean which summary row was skipped and which account was excluded', () => {
    expect(warningText({ code: 'summary-row', message: 'x', line: 9 }, 'ko')).toBe(
      '9행의 합계 행을 건너뛰었습니다. 위 행들의 합계이지 보유 종목이 아닙니다.',
    );
    expect(warningText({ code: 'excluded-account', message: 'x', account: '연금' }, 'ko')).toBe(
      '연금 계좌는 Ghostfolio에서 분석 제외("isExcluded": true)로 설정되어 빠졌습니다.',
    );
  });
});

/**
 * Every warning code the source emits, found by reading src/ (`code: 'x'`, also `code: a ? 'x' : 'y'`), so a new code
 * without a Korean sentence fails here. 'custom' is zod's issue code, not a warning.
 */
function emittedCodes(): Map<string, string> {
  const codes = new Map<string, string>();
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, e.name);
      // The catalogue's example notices (i18n/catalog/examples.ts) name every code: they are not emitters.
      if (e.isDirectory()) {
        if (e.name !== 'catalog') walk(path);
      } else if (e.name.endsWith('.ts') && !e.name.endsWith('.test.ts')) {
        for (const m of readFileSync(path, 'utf8').matchAll(/\bcode:\s*([^,\n}]+)/g)) {
          // The values a code can take: the literal, or each branch of a conditional (not what it is compared to).
          for (const q of (m[1] ?? '').matchAll(/(?:^|[?:])\s*'([a-z][a-z0-9-]*)'/g)) {
            if (q[1] && q[1] !== 'custom') codes.set(q[1], path);
          }
        }
      }
    }
  };
  walk(fileURLToPath(new URL('..', import.meta.url)));
  return codes;
}

/** One warning per code, with the facts its emitter gives (see the emitter named in each comment). */
const SAMPLES: Record<string, RebalanceWarning> = {
  // core/check.ts
  'stale-price': { code: 'stale-price', message: 'm', symbol: 'NVDA', date: '2026-05-22', age: 5 },
  'stale-price-error': {
    code: 'stale-price-error',
    message: 'm',
    symbol: 'NVDA',
    date: '2026-05-01',
    age: 20,
  },
  'stale-fx': {
    code: 'stale-fx',
    message: 'm',
    currency: 'USD',
    date: '2026-04-30',
    age: 21,
    monthlyAverage: true,
  },
  'stale-fx-error': { code: 'stale-fx-error', message: 'm', currency: 'USD', date: '2026-03-31', age: 43 },
  'concentration-position': {
    code: 'concentration-position',
    message: 'm',
    symbols: ['NVDA'],
    weight: 0.3,
    limit: 0.2,
  },
  'concentration-country': {
    code: 'concentration-country',
    message: 'm',
    country: 'US',
    weight: 0.75,
    limit: 0.6,
  },
  // core/valuation.ts
  unclassified: { code: 'unclassified', message: 'm', symbol: 'BTCUSD' },
  'currency-mismatch': {
    code: 'currency-mismatch',
    message: 'm',
    symbol: 'NVDA',
    params: { valuedIn: 'USD', row: 'KRW' },
  },
  'no-look-through': { code: 'no-look-through', message: 'm', symbol: 'VT', weight: 0.12 },
  'look-through-old': {
    code: 'look-through-old',
    message: 'm',
    symbol: 'QQQ',
    date: '2025-10-04',
    age: 237,
  },
  'listing-start': { code: 'listing-start', message: 'm', symbol: 'VRT', date: '2020-02-10' },
  // core/rebalance/solve/explain.ts
  'goal-missed': {
    code: 'goal-missed',
    message: 'm',
    params: {
      kind: 'country-max',
      key: 'US',
      reached: 0.801,
      limit: 0.6,
      why: 'other-kept',
      otherShare: 0.039,
    },
  },
  'other-policy': {
    code: 'other-policy',
    message: 'm',
    params: { policy: 'keep', share: 0.039, rest: 0.961 },
  },
  'named-passed-over': {
    code: 'named-passed-over',
    message: 'm',
    sleeve: 'physical-ai',
    params: { symbols: '005380.KS, 6954.T', reasons: 'x' },
    passed: [
      { symbol: '005380.KS', why: 'no-price' },
      { symbol: '6954.T', why: 'stale', date: '2026-01-30', age: 85 },
    ],
  },
  'solver-failed': { code: 'solver-failed', message: 'm' },
  levers: { code: 'levers', message: 'm', params: { levers: 'other,prices,account-markets,transfers' } },
  'funding-short': {
    code: 'funding-short',
    message: 'm',
    account: 'ISA',
    params: { account: 'ISA', amount: 1200.5, currency: 'USD' },
  },
  // adapters/import
  'quantity-looks-like-date': {
    code: 'quantity-looks-like-date',
    message: 'm',
    file: 'a.csv',
    line: 3,
    symbol: 'NVDA',
    date: '2026-05-29',
  },
  'summary-row': { code: 'summary-row', message: 'm', file: 'a.csv', line: 9 },
  'table-end': { code: 'table-end', message: 'm', file: 'a.csv', line: 12 },
  'unsupported-asset': { code: 'unsupported-asset', message: 'm', file: 'a.csv', line: 5 },
  'read-as-transactions': { code: 'read-as-transactions', message: 'm', file: 'log.csv' },
  'split-applied': {
    code: 'split-applied',
    message: 'm',
    file: 'log.csv',
    account: 'ISA',
    symbol: 'NVDA',
    date: '2024-06-10',
  },
  'snapshot-chosen': { code: 'snapshot-chosen', message: 'm', file: 'w.csv', date: '2026-05-29' },
  'file-price': {
    code: 'file-price',
    message: 'm',
    file: 'kiwoom.csv',
    line: 4,
    symbol: '005380.KS',
    date: '2026-05-29',
  },
  'cash-currency-assumed': { code: 'cash-currency-assumed', message: 'm' },
  'zero-quantity': {
    code: 'zero-quantity',
    message: 'm',
    symbol: 'AAPL',
    account: 'ISA',
    file: 'a.csv',
    line: 4,
  },
  'duplicate-rows': {
    code: 'duplicate-rows',
    message: 'm',
    symbol: 'NVDA',
    account: 'ISA',
    file: 'a.csv',
    line: 3,
    params: { lines: '3, 7', total: 15 },
  },
  'excluded-account': {
    code: 'excluded-account',
    message: 'm',
    account: 'Old',
    file: 'g.json',
    params: { activities: 2, balance: 0 },
  },
  'balances-as-of-export': {
    code: 'balances-as-of-export',
    message: 'm',
    file: 'g.json',
    date: '2026-06-30',
    params: { asOf: '2026-05-29' },
  },
  'activities-after-as-of': {
    code: 'activities-after-as-of',
    message: 'm',
    file: 'g.json',
    date: '2026-06-02',
    params: { count: 3, asOf: '2026-05-29' },
  },
  'ignored-activities': {
    code: 'ignored-activities',
    message: 'm',
    file: 'g.json',
    params: { count: 4, types: '3 DIVIDEND, 1 FEE' },
  },
  // core/backtest/prepare.ts
  'backtest-start': { code: 'backtest-start', message: 'm', symbol: 'CEG', date: '2022-01-19' },
  // core/backtest/backtest.ts
  'whole-shares-cash': {
    code: 'whole-shares-cash',
    message: 'm',
    weight: 0.12,
    currency: 'KRW',
    params: { portfolio: '대분산 2026', left: 1_200_000, initial: 10_000_000 },
  },
  'policy-missed': {
    code: 'policy-missed',
    message: 'm',
    date: '2021-03-01',
    params: { days: 3, of: 60, goals: 'country-max' },
  },
  'cash-rate': { code: 'cash-rate', message: 'm', currency: 'KRW' },
  'currency-assumed': { code: 'currency-assumed', message: 'm', symbol: 'XYZ', currency: 'KRW' },
  // core/stress/stress.ts
  'stress-unshocked': {
    code: 'stress-unshocked',
    message: 'm',
    symbols: ['BTCUSD'],
    params: { scenario: 'AI bubble bursts', scenarioKo: 'AI 버블 붕괴' },
  },
  'risk-history-too-short': {
    code: 'risk-history-too-short',
    message: 'm',
    date: '2026-05-29',
    params: { needed: 60 },
  },
  'risk-window-shortened': {
    code: 'risk-window-shortened',
    message: 'm',
    symbol: 'CEG',
    params: { from: '2023-05-30', to: '2026-05-29', requestedFrom: '2023-05-29' },
  },
  'risk-monthly-fx': { code: 'risk-monthly-fx', message: 'm', currency: 'USD', params: { base: 'KRW' } },
  // core/rebalance
  'nothing-investable': { code: 'nothing-investable', message: 'm' },
  'stale-allowed': {
    code: 'stale-allowed',
    message: 'm',
    params: { what: 'USD→KRW', date: '2026-04-30', age: 21 },
  },
};

describe('every warning code in Korean', () => {
  it('has a Korean sentence for every code the source emits', () => {
    const codes = emittedCodes();
    // The walk finds the codes at all (the sample's three import codes, say), so an empty scan cannot pass.
    expect(codes.has('duplicate-rows') && codes.has('goal-missed') && codes.has('risk-monthly-fx')).toBe(
      true,
    );
    const known = new Set([...KOREAN_WARNING_CODES, ...REBALANCE_WARNING_CODES]);
    const missing = [...codes].filter(([c]) => !known.has(c)).map(([c, file]) => `${c} (${file})`);
    expect(missing).toEqual([]);
    const untested = [...codes.keys()].filter((c) => !(c in SAMPLES));
    expect(untested).toEqual([]);
    // The typed union (core/notices.ts) names exactly the codes the source emits: none missing, none left over.
    expect([...codes.keys()].sort()).toEqual([...NOTICE_CODES].sort());
  });

  it.each(Object.values(SAMPLES))('writes $code in Korean, with no English phrase and no hole', (w) => {
    const ko = rebalanceWarningText(w, 'ko');
    expect(ko).not.toBe(w.message);
    expect(ko).toMatch(/[가-힣]/);
    expect(ko).not.toMatch(/undefined|NaN|\[object/);
    // Two English words in a row would be an English phrase left in (symbols, currencies and files are single words;
    // a command-line option and its value, `--mode full`, and a command, `dispersion data update`, are what the reader
    // types).
    expect(ko.replace(/--[a-z-]+ [a-z]+|dispersion( [a-z]+)+/g, '')).not.toMatch(
      /[A-Za-z]*[a-z][A-Za-z]* +[A-Za-z]*[a-z]/,
    );
  });

  it('words the backtest and risk warnings from their own facts', () => {
    expect(rebalanceWarningText(SAMPLES['risk-monthly-fx'] as RebalanceWarning, 'ko')).toBe(
      'USD→KRW 일별 환율이 위험 구간 일부에 없어 그 기간은 월평균 환율을 썼습니다. 그래서 환율 변동성이 실제보다 작게 나옵니다.',
    );
    expect(
      warningText(
        {
          code: 'stale-price',
          message: 'm',
          symbol: 'VST',
          date: '2026-03-31',
          params: { until: '2026-05-29' },
        },
        'ko',
      ),
    ).toBe('VST의 마지막 종가가 2026-03-31입니다. 2026-05-29까지 그 값을 이어 씁니다.');
    expect(warningText({ code: 'cash-rate', message: 'm' }, 'ko')).toBe(
      '국채 금리 데이터가 없어 현금 수익을 0으로 계산합니다.',
    );
    expect(warningText(SAMPLES['duplicate-rows'] as RebalanceWarning, 'ko')).toBe(
      'a.csv: ISA 계좌의 NVDA가 3, 7행에 나뉘어 있어 합산했습니다 (합계 15).',
    );
  });
});
