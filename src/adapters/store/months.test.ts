/**
 * The journal's months: round trips, replacement of a month, and the last-rebalance query `check` relies on. Each
 * test works in its own temp database.
 */
import { describe, expect, it } from 'vitest';
import { sampleMonth, tempJournalPath } from '../../../test/support/journal.ts';
import type { JournalOrder } from '../../core/journal.ts';
import { openJournal } from './database.ts';
import { getMonth, lastRebalance, listMonths, recordMonth } from './months.ts';

const NOW = new Date('2026-11-25T12:00:00Z');

const order = (over: Partial<JournalOrder> = {}): JournalOrder => ({
  account: '미국주식',
  symbol: 'AAPL',
  side: 'sell',
  quantity: 60,
  price: 312.06,
  currency: 'USD',
  value: 18_723.6, // 60 × 312.06
  valueBase: 25_827_409.2, // 18,723.60 × 1,379.40 (hand-picked rate)
  status: 'proposed',
  ...over,
});

describe('record, list, show', () => {
  it('round-trips a month exactly', async () => {
    const j = await openJournal(tempJournalPath(), { now: NOW });
    const may = sampleMonth('2026-05-29', {
      orders: [
        order(),
        order({
          symbol: '005930.KS',
          side: 'buy',
          quantity: 3,
          price: 317_000,
          currency: 'KRW',
          value: 951_000,
          valueBase: 951_000,
        }),
      ],
    });
    expect(await recordMonth(j, may)).toBeNull();
    expect(await getMonth(j, 'main', '2026-05')).toEqual(may);
    expect(await getMonth(j, 'main', '2026-04')).toBeUndefined();
    await j.close();
  });

  it('lists months oldest first with checks passed and order counts', async () => {
    const j = await openJournal(tempJournalPath(), { now: NOW });
    await recordMonth(j, sampleMonth('2026-05-29', { orders: [order(), order({ symbol: 'MSFT' })] }));
    await recordMonth(j, sampleMonth('2026-04-30', { executed: true }, 4));
    const list = await listMonths(j);
    expect(list).toEqual([
      {
        portfolio: 'main',
        month: '2026-04',
        asOf: '2026-04-30',
        base: 'USD',
        model: 'great-dispersion-2026',
        total: 100, // 10 · (1+2+3+4)
        checksPassed: 1,
        checksTotal: 2,
        orders: 0,
        rebalanced: true, // recorded --executed with no orders: already in band
        createdAt: '2026-04-30T09:00:00.000Z',
      },
      {
        portfolio: 'main',
        month: '2026-05',
        asOf: '2026-05-29',
        base: 'USD',
        model: 'great-dispersion-2026',
        total: 60, // 10 · (1+2+3)
        checksPassed: 1,
        checksTotal: 2,
        orders: 2,
        rebalanced: false, // orders only proposed
        createdAt: '2026-05-29T09:00:00.000Z',
      },
    ]);
    await j.close();
  });

  it('re-recording a month replaces that month only, and says what it replaced', async () => {
    const j = await openJournal(tempJournalPath(), { now: NOW });
    const april = sampleMonth('2026-04-30', {}, 2);
    await recordMonth(j, april);
    await recordMonth(j, sampleMonth('2026-05-28', { orders: [order(), order({ symbol: 'MSFT' })] }, 5));
    const replaced = await recordMonth(
      j,
      sampleMonth('2026-05-29', { createdAt: '2026-05-29T10:00:00.000Z' }, 1),
    );
    expect(replaced).toEqual({
      portfolio: 'main',
      month: '2026-05',
      asOf: '2026-05-28',
      createdAt: '2026-05-28T09:00:00.000Z',
      rebalanced: false, // its two orders were only proposed
    });
    const may = await getMonth(j, 'main', '2026-05');
    expect(may?.asOf).toBe('2026-05-29');
    expect(may?.holdings.map((h) => h.symbol)).toEqual(['S0']);
    expect(may?.orders).toEqual([]);
    expect(await getMonth(j, 'main', '2026-04')).toEqual(april);
    // No orphan rows of the replaced record: 2 April + 1 May holdings, 0 orders in all.
    expect(j.sqlite.prepare('SELECT count(*) AS n FROM holdings').get()).toEqual({ n: 3 });
    expect(j.sqlite.prepare('SELECT count(*) AS n FROM orders').get()).toEqual({ n: 0 });
    await j.close();
  });

  it('writes thousands of holdings in one month (chunked inserts)', async () => {
    const j = await openJournal(tempJournalPath(), { now: NOW });
    const big = sampleMonth('2026-05-29', {}, 2_345);
    await recordMonth(j, big);
    const back = await getMonth(j, 'main', '2026-05');
    expect(back?.holdings).toHaveLength(2_345);
    expect(back?.holdings[2_344]).toMatchObject({ symbol: 'S2344', quantity: 2_345, value: 23_450 });
    await j.close();
  });
});

describe('lastRebalance', () => {
  it('is the latest month on or before the date that was executed or has an executed order', async () => {
    const j = await openJournal(tempJournalPath(), { now: NOW });
    expect(await lastRebalance(j, 'main', '2026-12-31')).toBeNull();
    await recordMonth(j, sampleMonth('2026-03-02', { executed: true }));
    await recordMonth(j, sampleMonth('2026-04-01', { orders: [order({ status: 'executed' })] }));
    await recordMonth(j, sampleMonth('2026-05-04', { orders: [order()] })); // proposed only: not a rebalance
    await recordMonth(j, sampleMonth('2026-06-01', { executed: true }));
    expect(await lastRebalance(j, 'main', '2026-05-31')).toBe('2026-04-01');
    expect(await lastRebalance(j, 'main', '2026-04-01')).toBe('2026-04-01');
    expect(await lastRebalance(j, 'main', '2026-03-31')).toBe('2026-03-02');
    expect(await lastRebalance(j, 'main', '2026-06-01')).toBe('2026-06-01');
    expect(await lastRebalance(j, 'main', '2026-03-01')).toBeNull();
    // Before June: June's own record is left out even though its as-of date is on the date asked.
    expect(await lastRebalance(j, 'main', '2026-06-01', { beforeMonth: '2026-06' })).toBe('2026-04-01');
    expect(await lastRebalance(j, 'main', '2026-04-30', { beforeMonth: '2026-04' })).toBe('2026-03-02');
    expect(await lastRebalance(j, 'main', '2026-03-31', { beforeMonth: '2026-03' })).toBeNull();
    await j.close();
  });

  it('a replaced record says whether it counted as a rebalance (executed flag or an executed order)', async () => {
    const j = await openJournal(tempJournalPath(), { now: NOW });
    await recordMonth(j, sampleMonth('2026-05-04', { executed: true }));
    expect(
      await recordMonth(j, sampleMonth('2026-05-05', { orders: [order({ status: 'executed' })] })),
    ).toEqual({
      portfolio: 'main',
      month: '2026-05',
      asOf: '2026-05-04',
      createdAt: '2026-05-04T09:00:00.000Z',
      rebalanced: true,
    });
    expect(await recordMonth(j, sampleMonth('2026-05-06'))).toMatchObject({
      asOf: '2026-05-05',
      rebalanced: true,
    });
    expect(await recordMonth(j, sampleMonth('2026-05-07'))).toMatchObject({
      asOf: '2026-05-06',
      rebalanced: false,
    });
    await j.close();
  });
});
