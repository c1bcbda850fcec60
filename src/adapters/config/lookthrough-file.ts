/**
 * Loads fund look-through files: the bundled `data/lookthrough.json` (published holdings, each fund dated and
 * sourced) and the user's own, which adds funds or replaces a bundled fund whole. Percentages in the file (as fact
 * sheets print them) become fractions here; every symbol must be one the universe knows, so "Apple" for AAPL is an
 * error rather than a silent 0% Mag7.
 */

import { z } from 'zod';
import { InputError } from '../../core/errors.ts';
import type { FundLookThrough } from '../../core/lookthrough.ts';
import { lookThroughByRule } from '../../core/lookthrough.ts';
import type { Instrument, Universe } from '../../core/universe.ts';
import { buildUniverse, resolveSymbol } from '../../core/universe.ts';
import { withJosa } from '../../i18n/josa.ts';
import { packageFile } from '../package-files.ts';
import { readJsonFile } from './json-file.ts';
import { businessCountry, CLASSIFIED_SLEEVES } from './schemas.ts';

export const BUNDLED_LOOK_THROUGH = packageFile('data/lookthrough.json');

const pct = z
  .number()
  .min(0, 'expected a percentage from 0 to 100')
  .max(100, 'expected a percentage from 0 to 100');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD');

const fundSchema = z
  .object({
    fund: z.string().min(1),
    name: z.string().optional(),
    asOf: isoDate,
    source: z.string().min(1, 'say where the figures come from'),
    basis: z.string().optional(),
    holdings: z.array(z.object({ symbol: z.string().min(1), pct })).default([]),
    rest: z.record(z.enum(CLASSIFIED_SLEEVES), pct).optional(),
    countries: z.record(businessCountry, pct).optional(),
  })
  .strict();

const fileSchema = z.object({ $comment: z.string().optional(), funds: z.array(fundSchema) }).strict();

/** Rounding in published figures: sums may miss 100% by this much (percentage points). */
const SUM_TOLERANCE = 1.5;

type RawFund = z.infer<typeof fundSchema>;

/**
 * Reads one look-through file against the instruments it will be used with: symbols are resolved (so `005930`,
 * `A005930` work), and the sums checked.
 */
export function readLookThrough(
  file: string,
  instruments: readonly Instrument[],
  universe: Universe = buildUniverse(instruments),
): FundLookThrough[] {
  const raw = readJsonFile(file, fileSchema, 'look-through');
  return raw.funds.map((f, i) => toFund(f, `funds.${i}`, file, universe));
}

function toFund(
  f: RawFund,
  at: string,
  file: string,
  universe: ReturnType<typeof buildUniverse>,
): FundLookThrough {
  const fail = (
    path: string,
    message: string,
    expected: string | undefined,
    ko: { message: string; expected?: string },
  ): never => {
    const where = `${at}${path ? `.${path}` : ''}`;
    throw new InputError({
      file,
      message: `look-through file: ${where}: ${message}`,
      ...(expected ? { expected } : {}),
      ko: { ...ko, message: `펀드 구성(look-through) 파일: ${where}: ${ko.message}` },
    });
  };
  const known = (written: string, path: string): string =>
    resolveSymbol(universe, written) ??
    fail(
      path,
      `${written} is not in the instrument universe`,
      'a symbol the universe knows (NVDA, 005930.KS), or add it with --universe FILE',
      {
        message: `${withJosa(written, '은/는')} 종목 유니버스에 없습니다`,
        expected: '유니버스가 아는 종목코드 (NVDA, 005930.KS), 또는 --universe FILE로 추가',
      },
    );
  const fund = known(f.fund, 'fund');
  const seen = new Set<string>();
  const holdings = f.holdings.map((h, j) => {
    const symbol = known(h.symbol, `holdings.${j}.symbol`);
    if (seen.has(symbol))
      fail(`holdings.${j}.symbol`, `${symbol} is listed twice`, undefined, {
        message: `${withJosa(symbol, '이/가')} 두 번 나옵니다`,
      });
    seen.add(symbol);
    return { symbol, weight: h.pct / 100 };
  });
  const named = f.holdings.reduce((s, h) => s + h.pct, 0);
  if (named > 100 + SUM_TOLERANCE)
    fail('holdings', `the holdings add up to ${round(named)}%`, 'at most 100%', {
      message: `보유 종목 비중의 합이 ${round(named)}%입니다`,
      expected: '100% 이하',
    });
  if (f.rest) {
    const all = named + Object.values(f.rest).reduce((s, x) => s + (x ?? 0), 0);
    if (Math.abs(all - 100) > SUM_TOLERANCE)
      fail(
        'rest',
        `holdings and rest add up to ${round(all)}%`,
        '100% (the rest covers what the holdings do not)',
        {
          message: `holdings와 rest의 합이 ${round(all)}%입니다`,
          expected: '100% (rest는 holdings가 다루지 않는 부분입니다)',
        },
      );
  }
  if (f.countries) {
    const all = Object.values(f.countries).reduce((s, x) => s + (x ?? 0), 0);
    if (Math.abs(all - 100) > SUM_TOLERANCE)
      fail('countries', `the countries add up to ${round(all)}%`, '100%', {
        message: `국가 비중의 합이 ${round(all)}%입니다`,
        expected: '100%',
      });
  }
  return {
    fund,
    asOf: f.asOf,
    source: f.source,
    holdings,
    ...(f.rest ? { rest: fractions(f.rest) } : {}),
    ...(f.countries ? { countries: fractions(f.countries) as Record<string, number> } : {}),
    ...(f.basis ? { basis: f.basis } : {}),
  };
}

const round = (x: number) => Math.round(x * 100) / 100;

function fractions<K extends string>(m: Partial<Record<K, number>>): Partial<Record<K, number>> {
  const out: Partial<Record<K, number>> = {};
  for (const [k, v] of Object.entries(m) as [K, number][]) out[k] = v / 100;
  return out;
}

/**
 * The bundled look-through, then the user's file: a fund in the user's file replaces the bundled one whole; then, for
 * a listing with none, the fund its rule names (a KRX Nasdaq-100 ETF as QQQ, a leveraged one at 2×).
 */
export function loadLookThrough(
  instruments: readonly Instrument[],
  userFile?: string,
  /** `buildUniverse(instruments)` when the caller has it already (built once, not once per file). */
  universe: Universe = buildUniverse(instruments),
): Map<string, FundLookThrough> {
  const out = new Map<string, FundLookThrough>();
  for (const f of readLookThrough(BUNDLED_LOOK_THROUGH, instruments, universe)) out.set(f.fund, f);
  if (userFile) for (const f of readLookThrough(userFile, instruments, universe)) out.set(f.fund, f);
  // Then the listings whose rule names a fund for their index (data/classification.json `lookThrough`).
  for (const [fund, f] of lookThroughByRule(universe.instruments.values(), out)) out.set(fund, f);
  return out;
}
