/**
 * The one JSON shape of `dispersion signals --json`, which the dashboard serves too. Shares, returns and weights are
 * fractions (0.285 = 28.5%); a reading's `value` is as its source writes it, in its `unit` (28.5 with unit percent).
 * `series` (daily paths for charts) is present only when asked for.
 */

import { staleDataAge } from '../core/data-age.ts';
import { fromDay, weekdaysBetween } from '../core/dates.ts';
import type { BasketMember, BasketReturn } from '../core/signals/basket.ts';
import type { SignalsResult } from '../core/signals/compute.ts';
import type { ShareEstimate } from '../core/signals/mag7-share.ts';
import type { Reading } from '../core/signals/readings.ts';
import type { RelativeWindow } from '../core/signals/relative-strength.ts';
import { asOfMovedLine, dataAgeLine } from '../i18n/data-age.ts';
import type { Lang } from '../i18n/format.ts';
import {
  BENCHMARK_NAMES,
  basketName,
  basketText,
  CLAIM_NAMES,
  CLAIM_RULES,
  dropReason,
  evidenceText,
  JAPAN_NO_DATA,
  REGION_NAMES,
  SHARE_METHOD,
} from '../i18n/signals.ts';

export interface SignalsDocumentOptions {
  lang: Lang;
  /** Include the daily paths each signal is computed from. */
  series: boolean;
  /** Whether the as-of date was given or defaulted to the latest S&P 500 close. */
  asOfSource: 'given' | 'latest-close';
  /**
   * The day the reader asked about (`--as-of`, or today), as a day number, and the last S&P 500 close on or before
   * it: when that close is older than 10 trading days, or the as-of was moved back to it, the document says so first.
   */
  requested?: { day: number; lastClose: number | null };
}

export function toSignalsDocument(r: SignalsResult, o: SignalsDocumentOptions) {
  const { lang } = o;
  const signals: SignalDoc[] = [];
  for (const s of r.sleeves) {
    for (const [bench, windows] of [
      ['SPY', s.vsSp500],
      ['MAG7', s.vsMag7],
    ] as const) {
      signals.push({
        id: `sleeve:${s.sleeve}:vs-${bench.toLowerCase()}`,
        kind: 'relative-strength',
        label: versus(basketName(s.sleeve, lang), BENCHMARK_NAMES[bench][lang], lang),
        status: windows.some((w) => w.excess !== undefined) ? 'ok' : 'no-data',
        basket: s.members,
        benchmark: bench,
        windows: windows.map((w) => windowDoc(w, lang)),
        ...(o.series ? { series: windows.find((w) => w.path)?.path ?? [] } : {}),
      });
    }
  }
  for (const g of r.regions) {
    signals.push({
      id: `region:${g.region}:vs-spy`,
      kind: 'relative-strength',
      label: versus(REGION_NAMES[g.region][lang], BENCHMARK_NAMES.SPY[lang], lang),
      status: g.status === 'ok' && g.vsUs.some((w) => w.excess !== undefined) ? 'ok' : 'no-data',
      basket: g.members,
      benchmark: 'SPY',
      windows: g.vsUs.map((w) => windowDoc(w, lang)),
      ...(g.region === 'japan' && g.status === 'no-data' ? { message: JAPAN_NO_DATA[lang] } : {}),
      ...(o.series && g.status === 'ok' ? { series: g.vsUs.find((w) => w.path)?.path ?? [] } : {}),
    });
  }
  const m = r.mag7Share;
  signals.push({
    id: 'mag7-share',
    kind: 'estimate',
    label: lang === 'ko' ? 'S&P 500 중 Mag7 비중 (추정)' : 'Mag7 share of the S&P 500 (estimate)',
    status: m.status,
    estimate: true,
    method: SHARE_METHOD[lang],
    anchor: m.anchor
      ? { date: m.anchor.date, share: (m.anchor.value as number) / 100, source: m.anchor.source }
      : null,
    weights: m.weights,
    current: m.current ?? null,
    sixMonthsAgo: m.ago6m ?? null,
    twelveMonthsAgo: m.ago12m ?? null,
    backcheck: m.backcheck
      ? {
          reading: m.backcheck.reading,
          readingDate: m.backcheck.readingDate,
          estimatedPeak: m.backcheck.peak ?? null,
          peakDifference: m.backcheck.peakDifference ?? null,
          estimatedAtReadingDate: m.backcheck.atDate ?? null,
          atReadingDateDifference: m.backcheck.atDateDifference ?? null,
        }
      : null,
    missing: (m.missing ?? []).map((d) => ({ ...d, message: dropReason(d.reason, d.date, lang) })),
    ...(o.series ? { series: m.series ?? [] } : {}),
  });

  const stale = o.requested ? signalsStale(o.requested, o.asOfSource, lang) : null;
  return {
    asOf: r.asOf,
    asOfSource: o.asOfSource,
    /** Set when the as-of was moved back (the last S&P 500 close) or the prices are older than 10 trading days. */
    stale,
    base: r.base,
    returns: 'price' as const,
    readings: r.readings.map(readingDoc),
    signals,
    scorecard: r.scorecard.map((s) => ({
      claim: s.claim,
      label: CLAIM_NAMES[s.claim][lang],
      verdict: s.verdict,
      reason: s.reason,
      evidence: evidenceText(s, lang),
      rule: CLAIM_RULES[s.claim][lang],
      figures: s.figures,
      /** What the verdict was measured on (symbols, weights, stand-ins with why), null for readings; and in words. */
      basket: s.basket,
      basketText: basketText(s, lang),
    })),
  };
}

