/**
 * `--lang ko` prints no English sentence: the rebalance, stress and backtest reports on the sample (and on fixtures
 * that raise more warnings) carry no two English words in a row, outside the commands and options a reader types.
 * Symbols, currencies, file names and acronyms (ETF, VaR, CAGR) are single words and allowed.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

  const run = (args: string[]) =>
    spawnSync(process.execPath, ['bin/dispersion.js', ...args, '--lang', 'ko', '--as-of', '2026-05-29'], {
      encoding: 'utf8',
      env: { ...process.env, LANG: 'C' },
    });

  it('a bad orders file: the Korean sentence at its file, line and column', () => {
    const dir = mkdtempSync(join(tmpdir(), 'korean-orders-'));
    const db = join(dir, 'journal.db');
    const r = run([
      'journal',
      'record',
      'examples/sample-holdings.csv',
      '--orders',
      'test/fixtures/orders/bad-side.csv',
      '--db',
      db,
    ]);
    expect(r.status).toBe(2);
    // Line 3 is `main,MSFT,hold,…`: the side (column 3) is neither buy nor sell.
    expect(r.stderr).toBe(
      'dispersion: test/fixtures/orders/bad-side.csv:3:3: 매매 구분 "hold"는 buy도 sell도 아닙니다; ' +
        '필요한 것: buy(매수) 또는 sell(매도)\n',
    );
    rmSync(dir, { recursive: true, force: true });
  });

  it('a model file that is not JSON: the Korean sentence at its line and column', () => {
    const r = run([
      'check',
      'examples/sample-holdings.csv',
      '--model',
      'test/fixtures/models-bad/not-json.json',
    ]);
    expect(r.status).toBe(2);
    // The trailing comma's `}` is at line 4, column 18 (see the fixture's README).
    expect(r.stderr).toBe(
      'dispersion: test/fixtures/models-bad/not-json.json:4:18: 모델 파일이 올바른 JSON이 아닙니다; 필요한 것: JSON 문서\n',
    );
  });

  it('a bad price series file: the Korean sentence at its line and column', () => {
    const r = run(['check', 'examples/sample-holdings.csv', '--prices', 'test/fixtures/prices-bad']);
    expect(r.status).toBe(2);
    // Line 3 of NVDA.csv is `2026-05-28,abc`: the close (column 2) is not a number.
    expect(r.stderr).toBe(
      'dispersion: test/fixtures/prices-bad/NVDA.csv:3:2: close 값 "abc"는 숫자가 아닙니다; ' +
        '필요한 것: 0보다 큰 숫자, 예: 123.45\n',
    );
  });

  it('a holding with no price: the Korean sentence and hint', () => {
    const r = check('test/fixtures/check/naver-no-price.csv');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/naver-no-price\.csv:3: 2026-05-29 또는 그 이전의 035420\.KS 가격이 없습니다/);
    expect(r.stderr).toContain('도움말: 머리글이 date,close인 035420.KS.csv');
  });
  it('an unknown currency cell: the Korean sentence at its line and column', () => {
    const r = check(`${BAD}/unknown-currency.csv`);
    expect(r.status).toBe(2);
    // Line 3 is `VOD.L,500,US$`: the currency (column 3) is no ISO code.
    expect(r.stderr).toBe(
      `dispersion: ${BAD}/unknown-currency.csv:3:3: 통화 "US$"를 알 수 없습니다; ` +
        '필요한 것: KRW, USD, JPY, EUR, INR 같은 ISO 4217 통화 코드\n',
    );
  });

  it('one symbol in two currencies in one account: the Korean sentence at the second row', () => {
    const r = check(`${BAD}/duplicate-other-currency.csv`);
    expect(r.status).toBe(2);
    // Lines 2 and 3 are main,VTI,10,USD and main,VTI,5,KRW: the second row's currency differs from the first's.
    expect(r.stderr).toBe(
      `dispersion: ${BAD}/duplicate-other-currency.csv:3: main 계좌의 VTI 종목이 여기서는 KRW, 2행에서는 USD입니다; ` +
        '필요한 것: 한 계좌의 같은 종목은 모든 행에서 같은 통화\n',
    );
  });

  it('a price folder with an fx file that names no currency pair: the Korean sentence at the file', () => {
    const r = run(['check', 'examples/sample-holdings.csv', '--prices', 'test/fixtures/prices-bad-pair']);
    expect(r.status).toBe(2);
    // fx/KRWKRW.csv names the same currency twice (see the fixture's README).
    expect(r.stderr).toBe(
      'dispersion: test/fixtures/prices-bad-pair/fx/KRWKRW.csv: "KRWKRW"는 통화 쌍이 아닙니다; ' +
        '필요한 것: 기준 통화와 표시 통화의 두 ISO 코드를 이름으로 한 파일, 예: 1 EUR당 USD이면 EURUSD.csv\n',
    );
  });

  const bare = (args: string[]) =>
    spawnSync(process.execPath, ['bin/dispersion.js', ...args, '--lang', 'ko'], {
      encoding: 'utf8',
      env: { ...process.env, LANG: 'C' },
    });

  it.each([
    [
      ['rebalance', 'examples/sample-holdings.csv', '--mode', 'bogus'],
      '--mode bogus는 모드가 아닙니다; 필요한 것: full 또는 cash-only',
    ],
    [
      ['backtest', '--weights', 'NVDA=0.5,nvda=0.2'],
      '--weights에 NVDA 종목이 두 번 있습니다; 필요한 것: 종목마다 한 번씩',
    ],
    // The final 3 is read 삼, a closed syllable: 을, not 를.
    [['journal', 'show', '2026-13'], '월 2026-13을 알 수 없습니다; 필요한 것: YYYY-MM 또는 YYYY-MM-DD'],
    [
      ['backtest', '--weights', 'NVDA=0.5', '--from', '2026-05-01', '--to', '2026-04-01'],
      '--from 2026-05-01이 --to 2026-04-01보다 앞서지 않습니다; 필요한 것: from < to',
    ],
  ])('%j: exit 2 and the Korean sentence', (args, line) => {
    const r = bare(args);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`dispersion: ${line}\n`);
  });
});
