import { describe, expect, it } from 'vitest';
import { AS_OF, holdingsOf, marketWith, model, universe } from '../../../test/support/rebalance.ts';
import { rebalanceWarningText } from '../../i18n/rebalance.ts';
import { toDay } from '../dates.ts';
import type { Model } from '../model.ts';
import { rebalancePortfolio } from './rebalance.ts';
import type { RebalanceInput, RebalanceResult, RebalanceWarning } from './types.ts';

const run = (over: Partial<RebalanceInput> & Pick<RebalanceInput, 'holdings'>): RebalanceResult =>
  rebalancePortfolio({
    universe,
    model,
    market: marketWith(),
    base: 'USD',
    asOf: toDay(AS_OF),
    mode: 'full',
    ...over,
  });

const orderTable = (r: RebalanceResult) =>
  r.orders.map((o) => [o.account, o.side, o.symbol, o.quantity, o.currency, o.value]);
const weights = (r: RebalanceResult, which: 'before' | 'after') =>
  Object.fromEntries(r[which].sleeves.map((s) => [s.id, Number(s.weight.toFixed(6))]));

describe('full rebalance: three accounts, USD/KRW/JPY, a Tokyo lot, an empty sleeve, Mag7 outside the model', () => {
  // Base USD; USDKRW 1,000, USDJPY 100.
  // US: NVDA 110 × 100 = 11,000; AAPL 10 × 200 = 2,000 (mag7-other); CEG 20 × 300 = 6,000; QQQ 10 × 500 = 5,000
  //     (other: left alone); cash 1,000 USD.
  // KR: 005930.KS 160 × 50,000 KRW = 8,000,000 KRW = 8,000 USD.
  // JP: 6954.T 200 × 4,000 JPY = 800,000 JPY = 8,000 USD; cash 4,000 USD.
  // Total 45,000; investable = 45,000 − 5,000 (QQQ) = 40,000. Targets: 10,000 / 12,000 / 8,000 / 6,000 / 2,000 / 2,000.
  const holdings = holdingsOf([
    ['US', 'NVDA', 110],
    ['US', 'AAPL', 10],
    ['US', 'CEG', 20],
    ['US', 'QQQ', 10],
    ['US', 'CASH', 1_000, 'USD'],
    ['KR', '005930.KS', 160],
    ['JP', '6954.T', 200],
    ['JP', 'CASH', 4_000, 'USD'],
  ]);
  const r = run({ holdings });

  it('measures the sleeves against the investable value, not the total', () => {
    // NVDA 11,000/40,000 = 27.5%; 6954.T 8,000 = 20%; CEG 6,000 = 15%; Samsung 8,000 = 20%; cash 5,000 = 12.5%.
    expect(weights(r, 'before')).toEqual({
      'mag7-selected': 0.275,
      'physical-ai': 0.2,
      energy: 0.15,
      emerging: 0.2,
      defense: 0,
      'cash-bonds': 0.125,
      'mag7-other': 0.05,
    });
    expect(r.before.investable).toBeCloseTo(40_000, 9);
    expect(r.before.total).toBeCloseTo(45_000, 9);
  });

  it('orders whole shares and lots in each listing’s currency, sells first', () => {
    // NVDA 27.5% is 2.5 points over: to 10,000 → sell 1,000 / 100 = 10.
    // AAPL has no sleeve in the model: sell all 10.
    // CEG 15%: to 8,000 → buy 2,000 / 300 = 6.67 → 6 shares (1,800 USD).
    // Samsung 20%: to 6,000 → sell 2,000 USD = 2,000,000 KRW / 50,000 = 40.
    // Fanuc 20%: to 12,000 → buy 4,000 USD = 400,000 JPY / 4,000 = 100 shares = one lot of 100.
    // Defense empty: 012450.KS has no price, LMT does: 2,000 / 500 = 4, in US (the only account trading USD
    // positions... JP holds USD cash too, but US has more funds: 1,000 + 3,000 sold − 1,800 = 2,200 vs JP 4,000 −
    // 4,000 = 0).
    expect(orderTable(r)).toEqual([
      ['JP', 'buy', '6954.T', 100, 'JPY', 400_000],
      ['KR', 'sell', '005930.KS', 40, 'KRW', 2_000_000],
      ['US', 'sell', 'AAPL', 10, 'USD', 2_000],
      ['US', 'sell', 'NVDA', 10, 'USD', 1_000],
      ['US', 'buy', 'LMT', 4, 'USD', 2_000],
      ['US', 'buy', 'CEG', 6, 'USD', 1_800],
    ]);
    const fanuc = r.orders.find((o) => o.symbol === '6954.T');
    expect(fanuc?.valueBase).toBeCloseTo(4_000, 9);
    expect(fanuc?.nameKo).toBe('화낙');
  });

  it('converts currency inside the account that needs it, at the dated rate', () => {
    // JP: −400,000 JPY for Fanuc, +4,000 USD cash → sell 4,000 USD at 100 JPY/USD.
    // US: 1,000 + 2,000 + 1,000 − 2,000 − 1,800 = 200 USD left, no conversion. KR: +2,000,000 KRW.
    expect(r.fx).toHaveLength(1);
    expect(r.fx[0]).toMatchObject({ account: 'JP', from: 'USD', to: 'JPY', rate: 100, date: AS_OF });
    expect(r.fx[0]?.amount).toBeCloseTo(4_000, 9);
    expect(r.after.cash.map((c) => [c.account, c.currency, Math.round(c.amount)])).toEqual([
      ['KR', 'KRW', 2_000_000],
      ['US', 'USD', 200],
    ]);
  });

  it('lands every sleeve in its band and Mag7 outside the model at zero', () => {
    // After: 10,000 / 12,000 / 7,800 / 6,000 / 2,000 / cash 200 + 2,000 = 2,200, over 40,000.
    expect(weights(r, 'after')).toEqual({
      'mag7-selected': 0.25,
      'physical-ai': 0.3,
      energy: 0.195,
      emerging: 0.15,
      defense: 0.05,
      'cash-bonds': 0.055,
      'mag7-other': 0,
    });
    expect(r.after.sleeves.every((s) => s.within)).toBe(true);
    expect(r.after.total).toBeCloseTo(45_000, 9);
  });

  it('says what it left alone and which candidate it passed over', () => {
    const codes = r.warnings.map((w) => w.code);
    expect(codes).toContain('left-alone');
    expect(codes).not.toContain('sleeve-outside-band');
    const left = r.warnings.find((w) => w.code === 'left-alone');
    // 5,000 / 45,000 = 11.1%
    expect(left?.params?.share).toBeCloseTo(5_000 / 45_000, 12);
    const sub = r.warnings.find((w) => w.code === 'candidate-substituted');
    expect(sub?.params).toMatchObject({ bought: 'LMT', passed: '012450.KS' });
    expect(r.unresolved).toEqual([]);
  });
});

