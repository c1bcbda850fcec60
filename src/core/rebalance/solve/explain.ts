/**
 * Explanations as typed notices: which goals the orders could not meet and the best figure they reach, what keeping
 * the holdings outside the model costs, which named instruments were passed over and why. Measured on the holdings
 * after the orders (verify.ts), never on the solver's own arithmetic, so a notice cannot contradict `check`.
 */
import type { CheckReport } from '../../check.ts';
import { companyKey, type InstrumentOf } from '../../concentration.ts';
import type { CurrencyCode } from '../../currency.ts';
import type { SleeveId } from '../../universe.ts';
import type { GoalMiss, Order, RebalanceMode, RebalanceWarning } from '../types.ts';
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

export function explain(ctx: {
  frame: Frame;
  placement: Placement;
  misses: readonly GoalMiss[];
  solved: boolean;
  short: readonly { account: string; currency: CurrencyCode; amount: number }[];
  otherShare: number;
  mode: RebalanceMode;
  /** Whether money may move between accounts (`--transfers`). */
  transfers: boolean;
}): RebalanceWarning[] {
  const out: RebalanceWarning[] = [];
  if (!ctx.solved) out.push({ code: 'solver-failed' });
  // Everything is kept as it is and there is no cash: there is nothing the orders could move.
  if (ctx.frame.other === 'keep' && ctx.otherShare >= 1 - 1e-12) {
    out.push({ code: 'nothing-investable' });
    return out;
  }
  if (ctx.otherShare > 0) {
    out.push({
      code: 'other-policy',
      policy: ctx.frame.other,
      share: ctx.otherShare,
      rest: 1 - ctx.otherShare,
    });
  }
  for (const m of ctx.misses) out.push(missNotice(m, ctx));
  for (const [sleeve, tried] of ctx.placement.passedOver) {
    out.push({ code: 'named-passed-over', sleeve: sleeve as SleeveId, passed: tried });
  }
  const levers = leversLeft(ctx);
  if (levers.length && ctx.misses.some((m) => m.kind !== 'fill')) out.push({ code: 'levers', levers });
  for (const s of ctx.short) {
    out.push({ code: 'funding-short', account: s.account, amount: s.amount, currency: s.currency });
  }
  return out;
}

/** The options that loosen what held the orders back, by what this run shows held them back. */
export type Lever = 'other' | 'prices' | 'account-markets' | 'transfers';

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
  return {
    code: 'goal-missed',
    kind: m.kind,
    key: m.key,
    ...(m.kind.startsWith('sleeve') ? { sleeve: m.key as SleeveId } : {}),
    limit: m.limit,
    reached: m.reached,
    otherShare: ctx.otherShare,
    why,
  };
}
