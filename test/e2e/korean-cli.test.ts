/**
 * `--lang ko` prints no English sentence: the rebalance, stress and backtest reports on the sample (and on fixtures
 * that raise more warnings) carry no two English words in a row, outside the commands and options a reader types.
 * Symbols, currencies, file names and acronyms (ETF, VaR, CAGR) are single words and allowed.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { runBacktestCommand } from '../../src/app/backtest.ts';
import { runRebalanceCommand } from '../../src/app/rebalance.ts';
import { runStressCommand } from '../../src/app/stress.ts';
import { renderBacktestText } from '../../src/cli/render/backtest-text.ts';
import { renderRebalanceText } from '../../src/cli/render/rebalance-text.ts';
import { renderStressText } from '../../src/cli/render/stress-text.ts';

const NOW = new Date('2026-11-25T12:00:00Z');

function english(text: string): string[] {
  const typed = text.replace(/dispersion( [a-z0-9-]+)+/g, '').replace(/--[a-z-]+( [A-Za-z:]+)?/g, '');
  if (text === '') return ['(empty)'];
  // Table columns are two or more spaces apart: words in neighbouring cells are not a phrase.
  return typed
    .split(/ {2,}|\n/)
    .flatMap((cell) => cell.match(/[A-Za-z]*[a-z][A-Za-z]* +[A-Za-z]*[a-z][A-Za-z]*/g) ?? []);
}

const FILES = ['examples/sample-holdings.csv', 'test/fixtures/check/defense-energy.csv'];

describe('Korean CLI reports', () => {
  it.each(FILES)('rebalance --lang ko on %s', async (file) => {
    const doc = await runRebalanceCommand(
      [file],
      { base: 'KRW', asOf: '2026-05-29', lang: 'ko', mode: 'full', band: '0.02' },
      NOW,
    );
    expect(doc.warnings.length).toBeGreaterThan(0);
    expect(english(renderRebalanceText(doc, 'ko'))).toEqual([]);
  });

  it.each(FILES)('stress --lang ko on %s', async (file) => {
    const doc = await runStressCommand([file], { base: 'KRW', asOf: '2026-05-29', lang: 'ko' }, NOW);
    expect(doc.warnings.length).toBeGreaterThan(0);
    expect(english(renderStressText(doc, 'ko'))).toEqual([]);
  });

  it('backtest --lang ko', async () => {
    const doc = await runBacktestCommand({ base: 'KRW', rebalance: 'monthly', lang: 'ko' }, NOW);
    expect(doc.warnings.length).toBeGreaterThan(0);
    expect(english(renderBacktestText(doc, 'ko'))).toEqual([]);
  });

  it('finds the English it is looking for (the same report in English)', async () => {
    const doc = await runStressCommand(
      [FILES[0] as string],
      { base: 'KRW', asOf: '2026-05-29', lang: 'en' },
      NOW,
    );
    expect(english(renderStressText(doc, 'en')).length).toBeGreaterThan(10);
  });
});

describe('Korean input errors', () => {
  const BAD = 'test/fixtures/import/bad';
  const check = (file: string) =>
    spawnSync(
      process.execPath,
      ['bin/dispersion.js', 'check', file, '--lang', 'ko', '--as-of', '2026-05-29'],
      {
        encoding: 'utf8',
        env: { ...process.env, LANG: 'C' },
      },
    );
  it.each([
    'cash-without-currency.csv',
    'empty.csv',
    'ghostfolio-oversold.json',
    'header-only.csv',
    'implausible-quantity.csv',
    'missing-quantity-column.csv',
    'negative-quantity.csv',
    'non-numeric-quantity.csv',
    'not-json.json',
    'unclosed-quote.csv',
    'unknown-encoding.csv',
    'nowhere.csv',
  ])('%s: exit 2, the file named, the sentence in Korean', (name) => {
    const r = check(`${BAD}/${name}`);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${BAD}/${name}`);
    expect(r.stderr).toMatch(/[가-힣]/);
    // The file path, the column names quoted from the file and its account name are the user's words, not ours.
    const ours = r.stderr
      .replaceAll(`${BAD}/${name}`, '')
      .replaceAll('Interactive Brokers', '')
      .replace(/"[^"]*"/g, '');
    expect(english(ours)).toEqual([]);
  });

  it('a holding with no price: the Korean sentence and hint', () => {
    const r = check('test/fixtures/check/naver-no-price.csv');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/naver-no-price\.csv:3: 2026-05-29 또는 그 이전의 035420\.KS 가격이 없습니다/);
    expect(r.stderr).toContain('도움말: 머리글이 date,close인 035420.KS.csv');
  });
});
