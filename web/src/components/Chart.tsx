/** One ECharts instance per chart, tree-shaken through `echarts/core`; options are built by pure functions in charts.ts. */
import { BarChart, HeatmapChart, LineChart, PieChart, ScatterChart } from 'echarts/charts';
import {
  DataZoomComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import type { EChartsCoreOption } from 'echarts/core';
import * as echarts from 'echarts/core';
// @ts-expect-error: echarts ships its locale objects without type declarations.
import langKO from 'echarts/lib/i18n/langKO.js';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useSettings } from '../state.tsx';

echarts.use([
  BarChart,
  LineChart,
  PieChart,
  ScatterChart,
  HeatmapChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  MarkLineComponent,
  VisualMapComponent,
  DataZoomComponent,
  CanvasRenderer,
]);
echarts.registerLocale('KO', langKO);

/** Chart text in the dashboard's own (shipped) font, like the rest of the page. */
const TEXT = { fontFamily: '"Noto Sans KR", sans-serif' };

/** An option, or a function of the chart's width in CSS pixels for charts that lay out differently on a phone. */
/** The chart's box, holding its instance for the browser tests (test/browser/dashboard.test.ts reads its text). */
type ChartBox = HTMLDivElement & { chart?: echarts.ECharts };

export type ChartOption = EChartsCoreOption | ((width: number) => EChartsCoreOption);

export function Chart({
  option,
  height = 320,
  testId,
}: {
  option: ChartOption;
  height?: number;
  testId?: string;
}) {
  const { lang } = useSettings();
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<{ instance: echarts.ECharts; draw: () => void } | null>(null);
  const current = useRef(option);
  current.current = option;
  // The locale (month names, tooltips) is fixed at init: a language switch makes a new instance.
  useEffect(() => {
    const box = ref.current;
    if (!box) return;
    const c = echarts.init(box, undefined, { renderer: 'canvas', locale: lang === 'ko' ? 'KO' : 'EN' });
    let width = box.clientWidth;
    const draw = () => {
      const o = current.current;
      // No animation: numbers should be readable at once (and screenshots deterministic).
      c.setOption({ animation: false, textStyle: TEXT, ...(typeof o === 'function' ? o(width) : o) }, true);
    };
    chart.current = { instance: c, draw };
    // For the browser tests: canvas text is not in the DOM, so they read what the chart drew from its instance.
    (box as ChartBox).chart = c;
    draw();
    // The chart follows its box, not only the window: a panel that changes width redraws the chart to fit.
    const resize = new ResizeObserver(() => {
      const w = box.clientWidth;
      if (w === width) return;
      width = w;
      c.resize();
      if (typeof current.current === 'function') draw();
    });
    resize.observe(box);
    // Canvas text is drawn once: redraw when a slice of the web font arrives after the first paint.
    document.fonts.addEventListener('loadingdone', draw);
    return () => {
      resize.disconnect();
      document.fonts.removeEventListener('loadingdone', draw);
      c.dispose();
      chart.current = null;
    };
  }, [lang]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new option (by value) redraws; `current` holds it.
  useEffect(() => {
    chart.current?.draw();
  }, [option]);
  return <div ref={ref} style={{ width: '100%', height }} data-testid={testId} />;
}
