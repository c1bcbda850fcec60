/**
 * The journal use cases (`dispersion journal record|list|show`, /api/journal): the monthly record of the routine. `record` runs the same check as
 * `dispersion check`, then writes the month's holdings, check results and orders in one transaction; recording a
 * month again replaces that month's record and nothing else.
 */
import { existsSync } from 'node:fs';
import { z } from 'zod';
import type { LocatedOrder } from '../adapters/orders/against-holdings.ts';
import { checkOrdersAgainstHoldings } from '../adapters/orders/against-holdings.ts';
import { readOrdersFile } from '../adapters/orders/orders-csv.ts';
import { InputError } from '../core/errors.ts';
import type { JournalMonth, JournalOrder } from '../core/journal.ts';
import { monthOf, parseMonthArg, portfolioOf, sleevesOutsideBand } from '../core/journal.ts';
import { withJosa } from '../i18n/josa.ts';
import type { ListDocument, RecordDocument, ShowDocument } from '../report/journal-document.ts';
import { toListDocument, toRecordDocument, toShowDocument } from '../report/journal-document.ts';
import { CheckRequest, runCheckCommand } from './check.ts';
import { journalPath, withJournal } from './journal.ts';
import { parseRequest } from './request.ts';
import type { HoldingsSource } from './workspace.ts';
import { openWorkspace } from './workspace.ts';

/** The month queries, loaded on use: importing the use cases (server, library) never loads SQLite or Kysely. */
const loadMonths = () => import('../adapters/store/months.ts');

/** One order as the dashboard holds it (a row of the Rebalance page), recorded without re-reading a file. */
const OrderRow = z.custom<Omit<JournalOrder, 'status'>>(
  (v) => typeof v === 'object' && v !== null && !Array.isArray(v),
  'an order row object',
);

/** The `journal record` request: the check's, plus the orders carried out (a file, or rows in memory). */
export const RecordRequest = CheckRequest.extend({
  orders: z.string().optional(),
  executed: z.boolean().optional(),
  /** Why the month is recorded as executed with no orders although a sleeve is outside its band. */
  note: z.string().optional(),
  /** Orders already in memory (the dashboard records the orders it just showed); instead of `orders`. */
  orderRows: z.array(OrderRow).optional(),
});
export type RecordOptions = z.input<typeof RecordRequest>;

/** The `journal list` and `journal show` request. */
export const JournalReadRequest = z.object({
  db: z.string().optional(),
  /** Only this portfolio's months (list), or which portfolio's month (show). */
  portfolio: z.string().optional(),
  lang: z.string().optional(),
});
export type JournalReadOptions = z.input<typeof JournalReadRequest>;

/** `--note TEXT`: trimmed; null when absent; an empty note explains nothing and is refused. */
function parseNote(value: string | undefined): string | null {
  if (value === undefined) return null;
  const t = value.trim();
  if (t === '') {
    throw new InputError({
      message: '--note is empty',
      expected: 'a short text saying why',
      ko: { message: '--note 값이 비어 있습니다', expected: '이유를 적은 짧은 글' },
    });
  }
  return t;
}

