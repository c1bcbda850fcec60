import { describe, expect, it } from 'vitest';
import { marketOf } from '../../../test/support/market.ts';
import { modelOf } from '../../../test/support/model.ts';
import { inst } from '../../../test/support/universe.ts';
import { checkPortfolio } from '../../core/check.ts';
import { toDay } from '../../core/dates.ts';
import type { Holding } from '../../core/holdings.ts';
import { buildUniverse } from '../../core/universe.ts';
import { toCheckDocument } from '../../report/check-document.ts';
import { renderCheckText } from './check-text.ts';

const universe = buildUniverse([
  inst('AAA', 'energy', 'US', 'USD'),
  inst('BBB', 'energy', 'DE', 'USD'),
  inst('CCC', 'energy', 'JP', 'USD'),
  inst('DDD', 'energy', 'GB', 'USD'),
  inst('EEE', 'energy', 'KR', 'USD'),
]);
// As of Fri 2026-05-29, in trading days (Mon–Fri): AAA Fri 2025-11-28 is 26 weeks = 130 old, BBB Fri 2026-05-01 is
// 20, CCC Fri 2026-05-22 is 5, DDD Mon 2026-05-25 is 4, EEE Thu 2026-05-28 is 1 (fresh).
const market = marketOf({
  prices: {
    AAA: [['2025-11-28', 10]],
    BBB: [['2026-05-01', 10]],
    CCC: [['2026-05-22', 10]],
    DDD: [['2026-05-25', 10]],
    EEE: [['2026-05-28', 10]],
  },
});
const holdings: Holding[] = ['AAA', 'BBB', 'CCC', 'DDD', 'EEE'].map((symbol) => ({
  kind: 'security',
  account: 'A',
  symbol,
  quantity: 1,
  origin: { file: 'h.csv', line: 2 },
}));
const model = modelOf([{ id: 'energy', target: 1, candidates: [] }]);
const report = checkPortfolio({ holdings, universe, model, market, base: 'USD', asOf: toDay('2026-05-29') });
/** The lines under the Warnings heading (each holding is 20% of the total, at the limits: no concentration warning). */
const warningLines = (lang: 'en' | 'ko') => {
  const lines = renderCheckText(toCheckDocument(report, lang), lang).split('\n');
  const from = lines.indexOf(lang === 'en' ? 'Warnings' : '주의');
  return lines.slice(from + 1).filter((l) => /^ {2}[!✘] /.test(l));
};

describe('renderCheckText — stale prices', () => {
  it('says how old the oldest is, and marks error-level (older than 10 trading days) apart from warnings', () => {
    expect(warningLines('en')).toEqual([
      '  ✘ ERROR: 2 price(s) older than 10 trading days, too old to value the portfolio by; the oldest, AAA, is from 2025-11-28, 130 trading days before the as-of date. Supply fresh closes with --prices DIR.',
      '  ! 2 price(s) older than 3 trading days; the oldest, CCC, is from 2026-05-22, 5 trading days before the as-of date. Supply fresh closes with --prices DIR.',
    ]);
  });

  it('says the same in Korean', () => {
    expect(warningLines('ko')).toEqual([
      '  ✘ 오류: 가격 2개가 10거래일보다 오래되어 평가에 쓰기 어렵습니다. 가장 오래된 AAA 가격은 2025-11-28 기준으로, 기준일보다 130거래일 전입니다. --prices DIR로 최신 종가를 넣으세요.',
      '  ! 가격 2개가 3거래일보다 오래되었습니다. 가장 오래된 CCC 가격은 2026-05-22 기준으로, 기준일보다 5거래일 전입니다. --prices DIR로 최신 종가를 넣으세요.',
    ]);
  });

  it('titles each check with the threshold applied', () => {
    const text = renderCheckText(toCheckDocument(report, 'en'), 'en');
    expect(text).toContain('  ✔ Mag7 at most 50%: ');
    // modelOf's regional check counts KR only; EEE (KR) is 10 / 50 = 20%.
    expect(text).toContain('  ✔ Business in Korea at least 15%: Businesses based in Korea are 20.0%');
  });
});

describe('check text: funds and rule-classified holdings', () => {
  const u = buildUniverse(
    [
      inst('FND', 'other', 'US', 'USD', { type: 'etf' }),
      inst('BLIND', 'other', 'US', 'USD', { type: 'etf' }),
      inst('035420.KS', 'other', 'KR', 'USD', {
        classifiedBy: 'kr-other',
        listing: { market: 'KOSPI', industry: '포털' },
      }),
    ],
    new Map([['FND', { fund: 'FND', asOf: '2026-04-30', source: 't', holdings: [] }]]),
  );
  const m = marketOf({
    prices: { FND: [['2026-05-28', 10]], BLIND: [['2026-05-28', 10]], '035420.KS': [['2026-05-28', 10]] },
  });
  const hs: Holding[] = ['FND', 'BLIND', '035420.KS'].map((symbol) => ({
    kind: 'security',
    account: 'A',
    symbol,
    quantity: 1,
    origin: { file: 'h.csv', line: 2 },
  }));
  const r = checkPortfolio({
    holdings: hs,
    universe: u,
    model,
    market: m,
    base: 'USD',
    asOf: toDay('2026-05-29'),
  });

  it('lists each fund with the date of its holdings, or that it has none, and the rule behind a classification', () => {
    const en = renderCheckText(toCheckDocument(r, 'en'), 'en').split('\n');
    expect(en).toContain('Funds: FND (holdings as of 2026-04-30) · BLIND (no look-through data)');
    expect(en).toContain('  035420.KS: KR · Other — rule kr-other (KOSPI, 포털)');
    const ko = renderCheckText(toCheckDocument(r, 'ko'), 'ko').split('\n');
    expect(ko).toContain('펀드: FND (보유 기준일 2026-04-30) · BLIND (보유 종목 자료 없음)');
    // Countries by name in Korean (KR → 한국), in the classification line and the exposure line.
    expect(ko.some((l) => l.startsWith('  035420.KS: 한국 · '))).toBe(true);
    expect(ko.find((l) => l.startsWith('국가: '))).toMatch(/^국가: (\S+ \d+\.\d%( · )?)+$/);
    expect(ko.find((l) => l.startsWith('국가: '))).not.toMatch(/[A-Z]{2} \d/);
  });
});