describe('a portfolio already within its bands', () => {
  // 25,000 NVDA (250 × 100) / 21,000 CEG (70 × 300) / 14,000 Samsung (280 × 50,000 KRW) / 28,000 Fanuc (700 × 4,000 JPY)
  // / 6,000 LMT (12 × 500) / cash 6,000 of 100,000: 25/21/14/28/6/6% against 25/20/15/30/5/5 — all within 2 points.
  it('produces no orders and no conversions', () => {
    const r = run({
      holdings: holdingsOf([
        ['A', 'NVDA', 250],
        ['A', 'CEG', 70],
        ['A', '005930.KS', 280],
        ['A', '6954.T', 700],
        ['A', 'LMT', 12],
        ['A', 'CASH', 6_000, 'USD'],
      ]),
    });
    expect(r.orders).toEqual([]);
    expect(r.fx).toEqual([]);
    expect(weights(r, 'after')).toEqual({
      'mag7-selected': 0.25,
      'physical-ai': 0.28,
      energy: 0.21,
      emerging: 0.14,
      defense: 0.06,
      'cash-bonds': 0.06,
    });
    expect(r.warnings.filter((w) => w.code === 'sleeve-outside-band')).toEqual([]);
  });
});

describe('a Tokyo lot of 100 in a small portfolio', () => {
  // One account, 80,000 USD: NVDA 200 × 100 = 20,000 (25%); CEG 80 × 200 = 16,000 (20%); Samsung 240 × 50,000 KRW =
  // 12,000 (15%); LMT 8 × 500 = 4,000 (5%); cash 28,000 USD (35%); physical AI empty. Fanuc at 4,300 JPY: one lot =
  // 430,000 JPY = 4,300 USD = 5.375% of the portfolio.
  const holdings = holdingsOf([
    ['A', 'NVDA', 200],
    ['A', 'CEG', 80],
    ['A', '005930.KS', 240],
    ['A', 'LMT', 8],
    ['A', 'CASH', 28_000, 'USD'],
  ]);
  const market = marketWith({ CEG: 200, '6954.T': 4_300 });

  it('buys the number of lots that lands closest, and explains the miss by the size of one lot', () => {
    const r = run({ holdings, market });
    // Target 30% = 24,000 = 5.58 lots → 5 lots (21,500 = 26.875%, 1.125 points beyond the band). A 6th lot gives
    // 25,800 = 32.25% (0.25 beyond) and leaves cash 28,000 − 25,800 = 2,200 = 2.75% (0.25 beyond): 0.5 < 1.125.
    // Then selling one CEG (200) brings cash to 2,400 = 3.0%, the edge of its band, and energy to 15,800 = 19.75%
    // (within): only physical AI's 0.25 is left.
    expect(orderTable(r)).toEqual([
      ['A', 'sell', 'CEG', 1, 'USD', 200],
      ['A', 'buy', '6954.T', 600, 'JPY', 2_580_000],
    ]);
    // No account trades JPY; A is the only (and richest) account. It sells 25,800 USD for 2,580,000 JPY.
    expect(r.fx.map((f) => [f.account, f.from, f.to, Math.round(f.amount), f.rate])).toEqual([
      ['A', 'USD', 'JPY', 25_800, 100],
    ]);
    expect(weights(r, 'after')).toMatchObject({ 'physical-ai': 0.3225, energy: 0.1975, 'cash-bonds': 0.03 });
    const miss = r.warnings.filter((w) => w.code === 'sleeve-outside-band');
    expect(miss.map((w) => w.sleeve)).toEqual(['physical-ai']);
    expect(miss[0]?.params).toMatchObject({ reason: 'lot', symbol: '6954.T' });
    expect(miss[0]?.params?.lotShare).toBeCloseTo(4_300 / 80_000, 12);
    expect(miss[0]?.message).toContain('one lot of 6954.T costs 5.4% of the portfolio');
  });

  it('with --fractional buys exactly the target', () => {
    const r = run({ holdings, market, fractional: true });
    // 24,000 USD = 2,400,000 JPY / 4,300 = 558.1395… shares.
    expect(r.orders).toHaveLength(1);
    expect(r.orders[0]?.quantity).toBeCloseTo(2_400_000 / 4_300, 9);
    expect(r.after.sleeves.every((s) => s.within)).toBe(true);
  });
});

