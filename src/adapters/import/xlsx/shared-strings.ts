/**
 * `xl/sharedStrings.xml` (ECMA-376 Part 1 §18.4): one `<si>` per string, either a plain `<t>` or rich-text runs
 * `<r><t>…</t></r>` whose texts are joined; phonetic guides `<rPh>` (furigana) are not part of the text.
 */
import { decodeEntities, tokens, unescapeXlsx } from './xml.ts';

const ITEM = /<(?:[\w.-]+:)?si(?:\s[^>]*?)?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?si>)/g;
const PLAIN = /^<(?:[\w.-]+:)?t(?:\s[^>]*)?>([^<]*)<\/(?:[\w.-]+:)?t>$/;

export function parseSharedStrings(xml: string): string[] {
  const strings: string[] = [];
  for (const m of xml.matchAll(ITEM)) {
    const body = m[1] ?? '';
    const plain = PLAIN.exec(body);
    strings.push(unescapeXlsx(plain ? decodeEntities(plain[1] as string) : richText(body)));
  }
  return strings;
}

/**
 * The text of a string item or inline string: a `<t>` outside a run replaces what came before, a `<t>` inside a run
 * `<r>` is appended, anything inside `<rPh>` is skipped — the reading Excel and read-excel-file give it.
 */
export function richText(body: string): string {
  let text = '';
  let inT = false;
  let inRun = false;
  let inPhonetic = false;
  for (const token of tokens(body)) {
    if (token.kind === 'text') {
      if (inT && !inPhonetic) text = inRun ? text + token.text : token.text;
    } else {
      const open = token.kind === 'open' && !token.selfClosing;
      if (token.name === 't') inT = open;
      else if (token.name === 'r') inRun = open;
      else if (token.name === 'rPh') inPhonetic = open;
    }
  }
  return text;
}
