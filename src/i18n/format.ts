/** Number, money and percent formatting for a locale, with Intl (₩ without decimals, $ with cents). */
export type Lang = 'en' | 'ko';

const LOCALE: Record<Lang, string> = { en: 'en-US', ko: 'ko-KR' };

const formats = new Map<string, Intl.NumberFormat>();

/**
 * One Intl.NumberFormat per locale and options, made on first use: making one costs far more than formatting with
 * it, and a report formats hundreds of numbers with a handful of formats.
 */
function numberFormat(lang: Lang, key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const k = `${lang} ${key}`;
  let f = formats.get(k);
  if (f === undefined) {
    f = new Intl.NumberFormat(LOCALE[lang], options);
    formats.set(k, f);
  }
  return f;
}

export function formatMoney(amount: number, currency: string, lang: Lang): string {
  return numberFormat(lang, `money ${currency}`, { style: 'currency', currency }).format(amount);
}

export function formatNumber(x: number, lang: Lang, maxFractionDigits = 4): string {
  return numberFormat(lang, `number ${maxFractionDigits}`, {
    maximumFractionDigits: maxFractionDigits,
  }).format(x);
}

/** 0.4213 → "42.1%". Signed when asked (drift): +3.2%p is written +3.2%. */
export function formatPct(x: number, lang: Lang, signed = false, digits = 1): string {
  return numberFormat(lang, `pct ${digits} ${signed}`, {
    style: 'percent',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    signDisplay: signed ? 'exceptZero' : 'auto',
  }).format(x);
}

/** A threshold in a title: 0.5 → "50%", 0.125 → "12.5%" (no trailing ".0"). */
export function formatPctShort(x: number, lang: Lang): string {
  return numberFormat(lang, 'pct-short', { style: 'percent', maximumFractionDigits: 1 }).format(x);
}

/** The language to use when none is asked for: Korean when the environment's locale is Korean. */
export function langFromLocale(locale: string | undefined): Lang {
  return locale?.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}
