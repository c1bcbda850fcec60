/**
 * Sentences in English and Korean for rule results, sleeves and countries. The core returns ids and numbers; this is
 * the one place that turns them into words.
 */

import { ownValue } from '../core/lookup.ts';
import type { CheckResult } from '../core/rules.ts';
import type { Lang } from './format.ts';
import { formatPct, formatPctShort } from './format.ts';

/** A word from a table keyed by code, only for the table's own keys (`toString` is no check id). */
export { ownValue } from '../core/lookup.ts';

export const SLEEVE_NAMES: Record<string, Record<Lang, string>> = {
  'mag7-selected': { en: 'Selected Mag7 (NVDA, TSLA)', ko: '선별 Mag7 (엔비디아·테슬라)' },
  'mag7-other': { en: 'Other Mag7 (outside the model)', ko: '기타 Mag7 (모델 밖)' },
  'physical-ai': { en: 'Physical AI & automation', ko: '피지컬 AI·자동화' },
  energy: { en: 'Energy & nuclear infrastructure', ko: '에너지·원전 인프라' },
  // The universe's `emerging` sleeve: listings the essay names for it, TSMC (Taiwan) included. Not the same as the
  // regional-diversification check, which counts where businesses are (KR/JP/IN), whatever their sleeve.
  emerging: {
    en: 'Emerging markets: Korea, Japan, India, Taiwan chips',
    ko: '신흥시장 (한국·일본·인도·대만 반도체)',
  },
  defense: { en: 'Defense & security AI', ko: '방산·보안 AI' },
  'cash-bonds': { en: 'Cash & government bonds', ko: '현금·국채' },
  other: { en: 'Other', ko: '기타' },
  unclassified: { en: 'Unclassified', ko: '미분류' },
};

/**
 * Check names without their thresholds, for places that show a name alone (the journal's recorded checks). A report
 * that knows the threshold applied uses `checkTitle`, which states it.
 */
export const CHECK_NAMES: Record<string, Record<Lang, string>> = {
  'mag7-max': { en: 'Mag7 limit', ko: 'Mag7 비중 한도' },
  'physical-energy-min': { en: 'Physical AI + energy minimum', ko: '피지컬 AI + 에너지 최소 비중' },
  'regional-diversification': { en: 'Business in Korea, Japan, India', ko: '한국·일본·인도 사업 비중' },
  'monthly-rebalancing': { en: 'Monthly rebalancing kept', ko: '월간 리밸런싱 실행' },
};

const COUNTRY_NAMES: Record<string, Record<Lang, string>> = {
  KR: { en: 'Korea', ko: '한국' },
  JP: { en: 'Japan', ko: '일본' },
  IN: { en: 'India', ko: '인도' },
  TW: { en: 'Taiwan', ko: '대만' },
  CN: { en: 'China', ko: '중국' },
  US: { en: 'the US', ko: '미국' },
  CH: { en: 'Switzerland', ko: '스위스' },
  DE: { en: 'Germany', ko: '독일' },
  FR: { en: 'France', ko: '프랑스' },
  GB: { en: 'the UK', ko: '영국' },
  // Cash is counted as a "country" of its own in the exposure lists, and so are holdings of no known country.
  CASH: { en: 'Cash', ko: '현금' },
  unknown: { en: 'Unknown', ko: '국가 미상' },
};

/**
 * A region code's name from the runtime's CLDR data (NL → 네덜란드), for codes the table above does not name. Made on
 * first use: the first Intl.DisplayNames loads ICU's locale data, ~40 ms that a run naming no such country (a
 * `backtest --json`, `--help`) should not pay at start-up.
 */
const regionNames: Partial<Record<Lang, Intl.DisplayNames>> = {};
const regionName = (code: string, lang: Lang): string | undefined => {
  regionNames[lang] ??= new Intl.DisplayNames([lang], { type: 'region', fallback: 'none' });
  return regionNames[lang].of(code);
};

export const countryName = (code: string, lang: Lang): string =>
  ownValue(COUNTRY_NAMES, code)?.[lang] ??
  (/^[A-Z]{2}$/.test(code) ? regionName(code, lang) : undefined) ??
  code;

/** A country on its own, as a label (a list of exposures, a table cell): "United States", "미국". */
export function countryLabel(code: string, lang: Lang): string {
  if (lang === 'en')
    return code === 'US' ? 'United States' : code === 'GB' ? 'United Kingdom' : countryName(code, lang);
  return countryName(code, lang);
}

/** "Korea, Japan, India" / "한국·일본·인도". */
function countryList(codes: readonly string[] | undefined, lang: Lang): string {
  const names = (codes ?? ['KR', 'JP', 'IN']).map((c) => countryName(c, lang));
  return names.join(lang === 'ko' ? '·' : ', ');
}

/** A check's title with the threshold actually applied (the model's, or the user's --threshold). */
export function checkTitle(r: Pick<CheckResult, 'id' | 'threshold' | 'countries'>, lang: Lang): string {
  const t = formatPctShort(r.threshold, lang);
  switch (r.id) {
    case 'mag7-max':
      return lang === 'ko' ? `Mag7 비중 ${t} 이하` : `Mag7 at most ${t}`;
    case 'physical-energy-min':
      return lang === 'ko' ? `피지컬 AI + 에너지 ${t} 이상` : `Physical AI + energy at least ${t}`;
    case 'regional-diversification':
      return lang === 'ko'
        ? `${countryList(r.countries, lang)} 사업 비중 ${t} 이상`
        : `Business in ${countryList(r.countries, lang)} at least ${t}`;
    case 'monthly-rebalancing':
      return lang === 'ko' ? `${r.threshold}일 이내 리밸런싱` : `Rebalanced within ${r.threshold} days`;
  }
}

