/**
 * The imperative shell's one place for gathering what a command needs from disk: holdings files, the universe, the
 * model and the market data (only the series a command needs, from one precedence of sources: `marketFor`). CLI and
 * server both call this, then the same core function, so they cannot drift apart.
 */
import { existsSync, realpathSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { loadModel } from '../adapters/config/model-file.ts';
import { loadUniverse } from '../adapters/config/universe-file.ts';
import { type FilePrice, importHoldingsFile } from '../adapters/import/index.ts';
import { type NameResolver, nameResolver, universeListingNames } from '../adapters/import/names.ts';
import { readHoldingsFile } from '../adapters/import/read.ts';
import { importSpreadsheet, isXls, isXlsx } from '../adapters/import/xlsx.ts';
import { pushAll } from '../core/arrays.ts';
import { fromDay } from '../core/dates.ts';
import { InputError } from '../core/errors.ts';
import type { Holding } from '../core/holdings.ts';
import { portfolioOf } from '../core/journal.ts';
import type { MarketData } from '../core/market.ts';
import type { Model } from '../core/model.ts';
import type { Universe } from '../core/universe.ts';
import { resolveSymbol } from '../core/universe.ts';
import type { Warning } from '../core/warnings.ts';
import { withFilePrices } from './file-prices.ts';
import { journalPath } from './journal.ts';
import { type MarketRequest, marketFor } from './market.ts';

export { type MarketRequest, marketFor } from './market.ts';

export interface WorkspaceOptions {
  model?: string;
  universe?: string;
  /** A fund look-through file (adds funds, replaces bundled ones). */
  lookThrough?: string;
  /** Classification rules tried before the bundled data/classification.json. */
  rules?: string;
  prices?: string;
}

export interface Workspace {
  universe: Universe;
  model: Model;
}

export function openWorkspace(o: WorkspaceOptions & { db?: string }): Workspace {
  const listing = userListingPath(o.db);
  return {
    universe: loadUniverse(o.universe, o.lookThrough, {
      ...(o.rules ? { rules: o.rules } : {}),
      ...(existsSync(listing) ? { krxListing: listing } : {}),
    }),
    model: loadModel(o.model),
  };
}

/** Where `data update --listings` keeps a refreshed KRX listing: beside the journal; preferred over the bundled one. */
export function userListingPath(db?: string): string {
  return join(dirname(journalPath(db)), 'krx-listing.csv');
}

export interface LoadedHoldings {
  holdings: Holding[];
  warnings: Warning[];
  /** Prices the files state themselves (a price source of last resort: file-prices.ts). */
  prices: FilePrice[];
}

/** A holdings file already in memory (the dashboard's upload): its name as the user knows it, and its bytes. */
export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
}

/** A path on disk (CLI) or an uploaded file (dashboard): both go through the same importer. */
export type HoldingsSource = string | UploadedFile;

export interface ImportOptions {
  /** The command's as-of day (a day number): a Ghostfolio ledger or a transaction log is read up to it. */
  asOf?: number;
  /** `--format NAME`: the files' format, instead of detecting it. */
  format?: string;
  /** Korean names → codes, for exports without codes (Mirae, Samsung); loadPortfolio builds it from the universe. */
  names?: NameResolver;
}

/**
 * Imports one or more holdings files; a file without an account column gets its file name as the account. The same
 * file twice is refused (it would double every position); two files of the same name in different folders get
 * accounts named by their folders (`kiwoom/holdings`, `toss/holdings`), since they are two accounts.
 */
export async function importFiles(
  files: readonly HoldingsSource[],
  o: ImportOptions = {},
): Promise<LoadedHoldings> {
  if (files.length === 0)
    throw new InputError({
      message: 'no holdings file given',
      expected: 'a CSV or Ghostfolio JSON file',
      ko: { message: '보유 내역 파일이 주어지지 않았습니다', expected: 'CSV 또는 Ghostfolio JSON 파일' },
    });
  refuseRepeatedPaths(files);
  const accounts = defaultAccounts(files.map((s) => (typeof s === 'string' ? resolve(s) : s.name)));
  const asOf = o.asOf === undefined ? undefined : fromDay(o.asOf);
  const holdings: Holding[] = [];
  const warnings: Warning[] = [];
  const prices: FilePrice[] = [];
  for (const [i, source] of files.entries()) {
    const file = typeof source === 'string' ? source : source.name;
    const bytes = typeof source === 'string' ? await readHoldingsFile(source) : source.bytes;
    const options = {
      defaultAccount: accounts[i] as string,
      ...(asOf === undefined ? {} : { asOf }),
      ...(o.format === undefined ? {} : { format: o.format }),
      ...(o.names === undefined ? {} : { names: o.names }),
    };
    // Spreadsheets are read asynchronously; everything else (CSV, JSON) by the synchronous importer.
    const r =
      isXlsx(bytes) || isXls(bytes)
        ? await importSpreadsheet(bytes, file, options)
        : importHoldingsFile(bytes, file, options);
    pushAll(holdings, r.holdings);
    pushAll(warnings, r.warnings);
    pushAll(prices, r.prices);
  }
  return { holdings, warnings, prices };
}

