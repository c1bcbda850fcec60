/**
 * Risk figures of the portfolio as it stands: today's weights held constant over the last three years of daily
 * history (rebalanced daily to those weights), returns counted in the base currency with FX included.
 *
 * Choices, stated once:
 * - Window: from the same calendar date three years before the as-of date. A holding whose history starts later
 *   but at least a year before the as-of date shortens the window to its first close (and the result says so); one
 *   with less than a year is replaced by its sleeve's proxy (proxy.ts) so one recent listing cannot shrink the window
 *   to a few weeks.
 * - Calendar: every day on which any series used has a close. A market closed that day (a Korean holiday on a US
 *   trading day) carries its last close forward, i.e. contributes a zero return that day.
 * - Volatility: sample standard deviation (n − 1) of daily returns × √252.
 * - VaR/CVaR: historical (stats.ts), 1 day from daily returns and 1 month from overlapping 21-day compounded returns
 *   (no √21 scaling: fat tails and autocorrelation stay in the data). Reported as positive loss fractions and in base.
 * - Contribution to risk: Euler, w_S·cov(r_S, r_p) / var(r_p) per sleeve; they sum to 1.
 * - Currency: the same portfolio with every exchange rate held at its level (local-currency returns) gives the
 *   volatility without FX; the currency share of variance is cov(r_p, r_p − r_local) / var(r_p), FX moves and their
 *   cross term with prices together. Negative means currency moves damped the risk (a won investor's dollar assets
 *   rising in won when US stocks fall).
 */
import type { CurrencyCode } from '../currency.ts';
import { fromDay, parseIsoDay } from '../dates.ts';
import { InputError } from '../errors.ts';
import { fxRate } from '../fx.ts';
import type { MarketData } from '../market.ts';
import type { Model } from '../model.ts';
import type { Series } from '../series.ts';
import { onOrBefore } from '../series.ts';
import { correlation, covariance, sampleSd, TRADING_DAYS } from '../stats/moments.ts';
import type { SleeveId } from '../universe.ts';
import { MODEL_SLEEVES, OUTSIDE_SLEEVES } from '../universe.ts';
import type { Position } from '../valuation.ts';
import { proxyFor } from './proxy.ts';
import type { ProxyUse } from './result.ts';
import { historicalVar, overlappingReturns } from './stats.ts';

export const RISK_YEARS = 3;
export const MONTH_DAYS = 21;
/** Fewer daily returns than this (a quarter) and the figures would mean little: none are reported. */
export const MIN_OBSERVATIONS = 63;
/** A history shorter than this before the as-of date is replaced by a proxy instead of shortening the window. */
const MIN_OWN_HISTORY_DAYS = 365;
const CONFIDENCES = [95, 99] as const;

export interface VarFigure {
  confidence: number;
  horizon: '1d' | '1m';
  var: number;
  cvar: number;
  varAmount: number;
  cvarAmount: number;
  /** Returns the figure was read from, and how many of them are in the tail. */
  observations: number;
  tail: number;
}

export interface SleeveRisk {
  id: SleeveId;
  weight: number;
  /** The sleeve's own annualised volatility in base. */
  volatility: number;
  /** Euler share of the portfolio's variance. */
  contribution: number;
}

export interface RiskFigures {
  from: string;
  to: string;
  /** The three-year start that was asked for; `from` is later when a history was shorter. */
  requestedFrom: string;
  shortened: boolean;
  /** The holding whose history set `from`, when shortened. */
  limitedBy: string | null;
  observations: number;
  dailyVolatility: number;
  volatility: number;
  var: VarFigure[];
  sleeves: SleeveRisk[];
  correlation: { sleeves: SleeveId[]; matrix: (number | null)[][] };
  currency: { volatility: number; volatilityWithoutFx: number; fxShare: number };
  proxies: ProxyUse[];
  /** Currencies whose rate in the window came (partly) from monthly averages: their daily moves are understated. */
  monthlyFx: CurrencyCode[];
}

