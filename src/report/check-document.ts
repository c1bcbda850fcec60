/**
 * The one JSON shape of a check, printed by `dispersion check --json` and served by the dashboard's `/api/check`.
 * Money values are in the base currency unless the field says otherwise; weights are fractions of the total.
 */
import type { CheckReport } from '../core/check.ts';
import { staleDataAge } from '../core/data-age.ts';
import { toDay } from '../core/dates.ts';
import { dataAgeDoc } from '../i18n/data-age.ts';
import type { Lang } from '../i18n/format.ts';
import { checkMessage, checkTitle } from '../i18n/messages.ts';
import { noticesJson } from './notice-json.ts';

/** The staleness limits the document's warnings apply, for the renderers that say them. */
export { STALE_ERROR_DAYS, STALE_WARN_DAYS } from '../core/staleness.ts';

export function toCheckDocument(r: CheckReport, lang: Lang = 'en', portfolio: string | null = null) {
  const ruleOf = new Map(r.classifications.map((c) => [c.symbol, c.rule]));
  return {
    /** The portfolio whose journal the monthly-rebalancing check read (`--portfolio`, or its accounts' names). */
    portfolio,
    asOf: r.asOf,
    base: r.base,
    model: r.model,
    /** Set when a price the values rest on is more than 10 trading days old: said first, before the total. */
    stale: dataAgeDoc(
      staleDataAge(
        toDay(r.asOf),
        r.positions.map((p) => p.priceDate),
      ),
      lang,
    ),
    total: r.total,
    positions: r.positions.map((p) => ({
      account: p.account,
      symbol: p.symbol,
      // The name a Korean reader knows the company by, when the universe has one.
      name: lang === 'ko' ? (p.nameKo ?? p.name) : p.name,
      quantity: p.quantity,
      currency: p.currency,
      price: p.price,
      priceDate: p.priceDate,
      priceSource: p.priceSource,
      fxRate: p.fxRate,
      fxDate: p.fxDate,
      value: p.value,
      sleeve: p.sleeve,
      country: p.country,
      mag7: p.mag7,
      weight: p.weight,
      // What decided the sleeve and country: a rule of data/classification.json (`kr-other`), `curated` (an entry of
      // data/universe.json or --universe), `cash`, or null when nothing classified it.
      classifiedBy: classifiedBy(p, ruleOf),
    })),
    sleeves: r.sleeves.map((s) => ({
      id: s.id,
      value: s.value,
      weight: s.weight,
      target: s.target,
      min: s.min,
      max: s.max,
      drift: s.drift,
    })),
    countries: r.countries,
    currencies: r.currencies,
    // Holdings classified by a rule of data/classification.json (not a curated universe entry): the rule that decided.
    classifications: r.classifications,
    // Funds held, and whether what they hold was counted (look-through data, its date and source) or not (asOf null).
    lookThrough: {
      mag7: r.exposures.mag7,
      mag7Direct: r.exposures.mag7Direct,
      mag7Through: r.exposures.mag7Through,
      // Each fund with the share of it in Mag7 companies (its look-through Mag7 value / its value; null without data).
      funds: r.exposures.funds.map((f) => {
        const through = r.exposures.mag7Through.find((t) => t.fund === f.fund);
        return {
          ...f,
          mag7Share: f.asOf === null ? null : through && f.value > 0 ? through.value / f.value : 0,
        };
      }),
      notLookedThrough: r.exposures.notLookedThrough,
    },
    checks: r.checks.map((c) => ({
      id: c.id,
      pass: c.pass,
      value: c.value,
      threshold: c.threshold,
      // The check's name with the threshold applied ("Mag7 at most 40%" under --threshold mag7-max=0.4).
      title: checkTitle(c, lang),
      message: checkMessage(c, lang),
    })),
    warnings: noticesJson(r.warnings, lang),
  };
}

export type CheckDocument = ReturnType<typeof toCheckDocument>;

function classifiedBy(
  p: CheckReport['positions'][number],
  ruleOf: ReadonlyMap<string, string>,
): string | null {
  if (p.kind === 'cash') return 'cash';
  if (p.sleeve === 'unclassified') return null;
  return ruleOf.get(p.symbol) ?? 'curated';
}
