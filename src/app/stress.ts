/** The stress use case (`dispersion stress <holdings…>`, /api/stress): what the essay's three risks and past crashes would do to the portfolio. */
import { z } from 'zod';
import { loadBundledScenarios, loadScenario } from '../adapters/config/scenario-file.ts';
import { prependAll } from '../core/arrays.ts';
import { parseIsoDay } from '../core/dates.ts';
import { InputError } from '../core/errors.ts';
import type { HistoricalWindow } from '../core/stress/historical.ts';
import { HISTORICAL_WINDOWS } from '../core/stress/historical.ts';
import { proxyCandidates } from '../core/stress/proxy.ts';
import type { Scenario } from '../core/stress/scenario.ts';
import { stressPortfolio } from '../core/stress/stress.ts';
import { withJosa } from '../i18n/josa.ts';
import { toStressDocument } from '../report/stress-document.ts';
import { formatOption, parseCommonOptions } from './options.ts';
import { CommonRequest, HoldingsRequest, parseRequest, WorkspaceRequest } from './request.ts';
import type { HoldingsSource } from './workspace.ts';
import { loadPortfolio, openWorkspace } from './workspace.ts';

/** The `stress` request: the report options, where the data comes from, and which scenarios and windows to run. */
export const StressRequest = CommonRequest.extend({
  ...WorkspaceRequest.shape,
  ...HoldingsRequest.shape,
  /** Comma-separated scenario ids, historical window ids, scenario files, or `all`. */
  scenario: z.string().optional(),
  /** Own historical windows `FROM:TO`. */
  window: z.array(z.string()).optional(),
});
export type StressOptions = z.input<typeof StressRequest>;

/** The whole stress test as a function of its arguments and the clock: what the dashboard calls too. */
export async function runStressCommand(files: readonly HoldingsSource[], request: StressOptions, now: Date) {
  const o = parseRequest(StressRequest, request, 'stress');
  const { lang, base, asOf } = parseCommonOptions(o, now);
  const ws = openWorkspace(o);
  const { scenarios, windows } = selectScenarios(o.scenario, o.window ?? []);
  // The held symbols plus every symbol a proxy may come from: the loader reads only what it is asked for.
  const portfolio = await loadPortfolio(files, ws.universe, o, proxyCandidates(ws.model), {
    asOf,
    ...formatOption(o),
  });
  const report = stressPortfolio({
    holdings: portfolio.holdings,
    universe: ws.universe,
    model: ws.model,
    market: portfolio.market,
    base,
    asOf,
    scenarios,
    windows,
  });
  prependAll(report.warnings, portfolio.warnings);
  return toStressDocument(report, lang);
}

/**
 * With neither option: the three bundled scenarios and the four historical windows. Otherwise exactly what was
 * asked: `--scenario` items (bundled ids, historical window ids, files, or `all`) and each `--window`.
 */
export function selectScenarios(
  spec: string | undefined,
  windowSpecs: readonly string[],
): { scenarios: Scenario[]; windows: HistoricalWindow[] } {
  const windows = windowSpecs.map(parseWindow);
  if (spec === undefined && windows.length > 0) return { scenarios: [], windows };
  const items = (spec ?? 'all')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const scenarios: Scenario[] = [];
  const named: HistoricalWindow[] = [];
  for (const item of items) {
    if (item === 'all') {
      scenarios.push(...loadBundledScenarios());
      named.push(...HISTORICAL_WINDOWS);
      continue;
    }
    const w = HISTORICAL_WINDOWS.find((x) => x.id === item);
    if (w) named.push(w);
    else scenarios.push(loadScenario(item));
  }
  const seen = new Set<string>();
  const unique = <T extends { id: string }>(xs: T[]) =>
    xs.filter((x) => {
      if (seen.has(x.id)) return false;
      seen.add(x.id);
      return true;
    });
  return { scenarios: unique(scenarios), windows: unique([...named, ...windows]) };
}

/** `2008-09-01:2009-03-09` → a window with that text as its id. */
export function parseWindow(text: string): HistoricalWindow {
  const m = /^(\d{4}-\d{2}-\d{2}):(\d{4}-\d{2}-\d{2})$/.exec(text.trim());
  const from = m ? parseIsoDay(m[1] as string) : undefined;
  const to = m ? parseIsoDay(m[2] as string) : undefined;
  if (from === undefined || to === undefined || from >= to) {
    throw new InputError({
      message: `--window ${text} is not a window`,
      expected: 'FROM:TO as two dates YYYY-MM-DD with FROM before TO, e.g. 2008-09-01:2009-03-09',
      ko: {
        message: `--window ${withJosa(text, '은/는')} 기간이 아닙니다`,
        expected: '시작:끝 형식의 두 날짜 YYYY-MM-DD (시작이 끝보다 앞), 예: 2008-09-01:2009-03-09',
      },
    });
  }
  return { id: text.trim(), from, to };
}
