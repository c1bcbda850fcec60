/**
 * The journal store: migrations, round trips, replacement of a month, and the last-rebalance query `check` relies
 * on. Each test works in its own temp database.
 */
import { writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { sampleMonth, tempJournalPath } from '../../../test/support/journal.ts';
import { InputError } from '../../core/errors.ts';
import type { JournalOrder } from '../../core/journal.ts';
import { openJournal } from './journal.ts';
import { MIGRATIONS } from './migrations/index.ts';

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

describe('migrations', () => {
  it('creates the schema once and records the migration with the caller’s clock', async () => {
    const file = tempJournalPath();
    const j = await openJournal(file, { now: NOW });
    // Every migration this version knows, each stamped with this open's clock (other features add their own).
    const once = MIGRATIONS.map((m) => ({ id: m.id, appliedAt: '2026-11-25T12:00:00.000Z' }));
    expect(once[0]?.id).toBe('2026-11-25T0001-journal');
    expect(await j.appliedMigrations()).toEqual(once);
    await j.close();
    // Reopening later applies nothing: the stamps stay the first ones, one row per migration.
    const again = await openJournal(file, { now: new Date('2027-01-01T00:00:00Z') });
    expect(await again.appliedMigrations()).toEqual(once);
    const tables = again.sqlite
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .all() as { name: string }[];
    expect(tables.map((t) => t.name)).toEqual(
      expect.arrayContaining([
        'check_results',
        'holdings',
        'months',
        'orders',
        'schema_migrations',
        'signal_readings',
      ]),
    );
    expect(again.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    // synchronous: 2 = FULL
    expect(again.sqlite.pragma('synchronous', { simple: true })).toBe(2);
    await again.close();
  });

  it('refuses a journal with a migration this version does not know (written by a newer version)', async () => {
    const file = tempJournalPath();
    const newer = [
      ...MIGRATIONS,
      {
        id: '2099-01-01T0001-future',
        up: async (db: Kysely<unknown>) => {
          await sql`CREATE TABLE future (x INTEGER)`.execute(db);
        },
      },
    ];
    await (await openJournal(file, { now: NOW, migrations: newer })).close();
    const err = await openJournal(file, { now: NOW }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).problem.file).toBe(file);
    expect((err as InputError).problem.message).toContain('2099-01-01T0001-future');
    // Read-only (what check uses) refuses the same way.
    const ro = await openJournal(file, { readOnly: true }).catch((e: unknown) => e);
    expect((ro as InputError).problem.message).toContain('2099-01-01T0001-future');
  });

  it('applies a later migration to an older journal read-write, but not read-only', async () => {
    const file = tempJournalPath();
    await (await openJournal(file, { now: NOW })).close();
    const next = [
      ...MIGRATIONS,
      {
        id: '2027-02-01T0001-next',
        up: async (db: Kysely<unknown>) => {
          await sql`ALTER TABLE months ADD COLUMN remark TEXT`.execute(db);
        },
      },
    ];
    const ro = await openJournal(file, { readOnly: true, migrations: next }).catch((e: unknown) => e);
    expect((ro as InputError).problem.message).toContain('pending migration 2027-02-01T0001-next');
    const later = new Date('2027-02-02T00:00:00Z');
    const j = await openJournal(file, { now: later, migrations: next });
    expect((await j.appliedMigrations()).map((m) => [m.id, m.appliedAt])).toEqual([
      ...MIGRATIONS.map((m) => [m.id, '2026-11-25T12:00:00.000Z']),
      ['2027-02-01T0001-next', '2027-02-02T00:00:00.000Z'],
    ]);
    expect(j.sqlite.prepare('SELECT remark FROM months').all()).toEqual([]);
    await j.close();
  });

  it('says so when the file is not a SQLite database, or another program’s database', async () => {
    const text = tempJournalPath();
    writeFileSync(text, 'account,symbol\nmain,AAPL\n'.repeat(20));
    const e1 = await openJournal(text, { now: NOW }).catch((e: unknown) => e);
    expect((e1 as InputError).problem).toMatchObject({
      file: text,
      message: 'this file is not a SQLite database',
    });
    const other = tempJournalPath();
    const db = new Database(other);
    db.exec('CREATE TABLE notes (x TEXT)');
    db.close();
    const e2 = await openJournal(other, { now: NOW }).catch((e: unknown) => e);
    expect((e2 as InputError).problem.message).toContain('not a dispersion journal');
  });

  it('read-only open of a missing file is an error and creates nothing', async () => {
    const file = tempJournalPath();
    const err = await openJournal(file, { readOnly: true }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    const { existsSync } = await import('node:fs');
    expect(existsSync(file)).toBe(false);
  });
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
    expect(await j.recordMonth(may)).toBeNull();
    expect(await j.getMonth('main', '2026-05')).toEqual(may);
    expect(await j.getMonth('main', '2026-04')).toBeUndefined();
    await j.close();
  });

  it('lists months oldest first with checks passed and order counts', async () => {
    const j = await openJournal(tempJournalPath(), { now: NOW });
    await j.recordMonth(sampleMonth('2026-05-29', { orders: [order(), order({ symbol: 'MSFT' })] }));
    await j.recordMonth(sampleMonth('2026-04-30', { executed: true }, 4));
    const list = await j.listMonths();
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
    await j.recordMonth(april);
    await j.recordMonth(sampleMonth('2026-05-28', { orders: [order(), order({ symbol: 'MSFT' })] }, 5));
    const replaced = await j.recordMonth(
      sampleMonth('2026-05-29', { createdAt: '2026-05-29T10:00:00.000Z' }, 1),
    );
    expect(replaced).toEqual({
      portfolio: 'main',
      month: '2026-05',
      asOf: '2026-05-28',
      createdAt: '2026-05-28T09:00:00.000Z',
      rebalanced: false, // its two orders were only proposed
    });
    const may = await j.getMonth('main', '2026-05');
    expect(may?.asOf).toBe('2026-05-29');
    expect(may?.holdings.map((h) => h.symbol)).toEqual(['S0']);
    expect(may?.orders).toEqual([]);
    expect(await j.getMonth('main', '2026-04')).toEqual(april);
    // No orphan rows of the replaced record: 2 April + 1 May holdings, 0 orders in all.
    expect(j.sqlite.prepare('SELECT count(*) AS n FROM holdings').get()).toEqual({ n: 3 });
    expect(j.sqlite.prepare('SELECT count(*) AS n FROM orders').get()).toEqual({ n: 0 });
    await j.close();
  });

  it('writes thousands of holdings in one month (chunked inserts)', async () => {
    const j = await openJournal(tempJournalPath(), { now: NOW });
    const big = sampleMonth('2026-05-29', {}, 2_345);
    await j.recordMonth(big);
    const back = await j.getMonth('main', '2026-05');
    expect(back?.holdings).toHaveLength(2_345);
    expect(back?.holdings[2_344]).toMatchObject({ symbol: 'S2344', quantity: 2_345, value: 23_450 });
    await j.close();
  });
});

