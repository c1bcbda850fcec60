/**
 * The bundled listings (every KRX code: `data/listings/krx.csv`; KRX ETFs: `data/listings/krx-etf-2026.csv` names,
 * `data/listings/krx-etf.csv` tracked indices; KRX ETNs: `data/listings/krx-etn.csv`; the S&P 500: `data/market/sp500/constituents.csv`)
 * and the classification rules (`data/classification.json`, plus the user's `--rules` file, tried first), turned into
 * instruments the universe can resolve. Provenance: data/SOURCES.md.
 */

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { z } from 'zod';
import type { ClassificationRule, Listing, RuleSet } from '../../core/classify.ts';
import { compileRules, listingInstruments } from '../../core/classify.ts';
import { InputError } from '../../core/errors.ts';
import type { Instrument } from '../../core/universe.ts';
import { withJosa } from '../../i18n/josa.ts';
import { fileErrorReason } from '../files/user-files.ts';
import { packageFile } from '../package-files.ts';
import { readJsonFile } from './json-file.ts';
import { businessCountry, classifiedSleeveId } from './schemas.ts';

const dataFile = (p: string) => packageFile(`data/${p}`);
export const BUNDLED_KRX_LISTING = dataFile('listings/krx.csv');
export const BUNDLED_KRX_ETF_LISTING = dataFile('listings/krx-etf.csv');
export const BUNDLED_KRX_ETF_NAMES = dataFile('listings/krx-etf-2026.csv');
export const BUNDLED_KRX_ETN_LISTING = dataFile('listings/krx-etn.csv');
export const BUNDLED_SP500 = dataFile('market/sp500/constituents.csv');
export const BUNDLED_RULES = dataFile('classification.json');

const ruleSchema = z
  .object({
    id: z.string().min(1),
    markets: z.array(z.string().min(1)).optional(),
    codes: z.array(z.string().min(1)).optional(),
    sectors: z.array(z.string().min(1)).optional(),
    industries: z.array(z.string().min(1)).optional(),
    names: z
      .array(
        z
          .string()
          .min(1)
          .refine((re) => {
            try {
              new RegExp(re, 'iu');
              return true;
            } catch {
              return false;
            }
          }, 'expected a regular expression'),
      )
      .optional(),
    sleeve: classifiedSleeveId,
    country: businessCountry,
    lookThrough: z.string().min(1).optional(),
    note: z.string().optional(),
  })
  .strict();
const rulesSchema = z.object({ $comment: z.string().optional(), rules: z.array(ruleSchema) }).strict();

export function readRules(file: string): ClassificationRule[] {
  return readJsonFile(file, rulesSchema, 'classification rules').rules;
}

/** The user's rules first (they win), then the bundled ones. */
export function loadRules(userFile?: string): RuleSet {
  return compileRules([...(userFile ? readRules(userFile) : []), ...readRules(BUNDLED_RULES)]);
}

const SUFFIX: Record<string, string> = { KOSPI: 'KS', KOSDAQ: 'KQ', 'KOSDAQ GLOBAL': 'KQ', KONEX: 'KN' };

/** A KRX code is six characters, a digit first (`005930`, and since 2024 letters too: `0001A0`). */
function assertKrxCode(code: string, file: string, line: number, examples: readonly [string, string]): void {
  if (/^[0-9][0-9A-Z]{5}$/.test(code)) return;
  const [a, b] = examples;
  throw new InputError({
    file,
    line,
    column: 1,
    message: `bad KRX code ${code}`,
    expected: `six characters such as ${a} or ${b}`,
    ko: { message: `잘못된 KRX 종목코드 ${code}`, expected: `${a}, ${b} 같은 여섯 글자` },
  });
}

/** `code,market,name,industry` rows (a header, then one listing a line), as `data update --listings` writes them. */
export function parseKrxListing(text: string, file: string): Listing[] {
  const rows = readRows(text, file, ['code', 'market', 'name', 'industry']);
  return rows.map(({ row, line }) => {
    const code = row.code ?? '';
    const market = row.market ?? '';
    const suffix = SUFFIX[market];
    assertKrxCode(code, file, line, ['005930', '0001A0']);
    if (!suffix)
      throw new InputError({
        file,
        line,
        column: 2,
        message: `unknown market ${market}`,
        expected: 'KOSPI, KOSDAQ, KOSDAQ GLOBAL or KONEX',
        ko: { message: `알 수 없는 시장 ${market}`, expected: 'KOSPI, KOSDAQ, KOSDAQ GLOBAL 또는 KONEX' },
      });
    const name = row.name ?? code;
    return {
      symbol: `${code}.${suffix}`,
      code,
      name,
      nameKo: name,
      market,
      ...(row.industry ? { industry: row.industry } : {}),
      type: 'stock',
      currency: 'KRW',
      exchange: 'KRX',
      lot: 1,
    };
  });
}

