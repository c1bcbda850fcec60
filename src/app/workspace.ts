/**
 * The imperative shell's one place for gathering what a command needs from disk: holdings files, the universe, the
 * model and the market data (only the series the holdings need). CLI and server both call this, then the same core
 * function, so they cannot drift apart.
 */
import { basename } from 'node:path';
import { loadModel } from '../adapters/config/model-file.ts';
import { loadUniverse } from '../adapters/config/universe-file.ts';
import { importHoldingsFile } from '../adapters/import/index.ts';
import { readHoldingsFile } from '../adapters/import/read.ts';
import { loadMarketData } from '../adapters/market-data/load.ts';
import { InputError } from '../core/errors.ts';
import type { Holding } from '../core/holdings.ts';
import type { MarketData } from '../core/market.ts';
import type { Model } from '../core/model.ts';
import type { Universe } from '../core/universe.ts';
import { resolveSymbol } from '../core/universe.ts';
import type { Warning } from '../core/warnings.ts';

export interface WorkspaceOptions {
  model?: string;
  universe?: string;
  prices?: string;
}

export interface Workspace {
  universe: Universe;
  model: Model;
}

export function openWorkspace(o: WorkspaceOptions): Workspace {
  return { universe: loadUniverse(o.universe), model: loadModel(o.model) };
}

export interface LoadedHoldings {
  holdings: Holding[];
  warnings: Warning[];
}

/** A holdings file already in memory (the dashboard's upload): its name as the user knows it, and its bytes. */
export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
}

/** A path on disk (CLI) or an uploaded file (dashboard): both go through the same importer. */
export type HoldingsSource = string | UploadedFile;

/** Imports one or more holdings files; a file without an account column gets its file name as the account. */
export async function importFiles(files: readonly HoldingsSource[]): Promise<LoadedHoldings> {
  if (files.length === 0)
    throw new InputError({ message: 'no holdings file given', expected: 'a CSV or Ghostfolio JSON file' });
  const holdings: Holding[] = [];
  const warnings: Warning[] = [];
  for (const source of files) {
    const file = typeof source === 'string' ? source : source.name;
    const bytes = typeof source === 'string' ? await readHoldingsFile(source) : source.bytes;
    const r = importHoldingsFile(bytes, file, { defaultAccount: accountName(file) });
    holdings.push(...r.holdings);
    warnings.push(...r.warnings);
  }
  return { holdings, warnings };
}

function accountName(file: string): string {
  return basename(file).replace(/\.[^.]+$/, '');
}

/** Market data for exactly the symbols held (plus all FX), from the bundled set and the user's price folder. */
export function marketFor(holdings: readonly Holding[], universe: Universe, pricesDir?: string): MarketData {
  const symbols = new Set<string>();
  for (const h of holdings) {
    if (h.kind === 'security')
      symbols.add(resolveSymbol(universe, h.symbol) ?? h.symbol.trim().toUpperCase());
  }
  return loadMarketData({ userDir: pricesDir, symbols });
}
