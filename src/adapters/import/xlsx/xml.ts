/**
 * The little XML an .xlsx needs, read straight off the string: entity decoding, attributes, and a tag/text tokenizer
 * for the small fragments (a rich-text string, a style sheet). Element and attribute prefixes (`x:c`, `r:id`) are
 * dropped, as a namespace-unaware reader of SpreadsheetML does; CDATA, comments and DTDs are not expected in
 * workbook parts and are skipped.
 */

const ENTITY = /&#(\d+);|&#x([0-9a-f]+);|&(\w+);/gi;
const NAMED: Record<string, string> = { amp: '&', apos: "'", gt: '>', lt: '<', quot: '"' };

/** `&amp;` `&lt;` `&gt;` `&quot;` `&apos;` (any case), `&#NNNN;` and `&#xHH;`; an unknown name is left as written. */
export function decodeEntities(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(
    ENTITY,
    (whole, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
      if (name !== undefined) return NAMED[name.toLowerCase()] ?? whole;
      const code = dec !== undefined ? Number(dec) : Number.parseInt(hex as string, 16);
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    },
  );
}

/**
 * The `_xHHHH_` escapes of ST_Xstring (ECMA-376 Part 1 §22.9.2.19), with which Excel writes characters XML 1.0 cannot
 * hold; replaced left to right without overlap, so `_x005F_x0041_` is `_x0041_`.
 */
export function unescapeXlsx(s: string): string {
  if (s.indexOf('_x') < 0) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

const ATTRIBUTE = /([^\s=/]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** The attributes of a start tag (the text between its name and `>`), prefixes dropped, entities decoded. */
export function attributes(source: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (source.indexOf('=') < 0) return out;
  ATTRIBUTE.lastIndex = 0;
  for (let m = ATTRIBUTE.exec(source); m; m = ATTRIBUTE.exec(source)) {
    const name = m[1] as string;
    const value = decodeEntities(m[2] ?? m[3] ?? '');
    const colon = name.indexOf(':');
    out[colon >= 0 && name.slice(0, colon) !== 'xmlns' ? name.slice(colon + 1) : name] = value;
  }
  return out;
}

export type Token =
  | { kind: 'open'; name: string; attributes: string; selfClosing: boolean }
  | { kind: 'close'; name: string }
  | { kind: 'text'; text: string };

const TOKEN = /<(\/?)(?:[\w.-]+:)?([\w.-]+)([^>]*?)(\/?)>|<[!?][^>]*>|([^<]+)/g;

/**
 * Start tags, end tags and text (entities decoded) of a fragment, in order; a self-closing tag is an open token with
 * `selfClosing` set. Linear: one pass of one regular expression.
 */
export function* tokens(xml: string): Generator<Token> {
  const re = new RegExp(TOKEN.source, 'g');
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    if (m[5] !== undefined) yield { kind: 'text', text: decodeEntities(m[5]) };
    else if (m[2] === undefined)
      continue; // a comment, processing instruction or declaration
    else if (m[1]) yield { kind: 'close', name: m[2] };
    else yield { kind: 'open', name: m[2], attributes: m[3] as string, selfClosing: m[4] === '/' };
  }
}
