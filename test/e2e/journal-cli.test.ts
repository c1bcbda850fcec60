/**
 * The monthly routine end to end: `journal record` runs the real check on the sample portfolio and stores it;
 * `check --db` reads the last rebalance back for `monthly-rebalancing`; `plan --ics` writes the calendar. Every
 * journal lives in a temp directory (and XDG_DATA_HOME points there for spawned CLIs), never in the user's home.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheckCommand } from '../../src/app/check.ts';
import { runJournalList, runJournalRecord, runJournalShow } from '../../src/app/journal-months.ts';
import { runPlanCommand } from '../../src/app/plan.ts';
import { renderRecord, renderShow } from '../../src/cli/render/journal-text.ts';
import { problemOfAsync } from '../support/errors.ts';
import { tempJournalPath } from '../support/journal.ts';

const NOW = new Date('2026-11-25T12:00:00Z');
const SAMPLE = ['examples/sample-holdings.csv'];
const KRW = { base: 'KRW', lang: 'en' };
// The sample is far from the model: a month recorded --executed with no orders needs a reason (issue 11 item 7).
const NOTE = 'test: recorded as rebalanced to exercise the journal';

const monthly = (doc: Awaited<ReturnType<typeof runCheckCommand>>) =>
  doc.checks.find((c) => c.id === 'monthly-rebalancing');

describe('journal record / list / show', () => {
  it('stores the check’s snapshot, verdicts and the orders file, and reads them back', async () => {
    const db = tempJournalPath();
    const rec = await runJournalRecord(
      SAMPLE,
      { ...KRW, asOf: '2026-05-29', db, orders: 'test/fixtures/orders/ok.csv', executed: true },
      NOW,
    );
    expect(rec).toMatchObject({
      file: db,
      month: '2026-05',
      asOf: '2026-05-29',
      base: 'KRW',
      holdings: 13, // 13 rows in examples/sample-holdings.csv, no duplicates
      orders: 2,
      ordersStatus: 'executed',
      rebalanced: true,
      replaced: null,
      createdAt: '2026-11-25T12:00:00.000Z',
    });
    const show = await runJournalShow('2026-05', { db }, NOW);
    // Samsung: 150 × 317,000 KRW (bundled close of 2026-05-29) = 47,550,000 KRW.
    expect(show.holdings.find((h) => h.symbol === '005930.KS')).toMatchObject({
      account: '키움 위탁',
      quantity: 150,
      price: 317_000,
      currency: 'KRW',
      value: 47_550_000,
      sleeve: 'emerging',
      country: 'KR',
    });
    // The stored verdicts are the ones `check` gives for the same input (before this month was on record).
    const check = await runCheckCommand(SAMPLE, { ...KRW, asOf: '2026-05-29', db: tempJournalPath() }, NOW);
    expect(show.checks).toEqual(
      check.checks.map(({ id, pass, value, threshold }) => ({ id, pass, value, threshold })),
    );
    expect(show.total).toBe(check.total);
    expect(show.orders.map((o) => [o.symbol, o.side, o.quantity, o.status])).toEqual([
      ['AAPL', 'sell', 60, 'executed'],
      ['005930.KS', 'buy', 3, 'executed'],
    ]);
    // Any date in the month finds the same record.
    expect((await runJournalShow('2026-05-02', { db }, NOW)).asOf).toBe('2026-05-29');
    const list = await runJournalList({ db }, NOW);
    expect(list.months).toEqual([
      expect.objectContaining({
        month: '2026-05',
        checksPassed: 1,
        checksTotal: 4,
        orders: 2,
        rebalanced: true,
      }),
    ]);
  });

  it('recording the same month again replaces it and says so; other months stay', async () => {
    const db = tempJournalPath();
    await runJournalRecord(SAMPLE, { ...KRW, asOf: '2026-04-30', db, executed: true, note: NOTE }, NOW);
    await runJournalRecord(
      SAMPLE,
      { ...KRW, asOf: '2026-05-28', db, orders: 'test/fixtures/orders/ok.csv' },
      NOW,
    );
    const again = await runJournalRecord(
      SAMPLE,
      { ...KRW, asOf: '2026-05-29', db, executed: true, note: NOTE },
      NOW,
    );
    expect(again.replaced).toEqual({
      portfolio: '미국주식 + 키움 위탁', // the sample's two accounts
      month: '2026-05',
      asOf: '2026-05-28',
      createdAt: '2026-11-25T12:00:00.000Z',
      rebalanced: false, // its orders were only proposed
    });
    const list = await runJournalList({ db }, NOW);
    expect(list.months.map((m) => [m.month, m.asOf, m.orders, m.rebalanced])).toEqual([
      ['2026-04', '2026-04-30', 0, true],
      ['2026-05', '2026-05-29', 0, true],
    ]);
  });

  it('re-recording a month: the stored monthly-rebalancing verdict ignores the record being replaced', async () => {
    const db = tempJournalPath();
    await runJournalRecord(SAMPLE, { ...KRW, asOf: '2026-04-30', db, executed: true, note: NOTE }, NOW);
    await runJournalRecord(SAMPLE, { ...KRW, asOf: '2026-05-19', db, executed: true, note: NOTE }, NOW);
    await runJournalRecord(SAMPLE, { ...KRW, asOf: '2026-05-29', db, executed: true, note: NOTE }, NOW);
    // Last rebalance before May is 2026-04-30: 29 days to 2026-05-29 (not 10 days to the replaced 05-19 record).
    const may = await runJournalShow('2026-05', { db }, NOW);
    expect(may.checks.find((c) => c.id === 'monthly-rebalancing')).toEqual({
      id: 'monthly-rebalancing',
      pass: true,
      value: 29,
      threshold: 31,
    });
  });

  it('re-recording an --executed month without --executed replaces it and says the rebalance is gone', async () => {
    const db = tempJournalPath();
    await runJournalRecord(SAMPLE, { ...KRW, asOf: '2026-05-28', db, executed: true, note: NOTE }, NOW);
    const again = await runJournalRecord(SAMPLE, { ...KRW, asOf: '2026-05-29', db }, NOW);
    expect(again).toMatchObject({ rebalanced: false, replaced: { asOf: '2026-05-28', rebalanced: true } });
    const text = renderRecord(again, 'en');
    expect(text).toContain('This month was marked rebalanced; the new record is not');
    expect(text).not.toContain('Not marked as rebalanced');
    expect(renderRecord(again, 'ko')).toContain(
      '이번 달은 리밸런싱한 달로 기록되어 있었지만 새 기록은 그렇지 않습니다',
    );
    expect((await runJournalList({ db }, NOW)).months.map((m) => m.rebalanced)).toEqual([false]);
  });

  it("carries the check's warnings into the record (JSON and text)", async () => {
    const db = tempJournalPath();
    // Bundled closes end 2026-05-29; 2026-06-10 is 8 trading days later (Jun 1–5, 8, 9, 10).
    const rec = await runJournalRecord(SAMPLE, { ...KRW, asOf: '2026-06-10', db }, NOW);
    const aapl = rec.warnings.find((w) => w.code === 'stale-price' && w.symbol === 'AAPL');
    expect(aapl).toMatchObject({
      date: '2026-05-29',
      age: 8,
      message: 'price of AAPL is from 2026-05-29, 8 trading days before the as-of date',
    });
    expect(renderRecord(rec, 'en')).toContain(
      '\nWarnings\n  ! price of 005930.KS is from 2026-05-29, 8 trading days before the as-of date\n',
    );
    const fresh = await runJournalRecord(SAMPLE, { ...KRW, asOf: '2026-05-29', db }, NOW);
    expect(fresh.warnings.filter((w) => w.code === 'stale-price')).toEqual([]);
  });

  it('reads a CP949 orders file with the Korean account names intact', async () => {
    const db = tempJournalPath();
    await runJournalRecord(
      SAMPLE,
      { ...KRW, asOf: '2026-05-29', db, orders: 'test/fixtures/orders/ok-cp949.csv' },
      NOW,
    );
    const show = await runJournalShow('2026-05', { db }, NOW);
    expect(show.orders.map((o) => [o.account, o.symbol])).toEqual([
      ['미국주식', 'AAPL'],
      ['키움 위탁', '005930.KS'],
    ]);
  });

  it.each([
    [
      'unknown-account.csv',
      3,
      1,
      'account "없는계좌" is not among the holdings\' accounts',
      'one of: 키움 위탁, 미국주식',
    ],
    // 40 + 30 = 70 AAPL sold; the sample's 미국주식 holds 60
    [
      'oversell.csv',
      4,
      4,
      'sells 70 AAPL in "미국주식" (with the sells above), but the account holds 60',
      'at most 60 units sold',
    ],
  ])(
    'orders that do not fit the holdings (%s) are refused and nothing is written',
    async (name, line, column, message, expected) => {
      const db = tempJournalPath();
      const file = `test/fixtures/orders/${name}`;
      const p = await problemOfAsync(() =>
        runJournalRecord(SAMPLE, { ...KRW, asOf: '2026-05-29', db, orders: file }, NOW),
      );
      expect(p).toMatchObject({ file, line, column, message, expected });
      expect(existsSync(db)).toBe(false);
    },
  );

  it('show: cash rows give the currency instead of a price of 1; the check column is not "평가액"', async () => {
    const db = tempJournalPath();
    await runJournalRecord(SAMPLE, { ...KRW, asOf: '2026-05-29', db }, NOW);
    const show = await runJournalShow('2026-05', { db }, NOW);
    const en = renderShow(show, 'en');
    // 예수금 3,250,000 KRW at 1 KRW/KRW; 1,850.50 USD cash.
    expect(en).toMatch(/키움 위탁 +CASH +3,250,000 +KRW +₩3,250,000 /);
    expect(en).toMatch(/미국주식 +CASH +1,850.5 +USD +₩/);
    expect(en).not.toContain('₩1 ');
    expect(en).not.toMatch(/\$1\.00/);
    const ko = renderShow(show, 'ko');
    const checksHeader = ko.split('\n').find((l) => l.includes('항목'));
    expect(checksHeader).toContain('측정값');
    expect(checksHeader).not.toContain('평가액');
  });

  it('list of a missing journal is empty and does not create it; show says there is none', async () => {
    const db = tempJournalPath();
    expect(await runJournalList({ db }, NOW)).toEqual({
      file: db,
      exists: false,
      portfolio: null,
      months: [],
    });
    await expect(runJournalShow('2026-05', { db }, NOW)).rejects.toThrow(/there is no journal here yet/);
    expect(existsSync(db)).toBe(false);
  });

  it('refuses a malformed month argument', async () => {
    await expect(runJournalShow('May 2026', { db: tempJournalPath() }, NOW)).rejects.toThrow(
      /month May 2026 is not understood; expected YYYY-MM or YYYY-MM-DD/,
    );
  });
});

describe('check: monthly-rebalancing from the journal (--db)', () => {
  const checkOn = (db: string) => runCheckCommand(SAMPLE, { ...KRW, asOf: '2026-05-29', db }, NOW);

  it('passes with a rebalance 10 days before the as-of date', async () => {
    const db = tempJournalPath();
    await runJournalRecord(SAMPLE, { ...KRW, asOf: '2026-05-19', db, executed: true, note: NOTE }, NOW);
    // 2026-05-29 − 2026-05-19 = 10 days ≤ 31
    expect(monthly(await checkOn(db))).toMatchObject({ pass: true, value: 10, threshold: 31 });
  });

  it('fails with a rebalance 40 days before', async () => {
    const db = tempJournalPath();
    await runJournalRecord(SAMPLE, { ...KRW, asOf: '2026-04-19', db, executed: true, note: NOTE }, NOW);
    // 2026-04-19 → 04-30 is 11 days, + 29 days of May = 40 > 31
    expect(monthly(await checkOn(db))).toMatchObject({
      pass: false,
      value: 40,
      threshold: 31,
      message: 'Last rebalance 40 days ago, more than 31 days: rebalance this month.',
    });
  });

  it('ignores a rebalance recorded after the as-of date', async () => {
    const db = tempJournalPath();
    await runJournalRecord(SAMPLE, { ...KRW, asOf: '2026-04-19', db, executed: true, note: NOTE }, NOW);
    await runJournalRecord(SAMPLE, { ...KRW, asOf: '2026-06-01', db, executed: true, note: NOTE }, NOW);
    expect(monthly(await checkOn(db))?.value).toBe(40);
  });

  it('a journal with only proposed orders has no rebalance on record', async () => {
    const db = tempJournalPath();
    await runJournalRecord(
      SAMPLE,
      { ...KRW, asOf: '2026-05-19', db, orders: 'test/fixtures/orders/ok.csv' },
      NOW,
    );
    expect(monthly(await checkOn(db))).toMatchObject({
      pass: false,
      value: null,
      message: 'The journal has no rebalance on record (needed: one within 31 days).',
    });
  });

  it('no journal file: "no journal", and check does not create one', async () => {
    const db = tempJournalPath();
    expect(monthly(await checkOn(db))).toMatchObject({
      pass: false,
      value: null,
      message:
        'No rebalance on record: there is no journal yet. Record each monthly rebalance in the journal.',
    });
    expect(existsSync(db)).toBe(false);
  });
});

describe('plan', () => {
  it('writes an .ics file and refuses to overwrite it without --force', () => {
    const ics = join(mkdtempSync(join(tmpdir(), 'dispersion-plan-')), 'plan.ics');
    const doc = runPlanCommand({ months: '3', from: '2026-07-15', ics, lang: 'en' }, NOW);
    expect(doc.dates).toEqual(['2026-08-03', '2026-09-01', '2026-10-01']);
    const text = readFileSync(ics, 'utf8');
    expect(text.match(/DTSTART;VALUE=DATE:\d+/g)).toEqual([
      'DTSTART;VALUE=DATE:20260803',
      'DTSTART;VALUE=DATE:20260901',
      'DTSTART;VALUE=DATE:20261001',
    ]);
    expect(text).toContain('DTSTAMP:20261125T120000Z\r\n');
    expect(() => runPlanCommand({ months: '3', from: '2026-07-15', ics }, NOW)).toThrow(/already exists/);
    writeFileSync(ics, 'edited by the user');
    expect(() => runPlanCommand({ months: '3', from: '2026-07-15', ics }, NOW)).toThrow(/pass --force/);
    expect(readFileSync(ics, 'utf8')).toBe('edited by the user');
    runPlanCommand({ months: '1', from: '2026-07-15', ics, force: true }, NOW);
    expect(readFileSync(ics, 'utf8')).toContain('DTSTART;VALUE=DATE:20260803');
  });

  it('--lang ko: the note and the "wrote" line are Korean', () => {
    const doc = runPlanCommand({ months: '2', from: '2026-07-15', lang: 'ko' }, NOW);
    expect(doc.note).toBe(
      '월–금 중 1월 1일을 뺀 날입니다. 거래소 휴장일은 반영하지 않았습니다: 휴장이면 다음 개장일에 하세요.',
    );
    const ics = join(mkdtempSync(join(tmpdir(), 'dispersion-plan-')), 'plan.ics');
    const r = spawnSync(
      process.execPath,
      ['bin/dispersion.js', 'plan', '--months', '3', '--from', '2026-07-15', '--ics', ics, '--lang', 'ko'],
      { encoding: 'utf8' },
    );
    expect(r.stdout).toBe(`리밸런싱 날짜 3개를 ${ics}에 저장했습니다.\n${doc.note}\n`);
    expect(runPlanCommand({ months: '1', from: '2026-07-15', lang: 'en' }, NOW).note).toMatch(
      /^Monday–Friday/,
    );
  });

  it('refuses a bad --months and --from', () => {
    expect(() => runPlanCommand({ months: '0' }, NOW)).toThrow(/--months 0 is not understood/);
    expect(() => runPlanCommand({ months: 'twelve' }, NOW)).toThrow(/--months twelve/);
    expect(() => runPlanCommand({ from: '2026-02-30' }, NOW)).toThrow(/--from 2026-02-30 is not a date/);
  });
});

describe('the CLI', () => {
  const home = mkdtempSync(join(tmpdir(), 'dispersion-xdg-'));
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, ['bin/dispersion.js', ...args], {
      encoding: 'utf8',
      env: { ...process.env, LANG: 'C', XDG_DATA_HOME: home },
    });

  it('records into the XDG data directory by default and lists it', () => {
    const rec = cli(
      'journal',
      'record',
      ...SAMPLE,
      '--base',
      'KRW',
      '--as-of',
      '2026-05-29',
      '--executed',
      '--note',
      'test',
    );
    expect(rec.stderr).toBe('');
    expect(rec.status).toBe(0);
    const file = join(home, 'dispersion', 'journal.sqlite');
    expect(rec.stdout).toContain(`Recorded 2026-05 (as of 2026-05-29) in ${file}.`);
    expect(existsSync(file)).toBe(true);
    const again = cli('journal', 'record', ...SAMPLE, '--base', 'KRW', '--as-of', '2026-05-28');
    expect(again.stdout).toContain('Replaced the earlier record of 2026-05 (as of 2026-05-29');
    const list = cli('journal', 'list', '--json');
    expect(JSON.parse(list.stdout).months.map((m: { asOf: string }) => m.asOf)).toEqual(['2026-05-28']);
  });

  it('a bad orders row: one line with file, line and column, exit 2, nothing recorded', () => {
    const db = tempJournalPath();
    const r = cli(
      'journal',
      'record',
      ...SAMPLE,
      '--as-of',
      '2026-05-29',
      '--db',
      db,
      '--orders',
      'test/fixtures/orders/bad-side.csv',
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      'dispersion: test/fixtures/orders/bad-side.csv:3:3: side "hold" is not buy or sell; expected buy or sell\n',
    );
    expect(existsSync(db)).toBe(false);
  });

  it('--db in a folder that does not exist: exit 2 naming the path, and no folder is created', () => {
    const root = mkdtempSync(join(tmpdir(), 'dispersion-e2e-nofolder-'));
    const db = join(root, 'no-such-folder', 'journal.sqlite');
    const r = cli('journal', 'record', ...SAMPLE, '--as-of', '2026-05-29', '--db', db);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(
      `dispersion: ${db}: the folder ${join(root, 'no-such-folder')} does not exist`,
    );
    expect(r.stderr).not.toContain('    at '); // no stack trace
    expect(existsSync(join(root, 'no-such-folder'))).toBe(false);
  });
});