describe('lastRebalance', () => {
  it('is the latest month on or before the date that was executed or has an executed order', async () => {
    const j = await openJournal(tempJournalPath(), { now: NOW });
    expect(await j.lastRebalance('main', '2026-12-31')).toBeNull();
    await j.recordMonth(sampleMonth('2026-03-02', { executed: true }));
    await j.recordMonth(sampleMonth('2026-04-01', { orders: [order({ status: 'executed' })] }));
    await j.recordMonth(sampleMonth('2026-05-04', { orders: [order()] })); // proposed only: not a rebalance
    await j.recordMonth(sampleMonth('2026-06-01', { executed: true }));
    expect(await j.lastRebalance('main', '2026-05-31')).toBe('2026-04-01');
    expect(await j.lastRebalance('main', '2026-04-01')).toBe('2026-04-01');
    expect(await j.lastRebalance('main', '2026-03-31')).toBe('2026-03-02');
    expect(await j.lastRebalance('main', '2026-06-01')).toBe('2026-06-01');
    expect(await j.lastRebalance('main', '2026-03-01')).toBeNull();
    // Before June: June's own record is left out even though its as-of date is on the date asked.
    expect(await j.lastRebalance('main', '2026-06-01', { beforeMonth: '2026-06' })).toBe('2026-04-01');
    expect(await j.lastRebalance('main', '2026-04-30', { beforeMonth: '2026-04' })).toBe('2026-03-02');
    expect(await j.lastRebalance('main', '2026-03-31', { beforeMonth: '2026-03' })).toBeNull();
    await j.close();
  });

  it('a replaced record says whether it counted as a rebalance (executed flag or an executed order)', async () => {
    const j = await openJournal(tempJournalPath(), { now: NOW });
    await j.recordMonth(sampleMonth('2026-05-04', { executed: true }));
    expect(
      await j.recordMonth(sampleMonth('2026-05-05', { orders: [order({ status: 'executed' })] })),
    ).toEqual({
      portfolio: 'main',
      month: '2026-05',
      asOf: '2026-05-04',
      createdAt: '2026-05-04T09:00:00.000Z',
      rebalanced: true,
    });
    expect(await j.recordMonth(sampleMonth('2026-05-06'))).toMatchObject({
      asOf: '2026-05-05',
      rebalanced: true,
    });
    expect(await j.recordMonth(sampleMonth('2026-05-07'))).toMatchObject({
      asOf: '2026-05-06',
      rebalanced: false,
    });
    await j.close();
  });
});