describe('an empty sleeve with no priced candidate', () => {
  // Defense's only candidates: 012450.KS (in the universe, no price) and XYZ (not in the universe).
  const noDefense: Model = {
    ...model,
    sleeves: model.sleeves.map((s) => (s.id === 'defense' ? { ...s, candidates: ['012450.KS', 'XYZ'] } : s)),
  };
  it('reports the amount as unresolved with the candidates tried, and warns', () => {
    const r = run({
      model: noDefense,
      holdings: holdingsOf([
        ['A', 'NVDA', 250],
        ['A', 'CEG', 70],
        ['A', '005930.KS', 280],
        ['A', '6954.T', 700],
        ['A', 'CASH', 12_000, 'USD'],
      ]),
    });
    // Investable 100,000; defense 0% vs 5% → 5,000 USD with nowhere to go.
    expect(r.unresolved).toHaveLength(1);
    expect(r.unresolved[0]).toMatchObject({ sleeve: 'defense', reason: 'no-priced-candidate' });
    expect(r.unresolved[0]?.amount).toBeCloseTo(5_000, 9);
    expect(r.unresolved[0]?.candidates).toEqual([
      { symbol: '012450.KS', reason: 'no price for 012450.KS on or before 2026-05-29' },
      { symbol: 'XYZ', reason: 'not in the instrument universe' },
    ]);
    expect(r.orders).toEqual([]);
    const miss = r.warnings.find((w) => w.code === 'sleeve-outside-band' && w.sleeve === 'defense');
    expect(miss?.params?.reason).toBe('unresolved');
    // The money stays in cash: 12,000 / 100,000 = 12%, which is outside the cash band too.
    expect(weights(r, 'after')['cash-bonds']).toBe(0.12);
    const cash = r.warnings.find((w) => w.code === 'sleeve-outside-band' && w.sleeve === 'cash-bonds');
    expect(cash?.params?.reason).toBe('holds-unresolved');
  });
});

