/**
 * Issue 11 item 7 end to end: the journal is kept per portfolio (its account names, or --portfolio NAME), and a
 * month recorded --executed with no orders while a sleeve is outside its band needs a --note saying why.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCheckCommand } from '../../src/app/check.ts';
import { runJournalList, runJournalRecord, runJournalShow } from '../../src/app/journal-months.ts';
import { renderCheckText } from '../../src/cli/render/check-text.ts';
import { renderList, renderRecord } from '../../src/cli/render/journal-text.ts';
import { tempJournalPath } from '../support/journal.ts';

const NOW = new Date('2026-11-25T12:00:00Z');
const SAMPLE = ['examples/sample-holdings.csv'];
// Another portfolio: accounts Europe and Japan (SIE.DE, ABBN.SW, 6954.T, cash).
const OTHER = ['test/fixtures/check/europe-japan.csv'];
const o = { base: 'KRW', lang: 'en', asOf: '2026-05-29' };
const monthly = (doc: Awaited<ReturnType<typeof runCheckCommand>>) =>
  doc.checks.find((c) => c.id === 'monthly-rebalancing');

describe('one journal per portfolio', () => {
  it("recording the sample's rebalance passes monthly-rebalancing for the sample only", async () => {
    const db = tempJournalPath();
    const rec = await runJournalRecord(
      SAMPLE,
      { ...o, asOf: '2026-05-19', db, executed: true, note: 'in band by hand' },
      NOW,
    );
    // The sample's accounts, sorted: '미' (U+BBF8) before '키' (U+D0A4).
    expect(rec.portfolio).toBe('미국주식 + 키움 위탁');
    expect(renderRecord(rec, 'en')).toContain(
      'Portfolio: 미국주식 + 키움 위탁 (its months are its own; name it with --portfolio).',
    );
    const sample = await runCheckCommand(SAMPLE, { ...o, db }, NOW);
    expect(sample.portfolio).toBe('미국주식 + 키움 위탁');
    expect(renderCheckText(sample, 'en').split('\n')[2]).toBe(
      'Portfolio: 미국주식 + 키움 위탁 (its journal months count for monthly-rebalancing)',
    );
    expect(monthly(sample)).toMatchObject({ pass: true, value: 10 }); // 29 − 19
    const other = await runCheckCommand(
      OTHER,
      { ...o, base: 'USD', prices: 'test/fixtures/prices-user', db },
      NOW,
    );
    expect(other.portfolio).toBe('Europe + Japan');
    expect(monthly(other)).toMatchObject({ pass: false, value: null });
  });

  it('--portfolio NAME keys the record, and the same holdings under another name are another portfolio', async () => {
    const db = tempJournalPath();
    await runJournalRecord(SAMPLE, { ...o, db, executed: true, note: 'test', portfolio: ' family ' }, NOW);
    expect(monthly(await runCheckCommand(SAMPLE, { ...o, db, portfolio: 'family' }, NOW))?.pass).toBe(true);
    expect(monthly(await runCheckCommand(SAMPLE, { ...o, db }, NOW))?.value).toBeNull();
    await runJournalRecord(SAMPLE, { ...o, db }, NOW);
    const list = await runJournalList({ db }, NOW);
    expect(list.months.map((m) => [m.portfolio, m.month, m.rebalanced])).toEqual([
      ['family', '2026-05', true],
      ['미국주식 + 키움 위탁', '2026-05', false],
    ]);
    expect(renderList(list, 'en').split('\n')[0]).toMatch(/^Portfolio\s+Month\s+As of/);
    // Two portfolios recorded May: show needs to be told which.
    await expect(runJournalShow('2026-05', { db }, NOW)).rejects.toThrow(
      /2 portfolios have a record of 2026-05: "family", "미국주식 \+ 키움 위탁"; expected --portfolio NAME/,
    );
    const family = await runJournalShow('2026-05', { db, portfolio: 'family' }, NOW);
    expect(family).toMatchObject({ portfolio: 'family', executed: true, note: 'test' });
  });
});

describe('journal record --executed with no orders', () => {
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, ['bin/dispersion.js', ...args], {
      encoding: 'utf8',
      env: { ...process.env, LANG: 'C' },
    });

  it('is refused with exit 2 while a sleeve is outside its band, and nothing is written', () => {
    const db = tempJournalPath();
    const r = cli(
      'journal',
      'record',
      ...SAMPLE,
      '--base',
      'KRW',
      '--as-of',
      '2026-05-29',
      '--db',
      db,
      '--executed',
    );
    expect(r.status).toBe(2);
    // As of 2026-05-29 the sample is 0.1% physical AI against a 30% target: none held directly, ₩341,140 of
    // ₩272,789,645 through QQQ's holdings (check on the sample, README).
    expect(r.stderr).toMatch(
      /^dispersion: --executed with no orders, but .*physical-ai 0\.1% \(target 30\.0%\)/,
    );
    expect(r.stderr).toContain('--note TEXT saying why no order was needed');
    expect(existsSync(db)).toBe(false);
  });

  it('is recorded with --note, which the record keeps', async () => {
    const db = tempJournalPath();
    const r = cli(
      'journal',
      'record',
      ...SAMPLE,
      '--base',
      'KRW',
      '--as-of',
      '2026-05-29',
      '--db',
      db,
      '--executed',
      '--note',
      'waiting for the bonus to buy physical AI',
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Note: waiting for the bonus to buy physical AI');
    const m = await runJournalShow('2026-05', { db }, NOW);
    expect(m.note).toBe('waiting for the bonus to buy physical AI');
    expect(cli('journal', 'record', ...SAMPLE, '--db', db, '--executed', '--note', ' ').status).toBe(2);
  });

  it('a portfolio within every band may be recorded executed with no orders and no note', async () => {
    const db = tempJournalPath();
    // in-band.csv: each model sleeve at its target (hand-built, see the fixture's comment).
    const rec = await runJournalRecord(
      ['test/fixtures/check/in-band.csv'],
      { ...o, base: 'USD', db, executed: true },
      NOW,
    );
    expect(rec.rebalanced).toBe(true);
    expect(rec.note).toBeNull();
  });
});
