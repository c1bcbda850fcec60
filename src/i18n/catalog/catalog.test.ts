import { describe, expect, it } from 'vitest';
import { NOTICE_CODES, type Notice } from '../../core/notices.ts';
import type { Catalog } from './catalog.ts';
import { describeNotice } from './catalog.ts';
import { EN } from './en.ts';
import { EXAMPLES } from './examples.ts';
import { KO } from './ko.ts';

/** Every string fact of a notice (symbols, files, codes such as `DIVIDEND`), which a Korean sentence may print as is. */
function facts(x: unknown): string[] {
  if (typeof x === 'string') return [x];
  if (Array.isArray(x)) return x.flatMap(facts);
  if (x && typeof x === 'object') return Object.values(x).flatMap(facts);
  return [];
}

/**
 * What a Korean sentence may leave in Latin letters besides the notice's own facts: what the reader types (an option
 * and its placeholder or value, `--look-through FILE`, `--other keep`; a command, `dispersion data update`) and the
 * names of things (Ghostfolio and its `"isExcluded": true`, BUY and SELL, look-through as the data is called; the
 * KOSCOM response's own field names and values, `queryResult.page`, `assetType ALL`, `count 0`).
 */
const TYPED = /--[a-z-]+( [A-Z]+| keep| sell| reduce)?|dispersion( [a-z]+)+/g;
const NAMES =
  /\b(Ghostfolio|isExcluded|true|look-through|BUY|SELL|SPAC|Mag7|queryResult\.page|assetType ALL|count)\b/g;

const examples = Object.values(EXAMPLES) as Notice[];

describe('the notice catalogue', () => {
  it('has an example of every code', () => {
    expect(examples.map((n) => n.code).sort()).toEqual([...NOTICE_CODES].sort());
  });

  it.each(examples)('writes $code in English and in Korean', (n) => {
    const en = describeNotice(n, 'en');
    const ko = describeNotice(n, 'ko');
    for (const s of [en, ko]) {
      expect(s.length).toBeGreaterThan(0);
      expect(s).not.toMatch(/undefined|NaN|\[object|null/);
    }
    expect(ko).toMatch(/[가-힣]/);
    expect(ko).not.toBe(en);
    // No English word of four letters or more is left once the facts, the typed options and the names are taken out.
    let rest = ko.replace(TYPED, ' ').replace(NAMES, ' ');
    for (const f of facts(n).sort((a, b) => b.length - a.length)) rest = rest.split(f).join(' ');
    expect(rest).not.toMatch(/[A-Za-z]{4,}/);
  });

  it('writes the sentences the emitters wrote, and Korean particles by how the word is read', () => {
    // The English as check wrote it before notices were typed (test/e2e reads the same words from the CLI).
    expect(describeNotice(EXAMPLES['stale-fx'], 'en')).toBe(
      'USD exchange rate is from 2026-04-30 (a monthly average), 21 trading days before the as-of date',
    );
    expect(describeNotice(EXAMPLES['stale-fx'], 'ko')).toBe(
      'USD 환율이 2026-04-30 기준 (월평균)으로, 기준일보다 21거래일 전입니다.',
    );
    // 3 and 7: two lines are joined by "and"; NVDA가 (엔비디에이, an open syllable).
    expect(describeNotice(EXAMPLES['duplicate-rows'], 'en')).toBe(
      'a.csv: NVDA in account ISA appears on lines 3 and 7; the rows were summed to 15',
    );
    expect(describeNotice(EXAMPLES['duplicate-rows'], 'ko')).toBe(
      'a.csv: ISA 계좌의 NVDA가 3, 7행에 나뉘어 있어 합산했습니다 (합계 15).',
    );
    // 2 activities, balance 0: one part, plural verb.
    expect(describeNotice(EXAMPLES['excluded-account'], 'en')).toBe(
      'g.json: account Old is excluded from analysis in Ghostfolio ("isExcluded": true), so its 2 activities were left out, as Ghostfolio does',
    );
    expect(
      describeNotice({ ...EXAMPLES['excluded-account'], activities: 1, balance: 50, currency: 'USD' }, 'en'),
    ).toBe(
      'g.json: account Old is excluded from analysis in Ghostfolio ("isExcluded": true), so its 1 activity and its cash balance of 50 USD were left out, as Ghostfolio does',
    );
    // 1 row (PluralRules "one"), and a Ghostfolio count of 3 activities.
    expect(describeNotice({ ...EXAMPLES['activities-after-as-of'], count: 1, rows: true }, 'en')).toBe(
      'g.json: 1 row dated after the as-of date 2026-05-29 ignored (from 2026-06-02 on)',
    );
    // BTCUSD는: S (에스) ends open.
    expect(describeNotice(EXAMPLES.unclassified, 'ko')).toContain('BTCUSD는 종목 유니버스에 없어');
    // The four levers, "or" between the last two (Intl.ListFormat disjunction).
    expect(describeNotice(EXAMPLES.levers, 'en')).toBe(
      'To get closer to the model: sell the holdings outside the model (--other sell), give prices for the named listings (--prices FILE, or dispersion data update), let an account trade another market (--account-markets NAME=KRX,US), or let money move between accounts (--transfers).',
    );
  });

  it('does not compile a catalogue missing a code (checked by tsc --noEmit)', () => {
    const { 'funding-short': _dropped, ...rest } = KO;
    // @ts-expect-error: funding-short has no sentence.
    const missing: Catalog = rest;
    // @ts-expect-error: stale-price's facts have no `limit`; a sentence cannot read one.
    const wrong: Catalog = { ...EN, 'stale-price': (n: { limit: number }) => `${n.limit}` };
    expect([missing, wrong].length).toBe(2);
  });
});
