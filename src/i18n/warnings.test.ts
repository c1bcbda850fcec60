import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { NOTICE_CODES } from '../core/notices.ts';
import { describeNotice } from './catalog/catalog.ts';
import { EXAMPLES } from './catalog/examples.ts';

describe('notices in Korean', () => {
  it('writes each from its facts, with particles by how the word is read', () => {
    expect(describeNotice(EXAMPLES['stale-fx'], 'ko')).toBe(
      'USD 환율이 2026-04-30 기준 (월평균)으로, 기준일보다 21거래일 전입니다.',
    );
    expect(
      describeNotice(
        {
          code: 'concentration-position',
          symbol: 'GOOG',
          symbols: ['GOOG', 'GOOGL'],
          weight: 0.25,
          limit: 0.2,
        },
        'ko',
      ),
    ).toBe(
      'GOOG + GOOGL (한 회사) 비중이 현금 제외 보유액의 25.0%로, 한 회사 한도 20.0%를 넘습니다: 한 종목에 집중된 포트폴리오는 2026년을 견디기 어렵습니다.',
    );
    expect(
      describeNotice({ code: 'concentration-country', country: 'KR', weight: 1, limit: 0.6 }, 'ko'),
    ).toBe(
      '한국(KR) 사업 비중이 현금 제외 보유액의 100.0%로, 한 국가 한도 60.0%를 넘습니다: 한 국가에 집중된 포트폴리오는 2026년을 견디기 어렵습니다.',
    );
  });

  it('gives the file price itself and says when the file states no date', () => {
    // EXAMPLES['file-price']: 005380.KS at 215,000 KRW from kiwoom.csv:4, undated, so taken as of the as-of day.
    expect(describeNotice(EXAMPLES['file-price'], 'ko')).toBe(
      '005380.KS: 더 최신 가격이 없어 kiwoom.csv:4의 가격(₩215,000, 2026-05-29 기준: 파일에 날짜가 없어 기준일로 봄)을 썼습니다.',
    );
    expect(describeNotice({ ...EXAMPLES['file-price'], dated: true }, 'ko')).toBe(
      '005380.KS: 더 최신 가격이 없어 kiwoom.csv:4의 가격(₩215,000, 2026-05-29 기준)을 썼습니다.',
    );
  });

  it('says which summary row was skipped and what an excluded account held', () => {
    expect(describeNotice(EXAMPLES['summary-row'], 'ko')).toBe(
      'a.csv:9: 9행의 합계 행을 건너뛰었습니다. 위 행들의 합계이지 보유 종목이 아닙니다.',
    );
    // 거래 1건 and a balance of 50 USD: the two joined by 과, 을 after 50 USD (디).
    expect(
      describeNotice(
        {
          code: 'excluded-account',
          file: 'g.json',
          account: '연금',
          activities: 1,
          balance: 50,
          currency: 'USD',
        },
        'ko',
      ),
    ).toBe(
      'g.json: 연금 계좌는 Ghostfolio에서 분석 제외("isExcluded": true)로 설정되어 거래 1건과 현금 잔액 50 USD를 Ghostfolio처럼 뺐습니다.',
    );
  });

  it('words the backtest and risk notices from their own facts', () => {
    expect(describeNotice(EXAMPLES['risk-monthly-fx'], 'ko')).toBe(
      'USD→KRW 일별 환율이 위험 구간 일부에 없어 그 기간은 월평균 환율을 썼습니다. 그래서 환율 변동성이 실제보다 작게 나옵니다.',
    );
    expect(
      describeNotice({ code: 'stale-price', symbol: 'VST', date: '2026-03-31', until: '2026-05-29' }, 'ko'),
    ).toBe('VST의 마지막 종가가 2026-03-31입니다. 2026-05-29까지 그 값을 이어 씁니다.');
    expect(describeNotice({ code: 'cash-rate' }, 'ko')).toBe(
      '국채 금리 데이터가 없어 현금 수익을 0으로 계산합니다.',
    );
    expect(describeNotice(EXAMPLES['duplicate-rows'], 'ko')).toBe(
      'a.csv: ISA 계좌의 NVDA가 3, 7행에 나뉘어 있어 합산했습니다 (합계 15).',
    );
  });
});

/**
 * Every warning code the source emits, found by reading src/ (`code: 'x'`, also `code: a ? 'x' : 'y'`), so a new code
 * the typed union (core/notices.ts) does not name fails here. 'custom' is zod's issue code, not a warning.
 */
function emittedCodes(): Map<string, string> {
  const codes = new Map<string, string>();
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, e.name);
      // The catalogue's example notices (i18n/catalog/examples.ts) name every code: they are not emitters.
      if (e.isDirectory()) {
        if (e.name !== 'catalog') walk(path);
      } else if (e.name.endsWith('.ts') && !e.name.endsWith('.test.ts')) {
        for (const m of readFileSync(path, 'utf8').matchAll(/\bcode:\s*([^,\n}]+)/g)) {
          // The values a code can take: the literal, or each branch of a conditional (not what it is compared to).
          for (const q of (m[1] ?? '').matchAll(/(?:^|[?:])\s*'([a-z][a-z0-9-]*)'/g)) {
            if (q[1] && q[1] !== 'custom') codes.set(q[1], path);
          }
        }
      }
    }
  };
  walk(fileURLToPath(new URL('..', import.meta.url)));
  return codes;
}

describe('every notice code', () => {
  it('is one the typed union names, with an example the catalogue renders', () => {
    const codes = emittedCodes();
    // The walk finds the codes at all (the sample's three import codes, say), so an empty scan cannot pass.
    expect(codes.has('duplicate-rows') && codes.has('goal-missed') && codes.has('risk-monthly-fx')).toBe(
      true,
    );
    // The typed union (core/notices.ts) names exactly the codes the source emits: none missing, none left over; the
    // catalogue (a compile error otherwise) and its examples then cover each.
    expect([...codes.keys()].sort()).toEqual([...NOTICE_CODES].sort());
    expect(Object.keys(EXAMPLES).sort()).toEqual([...NOTICE_CODES].sort());
  });
});
