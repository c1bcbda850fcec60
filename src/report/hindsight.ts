/**
 * The backtest's hindsight part (issue 11): a model's backtest names were picked knowing how they did, so its lead is
 * split in two. The same run (same days, settings, FX) with every name outside the selected-Mag7 sleeve replaced by
 * SPY isolates what NVDA+TSLA bring; the rest of the model's lead over SPY comes from the hand-picked names.
 */
import type { BacktestOutcome } from '../core/backtest/backtest.ts';
import type { Lang } from '../i18n/format.ts';
import { decompositionLine, hindsightCaveat } from '../i18n/hindsight.ts';

export interface HindsightRun {
  /** The same run with the picks replaced by SPY; its one benchmark is SPY itself. */
  variant: BacktestOutcome;
  /** Portfolio weight of the selected Mag7 (NVDA, TSLA) kept in the variant. */
  selectedWeight: number;
}

export function toHindsightDocument(main: BacktestOutcome, run: HindsightRun | null, lang: Lang) {
  const caveat = hindsightCaveat(lang);
  if (!run) return { caveat, decomposition: null };
  const spy = run.variant.benchmarks.find((b) => b.id === 'SPY');
  const c = {
    model: main.portfolio.stats.cagr,
    mag7PlusSpy: run.variant.portfolio.stats.cagr,
    spy: spy?.stats.cagr ?? Number.NaN,
  };
  return {
    caveat,
    decomposition: {
      /** CAGR of the model, of NVDA+TSLA at their weight with everything else in SPY, and of SPY, over the same days. */
      cagr: c,
      final: {
        model: main.portfolio.final,
        mag7PlusSpy: run.variant.portfolio.final,
        spy: spy?.final ?? null,
      },
      selectedWeight: run.selectedWeight,
      /** Lead over SPY in CAGR points, and its two parts: with NVDA+TSLA, and with the hand-picked names. */
      lead: c.model - c.spy,
      fromSelectedMag7: c.mag7PlusSpy - c.spy,
      fromPicks: c.model - c.mag7PlusSpy,
      weights: run.variant.portfolio.weights.map((w) => ({ symbol: w.symbol, weight: w.weight })),
      message: decompositionLine(c, run.selectedWeight, lang),
    },
  };
}

export type HindsightDocument = ReturnType<typeof toHindsightDocument>;
