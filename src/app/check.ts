/** The check use case (`dispersion check <holdings…>`, /api/check): where the portfolio stands against the model and the checklist. */
import { z } from 'zod';
import { prependAll } from '../core/arrays.ts';
import { checkPortfolio } from '../core/check.ts';
import { fromDay } from '../core/dates.ts';
import { InputError } from '../core/errors.ts';
import type { Holding } from '../core/holdings.ts';
import { monthOf, portfolioOf } from '../core/journal.ts';
import { toCheckDocument } from '../report/check-document.ts';
import { lastRebalanceDay } from './journal.ts';
import { formatOption, parseCommonOptions, parseThresholds } from './options.ts';
import { CommonRequest, HoldingsRequest, parseRequest, WorkspaceRequest } from './request.ts';
import type { HoldingsSource } from './workspace.ts';
import { loadPortfolio, openWorkspace } from './workspace.ts';

/** The `check` request: the report options, where the data comes from, thresholds, and the journal's portfolio. */
export const CheckRequest = CommonRequest.extend({
  ...WorkspaceRequest.shape,
  ...HoldingsRequest.shape,
  /** `mag7-max=0.4,…`: checklist thresholds over the model's. */
  threshold: z.string().optional(),
  /** The portfolio whose journal `monthly-rebalancing` reads: default the set of account names held (portfolioName). */
  portfolio: z.string().optional(),
});
/**
 * `db` here is read, never created: its price cache prices the holdings (workspace.ts marketFor) and its record
 * answers `monthly-rebalancing`.
 */
export type CheckOptions = z.input<typeof CheckRequest>;

/** The whole check as a function of its arguments and the clock: what the server's /api/check calls too. */
export interface CheckRunExtras {
  /**
   * Count only rebalances recorded before the as-of date's month (journal record: the month being recorded, or the
   * record it replaces, is not "the last rebalance").
   */
  rebalancesBeforeThisMonth?: boolean;
}

export async function runCheckCommand(
  files: readonly HoldingsSource[],
  request: CheckOptions,
  now: Date,
  extras: CheckRunExtras = {},
) {
  const o = parseRequest(CheckRequest, request, 'check');
  const { lang, base, asOf } = parseCommonOptions(o, now);
  const ws = openWorkspace(o);
  const thresholds = parseThresholds(o.threshold, ws.model.checks);
  const portfolio = await loadPortfolio(files, ws.universe, o, [], { asOf, ...formatOption(o) });
  const portfolioId = parsePortfolio(o.portfolio, portfolio.holdings);
  const lastRebalance = await lastRebalanceDay(
    o.db,
    portfolioId,
    asOf,
    extras.rebalancesBeforeThisMonth ? { beforeMonth: monthOf(fromDay(asOf)) } : undefined,
  );
  const report = checkPortfolio({
    holdings: portfolio.holdings,
    universe: ws.universe,
    model: ws.model,
    market: portfolio.market,
    base,
    asOf,
    lastRebalance,
    thresholds,
  });
  prependAll(report.warnings, portfolio.warnings);
  return toCheckDocument(report, lang, portfolioId);
}

/** `--portfolio NAME` (not empty), else the portfolio named by its holdings' accounts. */
export function parsePortfolio(value: string | undefined, holdings: readonly Holding[]): string {
  if (value !== undefined && value.trim() === '') {
    throw new InputError({
      message: '--portfolio is empty',
      expected: 'a name for the portfolio, e.g. --portfolio family',
      ko: { message: '--portfolio 값이 비어 있습니다', expected: '포트폴리오 이름, 예: --portfolio family' },
    });
  }
  return portfolioOf(
    value,
    holdings.map((h) => h.account),
  );
}
