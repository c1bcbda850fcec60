/**
 * Dispersion as a library. The core is pure (plain data in, plain data out); the loaders read the bundled data and
 * your files; the `run…Command` functions return exactly the JSON documents the CLI prints with `--json`.
 */

export { loadModel } from './adapters/config/model-file.ts';
export { loadUniverse } from './adapters/config/universe-file.ts';
export { importHoldingsFile } from './adapters/import/index.ts';
export { loadMarketData } from './adapters/market-data/load.ts';
export { runCheckCommand } from './app/check.ts';
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
export type { Instrument, NameResolution, Universe } from './core/universe.ts';
export { buildUniverse, resolveKrxName, resolveSymbol } from './core/universe.ts';
export type { Position } from './core/valuation.ts';
export { valueHoldings } from './core/valuation.ts';
export { toCheckDocument } from './report/check-document.ts';
