/**
 * What a stress scenario did to a portfolio: per position, per sleeve, the worst five, in the base currency. Shared by
 * hypothetical shocks and historical replays so both read the same way.
 *
 * Sign convention: `loss` is what the portfolio loses (value before − value after), so a loss is positive and a
 * scenario that makes money shows a negative loss. `lossPct` is the loss as a fraction of the value it is about.
 */
import type { CurrencyCode } from '../currency.ts';
import type { SleeveId } from '../universe.ts';
import { MODEL_SLEEVES, OUTSIDE_SLEEVES } from '../universe.ts';

/** How a position's move was decided: a shock's rule, its own history, a proxy's history, or cash (FX only). */
export type ImpactRule =
  | 'instrument'
  | 'sleeve+country'
  | 'sleeve'
  | 'country'
  | 'look-through'
  | 'none'
  | 'cash'
  | 'history'
  | 'proxy'
  | 'flat';

export interface PositionImpact {
  account: string;
  symbol: string;
  name: string | null;
  /** The universe's Korean name, when it has one. */
  nameKo: string | null;
  sleeve: SleeveId;
  country: string | null;
  currency: CurrencyCode;
  /** Value in base before and after. */
  value: number;
  after: number;
  loss: number;
  /** The price's move in its own currency, and the currency's move against the base. */
  priceMove: number;
  fxMove: number;
  rule: ImpactRule;
  rationale: string | null;
  rationaleKo: string | null;
  /** The symbol whose history stood in for this one (historical replays only). */
  proxy: string | null;
}

/** How one position moves: its price in its own currency, and the factor its currency's move applies in base. */
export interface PositionMove {
  priceMove: number;
  /** The value in base is multiplied by this (1 + fxMove, passed as computed so no rounding creeps in). */
  fxFactor: number;
  fxMove: number;
  rule: ImpactRule;
  rationale: string | null;
  rationaleKo?: string | null;
  proxy: string | null;
}

/** A priced position moved: value after = value × (1 + priceMove) × fxFactor; hypothetical and historical alike. */
export function positionImpact(
  p: Pick<PositionImpact, 'account' | 'symbol' | 'name' | 'sleeve' | 'country' | 'currency' | 'value'> & {
    nameKo?: string | null;
  },
  m: PositionMove,
): PositionImpact {
  const after = p.value * (1 + m.priceMove) * m.fxFactor;
  return {
    account: p.account,
    symbol: p.symbol,
    name: p.name,
    nameKo: p.nameKo ?? null,
    sleeve: p.sleeve,
    country: p.country,
    currency: p.currency,
    value: p.value,
    after,
    loss: p.value - after,
    priceMove: m.priceMove,
    fxMove: m.fxMove,
    rule: m.rule,
    rationale: m.rationale,
    rationaleKo: m.rationaleKo ?? null,
    proxy: m.proxy,
  };
}

export interface ProxyUse {
  symbol: string;
  /** null: held flat (no proxy with history; only bond funds in a model sleeve without backtest proxies). */
  proxy: string | null;
  sleeve: SleeveId;
  reason: 'no-history' | 'short-history';
}

export interface SleeveImpact {
  id: SleeveId;
  value: number;
  loss: number;
  /** Loss as a fraction of the sleeve's own value. */
  lossPct: number;
  /** Loss as a fraction of the whole portfolio: these add up to the portfolio's lossPct. */
  ofTotal: number;
}

export interface ScenarioResult {
  id: string;
  kind: 'hypothetical' | 'historical';
  total: number;
  after: number;
  loss: number;
  lossPct: number;
  bySleeve: SleeveImpact[];
  /** Up to five positions with the largest positive loss, largest first. */
  worst: PositionImpact[];
  positions: PositionImpact[];
  proxies: ProxyUse[];
  /** Securities no shock matched (held flat): a scenario file the user may want to extend. */
  unshocked: string[];
}

const SLEEVE_ORDER: readonly string[] = [...MODEL_SLEEVES, ...OUTSIDE_SLEEVES];
export const WORST_COUNT = 5;

export function summarise(input: {
  id: string;
  kind: ScenarioResult['kind'];
  total: number;
  impacts: PositionImpact[];
  proxies: ProxyUse[];
  unshocked: string[];
}): ScenarioResult {
  const { total, impacts } = input;
  const after = impacts.reduce((s, x) => s + x.after, 0);
  const loss = total - after;
  const sleeves = new Map<SleeveId, { value: number; loss: number }>();
  for (const x of impacts) {
    const s = sleeves.get(x.sleeve) ?? { value: 0, loss: 0 };
    s.value += x.value;
    s.loss += x.loss;
    sleeves.set(x.sleeve, s);
  }
  const bySleeve = [...sleeves.entries()]
    .sort(([a], [b]) => SLEEVE_ORDER.indexOf(a) - SLEEVE_ORDER.indexOf(b))
    .map(([id, s]) => ({
      id,
      value: s.value,
      loss: s.loss,
      lossPct: s.value > 0 ? s.loss / s.value : 0,
      ofTotal: total > 0 ? s.loss / total : 0,
    }));
  const worst = impacts
    .filter((x) => x.loss > 0)
    .sort((a, b) => b.loss - a.loss)
    .slice(0, WORST_COUNT);
  return {
    id: input.id,
    kind: input.kind,
    total,
    after,
    loss,
    lossPct: total > 0 ? loss / total : 0,
    bySleeve,
    worst,
    positions: impacts,
    proxies: input.proxies,
    unshocked: input.unshocked,
  };
}
