import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { resolveKrxName, resolveSymbol } from '../../core/universe.ts';
import {
  BUNDLED_KRX_ETF_LISTING,
  BUNDLED_KRX_ETN_LISTING,
  BUNDLED_KRX_LISTING,
  BUNDLED_SP500,
  loadListingInstruments,
  loadRules,
  parseKrxListing,
  simpleRecords,
} from './listing-file.ts';
import { couldBeListed, loadUniverse } from './universe-file.ts';

describe('the bundled KRX listing and S&P 500, classified', () => {
  const u = loadUniverse();
  const at = (written: string) => {
    const s = resolveSymbol(u, written);
    return s === undefined ? undefined : u.instruments.get(s);
  };

  it('resolves any KRX code form to the listing, in KRW, lot 1', () => {
    // data/listings/krx.csv: 035420,KOSPI,NAVER; 247540,KOSDAQ GLOBAL,에코프로비엠; 0001A0,KOSDAQ,덕양에너젠.
    for (const w of ['035420', 'A035420', '35420', '035420.KS', '035420.KQ', 'a035420'])
      expect(resolveSymbol(u, w), w).toBe('035420.KS');
    expect(resolveSymbol(u, '247540.KQ')).toBe('247540.KQ');
    expect(resolveSymbol(u, 'A247540')).toBe('247540.KQ');
    expect(resolveSymbol(u, '0001A0')).toBe('0001A0.KQ');
    expect(at('035420')).toMatchObject({ currency: 'KRW', lot: 1, nameKo: 'NAVER' });
  });

  it('classifies by the rules: NAVER KR/other, a weapons maker defense, Hyundai Rotem defense, an S&P 500 company by its sector', () => {
    expect(at('035420')).toMatchObject({ country: 'KR', sleeve: 'other', classifiedBy: 'kr-other' });
    // 103140 풍산 (ammunition) is not in data/universe.json: the kr-defense rule names it.
    expect(at('103140')).toMatchObject({ sleeve: 'defense', classifiedBy: 'kr-defense' });
    // 267260 HD현대일렉트릭: transformers (전동기, 발전기 및 전기 변환 · 공급 · 제어 장치 제조업).
    expect(at('267260')).toMatchObject({ sleeve: 'energy', classifiedBy: 'kr-power-infrastructure' });
    // Hyundai Rotem is curated in data/universe.json (defense); the rule agrees.
    expect(at('064350')).toMatchObject({ sleeve: 'defense', country: 'KR' });
    // Boeing: GICS Aerospace & Defense; Duke is curated, Southern curated; AES: Utilities sector.
    expect(at('BA')).toMatchObject({
      sleeve: 'defense',
      country: 'US',
      classifiedBy: 'us-aerospace-defense',
    });
    expect(at('AES')).toMatchObject({ sleeve: 'energy', classifiedBy: 'us-power-infrastructure' });
    expect(at('JPM')).toMatchObject({ sleeve: 'other', country: 'US', classifiedBy: 'us-other' });
    // Curated entries win over the listing: NVDA stays Mag7.
    expect(at('NVDA')).toMatchObject({ mag7: true, sleeve: 'mag7-selected' });
    expect(at('NVDA')?.classifiedBy).toBeUndefined();
  });

  it('resolves names to codes, and says when a name is ambiguous', () => {
    expect(resolveKrxName(u, 'NAVER')).toEqual({ kind: 'code', symbol: '035420.KS' });
    expect(resolveKrxName(u, '현대차')).toEqual({ kind: 'code', symbol: '005380.KS' });
    expect(resolveKrxName(u, '두산 에너빌리티')).toEqual({ kind: 'code', symbol: '034020.KS' });
    expect(resolveKrxName(u, 'TIGER 미국나스닥100')).toEqual({ kind: 'code', symbol: '133690.KS' });
    // "현대차" is exact; "현대차우" too; but "현대" alone matches many listings.
    const r = resolveKrxName(u, '현대');
    expect(r.kind).toBe('ambiguous');
    if (r.kind === 'ambiguous') {
      expect(r.candidates.length).toBe(10);
      expect(r.candidates.every((s) => /\.(KS|KQ|KN)$/.test(s))).toBe(true);
    }
    expect(resolveKrxName(u, '없는회사이름')).toEqual({ kind: 'unknown' });
  });
});

describe('parseKrxListing', () => {
  it('names the line and column of a bad row', () => {
    expect(() =>
      parseKrxListing('code,market,name,industry\n005930,KOSPI,삼성전자,x\n12345,KOSPI,y,z\n', 'l.csv'),
    ).toThrow('l.csv:3:1: bad KRX code 12345');
    expect(() => parseKrxListing('code,market,name,industry\n005930,NYSE,삼성전자,x\n', 'l.csv')).toThrow(
      'l.csv:2:2: unknown market NYSE',
    );
  });
});

