/**
 * Korean particles after a word the sentence does not know in advance (a ticker, a fund name, an account): `NVDA는`,
 * `AAPL은`, `005930은`, `삼성전자를`. es-hangul's `josa` reads the final Hangul syllable and the Korean names of
 * Latin letters (L 엘, so `AAPL은`); a final digit it does not read, so the digit is read here as it is spoken
 * (0 영, 1 일, … ; 10, 100, 1000 end in 십, 백, 천, all closed syllables like 영) before es-hangul picks the particle.
 */
import { josa } from 'es-hangul';

export type JosaForm = Parameters<typeof josa>[1];

/** The spoken syllable a final digit ends on. */
const DIGIT_READING = ['영', '일', '이', '삼', '사', '오', '육', '칠', '팔', '구'] as const;

/** `word` followed by the particle of `form` that fits how it is read aloud. */
export function withJosa(written: string | number | undefined, form: JosaForm): string {
  // As a template literal would print it, so a call can replace `${x}은(는)` without changing what is shown.
  const word = String(written);
  const last = word.at(-1) ?? '';
  if (last >= '0' && last <= '9') {
    const reading = DIGIT_READING[Number(last)] ?? '영';
    return word + josa(reading, form).slice(reading.length);
  }
  return josa(word, form);
}

/** Only the particle, for a word printed in quotes or brackets: `"1,2"은`. */
export const particle = (word: string | number | undefined, form: JosaForm): string =>
  withJosa(word, form).slice(String(word).length);
