/**
 * Relative strength of a basket against a benchmark over windows ending at the as-of date:
 *   excess = basket return − benchmark return (in return points: 0.05 = five percentage points ahead),
 *   ratio  = (1 + basket return) / (1 + benchmark return) (above 1 = ahead).
 * Both legs are price returns in the same base currency, from basketReturn (basket.ts), over the same window.
 */

import type { IsoDate } from '../dates.ts';
import { fromDay } from '../dates.ts';
import type { BasketMember, BasketReturn, PriceContext } from './basket.ts';
import { basketPath, basketReturn } from './basket.ts';
import { monthsBefore } from './window.ts';

export interface PathPoint {
  date: IsoDate;
  basket: number;
  benchmark: number;
  /** basket / benchmark: above 1 = the basket is ahead since the window's start. */
  relative: number;
}

export interface RelativeWindow {
  months: number;
  start: IsoDate;
  end: IsoDate;
  basket: BasketReturn;
  benchmark: BasketReturn;
  /** Undefined when either leg has no return. */
  excess?: number;
  ratio?: number;
  /** Daily path for charts, when asked for this window. */
  path?: PathPoint[];
}

export interface PathRequest {
  /** The trading days to draw on (the benchmark's closes). */
  calendar: Int32Array;
  /** Which window gets a path (the longest, normally). */
  months: number;
}

export function relativeStrength(
  ctx: PriceContext,
  basket: readonly BasketMember[],
  benchmark: readonly BasketMember[],
  asOfDay: number,
  windows: readonly number[],
  path?: PathRequest,
): RelativeWindow[] {
  return windows.map((months) => {
    const startDay = monthsBefore(asOfDay, months);
    const b = basketReturn(ctx, basket, startDay, asOfDay);
    const m = basketReturn(ctx, benchmark, startDay, asOfDay);
    const w: RelativeWindow = {
      months,
      start: fromDay(startDay),
      end: fromDay(asOfDay),
      basket: b,
      benchmark: m,
    };
    if (b.return !== undefined && m.return !== undefined) {
      w.excess = b.return - m.return;
      w.ratio = (1 + b.return) / (1 + m.return);
    }
    if (path && path.months === months && w.excess !== undefined) {
      const bp = basketPath(ctx, b, path.calendar, startDay, asOfDay);
      const mp = basketPath(ctx, m, path.calendar, startDay, asOfDay);
      // Both paths walk the same calendar between the same two days, so they line up point for point.
      w.path = bp.map((p, i) => {
        const bench = mp[i]?.value as number;
        return { date: p.date, basket: p.value, benchmark: bench, relative: p.value / bench };
      });
    }
    return w;
  });
}
