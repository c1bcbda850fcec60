/** The rebalance use case (`dispersion rebalance <holdings…>`, /api/rebalance): this month's orders to bring the portfolio back to the model. */
import { z } from 'zod';
import { loadAccountsFile } from '../adapters/config/accounts-file.ts';
import { loadSolver } from '../adapters/highs-solver.ts';
import { nameResolver, universeListingNames } from '../adapters/import/names.ts';
import { prependAll } from '../core/arrays.ts';
import { isCurrencyCode } from '../core/currency.ts';
import type { Band } from '../core/engine/band.ts';
import { parseBand } from '../core/engine/band.ts';
import { InputError } from '../core/errors.ts';
import type { Holding } from '../core/holdings.ts';
import type { Model } from '../core/model.ts';
import { isBlocking, staleDataError, staleDataWarnings } from '../core/rebalance/freshness.ts';
import { rebalancePortfolio } from '../core/rebalance/rebalance.ts';
import type { OtherPolicy } from '../core/rebalance/solve/frame.ts';
import type { Money, RebalanceMode } from '../core/rebalance/types.ts';
import type { Universe } from '../core/universe.ts';
import { resolveSymbol } from '../core/universe.ts';
import { withJosa } from '../i18n/josa.ts';
import type { RebalanceDocument } from '../report/rebalance-document.ts';
import { toRebalanceDocument } from '../report/rebalance-document.ts';
import { withFilePrices } from './file-prices.ts';
import { formatOption, parseAsOf, parseBase, parseLang } from './options.ts';
import { CommonRequest, HoldingsRequest, parseRequest, WorkspaceRequest } from './request.ts';
import type { HoldingsSource } from './workspace.ts';
import { heldSymbols, importFiles, marketFor, openWorkspace } from './workspace.ts';

/** The `rebalance` request: the report options, where the data comes from, and how the orders may be made. */
export const RebalanceRequest = CommonRequest.extend({
  ...WorkspaceRequest.shape,
  ...HoldingsRequest.shape,
  /** `full` or `cash-only`. */
  mode: z.string().optional(),
  band: z.string().optional(),
  /** `AMOUNT:CCY` entries; each may itself be a comma-separated list. */
  cash: z.array(z.string()).optional(),
  fractional: z.boolean().optional(),
  minTrade: z.string().optional(),
  /** How many priced candidates fill an empty sleeve, overriding the model's `fill` (default 3). */
  candidates: z.union([z.string(), z.number()]).optional(),
  /** Trading cost in basis points of each order's value (CostModel.bps). */
  costBps: z.union([z.string(), z.number()]).optional(),
  /** Rebalance even when a close or rate is too old (freshness.ts); each one becomes a warning instead. */
  allowStale: z.boolean().optional(),
  /** keep | reduce | sell: the holdings outside the model. */
  other: z.string().optional(),
  /** Money may move between accounts. */
  transfers: z.boolean().optional(),
  /** `NAME=KRX,US` entries: markets an account may buy in beyond those it holds. */
  accountMarkets: z.array(z.string()).optional(),
  /** An accounts file (JSON): the same, per account (adapters/config/accounts-file.ts). */
  accounts: z.string().optional(),
});
export type RebalanceOptions = z.input<typeof RebalanceRequest>;