/** An inverse ETF's name says so; it is a short position, so no rule for the index it tracks should classify it. */
const INVERSE = /인버스/;
/** An active ETF's name says so: the index KRX lists for it is a benchmark, not what it holds. */
const ACTIVE = /액티브/;
/** A leveraged ETF's name says so: KRX admits 2× only (`KODEX 레버리지`, `… 200선물레버리지`, `…2X`). */
const LEVERAGED = /레버리지|2X/i;

/**
 * `code,name[,index]` rows (KRX ETFs, with the index each tracks when the list gives it), as listings on the KOSPI
 * board (`069500.KS`). The tracked index is kept as the listing's industry, so the rules' `industries` name indices
 * for market `ETF`; an inverse ETF gets market `ETF inverse`, which only the catch-all ETF rule names; an active one
 * (액티브) `ETF active`, which no rule with a `lookThrough` names (its index is a benchmark). A leveraged one (레버리지,
 * 2X) has leverage 2.
 */
export function parseKrxEtfListing(text: string, file: string): Listing[] {
  return readRows(text, file, ['code', 'name']).map(({ row, line }) => {
    const code = row.code ?? '';
    assertKrxCode(code, file, line, ['069500', '0043B0']);
    const name = row.name || code;
    const inverse = INVERSE.test(name);
    return {
      symbol: `${code}.KS`,
      code,
      name,
      nameKo: name,
      market: inverse ? 'ETF inverse' : ACTIVE.test(name) ? 'ETF active' : 'ETF',
      ...(row.index ? { industry: row.index } : {}),
      ...(!inverse && LEVERAGED.test(name) ? { leverage: 2 } : {}),
      type: 'etf',
      currency: 'KRW',
      exchange: 'KRX',
      lot: 1,
    };
  });
}

/** An ETN's multiple as its name states it (`3X`, `1.5X`, `-1.5X`); else 2 for 레버리지; else undefined (1×). */
function etnMultiple(name: string): number | undefined {
  const stated = /(-?\d+(?:\.\d+)?)X/i.exec(name);
  if (stated) return Number(stated[1]);
  return LEVERAGED.test(name) ? 2 : undefined;
}

/**
 * `code,name[,index]` rows: KRX ETNs (상장지수증권, `500001`–`7xxxxx`; brokers write them `Q500001`), as listings on the
 * KOSPI board (`530031.KS`), type `etn`: a note its issuer owes, paying an index's return, not a fund. Market `ETN`;
 * `ETN inverse` for one whose name says 인버스 or a negative multiple (`-1.5X`: a short position), `ETN leveraged` for
 * one whose name says 레버리지 or a multiple other than 1 (`2X`, `3X`, `1.5X`), with that multiple as leverage. The
 * rules' `names` classify them (the list has no index unless an `index` column gives one). A `former` column holds a
 * name the ETN had before (a broker file of then still finds it).
 */
export function parseKrxEtnListing(text: string, file: string): Listing[] {
  return readRows(text, file, ['code', 'name']).map(({ row, line }) => {
    const raw = row.code ?? '';
    const code = /^Q\d{6}$/.test(raw) ? raw.slice(1) : raw;
    assertKrxCode(code, file, line, ['500001', 'Q530031']);
    const name = row.name || code;
    const stated = etnMultiple(name);
    const inverse = INVERSE.test(name) || (stated !== undefined && stated < 0);
    const multiple = inverse ? undefined : stated;
    const leveraged = multiple !== undefined && multiple !== 1;
    return {
      symbol: `${code}.KS`,
      code,
      name,
      nameKo: name,
      market: inverse ? 'ETN inverse' : leveraged ? 'ETN leveraged' : 'ETN',
      ...(row.index ? { industry: row.index } : {}),
      ...(row.former && row.former !== name ? { formerNames: [row.former] } : {}),
      ...(leveraged ? { leverage: multiple } : {}),
      type: 'etn',
      currency: 'KRW',
      exchange: 'KRX',
      lot: 1,
    };
  });
}

/**
 * The two KRX ETF lists as one: the newer list's names (`code,name`, brands as renamed since), the older list's
 * tracked index (`code,name,index`), the older name kept as a former name when it differs. An ETF in the older list
 * only (delisted or merged since) stays under its older name; one in the newer list only has no index, and the
 * rules' `names` classify it.
 */