describe('--rules FILE', () => {
  it('is tried before the bundled rules, and --universe still wins over both', () => {
    const u = loadUniverse(undefined, undefined, { rules: 'test/fixtures/listings/my-rules.json' });
    expect(u.instruments.get('035420.KS')).toMatchObject({
      sleeve: 'physical-ai',
      classifiedBy: 'my-naver-physical-ai',
    });
    // Other listings keep the bundled rules.
    expect(u.instruments.get('103140.KS')?.classifiedBy).toBe('kr-defense');
  });

  it('refuses a sleeve the model does not know, naming the JSON path', () => {
    expect(() =>
      loadUniverse(undefined, undefined, { rules: 'test/fixtures/listings/bad-rules.json' }),
    ).toThrow('classification rules file: rules.0.sleeve');
  });
});

describe('simpleRecords (the one-line reader used before csv-parse)', () => {
  const viaCsvParse = (text: string) =>
    (
      parse(text, { columns: true, skip_empty_lines: true, info: true }) as {
        record: Record<string, string>;
        info: { lines: number };
      }[]
    ).map((r) => ({ record: r.record, info: { lines: r.info.lines } }));

  it('gives what csv-parse gives on the bundled listings', () => {
    for (const file of [
      BUNDLED_KRX_LISTING,
      BUNDLED_KRX_ETF_LISTING,
      BUNDLED_KRX_ETN_LISTING,
      BUNDLED_SP500,
    ]) {
      const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
      const fast = simpleRecords(text);
      expect(fast).toBeDefined();
      expect(fast).toEqual(viaCsvParse(text));
    }
  });

  it('reads quoted fields, "" and blank lines as csv-parse does', () => {
    const text = 'a,b,c\r\n1,"x, ""y""",\r\n\r\n"",2,"3"\r\n';
    expect(simpleRecords(text)).toEqual(viaCsvParse(text));
    expect(simpleRecords(text)?.[0]).toEqual({ record: { a: '1', b: 'x, "y"', c: '' }, info: { lines: 2 } });
    expect(simpleRecords(text)?.[1]?.info.lines).toBe(4);
  });

  it('leaves multi-line quotes, stray quotes, ragged rows and a lone \\r to csv-parse', () => {
    expect(simpleRecords('a,b\n"1\n2",3\n')).toBeUndefined();
    expect(simpleRecords('a,b\n1"x,3\n')).toBeUndefined();
    expect(simpleRecords('a,b\n"1"x,3\n')).toBeUndefined();
    expect(simpleRecords('a,b\n1,2,3\n')).toBeUndefined();
    expect(simpleRecords('a,b\r1,2\r')).toBeUndefined();
    expect(simpleRecords('a,a\n1,2\n')).toBeUndefined();
  });
});

describe('the listings left unread when no symbol could be in them (couldBeListed)', () => {
  const whole = loadUniverse();

  it('says "could be listed" of every bundled listing, each of its KRX spellings, and no digit-bearing non-KRX code', () => {
    const listed = loadListingInstruments(loadRules());
    expect(listed.length).toBeGreaterThan(3000);
    for (const i of listed) {
      expect(couldBeListed(i.symbol), i.symbol).toBe(true);
      expect(couldBeListed(i.symbol.toLowerCase()), i.symbol).toBe(true);
    }
    for (const w of ['005930', 'A005930', '5930', '005930.KQ', 'Q530031', ' brk-b ', 'BRK.B', 'NVDA'])
      expect(couldBeListed(w), w).toBe(true);
    for (const w of ['S0000', 'S0099', '6954.T', 'SIE.DE', '^GSPC', 'BTC-USD'])
      expect(couldBeListed(w), w).toBe(w === 'SIE.DE' || w === 'BTC-USD');
  });

  it('resolves every curated symbol and alias with no listing shape to the very instrument the whole universe gives', () => {
    const curated = [...whole.index.keys()].filter((k) => !couldBeListed(k));
    // data/universe.json: 6954.T (Fanuc), RR.L, 2330.TW … (a few dozen with a digit or a caret).
    expect(curated).toContain('6954.T');
    const part = loadUniverse(undefined, undefined, { symbols: curated });
    expect(part.instruments.size).toBeLessThan(whole.instruments.size / 5);
    for (const k of [...curated, 'S0000', 's0001']) {
      const a = resolveSymbol(part, k);
      expect(a, k).toBe(resolveSymbol(whole, k));
      expect(a === undefined ? undefined : part.instruments.get(a), k).toEqual(
        a === undefined ? undefined : whole.instruments.get(a),
      );
    }
    // The look-through is the whole universe's, built when asked for.
    expect([...part.lookThrough.keys()]).toEqual([...whole.lookThrough.keys()]);
  });
});
