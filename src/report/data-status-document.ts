/**
 * The JSON document of `dispersion data status` (CLI `--json` and the dashboard): per symbol and per FX pair, the
 * dates the data covers, where it comes from and how stale it is on the as-of day, with the health findings.
 */
import type { Gap, Jump } from '../core/health.ts';
import type { Staleness } from '../core/staleness.ts';

export interface DataStatusSymbol {
  symbol: string;
  name: string | null;
  first: string | null;
  last: string | null;
  /** `bundled`, `user`, `cache:yahoo`, … ; null when there is no data at all. */
  source: string | null;
  /** fresh (≤ 3 trading days), warning (> 3), error (> 10), missing (nothing on or before the as-of day). */
  stale: Staleness;
  /** Trading days (Mon–Fri) from `last` to the as-of day. */
  age: number | null;
  /** Calendar days from `last` to the as-of day (what a person counts). */
  days: number | null;
  jumps: Jump[];
  gaps: Gap[];
}

export interface DataStatusPair {
  /** `USDKRW` = KRW per 1 USD, as the series is stored. */
  pair: string;
  kind: 'daily' | 'monthly-average';
  first: string | null;
  /** For a monthly average, the month's last day (the date it becomes usable). */
  last: string | null;
  source: string | null;
  stale: Staleness;
  /** Trading days (Mon–Fri) and calendar days from `last` to the as-of day. */
  age: number | null;
  days: number | null;
}

export interface DataStatusDocument {
  asOf: string;
  /** The cache database read, or null when there is none yet (run `dispersion data update`). */
  cache: string | null;
  precedence: string;
  symbols: DataStatusSymbol[];
  fx: DataStatusPair[];
}