export function sleeveName(id: string, lang: Lang): string {
  return ownValue(SLEEVE_NAMES, id)?.[lang] ?? id;
}

/** One sentence per check: the verdict, the number behind it, the threshold, and what to do when it fails. */
export function checkMessage(r: CheckResult, lang: Lang): string {
  const p = (x: number) => formatPct(x, lang);
  const v = r.value ?? 0;
  switch (r.id) {
    case 'mag7-max': {
      const via = mag7Via(r, lang);
      if (lang === 'ko')
        return r.pass
          ? `Mag7 비중 ${p(v)}${via}: 한도 ${p(r.threshold)} 이내입니다.${mag7Unknown(r, lang)}`
          : `Mag7 비중 ${p(v)}${via}: 한도 ${p(r.threshold)}를 넘습니다. 엔비디아·테슬라 외 Mag7 종목을 줄이세요.${mag7Unknown(r, lang)}`;
      return r.pass
        ? `Mag7 is ${p(v)} of the portfolio${via}, within the ${p(r.threshold)} limit.${mag7Unknown(r, lang)}`
        : `Mag7 is ${p(v)} of the portfolio${via}, above the ${p(r.threshold)} limit: reduce the Mag7 names other than Nvidia and Tesla.${mag7Unknown(r, lang)}`;
    }
    case 'physical-energy-min':
      if (lang === 'ko')
        return r.pass
          ? `피지컬 AI + 에너지 인프라 ${p(v)}: 최소 ${p(r.threshold)} 이상입니다.`
          : `피지컬 AI + 에너지 인프라 ${p(v)}: 최소 ${p(r.threshold)}에 못 미칩니다. 실물 생산수단 비중을 늘리세요.`;
      return r.pass
        ? `Physical AI + energy infrastructure is ${p(v)}, at or above the ${p(r.threshold)} minimum.`
        : `Physical AI + energy infrastructure is ${p(v)}, below the ${p(r.threshold)} minimum: add to the physical means of production.`;
    case 'regional-diversification': {
      // Counted by where each business is, not its listing or sleeve: Coupang (NYSE) counts as Korea, TSMC as Taiwan.
      const where = countryList(r.countries, lang);
      if (lang === 'ko')
        return r.pass
          ? `${where}에 사업 기반을 둔 기업 비중 ${p(v)}: 최소 ${p(r.threshold)} 이상입니다 (상장 시장이 아니라 사업 소재국 기준).`
          : `${where}에 사업 기반을 둔 기업 비중 ${p(v)}: 최소 ${p(r.threshold)}에 못 미칩니다 (상장 시장이 아니라 사업 소재국 기준). 지역 분산이 부족합니다.`;
      return r.pass
        ? `Businesses based in ${where} are ${p(v)} of the portfolio (counted by where the business is, not where it is listed), at or above the ${p(r.threshold)} minimum.`
        : `Businesses based in ${where} are ${p(v)} of the portfolio (counted by where the business is, not where it is listed), below the ${p(r.threshold)} minimum: the portfolio is not regionally diversified.`;
    }
    case 'monthly-rebalancing':
      if (r.reason === 'no-journal')
        return lang === 'ko'
          ? '리밸런싱 기록이 없습니다: 저널이 아직 없습니다. 매월 리밸런싱을 저널에 기록하세요.'
          : 'No rebalance on record: there is no journal yet. Record each monthly rebalance in the journal.';
      if (r.reason === 'no-rebalance')
        return lang === 'ko'
          ? `저널에 리밸런싱 기록이 없습니다 (기준: ${r.threshold}일 이내).`
          : `The journal has no rebalance on record (needed: one within ${r.threshold} days).`;
      if (lang === 'ko')
        return r.pass
          ? `마지막 리밸런싱 ${v}일 전: ${r.threshold}일 이내입니다.`
          : `마지막 리밸런싱 ${v}일 전: ${r.threshold}일을 넘었습니다. 이번 달 리밸런싱을 하세요.`;
      return r.pass
        ? `Last rebalance ${v} days ago, within ${r.threshold} days.`
        : `Last rebalance ${v} days ago, more than ${r.threshold} days: rebalance this month.`;
  }
}

/** ", of which 38.0% through QQQ (holdings as of 2025-10-04)" / " (이 중 QQQ를 통해 38.0%, 2025-10-04 보유 기준)". */
function mag7Via(r: CheckResult, lang: Lang): string {
  if (!r.through?.length) return '';
  const parts = r.through.map((t) =>
    lang === 'ko'
      ? `${t.fund}를 통해 ${formatPct(t.weight, lang)}(${t.asOf} 보유 기준)`
      : `${formatPct(t.weight, lang)} through ${t.fund} (holdings as of ${t.asOf})`,
  );
  return lang === 'ko' ? ` (이 중 ${parts.join(', ')})` : `, of which ${parts.join(', ')}`;
}

/** The funds whose Mag7 is not known: never a silent 0%. */
function mag7Unknown(r: CheckResult, lang: Lang): string {
  const u = r.unknownFunds;
  if (!u || u.weight <= 0) return '';
  const funds = u.funds.join(', ');
  return lang === 'ko'
    ? ` 보유 내역 자료가 없는 펀드(${funds}, 포트폴리오의 ${formatPct(u.weight, lang)})의 Mag7은 포함하지 않았습니다.`
    : ` Not counted: the Mag7 held by ${funds} (${formatPct(u.weight, lang)} of the portfolio), funds with no look-through data.`;
}
