/**
 * Notes for the user that do not stop the work (a stale price, duplicate rows summed, an unclassified holding).
 * `code` is stable for programs and translations; `message` is the English sentence; the rest says what it is about.
 */
export interface Warning {
  code: string;
  message: string;
  symbol?: string;
  account?: string;
  file?: string;
  line?: number;
  /** The date the warning is about (a price or rate date) and its age in trading days. */
  date?: string;
  age?: number;
  /** The currency a rate warning is about, and whether that rate is a monthly average. */
  currency?: string;
  monthlyAverage?: boolean;
  /** A concentration warning: the company's symbols (GOOGL and GOOG together) or the country, its share and limit. */
  symbols?: string[];
  /** Funds through which a concentration is held (look-through). */
  funds?: string[];
  country?: string;
  weight?: number;
  limit?: number;
  /** Further facts a translated sentence needs (counts, dates, the other currency), by name. */
  params?: Record<string, string | number>;
}
