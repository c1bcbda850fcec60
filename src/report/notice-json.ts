/**
 * A notice as the JSON documents (CLI `--json`, the server, the library's documents) carry it: its code, its sentence
 * in the reader's language from the catalogue, and its facts in the shape the documents have always had: the common
 * ones (symbol, account, file, line, date, age, currency, …) at the top, the rest under `params`, lists there joined.
 */
import type { Notice, NoticeCode } from '../core/notices.ts';
import { describeNotice } from '../i18n/catalog/catalog.ts';
import { passedOverList } from '../i18n/catalog/words.ts';
import type { Lang } from '../i18n/format.ts';

export interface NoticeJson {
  code: NoticeCode;
  /** The sentence in the document's language. */
  message: string;
  symbol?: string;
  account?: string;
  file?: string;
  line?: number;
  /** The date the notice is about (a price or rate date) and its age in trading days. */
  date?: string;
  age?: number;
  /** The currency a rate notice is about, and whether that rate is a monthly average. */
  currency?: string;
  monthlyAverage?: boolean;
  /** A concentration notice: the company's symbols (GOOGL and GOOG together) or the country, its share and limit. */
  symbols?: readonly string[];
  /** Funds through which a concentration is held (look-through). */
  funds?: readonly string[];
  country?: string;
  weight?: number;
  limit?: number;
  sleeve?: string;
  /** `named-passed-over`: each named instrument that could not be bought, and why. */
  passed?: readonly unknown[];
  /** The code's other facts, by name. */
  params?: Record<string, string | number>;
}

/** Facts kept at the top of the JSON, as they were before notices were typed. */
const TOP = new Set([
  'symbol',
  'account',
  'file',
  'line',
  'date',
  'age',
  'currency',
  'monthlyAverage',
  'symbols',
  'funds',
  'country',
  'weight',
  'limit',
  'sleeve',
  'passed',
]);

/** Facts the English sentence reads that the JSON has never carried (the sentence already says them). */
const SENTENCE_ONLY: { readonly [C in NoticeCode]?: readonly string[] } = {
  'listing-start': ['reason'],
  'file-price': ['price', 'dated'],
  'stress-unshocked': ['id'],
  'quantity-looks-like-date': ['cell', 'cash'],
  'summary-row': ['label'],
  'table-end': ['table', 'excerpt'],
  'unsupported-asset': ['assetClass', 'trade'],
  'read-as-transactions': ['format', 'netted', 'cashRows', 'unknown', 'asOf'],
  'split-applied': ['ratio', 'source'],
  'snapshot-chosen': ['snapshots', 'first', 'last', 'asOf'],
  'cash-currency-assumed': ['label'],
  'activities-after-as-of': ['rows'],
};

/** The codes whose JSON has always had `params`, even empty (the rebalancer's own). */
const ALWAYS_PARAMS: ReadonlySet<NoticeCode> = new Set([
  'solver-failed',
  'nothing-investable',
  'other-policy',
  'goal-missed',
  'named-passed-over',
  'levers',
  'funding-short',
  'stale-allowed',
]);

type Facts = Omit<NoticeJson, 'code' | 'message'>;

function facts(n: Notice): Facts {
  const top: Record<string, unknown> = {};
  const params: Record<string, string | number> = {};
  const skip = SENTENCE_ONLY[n.code] ?? [];
  for (const [k, v] of Object.entries(n)) {
    if (k === 'code' || v === undefined || skip.includes(k)) continue;
    if (TOP.has(k)) top[k] = v;
    else params[k] = Array.isArray(v) ? v.join(', ') : (v as string | number);
  }
  // The codes whose JSON placed a fact differently from the rule above.
  switch (n.code) {
    case 'goal-missed':
      delete top.limit;
      delete top.sleeve;
      Object.assign(params, { limit: n.limit });
      if (n.kind.startsWith('sleeve')) top.sleeve = n.key;
      break;
    case 'funding-short':
      delete top.currency;
      Object.assign(params, { account: n.account, currency: n.currency });
      break;
    case 'stale-allowed':
      Object.assign(params, { date: n.date ?? '', age: n.age ?? -1 });
      break;
    case 'named-passed-over':
      Object.assign(params, {
        symbols: n.passed.map((t) => t.symbol).join(', '),
        reasons: passedOverList(n.passed, 'en'),
      });
      break;
    case 'levers':
      params.levers = n.levers.join(',');
      break;
    case 'excluded-account':
      delete top.currency;
      if (n.currency) params.currency = n.currency;
      break;
    case 'ignored-activities':
      params.types = n.types.map((t) => `${t.count} ${t.type}`).join(', ');
      break;
    case 'unsupported-asset':
      if (n.trade) delete top.symbol;
      break;
    case 'activities-after-as-of':
      // A broker log's rows said only the first date; Ghostfolio's activities also their count and the as-of date.
      if (n.rows) {
        delete params.count;
        delete params.asOf;
      }
      break;
  }
  const hasParams = Object.keys(params).length > 0 || ALWAYS_PARAMS.has(n.code);
  return { ...top, ...(hasParams ? { params } : {}) } as Facts;
}

/** The notice for a JSON document, its sentence in `lang`. */
export function noticeJson(n: Notice, lang: Lang): NoticeJson {
  return { code: n.code, message: describeNotice(n, lang), ...facts(n) };
}

export const noticesJson = (ns: readonly Notice[], lang: Lang): NoticeJson[] =>
  ns.map((n) => noticeJson(n, lang));
