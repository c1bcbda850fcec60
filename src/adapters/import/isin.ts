/**
 * ISINs (ISO 6166): two letters of country, nine characters of national number, one check digit. The check digit is
 * the Luhn digit of the code with each letter replaced by its number (A = 10 … Z = 35), so a mistyped or truncated
 * ISIN is caught before it is taken for a listing.
 *
 * @example isinCheckDigitOk('KR7005930003') // true (삼성전자)
 * @example krxCodeOfIsin('KR7005930003') // '005930'
 */

const SHAPE = /^[A-Z]{2}[A-Z0-9]{9}[0-9]$/;

/** Twelve characters: two letters, nine letters or digits, a digit. Says nothing of the check digit. */
export function isIsinShaped(text: string): boolean {
  return SHAPE.test(text);
}

/** The check digit the first eleven characters call for. */
export function isinCheckDigit(first11: string): number {
  const digits = [...first11].map((c) => (c >= 'A' && c <= 'Z' ? String(c.charCodeAt(0) - 55) : c)).join('');
  // Luhn over the digits followed by the check digit: from the right, every second digit (starting with the last
  // digit of these) is doubled.
  let sum = 0;
  for (let i = digits.length - 1, double = true; i >= 0; i--, double = !double) {
    let d = Number(digits[i]) * (double ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/** Shaped like an ISIN and its last digit is the one the rest calls for. */
export function isinCheckDigitOk(isin: string): boolean {
  return isIsinShaped(isin) && isinCheckDigit(isin.slice(0, 11)) === Number(isin[11]);
}

/**
 * The KRX short code of a Korean share's ISIN, when the ISIN spells it: `KR7` + issuer (5) + `0` (common share) +
 * `00` + check digit → the issuer and the `0` (`KR7005930003` → `005930`, `KR7069500007` → `069500`). A preferred or
 * other class (`KR7005931001`, 삼성전자우 `005935`) has a short code the ISIN does not spell, so undefined: it is not
 * guessed.
 */
export function krxCodeOfIsin(isin: string): string | undefined {
  if (!isinCheckDigitOk(isin)) return undefined;
  const m = /^KR7([0-9][0-9A-Z]{4}0)00[0-9]$/.exec(isin);
  return m ? m[1] : undefined;
}
