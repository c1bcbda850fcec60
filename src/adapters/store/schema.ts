/**
 * The journal's tables as Kysely sees them (column names as in SQL). Must match what the migrations create; the
 * round-trip tests in journal.test.ts are what hold the two together.
 */
export interface MigrationsTable {
  id: string;
  applied_at: string;
}

export interface MonthsTable {
  /** Migration 0003: months are keyed by (portfolio, month). */
  portfolio: string;
  month: string;
  as_of: string;
  base: string;
  model: string;
  total: number;
  executed: 0 | 1;
  /** Why an executed month has no orders although a sleeve was outside its band (journal record --note). */
  note: string | null;
  created_at: string;
}

export interface HoldingsTable {
  portfolio: string;
  month: string;
  seq: number;
  account: string;
  symbol: string;
  name: string | null;
  quantity: number;
  currency: string;
  price: number;
  price_date: string | null;
  fx_rate: number;
  fx_date: string | null;
  value_base: number;
  sleeve: string;
  country: string | null;
}

export interface CheckResultsTable {
  portfolio: string;
  month: string;
  /** The checklist's order, kept for display. */
  seq: number;
  id: string;
  pass: 0 | 1;
  value: number | null;
  threshold: number;
}

export interface OrdersTable {
  portfolio: string;
  month: string;
  seq: number;
  account: string;
  symbol: string;
  side: 'buy' | 'sell';
  quantity: number;
  price: number;
  currency: string;
  value: number;
  value_base: number;
  status: 'proposed' | 'executed';
}

export interface SignalReadingsTable {
  id: string;
  date: string;
  value: number;
  source: string;
  recorded_at: string;
}

export interface JournalDatabase {
  schema_migrations: MigrationsTable;
  months: MonthsTable;
  holdings: HoldingsTable;
  check_results: CheckResultsTable;
  orders: OrdersTable;
  signal_readings: SignalReadingsTable;
}
