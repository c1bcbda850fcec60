/**
 * Orders checked against the holdings they are recorded with: an order for an account the holdings do not have, or a
 * sell of more units than the account holds, means the orders file belongs to another portfolio (or was edited by
 * hand) and would leave a journal month that contradicts itself. Buys of symbols not held are fine (new positions).
 */

import { InputError } from '../../core/errors.ts';
import type { JournalOrder } from '../../core/journal.ts';
import { particle, withJosa } from '../../i18n/josa.ts';

export interface HeldPosition {
  account: string;
  symbol: string;
  quantity: number;
}

/** An order with where it came from: a file line, or (orders passed in memory) its 1-based position. */
export interface LocatedOrder {
  line?: number;
  order: JournalOrder;
}

// Fractional units (crypto) are summed in floating point: a sell of exactly the holding must not fail on the last bit.
const EPSILON = 1e-9;

/** Throws an InputError at the first order that the holdings cannot carry; `file` names the orders file if any. */
export function checkOrdersAgainstHoldings(
  orders: readonly LocatedOrder[],
  holdings: readonly HeldPosition[],
  file: string | undefined,
): void {
  const accounts = [...new Set(holdings.map((h) => h.account))];
  const held = new Map<string, number>();
  for (const h of holdings) held.set(key(h), (held.get(key(h)) ?? 0) + h.quantity);
  const sold = new Map<string, number>();
  orders.forEach(({ line, order: o }, i) => {
    const where = line === undefined ? `order ${i + 1}: ` : '';
    const whereKo = line === undefined ? `주문 ${i + 1}: ` : '';
    if (!accounts.includes(o.account)) {
      throw new InputError({
        file,
        line,
        column: line === undefined ? undefined : 1,
        message: `${where}account "${o.account}" is not among the holdings' accounts`,
        expected: `one of: ${accounts.join(', ')}`,
        hint: 'record the orders with the holdings they were computed from',
        ko: {
          message: `${whereKo}계좌 "${o.account}"${particle(o.account, '은/는')} 보유 내역의 계좌가 아닙니다`,
          expected: `다음 중 하나: ${accounts.join(', ')}`,
          hint: '주문을 계산한 그 보유 내역과 함께 기록하세요',
        },
      });
    }
    if (o.side !== 'sell') return;
    const k = key(o);
    const total = (sold.get(k) ?? 0) + o.quantity;
    sold.set(k, total);
    const have = held.get(k) ?? 0;
    if (total > have * (1 + EPSILON) + EPSILON) {
      const earlier = total - o.quantity;
      throw new InputError({
        file,
        line,
        column: line === undefined ? undefined : 4,
        message:
          `${where}sells ${total} ${o.symbol} in "${o.account}"${earlier > 0 ? ` (with the sells above)` : ''}, ` +
          `but the account holds ${have}`,
        expected: `at most ${have} units sold`,
        ko: {
          message:
            `${whereKo}"${o.account}"에서 ${withJosa(o.symbol, '을/를')} ${total}주 매도하지만${earlier > 0 ? ' (위의 매도 포함)' : ''} ` +
            `계좌 보유량은 ${have}입니다`,
          expected: `최대 ${have}단위 매도`,
        },
      });
    }
  });
}

function key(p: { account: string; symbol: string }): string {
  return `${p.account}\u0000${p.symbol}`;
}
