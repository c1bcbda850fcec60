/**
 * The one catalogue of notice sentences: for every notice code (core/notices.ts), a function of exactly that code's
 * facts. en.ts and ko.ts each `satisfies Catalog`, so a code without a sentence in either language, or a sentence
 * reading a fact its notice does not carry, is a compile error rather than an English fallback at run time.
 */
import type { Notice, NoticeCode, NoticeOf } from '../../core/notices.ts';
import type { Lang } from '../format.ts';
import { EN } from './en.ts';
import { KO } from './ko.ts';

export type Catalog = { readonly [C in NoticeCode]: (n: NoticeOf<C>) => string };

const CATALOGS: Readonly<Record<Lang, Catalog>> = { en: EN, ko: KO };

/** The sentence for one notice in `lang`. */
export function describeNotice(n: Notice, lang: Lang): string {
  // The mapped type pairs each code with its own function; indexing by a union loses that pairing, hence the cast.
  const write = CATALOGS[lang][n.code] as (n: Notice) => string;
  return write(n);
}
