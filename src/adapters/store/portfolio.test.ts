/**
 * Issue 11 item 7: one journal per portfolio. Months are keyed by (portfolio, month); migration 2026-12-02T0003 keeps
 * the months recorded before it, each assigned to the portfolio whose accounts it recorded.
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { sampleMonth, tempJournalPath } from '../../../test/support/journal.ts';
import { portfolioName } from '../../core/journal.ts';
import { openJournal } from './database.ts';
import { getMonth, lastRebalance, listMonths, portfoliosOf, recordMonth } from './months.ts';
import { MIGRATIONS } from './schema.ts';

const NOW = new Date('2026-12-02T12:00:00Z');

describe('portfolioName', () => {
  it('is the distinct account names, sorted by code unit, joined with " + "', () => {
    // '해' (U+D574) sorts after 'I' (U+0049); duplicates count once.
    expect(portfolioName(['해외주식', 'ISA', 'ISA'])).toBe('ISA + 해외주식');
    expect(portfolioName([])).toBe('(no accounts)');
  });
});

describe('journal keyed by portfolio', () => {
  it("one portfolio's rebalance never counts for another, and both keep their own month", async () => {
    const j = await openJournal(tempJournalPath(), { now: NOW });
    await recordMonth(j, sampleMonth('2026-05-29', { executed: true }));
    await recordMonth(j, sampleMonth('2026-05-28', { portfolio: 'family' }));
    expect(await lastRebalance(j, 'main', '2026-06-30')).toBe('2026-05-29');
    expect(await lastRebalance(j, 'family', '2026-06-30')).toBeNull();
    expect(await portfoliosOf(j, '2026-05')).toEqual(['family', 'main']);
    expect((await getMonth(j, 'family', '2026-05'))?.asOf).toBe('2026-05-28');
    expect((await listMonths(j, 'main')).map((m) => [m.portfolio, m.month, m.rebalanced])).toEqual([
      ['main', '2026-05', true],
    ]);
    // Re-recording family's May replaces family's only.
    const replaced = await recordMonth(j, sampleMonth('2026-05-29', { portfolio: 'family' }, 1));
    expect(replaced).toMatchObject({ portfolio: 'family', asOf: '2026-05-28' });
    expect((await getMonth(j, 'main', '2026-05'))?.holdings).toHaveLength(3);
    await j.close();
  });
});

describe('migration 2026-12-02T0003-portfolio', () => {
  it('keeps existing months, each assigned to the portfolio whose accounts it recorded', async () => {
    const file = tempJournalPath();
    // A journal as the previous version wrote it: migrations 0001 and 0002 only, rows in the old (month-keyed) shape.
    const before = MIGRATIONS.filter((m) => m.id < '2026-12-02');
    expect(before.map((m) => m.id)).toEqual(['2026-11-25T0001-journal', '2026-11-25T0002-market-cache']);
    await (await openJournal(file, { now: NOW, migrations: before })).close();
    const raw = new Database(file);
    const month = raw.prepare(
      'INSERT INTO months (month, as_of, base, model, total, executed, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    const holding = raw.prepare(
      `INSERT INTO holdings (month, seq, account, symbol, name, quantity, currency, price, price_date, fx_rate, fx_date,
         value_base, sleeve, country) VALUES (?, ?, ?, ?, NULL, 1, 'KRW', 100, '2026-04-30', 1, NULL, 100, 'energy', 'KR')`,
    );
    month.run('2026-04', '2026-04-30', 'KRW', 'great-dispersion-2026', 300, 1, '2026-04-30T09:00:00.000Z');
    holding.run('2026-04', 0, '해외주식', 'A');
    holding.run('2026-04', 1, 'ISA', 'B');
    holding.run('2026-04', 2, 'ISA', 'C');
    month.run('2026-05', '2026-05-29', 'KRW', 'great-dispersion-2026', 100, 0, '2026-05-29T09:00:00.000Z');
    holding.run('2026-05', 0, 'kiwoom', 'A');
    raw
      .prepare(
        `INSERT INTO orders (month, seq, account, symbol, side, quantity, price, currency, value, value_base, status)
         VALUES ('2026-05', 0, 'kiwoom', 'A', 'buy', 2, 100, 'KRW', 200, 200, 'executed')`,
      )
      .run();
    raw.prepare("INSERT INTO check_results VALUES ('2026-05', 0, 'mag7-max', 1, 0.1, 0.5)").run();
    raw.close();

    // Read-only (check): the journal is not upgraded, and each month still counts for its own accounts only.
    const ro = await openJournal(file, { readOnly: true });
    expect(ro.pending).toEqual(['2026-12-02T0003-portfolio']);
    expect(await lastRebalance(ro, 'ISA + 해외주식', '2026-05-31')).toBe('2026-04-30');
    expect(await lastRebalance(ro, 'kiwoom', '2026-05-31')).toBe('2026-05-29');
    expect(await lastRebalance(ro, 'kiwoom', '2026-05-31', { beforeMonth: '2026-05' })).toBeNull();
    expect(await lastRebalance(ro, 'main', '2026-05-31')).toBeNull();
    await ro.close();

    const j = await openJournal(file, { now: NOW });
    expect((await j.appliedMigrations()).map((m) => m.id)).toContain('2026-12-02T0003-portfolio');
    expect(
      (await listMonths(j)).map((m) => [
        m.portfolio,
        m.month,
        m.total,
        m.orders,
        m.checksTotal,
        m.rebalanced,
      ]),
    ).toEqual([
      ['ISA + 해외주식', '2026-04', 300, 0, 0, true],
      ['kiwoom', '2026-05', 100, 1, 1, true],
    ]);
    const april = await getMonth(j, 'ISA + 해외주식', '2026-04');
    expect(april?.holdings.map((h) => [h.account, h.symbol])).toEqual([
      ['해외주식', 'A'],
      ['ISA', 'B'],
      ['ISA', 'C'],
    ]);
    expect(april?.note).toBeNull();
    // Each portfolio sees its own last rebalance only.
    expect(await lastRebalance(j, 'ISA + 해외주식', '2026-05-31')).toBe('2026-04-30');
    expect(await lastRebalance(j, 'kiwoom', '2026-05-31')).toBe('2026-05-29');
    expect(await lastRebalance(j, 'kiwoom', '2026-05-28')).toBeNull();
    expect(j.sqlite.pragma('foreign_key_check')).toEqual([]);
    expect(j.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    await j.close();
  });
});
