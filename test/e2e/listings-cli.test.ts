import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runListingsUpdate } from '../../src/app/data.ts';
import { openWorkspace } from '../../src/app/workspace.ts';
import { resolveSymbol } from '../../src/core/universe.ts';

const F = 'test/fixtures/listings';

describe('data update --listings --from FILE', () => {
  it('writes a FinanceDataReader listing beside the journal, and the universe then resolves its new codes', () => {
    const db = join(mkdtempSync(join(tmpdir(), 'listings-')), 'journal.sqlite');
    const r = runListingsUpdate({ listings: true, from: `${F}/fdr-desc.csv`, db });
    expect(r.count).toBe(2);
    expect(readFileSync(r.written, 'utf8')).toBe(
      'code,market,name,industry\n035420,KOSPI,NAVER,"자료처리, 호스팅, 포털 및 기타 인터넷 정보매개 서비스업"\n999990,KOSDAQ,새상장반도체,반도체 제조업\n',
    );
    const u = openWorkspace({ db }).universe;
    // 999990 is in the refreshed listing only: KOSDAQ → .KQ, classified by kr-chips.
    expect(resolveSymbol(u, 'A999990')).toBe('999990.KQ');
    expect(u.instruments.get('999990.KQ')).toMatchObject({ sleeve: 'emerging', classifiedBy: 'kr-chips' });
    // The bundled listing is replaced, not merged: 000660 is not in the refreshed file, but SK hynix is curated.
    expect(resolveSymbol(u, '247540')).toBeUndefined();
    expect(resolveSymbol(u, '000660')).toBe('000660.KS');
  });

  it('reads KIND 상장법인목록 saved as CSV (markets in Korean)', () => {
    const db = join(mkdtempSync(join(tmpdir(), 'listings-')), 'journal.sqlite');
    runListingsUpdate({ listings: true, from: `${F}/kind.csv`, db });
    expect(openWorkspace({ db }).universe.instruments.get('999980.KS')).toMatchObject({
      sleeve: 'defense',
      classifiedBy: 'kr-defense',
    });
  });

  it('refuses a file that is not a listing, and needs --from (no network)', () => {
    const db = join(mkdtempSync(join(tmpdir(), 'listings-')), 'journal.sqlite');
    expect(() => runListingsUpdate({ listings: true, from: `${F}/not-a-listing.csv`, db })).toThrow(
      'not-a-listing.csv:1: not a KRX listing this project reads',
    );
    expect(() => runListingsUpdate({ listings: true, db })).toThrow('it does not reach the network');
  });
});