describe('cash-only: new money in two currencies, nothing sold', () => {
  // US: NVDA 100 × 100 = 10,000; CEG 20 × 300 = 6,000; LMT 4 × 500 = 2,000; Fanuc 200 × 4,000 JPY = 8,000;
  //     AAPL 5 × 200 = 1,000 (mag7-other: cash-only does not sell it).
  // KR: Samsung 120 × 50,000 KRW = 6,000.
  // New money: 7,000 USD (→ US, the account trading USD) and 2,000,000 KRW (→ KR, the account trading KRW).
  // Investable 33,000 + 9,000 = 42,000. Targets: 10,500 / 12,600 / 8,400 / 6,300 / 2,100 / cash 2,100.
  // Shortfalls: physical 4,600, energy 2,400, mag7 500, emerging 300, defense 100 (cash has 9,000: none).
  // Budget 9,000 fills them all (7,900), 1,100 stays cash.
  const r = run({
    mode: 'cash-only',
    holdings: holdingsOf([
      ['US', 'NVDA', 100],
      ['US', 'CEG', 20],
      ['US', 'LMT', 4],
      ['US', '6954.T', 200],
      ['US', 'AAPL', 5],
      ['KR', '005930.KS', 120],
    ]),
    newCash: [
      { amount: 7_000, currency: 'USD' },
      { amount: 2_000_000, currency: 'KRW' },
    ],
  });

  it('spends on the shortfalls in whole lots and sells nothing', () => {
    // Fanuc 4,600 USD = 460,000 JPY / 4,000 = 115 → 100 (one lot). CEG 2,400 / 300 = 8. NVDA 500 / 100 = 5.
    // Samsung 300 USD = 300,000 KRW / 50,000 = 6, in KR where the KRW is. LMT 100 / 500 = 0.2 → nothing.
    expect(orderTable(r)).toEqual([
      ['KR', 'buy', '005930.KS', 6, 'KRW', 300_000],
      ['US', 'buy', '6954.T', 100, 'JPY', 400_000],
      ['US', 'buy', 'CEG', 8, 'USD', 2_400],
      ['US', 'buy', 'NVDA', 5, 'USD', 500],
    ]);
  });

  it('converts USD to JPY in the account that holds Fanuc and keeps the KRW where it was paid in', () => {
    // US: 7,000 − 2,400 − 500 = 4,100 USD, −400,000 JPY → sell 4,000 USD at 100. 100 USD left; KR 1,700,000 KRW.
    expect(r.fx.map((f) => [f.account, f.from, f.to, Math.round(f.amount), f.rate])).toEqual([
      ['US', 'USD', 'JPY', 4_000, 100],
    ]);
    expect(r.after.cash.map((c) => [c.account, c.currency, Math.round(c.amount)])).toEqual([
      ['KR', 'KRW', 1_700_000],
      ['US', 'USD', 100],
    ]);
    expect(r.warnings.some((w) => w.code === 'account-short')).toBe(false);
  });

  it('lands the model sleeves in band and keeps Mag7 outside the model, saying so', () => {
    // After: NVDA 10,500 = 25%; Fanuc 12,000 = 28.57%; CEG 8,400 = 20%; Samsung 6,300 = 15%; LMT 2,000 = 4.76%;
    // cash 1,800 = 4.29%; AAPL 1,000 = 2.38%, which is 0.38 points beyond ±2 around 0.
    expect(weights(r, 'after')).toEqual({
      'mag7-selected': 0.25,
      'physical-ai': Number((12_000 / 42_000).toFixed(6)),
      energy: 0.2,
      emerging: 0.15,
      defense: Number((2_000 / 42_000).toFixed(6)),
      'cash-bonds': Number((1_800 / 42_000).toFixed(6)),
      'mag7-other': Number((1_000 / 42_000).toFixed(6)),
    });
    expect(r.warnings.some((w) => w.code === 'not-sold-cash-only' && w.sleeve === 'mag7-other')).toBe(true);
    const miss = r.warnings.filter((w) => w.code === 'sleeve-outside-band');
    expect(miss.map((w) => [w.sleeve, w.params?.reason])).toEqual([['mag7-other', 'cash-only-no-sell']]);
  });
});

