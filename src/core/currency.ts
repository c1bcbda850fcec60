/**
 * Currency codes. Every amount in Dispersion carries one of these. Quotes in minor units (London's GBp, Tel Aviv's
 * ILA, Johannesburg's ZAc) are a quoting convention, not a currency: they are converted to the major unit the moment
 * a price is read, so nothing downstream ever sees pence.
 */
import { ownValue } from './lookup.ts';
export type CurrencyCode = string;

/** ISO 4217 codes this runtime knows (Intl's list is the maintained one; no hand-kept table to go stale). */
const ISO_CODES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

/** Minor-unit quote codes and the major currency and factor they convert to. */
export const MINOR_UNITS: Readonly<Record<string, { major: CurrencyCode; factor: number }>> = {
  GBp: { major: 'GBP', factor: 0.01 },
  GBX: { major: 'GBP', factor: 0.01 },
  ILA: { major: 'ILS', factor: 0.01 },
  ZAc: { major: 'ZAR', factor: 0.01 },
};

export function isCurrencyCode(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && ISO_CODES.has(code);
}

/** Normalises a quote currency: `GBp` → `{ currency: 'GBP', factor: 0.01 }`, `USD` → `{ currency: 'USD', factor: 1 }`. */
export function quoteToMajor(code: string): { currency: CurrencyCode; factor: number } | undefined {
  const minor = ownValue(MINOR_UNITS, code);
  if (minor) return { currency: minor.major, factor: minor.factor };
  const upper = code.toUpperCase();
  return isCurrencyCode(upper) ? { currency: upper, factor: 1 } : undefined;
}
