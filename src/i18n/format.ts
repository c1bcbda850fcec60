/** Number, money and percent formatting for a locale, with Intl (₩ without decimals, $ with cents). */
export type Lang = 'en' | 'ko';

const LOCALE: Record<Lang, string> = { en: 'en-US', ko: 'ko-KR' };

export function formatMoney(amount: number, currency: string, lang: Lang): string {
  return new Intl.NumberFormat(LOCALE[lang], { style: 'currency', currency }).format(amount);
}

export function formatNumber(x: number, lang: Lang, maxFractionDigits = 4): string {
  return new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: maxFractionDigits }).format(x);
}

/** 0.4213 → "42.1%". Signed when asked (drift): +3.2%p is written +3.2%. */
export function formatPct(x: number, lang: Lang, signed = false, digits = 1): string {
  return new Intl.NumberFormat(LOCALE[lang], {
    style: 'percent',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    signDisplay: signed ? 'exceptZero' : 'auto',
  }).format(x);
}

/** A threshold in a title: 0.5 → "50%", 0.125 → "12.5%" (no trailing ".0"). */
export function formatPctShort(x: number, lang: Lang): string {
  return new Intl.NumberFormat(LOCALE[lang], { style: 'percent', maximumFractionDigits: 1 }).format(x);
}

/** The language to use when none is asked for: Korean when the environment's locale is Korean. */
export function langFromLocale(locale: string | undefined): Lang {
  return locale?.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}
