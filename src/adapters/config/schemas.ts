/**
 * Zod pieces shared by the config loaders (model, universe, scenario files), so one rule reads one way in every file
 * and its error message is the same wherever it fails. Zod stays here in the adapters: the core sees plain types.
 */
import { z } from 'zod';
import { isCurrencyCode } from '../../core/currency.ts';

/** A share of the portfolio: 0 to 1. */
export const fraction = z.number().min(0).max(1);

/**
 * The sleeves an instrument or a model sleeve can name (core/universe.ts SleeveId without `unclassified`, which only
 * the classifier assigns). Listed in this order because zod names the options in its error message.
 */
export const CLASSIFIED_SLEEVES = [
  'mag7-selected',
  'mag7-other',
  'physical-ai',
  'energy',
  'emerging',
  'defense',
  'cash-bonds',
  'other',
] as const;

export const classifiedSleeveId = z.enum(CLASSIFIED_SLEEVES);

/** A scenario may also shock the holdings nothing classified. */
export const anySleeveId = z.enum([...CLASSIFIED_SLEEVES, 'unclassified']);

export const countryCode = z.string().regex(/^[A-Z]{2}$/, 'expected an ISO 3166 two-letter country code');

export const currencyCode = z.string().refine(isCurrencyCode, 'expected an ISO 4217 currency code');

/** Where a business is: an ISO code, or `unknown` for a fund spread over countries that no file splits. */
export const businessCountry = z
  .string()
  .regex(/^([A-Z]{2}|unknown)$/, 'expected an ISO 3166 two-letter country code or "unknown"');