export function mergeKrxEtfListings(older: readonly Listing[], newer: readonly Listing[]): Listing[] {
  const old = new Map(older.map((l) => [l.code, l]));
  const out: Listing[] = [];
  const seen = new Set<string>();
  for (const n of newer) {
    seen.add(n.code);
    const o = old.get(n.code);
    if (!o) {
      out.push(n);
      continue;
    }
    out.push({
      ...n,
      ...(o.industry ? { industry: o.industry } : {}),
      ...(o.name !== n.name ? { formerNames: [o.name] } : {}),
    });
  }
  for (const o of older) if (!seen.has(o.code)) out.push(o);
  return out;
}

/** The S&P 500 list (`Symbol,Security,GICS Sector,GICS Sub-Industry,…`): tickers as Yahoo writes them (`BRK-B`). */
export function parseSp500(text: string, file: string): Listing[] {
  return readRows(text, file, ['Symbol', 'Security', 'GICS Sector', 'GICS Sub-Industry']).map(({ row }) => {
    const symbol = (row.Symbol ?? '').replace('.', '-');
    return {
      symbol,
      code: symbol,
      name: row.Security ?? symbol,
      market: 'S&P 500',
      ...(row['GICS Sector'] ? { sector: row['GICS Sector'] } : {}),
      ...(row['GICS Sub-Industry'] ? { industry: row['GICS Sub-Industry'] } : {}),
      type: 'stock',
      currency: 'USD',
      exchange: 'NYSE/NASDAQ',
      lot: 1,
    };
  });
}

function readRows(text: string, file: string, required: readonly string[]) {
  const clean = text.replace(/^\uFEFF/, '');
  const records = simpleRecords(clean) ?? csvParseRecords(clean);
  const header = records[0] ? Object.keys(records[0].record) : [];
  const missing = required.filter((c) => !header.includes(c));
  if (records.length > 0 && missing.length)
    throw new InputError({
      file,
      line: 1,
      message: `listing file lacks column ${missing.join(', ')}`,
      expected: required.join(','),
      ko: { message: `상장 목록 파일에 ${missing.join(', ')} 열이 없습니다`, expected: required.join(',') },
    });
  return records.map((r) => ({ row: r.record, line: r.info.lines }));
}

type CsvRecord = { record: Record<string, string>; info: { lines: number } };

/**
 * csv-parse (`columns`, `skip_empty_lines`) for what the one-line reader below leaves: multi-line or malformed quotes,
 * ragged rows, a lone \r. Required on demand (its CommonJS build), so a well-formed listing never loads it: the two
 * bundled listings are read on every run that resolves a symbol, and csv-parse took most of a backtest's start-up.
 */
function csvParseRecords(text: string): CsvRecord[] {
  const { parse } = createRequire(import.meta.url)('csv-parse/sync') as typeof import('csv-parse/sync');
  return parse(text, { columns: true, skip_empty_lines: true, info: true }) as CsvRecord[];
}

/**
 * The records csv-parse gives for a file whose every row is on one line with fields either bare (no quote) or
 * wholly quoted (`"Saint Paul, Minnesota"`, `""` for a quote), as many as the header's: the same objects and line
 * numbers (a test compares both on the bundled files). Undefined for anything else, which csv-parse then reads.
 */
export function simpleRecords(text: string): CsvRecord[] | undefined {
  if (/\r(?!\n)/.test(text)) return undefined;
  const lines = text.split(/\r?\n/);
  let header: string[] | undefined;
  const out: CsvRecord[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line === '') continue;
    const cells = splitQuoted(line);
    if (!cells) return undefined;
    if (!header) {
      if (cells.some((c) => c === '') || new Set(cells).size !== cells.length) return undefined;
      header = cells;
      continue;
    }
    if (cells.length !== header.length) return undefined;
    const record: Record<string, string> = {};
    for (let k = 0; k < cells.length; k++) record[header[k] as string] = cells[k] as string;
    out.push({ record, info: { lines: i + 1 } });
  }
  return out;
}

