/**
 * Hypothetical stress scenarios: a set of shocks, each with its reason, applied to priced positions. Pure data in,
 * impacts out; the files are read and validated by `src/adapters/config/scenario-file.ts`.
 *
 * A price shock is the fractional move of the listing's price in its own currency (−0.4 = falls 40%). It selects
 * positions by instrument, sleeve, country, or sleeve and country; the most specific match wins:
 * instrument > sleeve+country > sleeve > country. Cash has no price: only currency shocks move it.
 *
 * A currency shock is the move of that currency's value against the US dollar (KRW −0.10 = one won buys 10% fewer
 * dollars; USD itself never moves against USD). A holding in currency C seen from base B moves by
 * (1 + m_C) / (1 + m_B): the ratio of the two currencies' moves against the dollar, so a KRW investor's dollar
 * holdings gain when the won falls.
 */
import type { CurrencyCode } from '../currency.ts';
import type { SleeveId } from '../universe.ts';
import type { Position } from '../valuation.ts';
import type { PositionImpact, ScenarioResult } from './result.ts';
import { positionImpact, summarise } from './result.ts';

export interface Shock {
  instrument?: string;
  sleeve?: SleeveId;
  country?: string;
  currency?: CurrencyCode;
  /** Fractional move: a price in its listing currency, or a currency against USD. Greater than −1. */
  move: number;
  /** Why this number: the analogue it comes from and the reasoning (and the same in Korean, when written). */
  rationale: string;
  rationaleKo?: string;
}

export interface ScenarioSource {
  /** What the analogue is (e.g. "Nasdaq-100 (QQQ) 2000-03-27 → 2002-10-09, bundled prices/QQQ.csv"). */
  label: string;
  /** The number it gives (e.g. "−83.0%"). */
  figure: string;
  note?: string;
  /** The same in Korean, when written. */
  labelKo?: string;
  figureKo?: string;
  noteKo?: string;
}

export interface Scenario {
  id: string;
  name: string;
  nameKo?: string;
  description: string;
  descriptionKo?: string;
  sources: ScenarioSource[];
  shocks: Shock[];
  /** Where it was read from (`bundled:data/scenarios/ai-bubble.json` or the user's path). */
  origin: string;
}

export type ShockRule = 'instrument' | 'sleeve+country' | 'sleeve' | 'country' | 'look-through';

export interface MatchedShock {
  rule: ShockRule;
  move: number;
  rationale: string;
  rationaleKo?: string;
}

/** The price shock that applies to a position, or undefined when none matches (the position is held flat). */
export function priceShockFor(
  scenario: Scenario,
  p: Pick<Position, 'symbol' | 'sleeve' | 'country' | 'kind'>,
): MatchedShock | undefined {
  if (p.kind === 'cash') return undefined;
  let best: { rank: number; shock: Shock; rule: ShockRule } | undefined;
  for (const s of scenario.shocks) {
    const m = matchRule(s, p);
    if (!m) continue;
    if (!best || m.rank < best.rank) best = { rank: m.rank, shock: s, rule: m.rule };
  }
  return (
    best && {
      rule: best.rule,
      move: best.shock.move,
      rationale: best.shock.rationale,
      ...(best.shock.rationaleKo ? { rationaleKo: best.shock.rationaleKo } : {}),
    }
  );
}

function matchRule(
  s: Shock,
  p: Pick<Position, 'symbol' | 'sleeve' | 'country'>,
): { rank: number; rule: ShockRule } | undefined {
  if (s.currency !== undefined) return undefined;
  if (s.instrument !== undefined) {
    return s.instrument.toUpperCase() === p.symbol.toUpperCase()
      ? { rank: 0, rule: 'instrument' }
      : undefined;
  }
  if (s.sleeve !== undefined && s.country !== undefined) {
    return s.sleeve === p.sleeve && s.country === p.country ? { rank: 1, rule: 'sleeve+country' } : undefined;
  }
  if (s.sleeve !== undefined) return s.sleeve === p.sleeve ? { rank: 2, rule: 'sleeve' } : undefined;
  if (s.country !== undefined) return s.country === p.country ? { rank: 3, rule: 'country' } : undefined;
  return undefined;
}

/** A currency's shocked move against USD (0 when the scenario does not move it, and always 0 for USD). */
export function currencyMove(
  scenario: Scenario,
  currency: CurrencyCode,
): { move: number; rationale?: string } {
  if (currency === 'USD') return { move: 0 };
  const s = scenario.shocks.find((x) => x.currency === currency);
  return s ? { move: s.move, rationale: s.rationale } : { move: 0 };
}

/** Factor by which a value in `currency` changes when counted in `base`: (1 + m_currency) / (1 + m_base). */
export function fxFactor(scenario: Scenario, currency: CurrencyCode, base: CurrencyCode): number {
  if (currency === base) return 1;
  return (1 + currencyMove(scenario, currency).move) / (1 + currencyMove(scenario, base).move);
}

/** What a fund holds, for the shocks: each part's symbol, sleeve, country and share of the fund. */
export type FundParts = (
  p: Position,
) => readonly { symbol: string; sleeve: SleeveId; country: string | null; share: number }[] | undefined;

/**
 * A fund with look-through data moves as what it holds: the share-weighted move of the shocks that match each part
 * (a shock naming the fund itself still wins). Parts no shock matches are held flat.
 */
function lookThroughShock(scenario: Scenario, p: Position, parts: FundParts): MatchedShock | undefined {
  const own = priceShockFor(scenario, p);
  if (own?.rule === 'instrument') return own;
  const ps = parts(p);
  if (!ps?.length) return own;
  let move = 0;
  let matched = 0;
  for (const part of ps) {
    const m = priceShockFor(scenario, { ...part, kind: 'security' });
    if (!m) continue;
    move += part.share * m.move;
    matched += part.share;
  }
  if (matched === 0) return own;
  return {
    rule: 'look-through',
    move,
    rationale: `what ${p.symbol} holds, shocked part by part (${(matched * 100).toFixed(1)}% of the fund matched a shock)`,
  };
}

export function applyScenario(
  scenario: Scenario,
  positions: readonly Position[],
  total: number,
  base: CurrencyCode,
  parts: FundParts = () => undefined,
): ScenarioResult {
  const unshocked: string[] = [];
  const impacts = positions.map((p): PositionImpact => {
    const shock = p.kind === 'cash' ? undefined : lookThroughShock(scenario, p, parts);
    if (!shock && p.kind !== 'cash') unshocked.push(p.symbol);
    const priceMove = shock?.move ?? 0;
    const fx = fxFactor(scenario, p.currency, base);
    return positionImpact(p, {
      priceMove,
      fxFactor: fx,
      fxMove: fx - 1,
      rule: p.kind === 'cash' ? 'cash' : (shock?.rule ?? 'none'),
      rationale: shock?.rationale ?? null,
      rationaleKo: shock?.rationaleKo ?? null,
      proxy: null,
    });
  });
  return summarise({
    id: scenario.id,
    kind: 'hypothetical',
    total,
    impacts,
    proxies: [],
    unshocked,
  });
}
