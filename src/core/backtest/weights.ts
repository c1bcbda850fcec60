/**
 * Target weights of a backtest: from a model (each sleeve's `backtest` list, weight within the sleeve × the sleeve's
 * target; a sleeve with an empty list is cash, earning the T-bill rate) or from `SYM=W,…` on the command line.
 */
import { InputError } from '../errors.ts';
import type { Model } from '../model.ts';

export interface TargetWeight {
  symbol: string;
  weight: number;
  /** The model sleeve it stands in for, when it came from a model. */
  sleeve?: string;
}

export interface ProxyAsset {
  sleeve: string;
  symbol: string;
  /** Weight in the whole portfolio. */
  weight: number;
  note: string;
  /** The same reason in Korean, when the model gives it. */
  noteKo?: string;
}

export interface PortfolioWeights {
  id: string;
  name: string;
  /** The model's Korean name, when it has one. */
  nameKo?: string;
  assets: TargetWeight[];
  /** 1 − Σ asset weights: the cash sleeve (and anything the model leaves unallocated). */
  cash: number;
  /** The model's stand-ins with their reasons (the sleeve lists' `note` fields). */
  proxies: ProxyAsset[];
}

/** Summing many products like 0.3 × 0.2 leaves 1e-16 dust; weights are rounded to this many decimals. */
const DECIMALS = 12;
const round = (x: number) => Math.round(x * 10 ** DECIMALS) / 10 ** DECIMALS;

export function modelWeights(model: Model): PortfolioWeights {
  const bySymbol = new Map<string, TargetWeight>();
  const proxies: ProxyAsset[] = [];
  for (const sleeve of model.sleeves) {
    const list = sleeve.backtest ?? [];
    if (list.length === 0) {
      if (sleeve.id !== 'cash-bonds' && sleeve.target > 0) {
        throw new InputError({
          message: `model ${model.id}: sleeve ${sleeve.id} has no backtest list`,
          expected: 'a "backtest" list of { symbol, weight } in every sleeve but cash-bonds',
          ko: {
            message: `모델 ${model.id}: 슬리브 ${sleeve.id}에 backtest 목록이 없습니다`,
            expected: 'cash-bonds를 뺀 모든 슬리브에 { symbol, weight } 항목의 "backtest" 목록',
          },
        });
      }
      continue; // cash: what the invested weights leave to 1
    }
    for (const item of list) {
      const w = round(item.weight * sleeve.target);
      const prev = bySymbol.get(item.symbol);
      if (prev) prev.weight = round(prev.weight + w);
      else bySymbol.set(item.symbol, { symbol: item.symbol, weight: w, sleeve: sleeve.id });
      if (item.note)
        proxies.push({
          sleeve: sleeve.id,
          symbol: item.symbol,
          weight: w,
          note: item.note,
          ...(item.noteKo ? { noteKo: item.noteKo } : {}),
        });
    }
  }
  const assets = [...bySymbol.values()];
  const invested = assets.reduce((s, a) => s + a.weight, 0);
  return {
    id: model.id,
    name: model.name,
    ...(model.nameKo ? { nameKo: model.nameKo } : {}),
    assets,
    cash: round(Math.max(0, 1 - invested)),
    proxies,
  };
}

/**
 * `NVDA=0.5,TSLA=0.3` (fractions) or `NVDA=50%,TSLA=30%`; what is left to 1 is cash. Symbols are upper-cased; the
 * caller resolves broker spellings through the universe.
 */
export function parseWeights(text: string, option = '--weights'): PortfolioWeights {
  const assets: TargetWeight[] = [];
  const seen = new Set<string>();
  for (const part of text.split(',')) {
    const m = /^\s*([^=\s]+)\s*=\s*([0-9.]+)\s*(%?)\s*$/.exec(part);
    const value = m ? Number(m[2]) / (m[3] ? 100 : 1) : Number.NaN;
    if (!m || !Number.isFinite(value) || value <= 0) {
      throw new InputError({
        message: `${option} "${part.trim()}" is not understood`,
        expected: 'SYMBOL=WEIGHT pairs separated by commas, e.g. NVDA=0.5,TSLA=0.3 or NVDA=50%,TSLA=30%',
        ko: {
          message: `${option}의 항목을 읽을 수 없습니다: "${part.trim()}"`,
          expected: '쉼표로 구분한 종목=비중 쌍, 예: NVDA=0.5,TSLA=0.3 또는 NVDA=50%,TSLA=30%',
        },
      });
    }
    const symbol = (m[1] as string).toUpperCase();
    if (seen.has(symbol)) {
      throw new InputError({
        message: `${option} names ${symbol} twice`,
        expected: 'each symbol once',
        ko: { message: `${option}에 ${symbol} 종목이 두 번 있습니다`, expected: '종목마다 한 번씩' },
      });
    }
    seen.add(symbol);
    assets.push({ symbol, weight: value });
  }
  const total = assets.reduce((s, a) => s + a.weight, 0);
  if (total > 1 + 1e-9) {
    throw new InputError({
      message: `${option} weights sum to ${round(total)}, more than 1`,
      expected: 'weights summing to at most 1 (the rest is cash); leverage is not modelled',
      ko: {
        message: `${option}의 비중 합계(${round(total)})가 1보다 큽니다`,
        expected: '합계 1 이하의 비중 (나머지는 현금; 레버리지는 지원하지 않습니다)',
      },
    });
  }
  return {
    id: 'weights',
    name: assets.map((a) => `${a.symbol} ${round(a.weight * 100)}%`).join(', '),
    assets,
    cash: round(Math.max(0, 1 - total)),
    proxies: [],
  };
}

/** A single symbol held at 100% (a benchmark such as SPY). */
export function singleAsset(symbol: string): PortfolioWeights {
  return { id: symbol, name: symbol, assets: [{ symbol, weight: 1 }], cash: 0, proxies: [] };
}