describe('an account that cannot pay for its buys', () => {
  // A two-sleeve model: Mag7 50% (NVDA), emerging 45% (Samsung), cash 5%. Base USD, USDKRW 1,000.
  // US: cash 2,000 USD. KR: Samsung 100 × 50,000 KRW = 5,000 USD; cash 3,000,000 KRW = 3,000 USD. Investable 10,000.
  const twoSleeves: Model = {
    ...model,
    sleeves: [
      { id: 'mag7-selected', target: 0.5, candidates: ['NVDA'] },
      { id: 'emerging', target: 0.45, candidates: ['005930.KS'] },
      { id: 'cash-bonds', target: 0.05, candidates: [] },
    ],
  };
  const r = run({
    model: twoSleeves,
    mode: 'cash-only',
    holdings: holdingsOf([
      ['US', 'CASH', 2_000, 'USD'],
      ['KR', '005930.KS', 100],
      ['KR', 'CASH', 3_000_000, 'KRW'],
    ]),
  });

  it('takes a transfer from the account with spare cash, keeping that account’s share of the cash target', () => {
    // Cash-only: the 5,000 of cash goes to the largest shortfall, Mag7 (0 → 5,000: 50 NVDA at 100, in US, the account
    // trading USD). That leaves cash at 0%, 3 points under its 5% ± 2 band; one NVDA less moves 1 point, so the lot
    // search keeps 2 back: 48 NVDA (Mag7 48%, at its band; cash 2%, one point out): a third would only move the miss
    // to Mag7. US is then 4,800 − 2,000 = 2,800 USD short.
    // KR keeps 5% of its value after the orders (5,000 Samsung + 3,000 cash = 8,000) = 400 USD: spare 2,600 USD.
    // It converts 2,600,000 KRW to 2,600 USD and sends them; US is still 200 USD short, two NVDA: cut to 46.
    expect(orderTable(r)).toEqual([['US', 'buy', 'NVDA', 46, 'USD', 4_600]]);
    expect(r.transfers).toEqual([
      { from: 'KR', to: 'US', currency: 'USD', amount: 2_600, amountBase: 2_600 },
    ]);
    expect(r.fx.map((f) => [f.account, f.from, f.to, Math.round(f.amount), f.purpose, f.transferTo])).toEqual(
      [['KR', 'KRW', 'USD', 2_600_000, 'transfer', 'US']],
    );
    // US 2,000 + 2,600 − 4,600 = 0; KR 3,000,000 − 2,600,000 = 400,000 KRW.
    expect(r.after.cash.map((c) => [c.account, c.currency, Math.round(c.amount)])).toEqual([
      ['KR', 'KRW', 400_000],
    ]);
  });

  it('says what was cut and why, and names the cut as the reason a sleeve misses its band', () => {
    expect(r.cuts).toHaveLength(1);
    expect(r.cuts[0]).toMatchObject({ account: 'US', symbol: 'NVDA', side: 'buy', quantity: 2, planned: 48 });
    expect(r.cuts[0]?.valueBase).toBe(200);
    const cut = r.warnings.find((w) => w.code === 'buy-cut');
    expect(cut?.params).toMatchObject({ account: 'US', symbol: 'NVDA', quantity: 46, planned: 48, cut: 2 });
    expect(r.warnings.some((w) => w.code === 'account-short')).toBe(false);
    // Mag7 4,600 / 10,000 = 46%, outside 50% ± 2: because of the cut. Cash 400 / 10,000 = 4%, within. Samsung stays
    // at 50% against 45% ± 2: cash-only sells nothing.
    const miss = r.warnings.filter((w) => w.code === 'sleeve-outside-band');
    expect(miss.map((w) => [w.sleeve, w.params?.reason])).toEqual([
      ['mag7-selected', 'account-short'],
      ['emerging', 'cash-only-no-sell'],
    ]);
    expect(weights(r, 'after')['cash-bonds']).toBe(0.04);
  });
});

