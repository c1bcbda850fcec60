/**
 * Dispersion as a library. The use cases (src/app) take a request, checked by its zod schema (exported beside it),
 * and return exactly the JSON documents the CLI prints with `--json`; the core is pure (plain data in, plain data
 * out); the loaders read the bundled data and your files.
 */

export { loadModel } from './adapters/config/model-file.ts';
export { loadUniverse } from './adapters/config/universe-file.ts';
export { importHoldingsFile } from './adapters/import/index.ts';
export { loadMarketData } from './adapters/market-data/load.ts';
export type { BacktestOptions } from './app/backtest.ts';
export { BacktestRequest, runBacktestCommand, runBacktestOutcome } from './app/backtest.ts';
export type { CheckOptions } from './app/check.ts';
export { CheckRequest, runCheckCommand } from './app/check.ts';
export type { DataStatusOptions, DataUpdateOptions } from './app/data.ts';
export {
  DataStatusRequest,
  DataUpdateRequest,
  runDataStatusCommand,
  runDataUpdateCommand,
} from './app/data.ts';
export type { JournalReadOptions, RecordOptions } from './app/journal-months.ts';
export {
  JournalReadRequest,
  RecordRequest,
  runJournalList,
  runJournalRecord,
  runJournalShow,
} from './app/journal-months.ts';
export type { PlanOptions } from './app/plan.ts';
export { PlanRequest, runPlanCommand } from './app/plan.ts';
export type { RebalanceOptions } from './app/rebalance.ts';
export { RebalanceRequest, runRebalanceCommand } from './app/rebalance.ts';
export type { SignalsOptions } from './app/signals.ts';
export { runSignalsCommand, SignalsRequest } from './app/signals.ts';
export type { StressOptions } from './app/stress.ts';
export { runStressCommand, StressRequest } from './app/stress.ts';
export type { HoldingsSource } from './app/workspace.ts';
export type { CheckInput, CheckReport } from './core/check.ts';
export { checkPortfolio } from './core/check.ts';
export { fromDay, toDay } from './core/dates.ts';
export { InputError } from './core/errors.ts';
export type { PortfolioExposures } from './core/exposure.ts';
export { portfolioExposures } from './core/exposure.ts';
export { fxRate } from './core/fx.ts';
export type { Holding } from './core/holdings.ts';
export type { FundLookThrough } from './core/lookthrough.ts';
export type { MarketData } from './core/market.ts';
export type { Model } from './core/model.ts';
export type { Notice, NoticeCode, NoticeOf, NoticeParams } from './core/notices.ts';
export type { Instrument, NameResolution, Universe } from './core/universe.ts';
export { buildUniverse, resolveKrxName, resolveSymbol } from './core/universe.ts';
export type { Position } from './core/valuation.ts';
export { valueHoldings } from './core/valuation.ts';
export { describeNotice } from './i18n/catalog/catalog.ts';
export { toCheckDocument } from './report/check-document.ts';
export type { NoticeJson } from './report/notice-json.ts';
export { noticeJson } from './report/notice-json.ts';
