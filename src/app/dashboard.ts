/**
 * The dashboard use case (`dispersion serve`): what the server is started with. The port and the built front end are
 * checked, and the bundled sample is shown as of the last bundled close, so a first look is not all "stale" warnings;
 * your own holdings are valued as of today unless you say otherwise.
 */
import { existsSync } from 'node:fs';
import { z } from 'zod';
import { listBundledSymbols, loadMarketData } from '../adapters/market-data/load.ts';
import { packageFile } from '../adapters/package-files.ts';
import { fromDay } from '../core/dates.ts';
import { InputError } from '../core/errors.ts';
import { lastDay } from '../core/series.ts';
import { withJosa } from '../i18n/josa.ts';
import { parseBase } from './options.ts';
import { parseRequest } from './request.ts';

export const SAMPLE_HOLDINGS = packageFile('examples/sample-holdings.csv');
export const WEB_ROOT = packageFile('web/dist');

/** The `serve` request: what to show, where to listen, and the options every page's command takes. */
export const ServeRequest = z.object({
  holdings: z.array(z.string()).optional(),
  port: z.string(),
  host: z.string(),
  db: z.string().optional(),
  prices: z.string().optional(),
  asOf: z.string().optional(),
  base: z.string(),
  model: z.string().optional(),
  universe: z.string().optional(),
});
export type ServeOptions = z.input<typeof ServeRequest>;

export interface DashboardSettings {
  host: string;
  port: number;
  holdings: string[];
  defaults: { base: string; asOf?: string; prices?: string; model?: string; universe?: string; db?: string };
  webRoot: string;
  /** The bundled sample is shown, as of `defaults.asOf` (the last bundled close) since no --as-of was given. */
  sampleAsOfLastClose: boolean;
}

export function dashboardSettings(request: ServeOptions): DashboardSettings {
  const o = parseRequest(ServeRequest, request, 'serve');
  const port = Number(o.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new InputError({
      message: `--port ${o.port} is not a port number`,
      expected: 'an integer from 1 to 65535',
      ko: {
        message: `--port ${withJosa(o.port, '은/는')} 포트 번호가 아닙니다`,
        expected: '1에서 65535 사이의 정수',
      },
    });
  }
  if (!existsSync(`${WEB_ROOT}/index.html`)) {
    throw new InputError({
      message: 'the dashboard is not built',
      hint: 'run npm run build:web (npm start does it for you)',
      ko: {
        message: '대시보드가 빌드되지 않았습니다',
        hint: 'npm run build:web을 실행하세요 (npm start가 대신 실행합니다)',
      },
    });
  }
  const sample = !o.holdings?.length;
  const asOf = o.asOf ?? (sample ? latestBundledClose() : undefined);
  return {
    host: o.host,
    port,
    holdings: o.holdings?.length ? o.holdings : [SAMPLE_HOLDINGS],
    defaults: {
      base: parseBase(o.base),
      asOf,
      prices: o.prices,
      model: o.model,
      universe: o.universe,
      db: o.db,
    },
    webRoot: WEB_ROOT,
    sampleAsOfLastClose: sample && !o.asOf,
  };
}

/** The last date of the bundled S&P 500 ETF closes: the newest day the bundled data can value. */
function latestBundledClose(): string | undefined {
  if (!listBundledSymbols().includes('SPY')) return undefined;
  const spy = loadMarketData({ symbols: ['SPY'] }).prices.get('SPY');
  const day = spy ? lastDay(spy) : undefined;
  return day === undefined ? undefined : fromDay(day);
}
