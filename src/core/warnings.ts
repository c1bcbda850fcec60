/**
 * Notes for the user that do not stop the work (a stale price, duplicate rows summed, an unclassified holding): typed
 * notices (notices.ts), a code and exactly that code's facts, with no prose. Their sentences, in English and Korean,
 * are in i18n/catalog; the documents (src/report) put the sentence in the reader's language beside the facts.
 */
export type { Notice as Warning } from './notices.ts';