export type SignalsDocument = ReturnType<typeof toSignalsDocument>;

function signalsStale(
  req: { day: number; lastClose: number | null },
  source: SignalsDocumentOptions['asOfSource'],
  lang: Lang,
) {
  if (req.lastClose === null) return null;
  const age = staleDataAge(req.day, [fromDay(req.lastClose)]);
  const moved = source === 'latest-close' && req.lastClose < req.day;
  if (!moved && age === null) return null;
  const finding = age ?? {
    date: fromDay(req.lastClose),
    days: req.day - req.lastClose,
    tradingDays: weekdaysBetween(req.lastClose, req.day),
    asOf: fromDay(req.day),
  };
  return {
    ...finding,
    /** True when the gap is past 10 trading days (an error-level age), false for a day or two without a close. */
    error: age !== null,
    moved,
    message: moved
      ? asOfMovedLine(finding.asOf, finding.date, finding.days, lang)
      : dataAgeLine(finding, lang),
  };
}

interface RelativeSignalDoc {
  id: string;
  kind: 'relative-strength';
  label: string;
  status: 'ok' | 'no-data';
  basket: BasketMember[];
  benchmark: 'SPY' | 'MAG7';
  windows: ReturnType<typeof windowDoc>[];
  message?: string;
  series?: NonNullable<RelativeWindow['path']>;
}

interface EstimateSignalDoc {
  id: 'mag7-share';
  kind: 'estimate';
  label: string;
  status: 'ok' | 'no-data';
  estimate: true;
  method: string;
  anchor: { date: string; share: number; source: Reading['source'] } | null;
  weights: BasketMember[];
  current: ShareEstimate | null;
  sixMonthsAgo: ShareEstimate | null;
  twelveMonthsAgo: ShareEstimate | null;
  backcheck: {
    reading: number;
    readingDate: string;
    estimatedPeak: ShareEstimate | null;
    peakDifference: number | null;
    estimatedAtReadingDate: ShareEstimate | null;
    atReadingDateDifference: number | null;
  } | null;
  missing: { symbol: string; reason: string; date?: string; message: string }[];
  series?: ShareEstimate[];
}

export type SignalDoc = RelativeSignalDoc | EstimateSignalDoc;

function windowDoc(w: RelativeWindow, lang: Lang) {
  return {
    months: w.months,
    start: w.start,
    end: w.end,
    basketReturn: w.basket.return ?? null,
    benchmarkReturn: w.benchmark.return ?? null,
    excess: w.excess ?? null,
    ratio: w.ratio ?? null,
    members: w.basket.members.map((m) => ({
      symbol: m.symbol,
      currency: m.currency,
      weight: m.weight,
      effectiveWeight: m.effectiveWeight,
      start: m.start,
      end: m.end,
      return: m.return,
    })),
    dropped: droppedDoc(w.basket, lang),
    benchmarkDropped: droppedDoc(w.benchmark, lang),
  };
}

function droppedDoc(b: BasketReturn, lang: Lang) {
  return b.dropped.map((d) => ({ ...d, message: dropReason(d.reason, d.date, lang) }));
}

/** A reading as the documents print it (also `signals list --json`). */
export function readingDoc(r: Reading) {
  return {
    id: r.id,
    label: r.label ?? null,
    unit: r.unit ?? null,
    date: r.date,
    period: r.period ?? null,
    value: r.value ?? null,
    high: r.high ?? null,
    atLeast: r.atLeast ?? false,
    text: r.text ?? null,
    note: r.note ?? null,
    source: r.source,
    recordedAt: r.recordedAt ?? null,
  };
}

/** A basket measured against a benchmark: "Energy vs S&P 500 (SPY)", "S&P 500 (SPY) 대비 에너지". */
function versus(basket: string, benchmark: string, lang: Lang): string {
  return lang === 'ko' ? `${benchmark} 대비 ${basket}` : `${basket} vs ${benchmark}`;
}