/** The whole rebalance as a function of its arguments and the clock: what the server calls too. Writes nothing. */
export async function runRebalanceCommand(
  files: readonly HoldingsSource[],
  request: RebalanceOptions,
  now: Date,
): Promise<RebalanceDocument> {
  // A caller that leaves `base` out (the type asks for it; JavaScript may not) gets USD, as the CLI's default.
  const o = parseRequest(RebalanceRequest, { ...request, base: request.base ?? 'USD' }, 'rebalance');
  const lang = parseLang(o.lang);
  const base = parseBase(o.base);
  const asOf = parseAsOf(o.asOf, now);
  const mode = parseMode(o.mode);
  const band = o.band === undefined ? undefined : parseBandOption(o.band);
  const newCash = (o.cash ?? []).flatMap((c) => parseMoneyList(c, '--cash'));
  const minTrade = o.minTrade === undefined ? undefined : parseMoney(o.minTrade, '--min-trade');
  const candidates = o.candidates === undefined ? undefined : parseCandidates(o.candidates);
  const cost = o.costBps === undefined ? undefined : { bps: parseCostBps(o.costBps), min: 0 };
  const ws = openWorkspace(o);
  const imported = await importFiles(files, {
    asOf,
    names: nameResolver(universeListingNames(ws.universe)),
    ...formatOption(o),
  });
  const loaded = await marketFor({
    symbols: symbolsNeeded(imported.holdings, ws.universe, ws.model),
    prices: o.prices,
    db: o.db,
  });
  // The files' own prices, for held listings nothing fresher prices (each use is a file-price warning).
  const priced = withFilePrices(loaded, imported.prices, ws.universe, asOf);
  const other = parseOther(o.other);
  const accountMarkets = mergeMarkets(
    o.accounts ? loadAccountsFile(o.accounts) : {},
    parseAccountMarkets(o.accountMarkets ?? []),
  );
  const solver = await loadSolver();
  const result = rebalancePortfolio(
    {
      holdings: imported.holdings,
      universe: ws.universe,
      model: ws.model,
      market: priced.market,
      base,
      asOf,
      mode,
      band,
      newCash,
      fractional: o.fractional === true,
      minTrade,
      candidates,
      cost,
      other,
      transfers: o.transfers === true,
      accountMarkets,
    },
    solver,
  );
  // Orders are for today's market: refuse on old closes or rates unless the user accepts them (--allow-stale).
  if (isBlocking(result.freshness)) {
    if (!o.allowStale) throw staleDataError(result.freshness, result.asOf);
    prependAll(result.warnings, staleDataWarnings(result.freshness));
  }
  prependAll(result.warnings, [...imported.warnings, ...priced.warnings]);
  return toRebalanceDocument(result, lang);
}

/** The series a rebalance can touch: what is held, every named candidate and every instrument of a model sleeve. */
function symbolsNeeded(holdings: readonly Holding[], universe: Universe, model: Model): Set<string> {
  const out = heldSymbols(holdings, universe);
  for (const s of model.sleeves) for (const c of s.candidates) out.add(resolveSymbol(universe, c) ?? c);
  // The solver may also buy the other instruments the universe classifies in a model sleeve (placement.ts).
  const sleeves = new Set(model.sleeves.map((s) => s.id));
  for (const i of universe.instruments.values())
    if (sleeves.has(i.sleeve) && i.type !== 'index') out.add(i.symbol);
  return out;
}

function parseOther(value: string | undefined): OtherPolicy {
  if (value === undefined || value === 'keep' || value === 'reduce' || value === 'sell')
    return value ?? 'keep';
  throw new InputError({
    message: `--other ${value} is not a policy`,
    expected: 'keep, reduce or sell',
    ko: {
      message: `--other ${withJosa(value, '은/는')} 정책이 아닙니다`,
      expected: 'keep, reduce 또는 sell',
    },
  });
}

/** `NAME=KRX,US` → { NAME: ['KRX', 'US'] }; the account name may contain spaces, the markets are codes. */
export function parseAccountMarkets(entries: readonly string[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const e of entries) {
    const at = e.lastIndexOf('=');
    const name = at > 0 ? e.slice(0, at).trim() : '';
    const markets =
      at > 0
        ? e
            .slice(at + 1)
            .split(',')
            .map((m) => m.trim().toUpperCase())
        : [];
    if (!name || !markets.length || markets.some((m) => !/^[A-Z]{2,10}$/.test(m))) {
      throw new InputError({
        message: `--account-markets ${e} is not an account and its markets`,
        expected:
          'NAME=MARKET[,MARKET…], e.g. 미국주식=US or "키움 위탁=KRX,US" (markets: US, KRX, TSE, XETRA, SIX, LSE, EPA, TWSE)',
        ko: {
          message: `--account-markets ${withJosa(e, '은/는')} 계좌와 시장 형식이 아닙니다`,
          expected:
            '계좌=시장[,시장…], 예: 미국주식=US 또는 "키움 위탁=KRX,US" (시장: US, KRX, TSE, XETRA, SIX, LSE, EPA, TWSE)',
        },
      });
    }
    out[name] = [...(out[name] ?? []), ...markets];
  }
  return out;
}

function mergeMarkets(...all: Record<string, string[]>[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const m of all)
    for (const [a, list] of Object.entries(m)) out[a] = [...new Set([...(out[a] ?? []), ...list])];
  return out;
}

