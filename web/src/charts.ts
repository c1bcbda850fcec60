/** ECharts option builders: pure functions from API documents to chart options, so pages stay declarative. */
import type { EChartsCoreOption } from 'echarts/core';
import { formatMoney, formatPct } from '../../src/i18n/format.ts';
import type { Lang } from './i18n.ts';
import { sleeveName } from './i18n.ts';

export const PALETTE = [
  '#2f6fde',
  '#1aa37a',
  '#e08a1e',
  '#8f5bd6',
  '#d6456b',
  '#6b7a8f',
  '#b1b9c6',
  '#c9a227',
  '#29a3c4',
];

export interface SleeveRow {
  id: string;
  weight: number;
  target: number;
  value: number;
}

/** Weight bars against target markers, with the rebalancing band drawn as a range around each target. */
export function sleeveBars(sleeves: SleeveRow[], band: number, lang: Lang, width = 640): EChartsCoreOption {
  const names = sleeves.map((s) => sleeveName(s.id, lang));
  const pct = (x: number) => formatPct(x, lang);
  return {
    color: PALETTE,
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => pct(v) },
    legend: { top: 0 },
    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatPct(v, lang, false, 0) } },
    // On a narrow chart long sleeve names are cut short (the tooltip and the table below give them whole) so the bars
    // keep most of the width.
    yAxis: {
      type: 'category',
      data: names,
      inverse: true,
      axisLabel: { width: Math.max(100, Math.round(width * 0.35)), overflow: 'truncate' },
    },
    series: [
      {
        name: lang === 'ko' ? '현재 비중' : 'Weight',
        type: 'bar',
        data: sleeves.map((s) => ({
          value: s.weight,
          itemStyle: { color: Math.abs(s.weight - s.target) > band ? '#d6456b' : '#2f6fde' },
        })),
        barMaxWidth: 18,
      },
      {
        name: lang === 'ko' ? '목표 ± 허용 범위' : 'Target ± band',
        type: 'scatter',
        symbol: 'diamond',
        symbolSize: 12,
        itemStyle: { color: '#1b1f24' },
        data: sleeves.map((s) => s.target),
        markLine: undefined,
      },
      {
        name: lang === 'ko' ? '목표 ± 허용 범위' : 'Target ± band',
        type: 'bar',
        stack: 'band',
        silent: true,
        itemStyle: { color: 'transparent' },
        data: sleeves.map((s) => Math.max(0, s.target - band)),
        barGap: '-100%',
        barMaxWidth: 18,
        tooltip: { show: false },
      },
      {
        name: lang === 'ko' ? '목표 ± 허용 범위' : 'Target ± band',
        type: 'bar',
        stack: 'band',
        silent: true,
        itemStyle: { color: 'rgba(26,163,122,0.25)' },
        data: sleeves.map((s) => (s.target > 0 ? Math.min(s.target, band) + band : 0)),
        barMaxWidth: 18,
        tooltip: { show: false },
      },
    ],
  };
}

export function donut(
  rows: { name: string; value: number }[],
  currency: string,
  lang: Lang,
): EChartsCoreOption {
  return {
    color: PALETTE,
    tooltip: { trigger: 'item', valueFormatter: (v: number) => formatMoney(v, currency, lang) },
    legend: { type: 'scroll', bottom: 0 },
    series: [
      {
        type: 'pie',
        radius: ['40%', '66%'],
        center: ['50%', '44%'],
        label: { formatter: '{d}%' },
        data: rows.filter((r) => r.value > 0),
      },
    ],
  };
}
