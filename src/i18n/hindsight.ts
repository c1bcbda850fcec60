/** The backtest's hindsight caveat and decomposition, in English and Korean. */
import type { Lang } from './format.ts';
import { formatPct } from './format.ts';

export function hindsightCaveat(lang: Lang): string {
  return lang === 'ko'
    ? '사후 선택 주의: 이 모델의 백테스트 종목과 대용 종목(VRT, PWR, SK하이닉스, TER…)은 2026년에, 그 종목들이 어떻게 되었는지 알고서 고른 것입니다. 과거 수익률은 이 규칙이 당시에 벌었을 수익을 과장합니다.'
    : 'Hindsight: the model’s backtest names and stand-ins (VRT, PWR, SK Hynix, TER…) were chosen in 2026, knowing how they did. Past returns overstate what the rule would have earned at the time.';
}

export interface DecompositionWords {
  model: number;
  mag7PlusSpy: number;
  spy: number;
}

/** "Of the lead over SPY (+20.2 pts of CAGR), +9.1 pts come with NVDA+TSLA (25%), +11.1 with the hand-picked names." */
export function decompositionLine(c: DecompositionWords, selectedWeight: number, lang: Lang): string {
  const pts = (x: number) => {
    const n = new Intl.NumberFormat(lang === 'ko' ? 'ko-KR' : 'en-US', {
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
      signDisplay: 'exceptZero',
    }).format(x * 100);
    return lang === 'ko' ? `${n}%p` : `${n} pts`;
  };
  const w = formatPct(selectedWeight, lang, false, 0);
  const lead = c.model - c.spy;
  const mag7 = c.mag7PlusSpy - c.spy;
  const picks = c.model - c.mag7PlusSpy;
  return lang === 'ko'
    ? `SPY 대비 연복리수익률 우위 ${pts(lead)} 중 ${pts(mag7)}는 NVDA+TSLA(${w})에서, ${pts(picks)}는 손으로 고른 종목에서 나옵니다 (나머지를 SPY로 바꾼 같은 백테스트: 연 ${formatPct(c.mag7PlusSpy, lang)}).`
    : `Of the lead over SPY (${pts(lead)} of CAGR), ${pts(mag7)} comes with NVDA+TSLA (${w}) and ${pts(picks)} with the hand-picked names (the same run with every other name replaced by SPY: ${formatPct(c.mag7PlusSpy, lang)} a year).`;
}