function parseMode(value: string | undefined): RebalanceMode {
  if (value === undefined || value === 'full') return 'full';
  if (value === 'cash-only') return 'cash-only';
  throw new InputError({
    message: `--mode ${value} is not a mode`,
    expected: 'full or cash-only',
    ko: { message: `--mode ${withJosa(value, '은/는')} 모드가 아닙니다`, expected: 'full 또는 cash-only' },
  });
}

function parseBandOption(value: string): Band {
  const band = parseBand(value);
  if (!band) {
    throw new InputError({
      message: `--band ${value} is not a band`,
      expected: 'a fraction below 1 such as 0.02, or absolute/relative such as 0.05/0.25',
      ko: {
        message: `--band ${withJosa(value, '은/는')} 밴드가 아닙니다`,
        expected: '0.02 같은 1 미만의 소수, 또는 0.05/0.25 같은 절대/상대 밴드',
      },
    });
  }
  return band;
}

function parseCandidates(value: string | number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 20) {
    throw new InputError({
      message: `--candidates ${value} is not a number of candidates`,
      expected: 'a whole number from 1 to 20',
      ko: {
        message: `--candidates ${withJosa(value, '은/는')} 후보 수가 아닙니다`,
        expected: '1에서 20 사이의 정수',
      },
    });
  }
  return n;
}

function parseCostBps(value: string | number): number {
  const n = typeof value === 'number' ? value : value.trim() === '' ? Number.NaN : Number(value);
  // 1,000 bp is 10% of every order: beyond that it is a typo (a percentage written as bp), not a cost.
  if (!Number.isFinite(n) || n < 0 || n > 1000) {
    throw new InputError({
      message: `--cost-bps ${value} is not a cost in basis points`,
      expected: 'a number from 0 to 1000, e.g. 25 for 0.25% of each order',
      ko: {
        message: `--cost-bps ${withJosa(value, '은/는')} 베이시스 포인트 단위의 비용이 아닙니다`,
        expected: '0에서 1000 사이의 숫자, 예: 주문마다 0.25%이면 25',
      },
    });
  }
  return n;
}

/** Written before the orders CSV so that Excel reads it as UTF-8; `journal record --orders` skips it. */
export const UTF8_BOM = '\uFEFF';

/**
 * A list of `AMOUNT:CCY` entries separated by commas, where amounts may use thousands commas themselves:
 * `5,000,000:KRW,1000:USD` is two entries. A comma ends an entry only after its `:CCY`, so a part without a colon
 * belongs to the amount that follows it.
 */
export function parseMoneyList(text: string, option: string): Money[] {
  const entries: string[] = [];
  let pending = '';
  for (const part of text.split(',')) {
    pending = pending ? `${pending},${part}` : part;
    if (part.includes(':')) {
      entries.push(pending);
      pending = '';
    }
  }
  if (pending) entries.push(pending);
  return entries.map((e) => parseMoney(e, option, text));
}

/**
 * `5000000:KRW`, `5,000,000:KRW`, `1234.5:usd`, `5_000_000:KRW` → Money. Thousands commas must group by three.
 * `whole` is the option's full value, shown in the error when the entry is one of several.
 */
export function parseMoney(text: string, option: string, whole: string = text): Money {
  const m = /^\s*(\d{1,3}(?:,\d{3})+|[0-9_]+)(\.[0-9]+)?\s*:\s*([A-Za-z]{3})\s*$/.exec(text);
  const amount = m ? Number(`${(m[1] as string).replace(/[_,]/g, '')}${m[2] ?? ''}`) : Number.NaN;
  const currency = m ? (m[3] as string).toUpperCase() : '';
  if (!m || !(amount > 0) || !isCurrencyCode(currency)) {
    const one = whole.trim() === text.trim();
    const entry = one ? '' : ` (the entry "${text.trim()}")`;
    throw new InputError({
      message: `${option} ${whole} is not an amount with a currency${entry}`,
      expected:
        'AMOUNT:CCY with a positive amount, e.g. 5000000:KRW, 5,000,000:KRW or 1500.50:USD; several separated by commas',
      ko: {
        message: `${option} ${withJosa(whole, '은/는')} 통화가 붙은 금액이 아닙니다${one ? '' : ` (항목 "${text.trim()}")`}`,
        expected:
          '0보다 큰 금액:통화, 예: 5000000:KRW, 5,000,000:KRW 또는 1500.50:USD; 여러 개는 쉼표로 구분',
      },
    });
  }
  return { amount, currency };
}