describe('how many candidates fill an empty sleeve', () => {
  // One account: NVDA 255 × 100 = 25,500; CEG 70 × 300 = 21,000; Samsung 280 × 50,000 KRW = 14,000; Fanuc 700 ×
  // 4,000 JPY = 28,000; cash 11,500 USD; 100,000 in all. Only defense (0% vs 5%) and cash (11.5%) are out of band:
  // defense gets 5,000 USD, which leaves cash at 6.5%, within. Defense has two priced candidates: 012450.KS at
  // 100,000 KRW (100 USD) and LMT at 50 USD.
  const market = marketWith({ '012450.KS': 100_000, LMT: 50 });
  const holdings = holdingsOf([
    ['A', 'NVDA', 255],
    ['A', 'CEG', 70],
    ['A', '005930.KS', 280],
    ['A', '6954.T', 700],
    ['A', 'CASH', 11_500, 'USD'],
  ]);
  const defense = (r: RebalanceResult) =>
    r.orders.filter((o) => o.sleeve === 'defense').map((o) => [o.symbol, o.quantity]);
  const withFill = (fill: number): Model => ({
    ...model,
    sleeves: model.sleeves.map((s) => (s.id === 'defense' ? { ...s, fill } : s)),
  });

  it('buys up to three by default, in equal parts', () => {
    // 5,000 / 2 = 2,500 each: 012450.KS 2,500 / 100 = 25; LMT 2,500 / 50 = 50.
    const r = run({ holdings, market });
    expect(defense(r)).toEqual([
      ['012450.KS', 25],
      ['LMT', 50],
    ]);
    expect(r.orders).toHaveLength(2);
  });

  it("reads the model sleeve's fill, and the caller's count overrides it", () => {
    // fill 1: all 5,000 to 012450.KS = 50 shares.
    expect(defense(run({ holdings, market, model: withFill(1) }))).toEqual([['012450.KS', 50]]);
    expect(defense(run({ holdings, market, model: withFill(1), candidates: 2 }))).toEqual([
      ['012450.KS', 25],
      ['LMT', 50],
    ]);
    expect(() => run({ holdings, market, model: withFill(0) })).toThrow(
      'model sleeve defense: fill 0 is not a number of candidates',
    );
  });

  it('shows the trading cost of each order and in total', () => {
    // 25 bp of 2,500 USD = 6.25 USD on each order; 12.50 in all, paid from the account's cash:
    // 11,500 − 5,000 − 12.50 = 6,487.50 USD.
    const r = run({ holdings, market, cost: { bps: 25, min: 0 } });
    expect(r.orders.map((o) => [o.symbol, o.quantity, o.costBase])).toEqual([
      ['012450.KS', 25, 6.25],
      ['LMT', 50, 6.25],
    ]);
    expect(r.cost).toBeCloseTo(12.5, 9);
    expect(r.after.cash.reduce((s, c) => s + c.valueBase, 0)).toBeCloseTo(6_487.5, 6);
    expect(r.costModel).toEqual({ bps: 25, min: 0 });
  });
});