export async function runJournalRecord(
  files: readonly HoldingsSource[],
  request: RecordOptions,
  now: Date,
): Promise<RecordDocument> {
  const o = parseRequest(RecordRequest, request, 'journal record');
  const executed = o.executed ?? false;
  const status = executed ? ('executed' as const) : ('proposed' as const);
  // The orders file is read (and its rows validated) before anything is checked or written.
  const located: LocatedOrder[] = o.orders
    ? await readOrdersFile(o.orders, status)
    : (o.orderRows ?? []).map((r) => ({ order: { ...r, status } }));
  const note = parseNote(o.note);
  const check = await runCheckCommand(files, o, now, { rebalancesBeforeThisMonth: true });
  checkOrdersAgainstHoldings(located, check.positions, o.orders);
  const orders: JournalOrder[] = located.map((l) => l.order);
  // "Rebalanced" with nothing traded while a sleeve is outside its band would pass monthly-rebalancing on a
  // portfolio that was not rebalanced: refused unless the user says why.
  if (executed && orders.length === 0 && note === null) {
    const outside = sleevesOutsideBand(check.sleeves, openWorkspace(o).model.band);
    if (outside.length > 0) {
      const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
      const list = outside.map((x) => `${x.id} ${pct(x.weight)} (target ${pct(x.target)})`).join(', ');
      const listKo = outside.map((x) => `${x.id} ${pct(x.weight)} (목표 ${pct(x.target)})`).join(', ');
      throw new InputError({
        message: `--executed with no orders, but ${list} ${outside.length === 1 ? 'is' : 'are'} outside the band`,
        expected: '--orders FILE with the orders carried out, or --note TEXT saying why no order was needed',
        hint: 'e.g. --note "kept the overweight on purpose this month"',
        ko: {
          message: `--executed인데 주문이 없고, 밴드를 벗어난 슬리브가 있습니다: ${listKo}`,
          expected: '실행한 주문이 담긴 --orders FILE, 또는 주문이 필요 없었던 이유를 적은 --note TEXT',
          hint: '예: --note "이번 달은 일부러 초과 비중을 유지함"',
        },
      });
    }
  }
  const month: JournalMonth = {
    portfolio:
      check.portfolio ??
      portfolioOf(
        o.portfolio,
        check.positions.map((p) => p.account),
      ),
    month: monthOf(check.asOf),
    asOf: check.asOf,
    base: check.base,
    model: check.model,
    total: check.total,
    executed,
    note,
    createdAt: now.toISOString(),
    holdings: check.positions.map((p) => ({
      account: p.account,
      symbol: p.symbol,
      name: p.name,
      quantity: p.quantity,
      currency: p.currency,
      price: p.price,
      priceDate: p.priceDate,
      fxRate: p.fxRate,
      fxDate: p.fxDate,
      value: p.value,
      sleeve: p.sleeve,
      country: p.country,
    })),
    checks: check.checks.map((c) => ({ id: c.id, pass: c.pass, value: c.value, threshold: c.threshold })),
    orders,
  };
  const file = journalPath(o.db);
  const { recordMonth } = await loadMonths();
  const replaced = await withJournal(o.db, now, (j) => recordMonth(j, month));
  return toRecordDocument(file, month, replaced, check.warnings, check.stale);
}

/** Lists the months on record; a missing journal is an empty list (and is not created). */
export async function runJournalList(request: JournalReadOptions, now: Date): Promise<ListDocument> {
  const o = parseRequest(JournalReadRequest, request, 'journal list');
  const file = journalPath(o.db);
  const portfolio = o.portfolio?.trim() || null;
  if (!existsSync(file)) return toListDocument(file, false, [], portfolio);
  const { listMonths } = await loadMonths();
  const months = await withJournal(o.db, now, (j) => listMonths(j, portfolio ?? undefined));
  return toListDocument(file, true, months, portfolio);
}

export async function runJournalShow(
  monthArg: string,
  request: JournalReadOptions,
  now: Date,
): Promise<ShowDocument> {
  const o = parseRequest(JournalReadRequest, request, 'journal show');
  const month = parseMonthArg(monthArg);
  if (!month)
    throw new InputError({
      message: `month ${monthArg} is not understood`,
      expected: 'YYYY-MM or YYYY-MM-DD',
      ko: {
        message: `월 ${withJosa(monthArg, '을/를')} 알 수 없습니다`,
        expected: 'YYYY-MM 또는 YYYY-MM-DD',
      },
    });
  const file = journalPath(o.db);
  if (!existsSync(file))
    throw new InputError({
      file,
      message: 'there is no journal here yet',
      hint: 'record a month with `dispersion journal record`',
      ko: {
        message: '여기에는 아직 저널이 없습니다',
        hint: '`dispersion journal record`로 한 달을 기록하세요',
      },
    });
  const { getMonth, portfoliosOf } = await loadMonths();
  const m = await withJournal(o.db, now, async (j) => {
    const wanted = o.portfolio?.trim();
    if (wanted) return getMonth(j, wanted, month);
    const portfolios = await portfoliosOf(j, month);
    if (portfolios.length > 1) {
      throw new InputError({
        file,
        message: `${portfolios.length} portfolios have a record of ${month}: ${portfolios.map((p) => `"${p}"`).join(', ')}`,
        expected: '--portfolio NAME to say which one',
        ko: {
          message: `${month} 기록이 있는 포트폴리오가 ${portfolios.length}개입니다: ${portfolios.map((p) => `"${p}"`).join(', ')}`,
          expected: '어느 것인지 정하는 --portfolio NAME',
        },
      });
    }
    return portfolios[0] === undefined ? undefined : getMonth(j, portfolios[0], month);
  });
  if (!m)
    throw new InputError({
      file,
      message: `the journal has no record of ${month}${o.portfolio?.trim() ? ` for portfolio "${o.portfolio.trim()}"` : ''}`,
      hint: 'see the months on record with `dispersion journal list`',
      ko: {
        message: `저널에 ${o.portfolio?.trim() ? `포트폴리오 "${o.portfolio.trim()}"의 ` : ''}${month} 기록이 없습니다`,
        hint: '기록된 달은 `dispersion journal list`로 보세요',
      },
    });
  return toShowDocument(file, m);
}
