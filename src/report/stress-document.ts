/**
 * The one JSON shape of a stress test, printed by `dispersion stress --json` and served by the dashboard. Money is in
 * the base currency; `loss` is positive for a loss (value before − value after) and `lossPct` is it over the value
 * it is about; moves and VaR are fractions.
 */
import { staleDataAge } from '../core/data-age.ts';
import { fromDay, toDay } from '../core/dates.ts';
import type { PositionImpact } from '../core/stress/result.ts';
import type { StressReport } from '../core/stress/stress.ts';
import { dataAgeDoc } from '../i18n/data-age.ts';
import type { Lang } from '../i18n/format.ts';
import { windowName } from '../i18n/stress.ts';
import { noticesJson } from './notice-json.ts';

function impact(x: PositionImpact, lang: Lang) {
  return {
    account: x.account,
    symbol: x.symbol,
    name: lang === 'ko' ? (x.nameKo ?? x.name) : x.name,
    sleeve: x.sleeve,
    country: x.country,
    currency: x.currency,
    value: x.value,
    after: x.after,
    loss: x.loss,
    lossPct: x.value > 0 ? x.loss / x.value : 0,
    priceMove: x.priceMove,
    fxMove: x.fxMove,
    rule: x.rule,
    rationale: lang === 'ko' ? (x.rationaleKo ?? x.rationale) : x.rationale,
    proxy: x.proxy,
  };
}

export function toStressDocument(r: StressReport, lang: Lang = 'en') {
  return {
    asOf: r.asOf,
    base: r.base,
    /** Set when a held position's close is more than 10 trading days old: said first. */
    stale: dataAgeDoc(
      staleDataAge(
        toDay(r.asOf),
        r.warnings.filter((w) => w.code === 'stale-price-error').map((w) => w.date),
      ),
      lang,
    ),
    total: r.total,
    scenarios: r.scenarios.map((s) => {
      const def = r.definitions.get(s.id);
      const w = r.windows.get(s.id);
      const from = w ? fromDay(w.from) : null;
      const to = w ? fromDay(w.to) : null;
      return {
        id: s.id,
        kind: s.kind,
        name: def
          ? lang === 'ko'
            ? (def.nameKo ?? def.name)
            : def.name
          : windowName(s.id, from ?? '', to ?? '', lang),
        description: def ? (lang === 'ko' ? (def.descriptionKo ?? def.description) : def.description) : null,
        window: w ? { from, to } : null,
        origin: def?.origin ?? null,
        sources: (def?.sources ?? []).map((src) =>
          lang === 'ko'
            ? {
                label: src.labelKo ?? src.label,
                figure: src.figureKo ?? src.figure,
                ...(src.noteKo || src.note ? { note: src.noteKo ?? src.note } : {}),
              }
            : { label: src.label, figure: src.figure, ...(src.note ? { note: src.note } : {}) },
        ),
        loss: s.loss,
        lossPct: s.lossPct,
        after: s.after,
        bySleeve: s.bySleeve,
        worst: s.worst.map((x) => impact(x, lang)),
        positions: s.positions.map((x) => impact(x, lang)),
        proxies: s.proxies,
        unshocked: s.unshocked,
      };
    }),
    risk: r.risk,
    warnings: noticesJson(r.warnings, lang),
  };
}

export type StressDocument = ReturnType<typeof toStressDocument>;
