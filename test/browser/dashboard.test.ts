/**
 * The dashboard in a real browser: every page loads, the language switches, a holdings file uploads (and a malformed
 * one is reported with file, line and column), and the numbers on screen equal the CLI's JSON for the same file.
 * Screenshots (1440×900) go to docs/screenshots/ for the README.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBacktestCommand } from '../../src/cli/commands/backtest.ts';
import { runCheckCommand } from '../../src/cli/commands/check.ts';
import { runRebalanceCommand } from '../../src/cli/commands/rebalance.ts';
import { runSignalsCommand } from '../../src/cli/commands/signals.ts';
import { runStressCommand } from '../../src/cli/commands/stress.ts';
import { formatMoney, formatNumber, formatPct } from '../../src/i18n/format.ts';
import type { RunningServer } from '../../src/server/start.ts';
import { launch, startDashboard, watchConsole } from './browser.ts';

const NOW = new Date('2026-11-25T12:00:00Z');
let browser: Browser;
let server: RunningServer;
let page: Page;
let errors: string[];

beforeAll(async () => {
  // A journal of its own, so recording a month never touches the user's.
  const db = join(mkdtempSync(join(tmpdir(), 'dispersion-browser-')), 'journal.sqlite');
  [browser, server] = await Promise.all([launch(), startDashboard('2026-05-29', { db })]);
  page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
  errors = watchConsole(page);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

// `npm run screenshots` refreshes the README's pictures in docs/screenshots; a plain test run writes them to a
// temporary folder so that running the tests never changes tracked files.
const SHOTS =
  process.env.SCREENSHOTS === '1' ? 'docs/screenshots' : mkdtempSync(join(tmpdir(), 'dispersion-shots-'));
const shot = (name: string) => page.screenshot({ path: `${SHOTS}/${name}.png` });

describe('dashboard in Chromium', () => {
  it('opens the overview on the sample and is interactive in under a second', async () => {
    const t0 = performance.now();
    await page.goto(`${server.url}/#/overview`);
    await page.getByTestId('total').waitFor();
    const ms = performance.now() - t0;
    console.log(`first page interactive (overview, sample): ${ms.toFixed(0)} ms`);
    const doc = await runCheckCommand(
      ['examples/sample-holdings.csv'],
      { base: 'KRW', asOf: '2026-05-29', lang: 'en' },
      NOW,
    );
    expect(await page.getByTestId('total').textContent()).toBe(formatMoney(doc.total, 'KRW', 'en'));
    for (const c of doc.checks) {
      const shown = await page.getByTestId(`check-value-${c.id}`).textContent();
      expect(shown).toBe(
        c.value === null ? '—' : c.id === 'monthly-rebalancing' ? `${c.value}d` : formatPct(c.value, 'en'),
      );
    }
    await page.getByTestId('chart-sleeves').locator('canvas').waitFor();
    await shot('overview');
  });

  it('lists every holding with the CLI value, sortable and filterable', async () => {
    await page.getByTestId('nav-holdings').click();
    const table = page.getByTestId('holdings-table');
    await table.waitFor();
    const doc = await runCheckCommand(
      ['examples/sample-holdings.csv'],
      { base: 'KRW', asOf: '2026-05-29', lang: 'en' },
      NOW,
    );
    expect(await table.locator('tbody tr').count()).toBe(doc.positions.length);
    const nvda = doc.positions.find((p) => p.symbol === 'NVDA');
    const row = table.locator('tbody tr[data-symbol="NVDA"]');
    expect(await row.getByTestId('cell-value').textContent()).toBe(
      formatMoney(nvda?.value ?? -1, 'KRW', 'en'),
    );
    // Sorted by value, largest first: the first row is the largest position.
    const largest = [...doc.positions].sort((a, b) => b.value - a.value)[0];
    expect(await table.locator('tbody tr').first().getAttribute('data-symbol')).toBe(largest?.symbol);
    await page.getByTestId('holdings-filter').fill('meta');
    expect(await table.locator('tbody tr').count()).toBe(1);
    await page.getByTestId('holdings-filter').fill('');
    await shot('holdings');
  });

  it('switches to Korean', async () => {
    await page.getByTestId('nav-overview').click();
    await page.getByTestId('lang-toggle').click();
    await expect.poll(() => page.getByTestId('nav-overview').textContent()).toBe('개요');
    expect(await page.getByTestId('disclaimer').textContent()).toContain('투자 권유가 아닙니다');
    const doc = await runCheckCommand(
      ['examples/sample-holdings.csv'],
      { base: 'KRW', asOf: '2026-05-29', lang: 'ko' },
      NOW,
    );
    await expect
      .poll(() => page.getByTestId('check-mag7-max').textContent())
      .toContain(doc.checks[0]?.message ?? '?');
    await page.getByTestId('total').waitFor();
    await shot('overview-ko');
    await page.getByTestId('lang-toggle').click();
  });

  it('shows the stress scenarios with the CLI losses', async () => {
    await page.getByTestId('nav-stress').click();
    const table = page.getByTestId('stress-table');
    await table.waitFor({ timeout: 20_000 });
    const doc = await runStressCommand(
      ['examples/sample-holdings.csv'],
      { base: 'KRW', asOf: '2026-05-29', lang: 'en' },
      NOW,
    );
    for (const sc of doc.scenarios) {
      const cell = table.locator(`tr[data-scenario="${sc.id}"]`).getByTestId('stress-loss');
      expect(await cell.textContent()).toBe(formatMoney(sc.loss, 'KRW', 'en'));
    }
    await page.getByTestId('risk').waitFor();
    await shot('stress');
    await page.getByTestId('nav-overview').click();
  });

  it("shows this month's orders as the CLI computes them, and records the month", async () => {
    await page.getByTestId('nav-rebalance').click();
    await page.getByTestId('rb-orders').first().waitFor({ timeout: 20_000 });
    const doc = await runRebalanceCommand(
      ['examples/sample-holdings.csv'],
      { base: 'KRW', asOf: '2026-05-29', lang: 'en', mode: 'full', band: '0.02' },
      NOW,
    );
    expect(doc.orders.length).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="rb-orders"] tbody tr').count()).toBe(doc.orders.length);
    for (const o of doc.orders) {
      const row = page.locator(`[data-testid="rb-orders"] tbody tr[data-symbol="${o.symbol}"]`);
      expect(await row.getByTestId('rb-qty').textContent()).toBe(formatNumber(o.quantity, 'en'));
    }
    // Money moves between accounts only when allowed (--transfers): none here, and the page lists none.
    expect(doc.transfers).toEqual([]);
    expect(await page.locator('[data-testid="rb-transfers"] li').count()).toBe(0);
    // The checklist after the orders, as the CLI computes it.
    const after = page.getByTestId('rb-checklist-after');
    expect(await after.locator('li').count()).toBe(
      (doc.checklist?.checks.length ?? 0) + Math.max(1, doc.checklist?.concentration.length ?? 0),
    );
    await shot('rebalance');
    await page.getByTestId('rb-record').click();
    await expect.poll(() => page.getByTestId('rb-recorded').textContent()).toContain('2026-05');
  });

  it('lists the recorded month in the journal', async () => {
    await page.getByTestId('nav-journal').click();
    await page.getByTestId('journal-table').waitFor();
    expect(await page.locator('[data-testid="journal-table"] tbody tr').count()).toBe(1);
    expect(await page.locator('tr[data-month="2026-05"]').textContent()).toContain('✔');
    await page.getByTestId('journal-detail').waitFor();
    await shot('journal');
  });

  it('backtests the model against the benchmarks with the CLI numbers', async () => {
    await page.getByTestId('nav-backtest').click();
    await page.getByTestId('bt-stats').waitFor({ timeout: 30_000 });
    const doc = await runBacktestCommand({ base: 'KRW', rebalance: 'monthly', lang: 'en' }, NOW);
    expect(await page.getByTestId(`bt-final-${doc.portfolio.id}`).textContent()).toBe(
      formatMoney(doc.final, 'KRW', 'en'),
    );
    for (const b of doc.benchmarks) {
      expect(await page.getByTestId(`bt-final-${b.id}`).textContent()).toBe(
        formatMoney(b.final, 'KRW', 'en'),
      );
    }
    await page.getByTestId('chart-heatmap').locator('canvas').first().waitFor();
    await shot('backtest');
  });

  it('shows the thesis scorecard with the CLI verdicts', async () => {
    await page.getByTestId('nav-signals').click();
    await page.getByTestId('scorecard').waitFor({ timeout: 20_000 });
    const doc = await runSignalsCommand({ asOf: '2026-05-29', lang: 'en' }, NOW);
    const verdicts = await page.getByTestId('verdict').allTextContents();
    const word = { agrees: 'Agrees', disagrees: 'Disagrees', inconclusive: 'Inconclusive' } as const;
    expect(verdicts).toEqual(doc.scorecard.map((s) => word[s.verdict]));
    await shot('signals');
    await page.getByTestId('nav-overview').click();
  });

  it('uploads a holdings file and shows it', async () => {
    await page.getByTestId('file-input').setInputFiles('test/fixtures/check/europe-japan.csv');
    await expect.poll(() => page.getByTestId('holdings-label').textContent()).toBe('europe-japan.csv');
    // europe-japan.csv holds SIE.DE/ABBN.SW/6954.T with no bundled prices: the page says which file and line.
    await page.getByTestId('error').waitFor();
    expect(await page.getByTestId('error').textContent()).toMatch(
      /europe-japan\.csv:2.*no price for SIE\.DE/,
    );
    await page.getByTestId('file-input').setInputFiles('test/fixtures/check/defense-energy.csv');
    await expect.poll(() => page.getByTestId('holdings-label').textContent()).toBe('defense-energy.csv');
    const doc = await runCheckCommand(
      ['test/fixtures/check/defense-energy.csv'],
      { base: 'KRW', asOf: '2026-05-29', lang: 'en' },
      NOW,
    );
    await expect
      .poll(() => page.getByTestId('total').textContent())
      .toBe(formatMoney(doc.total, 'KRW', 'en'));
  });

  it('reports a malformed upload with file, line and column', async () => {
    await page.getByTestId('file-input').setInputFiles('test/fixtures/import/bad/negative-quantity.csv');
    const err = page.getByTestId('upload').getByTestId('error');
    await err.waitFor();
    expect(await err.textContent()).toContain('negative-quantity.csv:4:2');
    expect(await page.getByTestId('holdings-label').textContent()).toBe('defense-energy.csv');
  });

  it('logged no console errors', () => {
    // The 400 answers to the upload tests are expected: the browser logs failed fetches as console errors.
    const unexpected = errors.filter((e) => !/status of 400/.test(e));
    expect(unexpected).toEqual([]);
  });
});
