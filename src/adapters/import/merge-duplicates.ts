/**
 * Rows for the same account and instrument (or the same account and cash currency) are summed into one holding.
 * Exports do split a position over rows (separate tax lots, a copy-paste of two statements), and summing is what the
 * user means; but it might also be an accidental double paste, so we always say so in a `duplicate-rows` warning.
 */
import { InputError } from '../../core/errors.ts';
import type { Holding } from '../../core/holdings.ts';
import type { Warning } from '../../core/warnings.ts';
import { roundQuantity } from './numbers.ts';

export function mergeDuplicates(
  holdings: readonly Holding[],
  file: string,
): { holdings: Holding[]; warnings: Warning[] } {
  const groups = new Map<string, { merged: Holding; lines: number[] }>();
  for (const h of holdings) {
    const key = keyOf(h);
    const group = groups.get(key);
    if (!group) {
      groups.set(key, { merged: { ...h, origin: { ...h.origin } }, lines: [h.origin.line] });
      continue;
    }
    group.lines.push(h.origin.line);
    const m = group.merged;
    if (m.kind === 'cash' && h.kind === 'cash') {
      m.amount = roundQuantity(m.amount + h.amount);
    } else if (m.kind === 'security' && h.kind === 'security') {
      if (m.currency && h.currency && m.currency !== h.currency) {
        throw new InputError({
          file,
          line: h.origin.line,
          message: `${h.symbol} in account ${h.account} is in ${h.currency} here but in ${m.currency} on line ${m.origin.line}`,
          expected: 'the same currency on every row of one symbol and account',
          ko: {
            message: `${h.account} 계좌의 ${h.symbol} 종목이 여기서는 ${h.currency}, ${m.origin.line}행에서는 ${m.currency}입니다`,
            expected: '한 계좌의 같은 종목은 모든 행에서 같은 통화',
          },
        });
      }
      m.quantity = roundQuantity(m.quantity + h.quantity);
      m.currency ??= h.currency;
      m.name ??= h.name;
    }
  }

  const warnings: Warning[] = [];
  for (const { merged, lines } of groups.values()) {
    if (lines.length < 2) continue;
    const total = merged.kind === 'cash' ? merged.amount : merged.quantity;
    warnings.push({
      code: 'duplicate-rows',
      symbol: merged.kind === 'cash' ? merged.currency : merged.symbol,
      ...(merged.kind === 'cash' ? { currency: merged.currency } : {}),
      account: merged.account,
      file,
      line: lines[0] as number,
      lines,
      total,
    });
  }
  return { holdings: [...groups.values()].map((g) => g.merged), warnings };
}

/** Same account, same symbol once trimmed and upper-cased (`nvda` = `NVDA`); cash by currency. */
function keyOf(h: Holding): string {
  return h.kind === 'cash'
    ? `cash\u0000${h.account}\u0000${h.currency}`
    : `security\u0000${h.account}\u0000${h.symbol.trim().toUpperCase()}`;
}
