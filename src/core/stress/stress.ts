/**
 * `stress`: values the holdings exactly as `check` does, then asks what each hypothetical scenario and each
 * historical window would do to them, and measures the portfolio's risk from daily history. Pure: scenarios, windows,
 * market data and the as-of date come in as arguments.
 */
import { checkPortfolio } from '../check.ts';
import type { CurrencyCode } from '../currency.ts';
import { lookThroughFor } from '../exposure.ts';
import type { Model } from '../model.ts';
import type { Universe } from '../universe.ts';
import type { ValuationInput } from '../valuation.ts';
import type { Warning } from '../warnings.ts';
import type { HistoricalWindow } from './historical.ts';
import { replayWindow } from './historical.ts';
import type { ScenarioResult } from './result.ts';
import type { RiskFigures } from './risk.ts';
import { MIN_OBSERVATIONS, riskFigures } from './risk.ts';
import type { FundParts, Scenario } from './scenario.ts';
import { applyScenario } from './scenario.ts';

/** The parts of a fund the check looked through (the same exposures): a named company by its own country, the rest by the fund's. */
function fundParts(universe: Universe): FundParts {
  return (p) =>
    lookThroughFor(universe, p)?.slices.map((s) => ({
      symbol: s.company ?? p.symbol,
      sleeve: s.sleeve,
      country: s.company ? (universe.instruments.get(s.company)?.country ?? p.country) : p.country,
      share: s.share,
    }));
}

/** What valuation needs (holdings, universe, market, base, as-of), the model (for proxies), and what to run. */
export interface StressInput extends ValuationInput {
  model: Model;
  scenarios: readonly Scenario[];
  windows: readonly HistoricalWindow[];
  /** Skip the risk figures (e.g. only one scenario was asked for). */
  risk?: boolean;
}

export interface StressReport {
  asOf: string;
  base: CurrencyCode;
  total: number;
  scenarios: ScenarioResult[];
  /** The scenario definitions, by id, for names and sources. */
  definitions: Map<string, Scenario>;
  windows: Map<string, HistoricalWindow>;
  risk: RiskFigures | null;
  warnings: Warning[];
}

export function stressPortfolio(input: StressInput): StressReport {
  const check = checkPortfolio(input);
  const { positions, total } = check;
  const warnings: Warning[] = [...check.warnings];
  const scenarios: ScenarioResult[] = [];
  for (const s of input.scenarios) {
    const r = applyScenario(s, positions, total, input.base, fundParts(input.universe));
    if (r.unshocked.length) {
      warnings.push({
        code: 'stress-unshocked',
        id: s.id,
        scenario: s.name,
        scenarioKo: s.nameKo ?? s.name,
        symbols: r.unshocked,
      });
    }
    scenarios.push(r);
  }
  for (const w of input.windows) {
    scenarios.push(
      replayWindow({
        positions,
        total,
        base: input.base,
        market: input.market,
        model: input.model,
        window: w,
      }),
    );
  }
  let risk: RiskFigures | null = null;
  if (input.risk !== false) {
    risk =
      riskFigures({
        positions,
        total,
        base: input.base,
        market: input.market,
        model: input.model,
        asOf: input.asOf,
      }) ?? null;
    if (!risk) {
      warnings.push({
        code: 'risk-history-too-short',
        date: check.asOf,
        needed: MIN_OBSERVATIONS,
      });
    } else {
      if (risk.shortened) {
        warnings.push({
          code: 'risk-window-shortened',
          ...(risk.limitedBy ? { symbol: risk.limitedBy } : {}),
          from: risk.from,
          to: risk.to,
          requestedFrom: risk.requestedFrom,
        });
      }
      for (const ccy of risk.monthlyFx) {
        warnings.push({
          code: 'risk-monthly-fx',
          currency: ccy,
          base: input.base,
        });
      }
    }
  }
  return {
    asOf: check.asOf,
    base: input.base,
    total,
    scenarios,
    definitions: new Map(input.scenarios.map((s) => [s.id, s])),
    windows: new Map(input.windows.map((w) => [w.id, w])),
    risk,
    warnings,
  };
}
