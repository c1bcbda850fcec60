/**
 * Words the rebalance sentences of both languages share the shape of: a goal's name, why a named instrument was passed
 * over, what each lever does. Kept beside the catalogue so en.ts and ko.ts read them, not the other way round.
 */
import { ownValue } from '../../core/lookup.ts';
import type { Lever } from '../../core/rebalance/solve/explain.ts';
import type { PassedOver } from '../../core/rebalance/types.ts';
import type { Lang } from '../format.ts';
import { countryName, sleeveName } from '../messages.ts';

/** "미국(US)", as the concentration warning names a country; the code alone when it has no Korean name. */
export function koCountry(code: string): string {
  const name = countryName(code, 'ko');
  return name === code ? code : `${name}(${code})`;
}

/**
 * A listing market (placement.ts `listingMarket`: `US`, or an exchange code) by the country it trades in, as a Korean
 * reader says it: 미국 시장, 일본 시장. An exchange this does not know keeps its code.
 */
const MARKETS_KO: Readonly<Record<string, string>> = {
  US: '미국',
  KRX: '한국',
  TSE: '일본',
  TWSE: '대만',
  LSE: '영국',
  SIX: '스위스',
  XETRA: '독일',
  EPA: '프랑스',
  NSE: '인도',
};
const marketKo = (market: string): string => ownValue(MARKETS_KO, market) ?? market;

/** What each lever (explain.ts `Lever`) does, and the option that pulls it. */
export const LEVERS: Readonly<Record<Lang, Readonly<Record<Lever, string>>>> = {
  en: {
    other: 'sell the holdings outside the model (--other sell)',
    prices: 'give prices for the named listings (--prices FILE, or dispersion data update)',
    'account-markets': 'let an account trade another market (--account-markets NAME=KRX,US)',
    transfers: 'let money move between accounts (--transfers)',
  },
  ko: {
    other: '모델 밖 종목 매도 (--other sell)',
    prices: '지목 종목의 가격 제공 (--prices FILE 또는 dispersion data update)',
    'account-markets': '계좌의 거래 시장 추가 (--account-markets 계좌=KRX,US)',
    transfers: '계좌 간 이체 허용 (--transfers)',
  },
};

/** A goal in words: a sleeve's band end, a check, a company or a country limit. */
export function goalName(kind: string, key: string, lang: Lang): string {
  const ko = lang === 'ko';
  switch (kind) {
    case 'sleeve-low':
      return ko ? `${sleeveName(key, lang)} 하한` : `${sleeveName(key, lang)} (lower end of its band)`;
    case 'sleeve-high':
      return ko ? `${sleeveName(key, lang)} 상한` : `${sleeveName(key, lang)} (upper end of its band)`;
    case 'mag7-max':
      return ko ? 'Mag7 상한' : 'Mag7 at most';
    case 'physical-energy-min':
      return ko ? '피지컬 AI + 에너지 하한' : 'Physical AI + energy at least';
    case 'regional-diversification':
      return ko ? '한국·일본·인도 사업 비중 하한' : 'Business in Korea, Japan, India at least';
    case 'company-max':
      return ko ? `${key} 한 회사 한도` : `${key} (one-company limit)`;
    case 'country-max':
      return ko ? `${koCountry(key)} 한 국가 한도` : `${key} (one-country limit)`;
    case 'fill': {
      const [sleeve, name] = key.split('\u0000');
      return ko
        ? `${sleeveName(sleeve ?? '', lang)}: ${name} (분산 한도)`
        : `${sleeveName(sleeve ?? '', lang)}: ${name} (spread over the sleeve's fill)`;
    }
    default:
      return key;
  }
}

/** Why one named instrument could not be bought, in the reader's language. */
export function passedOverReason(t: PassedOver, lang: Lang): string {
  const ko = lang === 'ko';
  switch (t.why) {
    case 'no-price':
      return ko ? '기준일 이전 가격 없음' : 'no price on or before the as-of date';
    case 'not-in-universe':
      return ko ? '종목 유니버스에 없음' : 'not in the instrument universe';
    case 'stale':
      return ko
        ? `마지막 종가 ${t.date}, ${t.age}거래일 전`
        : `last close ${t.date}, ${t.age} trading days old`;
    case 'no-account':
      return ko ? `${marketKo(t.market)} 시장을 거래하는 계좌 없음` : `no account trades ${t.market}`;
  }
}

/** `NVDA (no price on or before the as-of date), 6954.T (last close …)`. */
export const passedOverList = (passed: readonly PassedOver[], lang: Lang): string =>
  passed.map((t) => `${t.symbol} (${passedOverReason(t, lang)})`).join(', ');
