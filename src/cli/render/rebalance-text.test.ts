import { describe, expect, it } from 'vitest';
import { holdingsOf, marketWith, model, universe } from '../../../test/support/rebalance.ts';
import { loadSolver } from '../../adapters/highs-solver.ts';
import { toDay } from '../../core/dates.ts';
import type { Holding } from '../../core/holdings.ts';
import { rebalancePortfolio } from '../../core/rebalance/rebalance.ts';
import { formatBand, formatFxRate } from '../../i18n/rebalance.ts';
import { toRebalanceDocument } from '../../report/rebalance-document.ts';
import { noOrdersLine, renderRebalanceText } from './rebalance-text.ts';

const solver = await loadSolver();
const rebalanceWith = (input: Parameters<typeof rebalancePortfolio>[0]) => rebalancePortfolio(input, solver);

// One name per sleeve: the concentration limits are loosened so a portfolio on target is also within them.
const loose = { ...model, concentration: { maxPosition: 0.5, maxCountry: 0.8 } };
const docFor = (holdings: Holding[]) =>
  toRebalanceDocument(
    rebalanceWith({
      holdings,
      universe,
      model: loose,
      market: marketWith(),
      base: 'USD',
      asOf: toDay('2026-05-29'),
      mode: 'full',
    }),
  );

describe('the no-orders line', () => {
  it('says there is nothing to invest when every holding is left alone and there is no cash', () => {
    // QQQ (other) only: investable 0, every sleeve 0% against its target.
    const doc = docFor(holdingsOf([['A', 'QQQ', 10]]));
    expect(noOrdersLine(doc, 'en')).toMatch(/^Nothing to rebalance: every holding is left alone/);
    const text = renderRebalanceText(doc, 'en');
    expect(text).not.toContain('within its band');
    // Said once, in the orders section, not again as a warning.
    expect(text.match(/Nothing to rebalance/g)).toHaveLength(1);
  });

  it('claims "within its band" only when every sleeve is', () => {
    // 25/21/14/28/6/6% against 25/20/15/30/5/5: all within ±2 points (the "already within" fixture).
    const within = docFor(
      holdingsOf([
        ['A', 'NVDA', 250],
        ['A', 'CEG', 70],
        ['A', '005930.KS', 280],
        ['A', '6954.T', 700],
        ['A', 'LMT', 12],
        ['A', 'CASH', 6_000, 'USD'],
      ]),
    );
    expect(noOrdersLine(within, 'en')).toBe('No orders: every sleeve is within its band.');
    const outside = {
      ...within,
      after: { ...within.after, sleeves: within.after.sleeves.map((s) => ({ ...s, within: false })) },
    };
    expect(noOrdersLine(outside, 'en')).toMatch(/^No orders, although some sleeves are outside their band/);
  });
});

describe('rates and bands as people read them', () => {
  it('writes a conversion as one unit of the dearer currency', () => {
    // KRW → USD at 0.000662309…: 1 / 0.000662309 = 1,509.86 KRW per USD. GBP → USD 1.3 stays as is.
    expect(formatFxRate(1 / 1509.86, 'KRW', 'USD', 'en')).toBe('1 USD = ₩1,509.86');
    expect(formatFxRate(1.3, 'GBP', 'USD', 'en')).toBe('1 GBP = $1.30');
    // JPY → USD at 1/150: 150 yen (kept to 2 decimals, not rounded to whole yen).
    expect(formatFxRate(1 / 150, 'JPY', 'USD', 'en')).toBe('1 USD = ¥150.00');
  });

  it('writes a relative band in words, not "±25.0%×"', () => {
    expect(formatBand({ abs: 0.05, rel: 0.25 }, 'en')).toBe('±5.0 points, or ±25% of each target');
    expect(formatBand({ abs: 0.05, rel: 0.25 }, 'ko')).toBe('±5.0%p 또는 목표의 ±25%');
    expect(formatBand({ abs: 0.02, rel: 0 }, 'en')).toBe('±2.0%');
  });
});