/** `a.csv ./a.csv` (or a symlink to it) is one file given twice: importing it twice would double the portfolio. */
function refuseRepeatedPaths(files: readonly HoldingsSource[]): void {
  const seen = new Map<string, string>();
  for (const source of files) {
    if (typeof source !== 'string') continue; // an upload has no path
    const key = canonicalPath(source);
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      throw new InputError({
        file: source,
        message: `the same file is given twice${earlier === source ? '' : ` (also as ${earlier})`}`,
        expected: 'each holdings file once',
        hint: 'importing a file twice would count every holding in it twice',
        ko: {
          message: `같은 파일이 두 번 주어졌습니다${earlier === source ? '' : ` (${earlier}로도)`}`,
          expected: '보유 내역 파일마다 한 번씩',
          hint: '파일을 두 번 가져오면 그 안의 모든 보유 종목이 두 번 계산됩니다',
        },
      });
    }
    seen.set(key, source);
  }
}

function canonicalPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path); // a missing file is reported by readHoldingsFile, with its own message
  }
}

/**
 * The account for each file's rows without an account column: its base name (`holdings.csv` → `holdings`). When two
 * files share a base name, as many trailing folders as it takes to tell them apart (`kiwoom/holdings`): the path the
 * user typed when the files sit under the working folder, and still short when they do not. Paths are given resolved.
 */
export function defaultAccounts(files: readonly string[]): string[] {
  const parts = files.map((f) =>
    f
      .replace(/\.[^./\\]+$/, '')
      .split(/[\\/]+/)
      .filter((p) => p !== '' && p !== '.'),
  );
  const names = parts.map((p) => p.at(-1) ?? '');
  for (let depth = 2; ; depth++) {
    const clashing = names.map((n, i) => names.some((m, j) => i !== j && m === n));
    if (!clashing.some(Boolean)) return names;
    let grew = false;
    parts.forEach((p, i) => {
      if (!clashing[i] || p.length < depth) return;
      names[i] = p.slice(-depth).join('/');
      grew = true;
    });
    if (!grew) {
      // The same folders all the way up: `holdings.csv` and `holdings.tsv` side by side, told apart by the extension.
      return names.map((n, i) => (clashing[i] ? (files[i]?.split(/[\\/]+/).at(-1) ?? n) : n));
    }
  }
}

/** Canonical symbols of the securities held (broker spellings such as `005930` resolve through the universe). */
export function heldSymbols(holdings: readonly Holding[], universe: Universe): Set<string> {
  const symbols = new Set<string>();
  for (const h of holdings) {
    if (h.kind === 'security')
      symbols.add(resolveSymbol(universe, h.symbol) ?? h.symbol.trim().toUpperCase());
  }
  return symbols;
}

/**
 * The dashboard's upload preview: the files imported as `check` imports them, names resolved against the universe
 * (the bundled one, or `universe` the server was started with), so a name-only export (Mirae, Samsung) previews
 * the same holdings the pages will then show.
 */
export async function previewHoldings(
  files: readonly HoldingsSource[],
  o: { asOf?: number; universe?: string },
): Promise<LoadedHoldings> {
  const universe = loadUniverse(o.universe);
  return importFiles(files, {
    names: nameResolver(universeListingNames(universe)),
    ...(o.asOf === undefined ? {} : { asOf: o.asOf }),
  });
}

export interface Portfolio extends LoadedHoldings {
  market: MarketData;
}

/**
 * The holdings files imported and priced: what check and stress both start from. The market holds the held symbols'
 * series plus `extraSymbols` (stress: its proxies), from the one precedence of sources (`marketFor`), and then the
 * files' own prices for listings nothing fresher prices as of `importOptions.asOf` (each use a file-price warning,
 * after the import's warnings).
 */
export async function loadPortfolio(
  files: readonly HoldingsSource[],
  universe: Universe,
  o: Omit<MarketRequest, 'symbols'>,
  extraSymbols: Iterable<string>,
  importOptions: ImportOptions & { asOf: number },
): Promise<Portfolio> {
  const imported = await importFiles(files, {
    names: nameResolver(universeListingNames(universe)),
    ...importOptions,
  });
  const symbols = new Set([...extraSymbols, ...heldSymbols(imported.holdings, universe)]);
  const market = await marketFor({ symbols, prices: o.prices, db: o.db });
  const priced = withFilePrices(market, imported.prices, universe, importOptions.asOf);
  return { ...imported, warnings: [...imported.warnings, ...priced.warnings], market: priced.market };
}

/**
 * The portfolio a set of holdings files is: `explicit` (--portfolio) or the names of the accounts they hold, as
 * `check` and `journal record` name it (the dashboard's journal pages show that portfolio's months).
 */
export async function portfolioOfFiles(files: readonly HoldingsSource[], explicit?: string): Promise<string> {
  if (explicit?.trim()) return explicit.trim();
  const { holdings } = await importFiles(files);
  return portfolioOf(
    undefined,
    holdings.map((h) => h.account),
  );
}
