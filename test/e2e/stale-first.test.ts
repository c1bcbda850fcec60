/**
 * Issue 11 item 15: a report whose values rest on prices older than 10 trading days opens with the data's date and its
 * age in calendar days, before any number. The bundled closes end Fri 2026-05-29; "today" here is Wed 2026-12-02:
 * May 30–31 (2) + Jun 30 + Jul 31 + Aug 31 + Sep 30 + Oct 31 + Nov 30 + Dec 2 = 187 calendar days, and 26 weeks
 * (130 weekdays) to Fri 2026-11-27 plus Mon–Wed = 133 trading days.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBacktestCommand } from '../../src/app/backtest.ts';
import { runCheckCommand } from '../../src/app/check.ts';
import { runJournalRecord } from '../../src/app/journal-months.ts';
import { runRebalanceCommand } from '../../src/app/rebalance.ts';
import { runSignalsCommand } from '../../src/app/signals.ts';
import { runStressCommand } from '../../src/app/stress.ts';
import { renderBacktestText } from '../../src/cli/render/backtest-text.ts';
import { renderCheckText } from '../../src/cli/render/check-text.ts';
import { renderRecord } from '../../src/cli/render/journal-text.ts';
import { renderRebalanceText } from '../../src/cli/render/rebalance-text.ts';
import { renderSignalsText } from '../../src/cli/render/signals-text.ts';
import { renderStressText } from '../../src/cli/render/stress-text.ts';

const NOW = new Date('2026-12-02T12:00:00Z');
const SAMPLE = ['examples/sample-holdings.csv'];
const dir = mkdtempSync(join(tmpdir(), 'dispersion-stale-'));
const none = join(dir, 'no-journal.sqlite');
const firstLine = (text: string) => text.split('\n')[0];

describe('stale data is said first', () => {
  it('check opens with the data date and its calendar age, in English and Korean', async () => {
    const o = { base: 'KRW', db: none };
    const doc = await runCheckCommand(SAMPLE, { ...o, lang: 'en' }, NOW);
    expect(doc.stale).toMatchObject({ date: '2026-05-29', days: 187, tradingDays: 133, asOf: '2026-12-02' });
    expect(firstLine(renderCheckText(doc, 'en'))).toBe(
      '✘ prices are from 2026-05-29, 187 days old (133 trading days before 2026-12-02)',
    );
    const ko = await runCheckCommand(SAMPLE, { ...o, lang: 'ko' }, NOW);
    expect(firstLine(renderCheckText(ko, 'ko'))).toBe(
      '✘ 가격이 2026-05-29 기준으로 187일 지났습니다 (133거래일, 기준일 2026-12-02)',
    );
  });

  it('check as of the data says nothing', async () => {
    const doc = await runCheckCommand(SAMPLE, { base: 'KRW', db: none, asOf: '2026-05-29' }, NOW);
    expect(doc.stale).toBeNull();
    expect(firstLine(renderCheckText(doc, 'en'))).toMatch(/^Dispersion check/);
  });

  it('rebalance (with --allow-stale) and stress open with it too', async () => {
    const r = await runRebalanceCommand(SAMPLE, { base: 'KRW', db: none, allowStale: true }, NOW);
    expect(firstLine(renderRebalanceText(r, 'en'))).toBe(
      '✘ prices are from 2026-05-29, 187 days old (133 trading days before 2026-12-02)',
    );
    const s = await runStressCommand(SAMPLE, { base: 'KRW', db: none, scenario: 'ai-bubble' }, NOW);
    expect(firstLine(renderStressText(s, 'en'))).toBe(
      '✘ prices are from 2026-05-29, 187 days old (133 trading days before 2026-12-02)',
    );
  });

  it('backtest, whose run ends at the last close, says how old that close is', async () => {
    const doc = await runBacktestCommand({ lang: 'en', db: none }, NOW);
    expect(doc.to).toBe('2026-05-29');
    expect(firstLine(renderBacktestText(doc, 'en'))).toBe(
      '✘ prices are from 2026-05-29, 187 days old (133 trading days before 2026-12-02)',
    );
    const asOfData = await runBacktestCommand(
      { to: '2026-05-29', db: none },
      new Date('2026-05-29T12:00:00Z'),
    );
    expect(asOfData.stale).toBeNull();
  });

  it('journal record says it before the record line', async () => {
    const db = join(dir, 'journal.sqlite');
    const doc = await runJournalRecord(SAMPLE, { base: 'KRW', db }, NOW);
    expect(firstLine(renderRecord(doc, 'en'))).toBe(
      '✘ prices are from 2026-05-29, 187 days old (133 trading days before 2026-12-02)',
    );
  });

  it('signals says when it moves its as-of back to the last S&P 500 close', async () => {
    const doc = await runSignalsCommand({ db: none, lang: 'en' }, NOW);
    expect(doc.asOf).toBe('2026-05-29');
    expect(doc.stale).toMatchObject({ date: '2026-05-29', days: 187, moved: true, error: true });
    expect(firstLine(renderSignalsText(doc, 'en'))).toBe(
      '✘ as-of moved back from 2026-12-02 to 2026-05-29, the last S&P 500 close (187 days old)',
    );
    const ko = await runSignalsCommand({ db: none, lang: 'ko' }, NOW);
    expect(firstLine(renderSignalsText(ko, 'ko'))).toBe(
      '✘ 기준일을 2026-12-02에서 마지막 S&P 500 종가일 2026-05-29로 옮겼습니다 (187일 전 데이터)',
    );
    const given = await runSignalsCommand({ db: none, asOf: '2026-05-29' }, NOW);
    expect(given.stale).toBeNull();
  });
});