describe('warnings that say only what happened', () => {
  // The "how many candidates" portfolio (100,000 USD; defense 0% gets 5,000, cash 11.5% → 6.5%), with defense's
  // candidates XYZ (not in the universe), 012450.KS at 10,000,000 KRW = 10,000 USD a share, and LMT at 500 USD.
  const noisy: Model = {
    ...model,
    sleeves: model.sleeves.map((s) =>
      s.id === 'defense' ? { ...s, candidates: ['XYZ', '012450.KS', 'LMT'] } : s,
    ),
  };
  const market = marketWith({ '012450.KS': 10_000_000, LMT: 500 });
  const holdings = holdingsOf([
    ['A', 'NVDA', 255],
    ['A', 'CEG', 70],
    ['A', '005930.KS', 280],
    ['A', '6954.T', 700],
    ['A', 'CASH', 11_500, 'USD'],
  ]);
  const sub = (r: RebalanceResult) => r.warnings.find((w) => w.code === 'candidate-substituted');

  it('names as bought only the candidates that got an order, and which rounded to zero', () => {
    // 5,000 in two parts of 2,500: 012450.KS 2,500 / 10,000 = 0.25 share → 0; LMT 2,500 / 500 = 5 (6 after the lot
    // search spends the cash left over).
    const r = run({ model: noisy, market, holdings });
    expect(r.orders.filter((o) => o.sleeve === 'defense').map((o) => [o.symbol, o.quantity])).toEqual([
      ['LMT', 6],
    ]);
    expect(sub(r)?.params).toEqual({
      bought: 'LMT',
      passed: 'XYZ',
      rounded: '012450.KS',
      skipped: '',
      cut: '',
    });
    expect(rebalanceWarningText(sub(r) as RebalanceWarning, 'en')).toBe(
      'Defense & security AI: XYZ had no usable price, so LMT is bought instead; 012450.KS rounded to zero shares (too little money for one lot).',
    );
  });

  it('blames a sleeve and the cash left over on --min-trade when the orders were skipped, not on a lot', () => {
    // Minimum 3,500 USD: LMT 6 × 500 = 3,000 is skipped; 6954.T 100 × 4,000 JPY = 4,000 USD is kept. Cash ends at
    // 11,500 − 4,000 = 7,500 = 7.5%, beyond 5% ± 2 because the LMT money stayed; defense ends at 0%.
    const r = run({ model: noisy, market, holdings, minTrade: { amount: 3_500, currency: 'USD' } });
    expect(r.orders.map((o) => [o.symbol, o.quantity])).toEqual([['6954.T', 100]]);
    expect(r.skipped.map((o) => [o.symbol, o.quantity])).toEqual([['LMT', 6]]);
    expect(sub(r)?.params).toMatchObject({ bought: '', rounded: '012450.KS', skipped: 'LMT' });
    expect(rebalanceWarningText(sub(r) as RebalanceWarning, 'en')).toBe(
      'Defense & security AI: XYZ had no usable price, and no other candidate got an order either; 012450.KS rounded to zero shares (too little money for one lot); LMT was skipped (under the minimum trade).',
    );
    expect(weights(r, 'after')['cash-bonds']).toBe(0.075);
    const miss = r.warnings.filter((w) => w.code === 'sleeve-outside-band');
    expect(miss.map((w) => [w.sleeve, w.params?.reason])).toEqual([
      ['defense', 'min-trade'],
      ['cash-bonds', 'min-trade'],
    ]);
  });
});

describe('nothing investable', () => {
  it('says so once, instead of calling every sleeve a miss', () => {
    // QQQ only (other: left alone), no cash: the investable value is 0.
    const r = run({ holdings: holdingsOf([['A', 'QQQ', 10]]) });
    expect(r.orders).toEqual([]);
    expect(r.after.investable).toBe(0);
    // The check's concentration warnings (QQQ is 100% of one company and one country) come first; no sleeve miss.
    expect(r.warnings.map((w) => w.code)).toEqual([
      'concentration-position',
      'concentration-country',
      'left-alone',
      'nothing-investable',
    ]);
  });
});
