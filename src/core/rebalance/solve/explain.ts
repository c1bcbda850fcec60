/**
 * Explanations as typed notices: which goals the orders could not meet and the best figure they reach, what keeping
 * the holdings outside the model costs, which named instruments were passed over and why. Measured on the holdings
 * after the orders (verify.ts), never on the solver's own arithmetic, so a notice cannot contradict `check`.
 */
import type { CheckReport } from '../../check.ts';
import { companyKey, type InstrumentOf } from '../../concentration.ts';
import type { SleeveId } from '../../universe.ts';
import type { GoalMiss, Order, PassedOver, RebalanceMode, RebalanceWarning } from '../types.ts';
import type { Frame } from './frame.ts';
import type { Goal } from './model.ts';
import type { Placement } from './placement.ts';

/** Weights within this of a limit count as on it (float sums), as in the checklist's own rules. */
const EPS = 1e-9;

/** Every goal the holdings after the orders miss, with the figure they reach. */
export function goalMisses(
  goals: readonly Goal[],
  after: CheckReport,
  orders: readonly Order[],
  instrumentOf: InstrumentOf,
): GoalMiss[] {
  const key = (symbol: string) => companyKey(instrumentOf, symbol);
  const bought = new Set(orders.filter((o) => o.side === 'buy').map((o) => key(o.symbol)));
  const securities = after.positions.filter((p) => p.kind === 'security');
  const invested = securities.reduce((a, p) => a + p.value, 0);
  const sleeve = (id: string) => after.sleeves.find((s) => s.id === id)?.weight ?? 0;
  const check = (id: string) => after.checks.find((c) => c.id === id)?.value ?? 0;
  const company = (c: string) =>
    securities.filter((p) => key(p.symbol) === c).reduce((a, p) => a + p.value, 0);
  const out: GoalMiss[] = [];
  for (const g of goals) {
    let reached: number;
    let missed: boolean;
    switch (g.kind) {
      case 'sleeve-low':
        reached = sleeve(g.key);
        missed = reached < g.limit - EPS;
        break;
      case 'sleeve-high':
        reached = sleeve(g.key);
        missed = reached > g.limit + EPS;
        break;
      case 'mag7-max':
        reached = check('mag7-max');
        missed = reached > g.limit + 1e-12;
        break;
      case 'physical-energy-min':
      case 'regional-diversification':
        reached = check(g.kind);
        missed = reached + 1e-12 < g.limit;
        break;
      case 'company-max':
        reached = invested > 0 ? company(g.key) / invested : 0;
        missed = reached > g.limit + 1e-12;
        break;
      case 'country-max':
        reached =
          invested > 0
            ? securities.filter((p) => p.country === g.key).reduce((a, p) => a + p.value, 0) / invested
            : 0;
        missed = reached > g.limit + 1e-12;
        break;
      case 'fill': {
        const [id, c] = g.key.split('\u0000') as [string, string];
        const v = securities
          .filter((p) => p.sleeve === id && key(p.symbol) === c)
          .reduce((a, p) => a + p.value, 0);
        reached = after.total > 0 ? v / after.total : 0;
        missed = bought.has(c) && reached > g.limit + EPS;
        break;
      }
    }
    if (missed) out.push({ kind: g.kind, key: g.key, limit: g.limit, reached });
  }
  return out;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export function explain(ctx: {
  frame: Frame;
  placement: Placement;
  misses: readonly GoalMiss[];
  solved: boolean;
  short: readonly { account: string; currency: string; amount: number }[];
  otherShare: number;
  mode: RebalanceMode;
  /** Whether money may move between accounts (`--transfers`). */
  transfers: boolean;
}): RebalanceWarning[] {
  const out: RebalanceWarning[] = [];
  if (!ctx.solved) {
    out.push({
      code: 'solver-failed',
      message: 'the solver found no orders; nothing is proposed',
      params: {},
    });
  }
  // Everything is kept as it is and there is no cash: there is nothing the orders could move.
  if (ctx.frame.other === 'keep' && ctx.otherShare >= 1 - 1e-12) {
    out.push({
      code: 'nothing-investable',
      message:
        'nothing to rebalance: every holding is kept (outside the model) and there is no cash; add money with --cash AMOUNT:CCY',
      params: {},
    });
    return out;
  }
  if (ctx.otherShare > 0) {
    const policy = ctx.frame.other;
    out.push({
      code: 'other-policy',
      message:
        policy === 'keep'
          ? `holdings outside the model (${pct(ctx.otherShare)} of the total) are kept (--other keep); the model's targets still apply to the whole portfolio, so its sleeves share the other ${pct(1 - ctx.otherShare)}`
          : policy === 'reduce'
            ? `holdings outside the model (${pct(ctx.otherShare)} of the total) are sold only where a limit needs it (--other reduce)`
            : `holdings outside the model (${pct(ctx.otherShare)} of the total) are sold (--other sell)`,
      params: { policy, share: ctx.otherShare, rest: 1 - ctx.otherShare },
    });
  }
  for (const m of ctx.misses) out.push(missNotice(m, ctx));
  for (const [sleeve, tried] of ctx.placement.passedOver) {
    const list = tried.map((t) => `${t.symbol} (${passedOverReason(t)})`).join(', ');
    out.push({
      code: 'named-passed-over',
      sleeve: sleeve as SleeveId,
      message: `${sleeve}: the essay's ${tried.map((t) => t.symbol).join(', ')} could not be bought: ${list}`,
      params: { symbols: tried.map((t) => t.symbol).join(', '), reasons: list },
      passed: tried,
    });
  }
  const levers = leversLeft(ctx);
  if (levers.length && ctx.misses.some((m) => m.kind !== 'fill')) {
    out.push({
      code: 'levers',
      message: `to get closer to the model, try: ${levers.map((l) => LEVER_OPTION[l]).join(', ')}`,
      params: { levers: levers.join(',') },
    });
  }
  for (const s of ctx.short) {
    out.push({
      code: 'funding-short',
      account: s.account,
      message: `${s.account} is short of ${s.amount.toFixed(2)} ${s.currency} after its own conversions`,
      params: { account: s.account, amount: s.amount, currency: s.currency },
    });
  }
  return out;
}

/** The options that loosen what held the orders back, by what this run shows held them back. */
export type Lever = 'other' | 'prices' | 'account-markets' | 'transfers';

const LEVER_OPTION: Readonly<Record<Lever, string>> = {
  other: '--other sell',
  prices: '--prices FILE (or data update)',
  'account-markets': '--account-markets NAME=MARKET',
  transfers: '--transfers',
};

/**
 * When goals are missed, the settings the user left that would give the solver more room: holdings outside the model
 * kept, the essay's names passed over for want of a price or of an account that trades them, several accounts that
 * may not pay for each other. Only those that apply to this portfolio, so the advice is never generic.
 */
function leversLeft(ctx: {
  frame: Frame;
  placement: Placement;
  otherShare: number;
  mode: RebalanceMode;
  transfers: boolean;
}): Lever[] {
  const out: Lever[] = [];
  const passed = [...ctx.placement.passedOver.values()].flat();
  if (ctx.mode === 'full' && ctx.frame.other !== 'sell' && ctx.otherShare > 0) out.push('other');
  if (passed.some((t) => t.why === 'no-price' || t.why === 'stale')) out.push('prices');
  if (passed.some((t) => t.why === 'no-account')) out.push('account-markets');
  if (!ctx.transfers && ctx.placement.markets.size > 1) out.push('transfers');
  return out;
}

function missNotice(
  m: GoalMiss,
  ctx: { otherShare: number; frame: Frame; mode: RebalanceMode },
): RebalanceWarning {
  const kept = ctx.frame.other === 'keep' && ctx.otherShare > 0;
  const why =
    ctx.mode === 'cash-only'
      ? 'cash-only'
      : kept &&
          (m.kind === 'physical-energy-min' ||
            m.kind === 'sleeve-low' ||
            m.kind === 'regional-diversification')
        ? 'other-kept'
        : 'reach';
  const params = {
    kind: m.kind,
    key: m.key,
    limit: m.limit,
    reached: m.reached,
    otherShare: ctx.otherShare,
    why,
  };
  const what = m.kind === 'fill' ? m.key.replace('\u0000', ': ') : m.key;
  const base = `${m.kind} ${what} cannot hold: the orders reach ${pct(m.reached)} against ${pct(m.limit)}`;
  const tail =
    why === 'cash-only'
      ? ' (cash-only mode sells nothing)'
      : why === 'other-kept'
        ? ` (with ${pct(ctx.otherShare)} kept in holdings outside the model)`
        : '';
  return {
    code: 'goal-missed',
    message: `${base}${tail}; these are the closest orders`,
    ...(m.kind.startsWith('sleeve') ? { sleeve: m.key as SleeveId } : {}),
    params,
  };
}

/** The English fallback for one passed-over instrument (i18n/rebalance.ts words it in the reader's language). */
function passedOverReason(t: PassedOver): string {
  switch (t.why) {
    case 'no-price':
      return 'no price on or before the as-of date';
    case 'not-in-universe':
      return 'not in the instrument universe';
    case 'stale':
      return `last close ${t.date}, ${t.age} trading days old`;
    case 'no-account':
      return `no account trades ${t.market}`;
  }
}