/** One line's fields, or undefined when a quote is anywhere but around a whole field (or left open). */
function splitQuoted(line: string): string[] | undefined {
  if (!line.includes('"')) return line.split(',');
  const cells: string[] = [];
  let i = 0;
  for (;;) {
    if (line[i] === '"') {
      let cell = '';
      let j = i + 1;
      for (;;) {
        const q = line.indexOf('"', j);
        if (q < 0) return undefined; // the field goes on past the line
        cell += line.slice(j, q);
        if (line[q + 1] === '"') {
          cell += '"';
          j = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      cells.push(cell);
      if (i === line.length) return cells;
      if (line[i] !== ',') return undefined;
      i++;
      continue;
    }
    const comma = line.indexOf(',', i);
    const cell = comma < 0 ? line.slice(i) : line.slice(i, comma);
    if (cell.includes('"')) return undefined;
    cells.push(cell);
    if (comma < 0) return cells;
    i = comma + 1;
  }
}

/** Every bundled listing (or the user's refreshed KRX listing in its place), classified by the rules. */
export function loadListingInstruments(rules: RuleSet, krxListingFile?: string): Instrument[] {
  const krxFile = krxListingFile ?? BUNDLED_KRX_LISTING;
  const listings = [
    ...parseKrxListing(readText(krxFile, 'KRX listing', 'KRX 상장 목록'), krxFile),
    ...mergeKrxEtfListings(
      parseKrxEtfListing(
        readText(BUNDLED_KRX_ETF_LISTING, 'KRX ETF listing', 'KRX ETF 목록'),
        BUNDLED_KRX_ETF_LISTING,
      ),
      parseKrxEtfListing(
        readText(BUNDLED_KRX_ETF_NAMES, 'KRX ETF listing', 'KRX ETF 목록'),
        BUNDLED_KRX_ETF_NAMES,
      ),
    ),
    ...parseKrxEtnListing(
      readText(BUNDLED_KRX_ETN_LISTING, 'KRX ETN listing', 'KRX ETN 목록'),
      BUNDLED_KRX_ETN_LISTING,
    ),
    ...parseSp500(readText(BUNDLED_SP500, 'S&P 500 list', 'S&P 500 목록'), BUNDLED_SP500),
  ];
  return listingInstruments(listings, rules);
}

function readText(file: string, what: string, whatKo: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError({
      file,
      message: `cannot read the ${what} (${code})`,
      ko: { message: `${withJosa(whatKo, '을/를')} 읽을 수 없습니다: ${fileErrorReason(code, 'ko')}` },
    });
  }
}

/** KIND 상장법인목록 writes markets in Korean. */
const KIND_MARKETS: Record<string, string> = { 유가: 'KOSPI', 코스닥: 'KOSDAQ', 코넥스: 'KONEX' };

/**
 * A newer KRX listing in one of the shapes it is published in, as this project's `code,market,name,industry` text:
 * this project's own file; FinanceDataReader's listing (`Code,Name,Market,…,Industry`, as in
 * FinanceData/fdr_krx_data_cache); or KIND's 상장법인목록 saved as CSV (`회사명,시장구분,종목코드,업종`). Every row is
 * validated (parseKrxListing) before anything is written.
 */
export function normaliseKrxListing(text: string, file: string): { text: string; count: number } {
  const clean = text.replace(/^\uFEFF/, '');
  const first = clean.split(/\r?\n/, 1)[0] ?? '';
  const cols = first.split(',').map((c) => c.trim());
  const pick = (
    code: string,
    market: string,
    name: string,
    industry: string,
    markets?: Record<string, string>,
  ) =>
    readRows(clean, file, [code, market, name]).map(({ row }) => {
      const m = (row[market] ?? '').trim();
      return [
        (row[code] ?? '').trim().padStart(6, '0'),
        markets?.[m] ?? m,
        (row[name] ?? '').trim(),
        (row[industry] ?? '').trim(),
      ];
    });
  let rows: string[][];
  if (cols.includes('code') && cols.includes('market')) rows = pick('code', 'market', 'name', 'industry');
  else if (cols.includes('Code') && cols.includes('Market'))
    rows = pick('Code', 'Market', 'Name', 'Industry');
  else if (cols.includes('종목코드') && cols.includes('시장구분'))
    rows = pick('종목코드', '시장구분', '회사명', '업종', KIND_MARKETS);
  else
    throw new InputError({
      file,
      line: 1,
      message: 'not a KRX listing this project reads',
      expected:
        'a header code,market,name,industry, or Code,Name,Market,Industry (FinanceDataReader), or 회사명,시장구분,종목코드,업종 (KIND)',
      ko: {
        message: '이 프로젝트가 읽는 KRX 상장 목록이 아닙니다',
        expected:
          '머리글 code,market,name,industry, 또는 Code,Name,Market,Industry (FinanceDataReader), 또는 회사명,시장구분,종목코드,업종 (KIND)',
      },
    });
  rows.sort((a, b) => (a[0] as string).localeCompare(b[0] as string));
  const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const out = ['code,market,name,industry', ...rows.map((r) => r.map(quote).join(','))].join('\n');
  const listings = parseKrxListing(`${out}\n`, file);
  return { text: `${out}\n`, count: listings.length };
}