export interface RiskInput {
  positions: readonly Position[];
  total: number;
  base: CurrencyCode;
  market: MarketData;
  model: Model;
  asOf: number;
  years?: number;
}

interface Asset {
  position: Position;
  series: Series | null;
}

export function riskFigures(input: RiskInput): RiskFigures | undefined {
  const { positions, total, base, market, model, asOf } = input;
  const requested = yearsBefore(asOf, input.years ?? RISK_YEARS);
  let start = requested;
  let limitedBy: string | null = null;
  const proxies: ProxyUse[] = [];
  const assets: Asset[] = [];
  for (const p of positions) {
    if (p.kind === 'cash' || p.value === 0) {
      assets.push({ position: p, series: null });
      continue;
    }
    const own = market.prices.get(p.symbol);
    const first = own?.days[0];
    if (own && first !== undefined && first <= requested) {
      assets.push({ position: p, series: own });
    } else if (own && first !== undefined && first <= asOf - MIN_OWN_HISTORY_DAYS) {
      assets.push({ position: p, series: own });
      if (first > start) {
        start = first;
        limitedBy = p.symbol;
      }
    } else {
      const stand = proxyFor(p.sleeve, model, market, requested);
      proxies.push({ symbol: p.symbol, proxy: stand ?? null, sleeve: p.sleeve, reason: 'short-history' });
      const s = stand ? market.prices.get(stand) : undefined;
      assets.push({ position: p, series: s ?? null });
    }
  }

  const calendar = calendarOf(assets, start, asOf);
  if (calendar.length - 1 < MIN_OBSERVATIONS) return undefined;
  const n = calendar.length - 1;

  const fxCache = new Map<string, Float64Array>();
  const monthlyFx = new Set<CurrencyCode>();
  const fxLevels = (ccy: CurrencyCode): Float64Array => {
    let levels = fxCache.get(ccy);
    if (levels) return levels;
    levels = new Float64Array(calendar.length);
    for (let t = 0; t < calendar.length; t++) {
      const q = ccy === base ? undefined : fxRate(market, ccy, base, calendar[t] as number);
      if (ccy !== base && !q) {
        throw new InputError({
          message: `no ${ccy}→${base} exchange rate on or before ${fromDay(calendar[t] as number)} (risk window)`,
          hint: `put fx/USD${ccy === 'USD' ? base : ccy}.csv with three years of history in your --prices folder`,
          ko: {
            message: `${fromDay(calendar[t] as number)} 또는 그 이전의 ${ccy}→${base} 환율이 없습니다 (위험 측정 기간)`,
            hint: `3년치 기록이 있는 fx/USD${ccy === 'USD' ? base : ccy}.csv를 --prices 폴더에 넣으세요`,
          },
        });
      }
      if (q?.legs.some((l) => l.kind === 'monthly-average')) monthlyFx.add(ccy);
      levels[t] = q ? q.rate : 1;
    }
    fxCache.set(ccy, levels);
    return levels;
  };

  const rp = new Float64Array(n);
  const rl = new Float64Array(n);
  const sleeveReturns = new Map<SleeveId, { weight: number; r: Float64Array }>();
  for (const a of assets) {
    const w = total > 0 ? a.position.value / total : 0;
    const fx = fxLevels(a.position.currency);
    const s = sleeveReturns.get(a.position.sleeve) ?? { weight: 0, r: new Float64Array(n) };
    s.weight += w;
    sleeveReturns.set(a.position.sleeve, s);
    let prev = a.series ? (onOrBefore(a.series, calendar[0] as number)?.value as number) : 1;
    for (let t = 1; t <= n; t++) {
      const price = a.series ? (onOrBefore(a.series, calendar[t] as number)?.value as number) : 1;
      const local = price / prev - 1;
      const withFx = (price * (fx[t] as number)) / (prev * (fx[t - 1] as number)) - 1;
      prev = price;
      rp[t - 1] = (rp[t - 1] as number) + w * withFx;
      rl[t - 1] = (rl[t - 1] as number) + w * local;
      (s.r as Float64Array)[t - 1] = (s.r[t - 1] as number) + w * withFx;
    }
  }

  const varP = covariance(rp, rp);
  const dailyVol = Math.sqrt(varP);
  const order = [...MODEL_SLEEVES, ...OUTSIDE_SLEEVES] as SleeveId[];
  const sleeveIds = [...sleeveReturns.keys()].sort((a, b) => order.indexOf(a) - order.indexOf(b));
  // Sleeve return = its positions' weighted returns over the sleeve weight: dividing the accumulated w·r here.
  const sleeveR = new Map<SleeveId, Float64Array>();
  for (const id of sleeveIds) {
    const s = sleeveReturns.get(id) as { weight: number; r: Float64Array };
    sleeveR.set(id, s.weight > 0 ? s.r.map((x) => x / s.weight) : s.r);
  }
  const sleeves: SleeveRisk[] = sleeveIds.map((id) => {
    const s = sleeveReturns.get(id) as { weight: number; r: Float64Array };
    const r = sleeveR.get(id) as Float64Array;
    return {
      id,
      weight: s.weight,
      volatility: sampleSd(r) * Math.sqrt(TRADING_DAYS),
      contribution: varP > 0 ? (s.weight * covariance(r, rp)) / varP : 0,
    };
  });
  const matrix = sleeveIds.map((a) =>
    sleeveIds.map((b) =>
      a === b && sampleSd(sleeveR.get(a) as Float64Array) > 0
        ? 1
        : correlation(sleeveR.get(a) as Float64Array, sleeveR.get(b) as Float64Array),
    ),
  );

  const monthly = overlappingReturns(rp, MONTH_DAYS);
  const varFigures: VarFigure[] = [];
  for (const [horizon, rets] of [
    ['1d', rp],
    ['1m', monthly],
  ] as const) {
    for (const c of CONFIDENCES) {
      const v = historicalVar(rets, c);
      varFigures.push({
        confidence: c / 100,
        horizon,
        var: v.var,
        cvar: v.cvar,
        varAmount: v.var * total,
        cvarAmount: v.cvar * total,
        observations: rets.length,
        tail: v.k,
      });
    }
  }

  const fxPart = rp.map((x, i) => x - (rl[i] as number));
  return {
    from: fromDay(calendar[0] as number),
    to: fromDay(calendar[n] as number),
    requestedFrom: fromDay(requested),
    shortened: start > requested,
    limitedBy,
    observations: n,
    dailyVolatility: dailyVol,
    volatility: dailyVol * Math.sqrt(TRADING_DAYS),
    var: varFigures,
    sleeves,
    correlation: { sleeves: sleeveIds, matrix },
    currency: {
      volatility: dailyVol * Math.sqrt(TRADING_DAYS),
      volatilityWithoutFx: sampleSd(rl) * Math.sqrt(TRADING_DAYS),
      fxShare: varP > 0 ? covariance(rp, fxPart) / varP : 0,
    },
    proxies,
    monthlyFx: [...monthlyFx].sort(),
  };
}

/** The same calendar date `years` earlier (29 February falls back to the 28th). */
export function yearsBefore(day: number, years: number): number {
  const iso = fromDay(day);
  const y = Number(iso.slice(0, 4)) - years;
  const rest = iso.slice(4);
  return parseIsoDay(`${y}${rest}`) ?? (parseIsoDay(`${y}${rest.slice(0, 4)}28`) as number);
}

/** Every day in [start, end] on which at least one used series has a close. */
function calendarOf(assets: readonly Asset[], start: number, end: number): number[] {
  const days = new Set<number>();
  for (const a of assets) {
    if (!a.series) continue;
    for (const d of a.series.days) if (d >= start && d <= end) days.add(d);
  }
  return [...days].sort((a, b) => a - b);
}
