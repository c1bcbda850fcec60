import { describe, expect, it } from 'vitest';
import type { DataStatusDocument } from '../../report/data-status-document.ts';
import { renderDataStatusText } from './data-status-text.ts';

const doc: DataStatusDocument = {
  asOf: '2026-11-25',
  cache: '/tmp/journal.sqlite',
  precedence: 'user --prices folder > cache (when newer) > bundled',
  symbols: [
    {
      symbol: '6954.T',
      name: 'Fanuc',
      first: '2024-03-25',
      last: '2026-11-24',
      source: 'cache:yahoo',
      stale: 'fresh',
      age: 1,
      days: 1,
      jumps: [
        {
          date: '2024-03-28',
          previousDate: '2024-03-27',
          from: 21540,
          to: 4259,
          move: 4259 / 21540,
          reason: 'split-ratio',
          ratio: '5:1',
        },
      ],
      gaps: [],
    },
    {
      symbol: 'NVDA',
      name: 'Nvidia',
      first: '1999-12-31',
      last: '2026-05-29',
      source: 'bundled',
      stale: 'error',
      // 2026-05-29 (Fri) → 2026-11-25 (Wed): 180 calendar days; 25 weeks (175 days, 125 weekdays) to 2026-11-20, then
      // Mon–Wed = 128 weekdays.
      age: 128,
      days: 180,
      jumps: [],
      gaps: [],
    },
  ],
  fx: [],
};

describe('renderDataStatusText', () => {
  it('shows each symbol’s status and spells out the suspicious jump', () => {
    const text = renderDataStatusText(doc, 'en');
    expect(text).toContain('Cache: /tmp/journal.sqlite');
    expect(text).toMatch(/6954\.T\s+2024-03-25\s+2026-11-24\s+1d\s+1\s+ok\s+cache:yahoo\s+1 jump/);
    expect(text).toMatch(/NVDA\s+1999-12-31\s+2026-05-29\s+180d\s+128\s+STALE!\s+bundled/);
    // 4259 / 21540 − 1 = −0.80227 → −80.2%
    expect(text).toContain(
      '6954.T: 2024-03-27 → 2024-03-28 moved -80.2% (21540 → 4259), matches a 5:1 split',
    );
    expect(text).toContain('1 series are stale or missing');
  });

  it('speaks Korean', () => {
    const text = renderDataStatusText(doc, 'ko');
    // The source is named, not the English id: bundled → 번들, cache:yahoo → 캐시(yahoo).
    expect(text).toMatch(/NVDA\s+1999-12-31\s+2026-05-29\s+180일\s+128거래일\s+매우 오래됨\s+번들/);
    expect(text).toMatch(/6954\.T\s.*최신\s+캐시\(yahoo\)/);
    expect(text).toContain('5:1 분할 비율과 일치');
  });
});
