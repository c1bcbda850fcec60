/**
 * The currency column of a holdings file. Users write `usd`, `KRW`, or the Korean word (`원`, `달러`); we accept those.
 * Quote units such as GBp (pence) are a price convention, not a currency one can hold, so in a holdings file they
 * are refused: "500 GBp of cash" is almost certainly a mistake for GBP, and guessing would be off by 100×.
 */
import { type CurrencyCode, isCurrencyCode, MINOR_UNITS } from '../../core/currency.ts';
import { ownValue } from '../../core/lookup.ts';
import { particle } from '../../i18n/josa.ts';

const KOREAN_WORDS: Readonly<Record<string, CurrencyCode>> = {
  원: 'KRW',
  달러: 'USD',
  엔: 'JPY',
  유로: 'EUR',
};

export const CURRENCY_EXPECTED = 'an ISO 4217 currency code such as KRW, USD, JPY, EUR, INR';
const CURRENCY_EXPECTED_KO = 'KRW, USD, JPY, EUR, INR 같은 ISO 4217 통화 코드';

export type CurrencyCell =
  | { ok: true; currency: CurrencyCode | undefined }
  | { ok: false; message: string; expected: string; ko: { message: string; expected: string } };

/** Parses a trimmed-or-not cell; an empty cell is `{ ok: true, currency: undefined }`. */
export function parseCurrencyCell(cell: string): CurrencyCell {
  const raw = cell.trim();
  if (raw === '') return { ok: true, currency: undefined };
  const korean = ownValue(KOREAN_WORDS, raw);
  if (korean) return { ok: true, currency: korean };
  const minor = minorUnit(raw);
  if (minor) {
    return {
      ok: false,
      message: `"${raw}" is a quote unit (${minor} in hundredths), not a currency you can hold`,
      expected: `an ISO 4217 code such as ${minor}`,
      ko: {
        message: `"${raw}"${particle(raw, '은/는')} 호가 단위(${minor}의 100분의 1)이지 보유할 수 있는 통화가 아닙니다`,
        expected: `${minor} 같은 ISO 4217 코드`,
      },
    };
  }
  const upper = raw.toUpperCase();
  if (isCurrencyCode(upper)) return { ok: true, currency: upper };
  return {
    ok: false,
    message: `unknown currency "${raw}"`,
    expected: CURRENCY_EXPECTED,
    ko: { message: `통화 "${raw}"${particle(raw, '을/를')} 알 수 없습니다`, expected: CURRENCY_EXPECTED_KO },
  };
}

/**
 * `GBp`, `GBX`, `gbx`, `ILA`, `ZAc` → the major currency. `gbp` is not here: upper-cased it is the real code GBP,
 * and a lower-case pound is far likelier than someone meaning pence.
 */
function minorUnit(raw: string): CurrencyCode | undefined {
  const exact = ownValue(MINOR_UNITS, raw);
  if (exact) return exact.major;
  const upper = raw.toUpperCase();
  if (isCurrencyCode(upper)) return undefined;
  for (const [code, unit] of Object.entries(MINOR_UNITS)) if (code.toUpperCase() === upper) return unit.major;
  return undefined;
}
