/**
 * The dashboard's HTTP API and static files. Thin: every route validates its query with the use case's request schema
 * (src/app), calls the same `run…Command` function as the CLI, and returns the same JSON document. No rule is
 * implemented twice.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { zValidator } from '@hono/zod-validator';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { BacktestRequest, runBacktestCommand } from '../app/backtest.ts';
import { CheckRequest, runCheckCommand } from '../app/check.ts';
import { formatProblem, isInputError } from '../app/errors.ts';
import { runJournalList, runJournalRecord, runJournalShow } from '../app/journal-months.ts';
import { parseAsOf } from '../app/options.ts';
import { benchmarkParam, modelParam, scenarioParam } from '../app/query-params.ts';
import { RebalanceRequest, runRebalanceCommand, UTF8_BOM } from '../app/rebalance.ts';
import { parseRequest } from '../app/request.ts';
import { runSignalsCommand, SignalsRequest } from '../app/signals.ts';
import { runStressCommand, StressRequest } from '../app/stress.ts';
import type { HoldingsSource, UploadedFile } from '../app/workspace.ts';
import { portfolioOfFiles, previewHoldings } from '../app/workspace.ts';
import { noticesJson } from '../report/notice-json.ts';
import { toOrdersCsv } from '../report/rebalance-document.ts';
import { hostGuard, writeGuard } from './guard.ts';

/**
 * The query strings, checked with the use cases' own request schemas: the fields a page may set, each one string
 * (`?base=KRW&base=USD` is refused, naming the field). A flag arrives as text (`true` sets it); the files the server
 * reads are fixed when it starts (ServerConfig.defaults), never named in a query.
 */
const flag = z.string().optional();
const COMMON_QUERY = { base: true, asOf: true, model: true, lang: true } as const;
const CheckQuery = CheckRequest.pick(COMMON_QUERY).partial();
const RebalanceQuery = RebalanceRequest.pick({
  ...COMMON_QUERY,
  mode: true,
  band: true,
  minTrade: true,
})
  .partial()
  .extend({
    cash: z.string().optional(),
    candidates: z.string().optional(),
    costBps: z.string().optional(),
    fractional: flag,
    allowStale: flag,
  });
const BacktestQuery = BacktestRequest.pick({
  model: true,
  from: true,
  to: true,
  rebalance: true,
  base: true,
  benchmark: true,
  lang: true,
}).extend({ priceOnly: flag, curves: flag });
const SignalsQuery = SignalsRequest.pick({ asOf: true, lang: true });
const StressQuery = StressRequest.pick({ ...COMMON_QUERY, scenario: true }).partial();

/** The query validated by `schema`; a bad one is the same 400 (the field named) as any other input error. */
function query<S extends z.ZodType>(schema: S, what: string) {
  return zValidator('query', schema, (result) => {
    if (!result.success) parseRequest(schema, result.data, `${what} query`);
  });
}

export interface ServerConfig {
  /** Holdings shown until the user uploads their own (the bundled sample by default). */
  holdings: HoldingsSource[];
  /** Options every command takes, fixed at start (`--prices`, `--model`, `--base`, `--as-of`, `--db`). */
  defaults: { base: string; asOf?: string; prices?: string; model?: string; universe?: string; db?: string };
  /** Folder of the built front end; undefined serves the API only (tests). */
  webRoot?: string;
  allowedHosts: ReadonlySet<string>;
  /** The clock, injected: `now()` is read per request. */
  now: () => Date;
  /** Upload limit in bytes. */
  maxUpload: number;
  /** The token writes must carry; default a random one per process (tests pass their own). */
  token?: string;
}

/** Charts set inline styles, hence 'unsafe-inline' for styles only; nothing is loaded from anywhere else. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const DISCLAIMER = 'Decision support, not investment advice.';

export function createApp(config: ServerConfig) {
  // `lang`: the language a write's JSON body asked for (a POST has no query), for the refusal below.
  const app = new Hono<{ Variables: { lang: 'en' | 'ko' } }>();
  // The session's holdings: the upload replaces them in memory only; nothing the user gave is written to disk.
  let holdings: HoldingsSource[] = config.holdings;
  const label = (hs: HoldingsSource[]) =>
    hs.map((h) => (typeof h === 'string' ? basename(h) : h.name)).join(', ');
  let holdingsLabel = label(config.holdings);

  // Read by the page from /api/session (same origin only: no CORS headers) and sent back on every write.
  const token = config.token ?? randomBytes(32).toString('base64url');

  app.use('*', hostGuard(config.allowedHosts));
  app.use('*', async (c, next) => {
    await next();
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('Cross-Origin-Resource-Policy', 'same-origin');
    // No page may frame the dashboard (clickjacking of the record button); scripts only from this server.
    c.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    c.header('X-Frame-Options', 'DENY');
  });
  app.use('*', writeGuard(token));

  // A refusal is worded in the request's language (the same `lang` query parameter every page sends, or a write's
  // `lang` in its JSON body); the problem's fields, its `ko` variant included, go along for a page that words it itself.
  app.onError((err, c) => {
    if (isInputError(err)) {
      const lang = c.req.query('lang') === 'ko' || c.get('lang') === 'ko' ? 'ko' : 'en';
      return c.json({ error: { ...err.problem, text: formatProblem(err.problem, lang) } }, 400);
    }
    return c.json({ error: { message: `internal error: ${err.message}` } }, 500);
  });

  const opts = (q: Record<string, string | undefined>) => ({
    ...config.defaults,
    base: q.base ?? config.defaults.base,
    asOf: q.asOf ?? config.defaults.asOf,
    model: modelParam(q.model, config.defaults.model),
    lang: q.lang === 'ko' ? 'ko' : 'en',
  });

  app.get('/api/session', (c) =>
    c.json({ holdings: holdingsLabel, defaults: config.defaults, disclaimer: DISCLAIMER, token }),
  );

  app.get('/api/check', query(CheckQuery, 'check'), async (c) =>
    c.json(await runCheckCommand(holdings, opts(c.req.valid('query')), config.now())),
  );

  const rebalanceOptions = (q: Record<string, string | undefined>) => ({
    ...opts(q),
    mode: q.mode,
    band: q.band,
    cash: q.cash ? [q.cash] : [],
    minTrade: q.minTrade,
    fractional: q.fractional === 'true',
    allowStale: q.allowStale === 'true',
    candidates: q.candidates,
    costBps: q.costBps,
  });

  app.get('/api/rebalance', query(RebalanceQuery, 'rebalance'), async (c) =>
    c.json(await runRebalanceCommand(holdings, rebalanceOptions(c.req.valid('query')), config.now())),
  );

  // The same orders as `rebalance --csv`, for the download button.
  app.get('/api/rebalance.csv', query(RebalanceQuery, 'rebalance'), async (c) => {
    const doc = await runRebalanceCommand(holdings, rebalanceOptions(c.req.valid('query')), config.now());
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="orders-${doc.asOf}.csv"`);
    // The same UTF-8 byte-order mark as rebalance --csv, so Excel shows Korean account names, not mojibake.
    return c.body(`${UTF8_BOM}${toOrdersCsv(doc)}`);
  });

  app.get('/api/backtest', query(BacktestQuery, 'backtest'), async (c) => {
    const q = c.req.valid('query');
    const doc = await runBacktestCommand(
      {
        model: modelParam(q.model, config.defaults.model),
        from: q.from,
        to: q.to,
        rebalance: q.rebalance,
        base: q.base ?? config.defaults.base,
        benchmark: benchmarkParam(q.benchmark, config.defaults.model),
        priceOnly: q.priceOnly === 'true',
        prices: config.defaults.prices,
        universe: config.defaults.universe,
        db: config.defaults.db,
        lang: q.lang,
      },
      config.now(),
      { curves: q.curves === 'true' },
    );
    return c.json(doc);
  });

  // The journal of the portfolio on screen: its months only (one journal per portfolio, named by its accounts).
  app.get('/api/journal', async (c) =>
    c.json(
      await runJournalList(
        { db: config.defaults.db, portfolio: await portfolioOfFiles(holdings) },
        config.now(),
      ),
    ),
  );

  app.get('/api/journal/:month', async (c) =>
    c.json(
      await runJournalShow(
        c.req.param('month'),
        { db: config.defaults.db, portfolio: await portfolioOfFiles(holdings) },
        config.now(),
      ),
    ),
  );

  // Records this month: the current holdings, the check, and the orders the Rebalance page shows (same parameters).
  app.post('/api/journal/record', async (c) => {
    const body = (await c.req.json().catch(() => ({}))) as Record<string, string | boolean | undefined>;
    const q = Object.fromEntries(
      Object.entries(body).map(([k, v]) => [k, v === undefined ? undefined : String(v)]),
    ) as Record<string, string | undefined>;
    c.set('lang', q.lang === 'ko' ? 'ko' : 'en');
    const rb = await runRebalanceCommand(holdings, rebalanceOptions(q), config.now());
    const doc = await runJournalRecord(
      holdings,
      {
        ...opts(q),
        executed: body.executed === true,
        orderRows: rb.orders.map((o) => ({
          account: o.account,
          symbol: o.symbol,
          side: o.side,
          quantity: o.quantity,
          price: o.price,
          currency: o.currency,
          value: o.value,
          valueBase: o.valueBase,
        })),
      },
      config.now(),
    );
    return c.json(doc);
  });

  app.get('/api/signals', query(SignalsQuery, 'signals'), async (c) => {
    const q = c.req.valid('query');
    return c.json(
      await runSignalsCommand(
        {
          asOf: q.asOf ?? config.defaults.asOf,
          lang: q.lang,
          db: config.defaults.db,
          prices: config.defaults.prices,
          series: true,
        },
        config.now(),
      ),
    );
  });

  app.get('/api/stress', query(StressQuery, 'stress'), async (c) => {
    const q = c.req.valid('query');
    return c.json(
      await runStressCommand(holdings, { ...opts(q), scenario: scenarioParam(q.scenario) }, config.now()),
    );
  });

  app.post(
    '/api/holdings',
    bodyLimit({
      maxSize: config.maxUpload,
      onError: (c) => c.json({ error: { message: `upload larger than ${config.maxUpload} bytes` } }, 413),
    }),
    async (c) => {
      // One or several files (multiple select or drop), all in fields named `file`: they replace the holdings together.
      const form = await c.req.parseBody({ all: true });
      const field = form.file;
      const files = (Array.isArray(field) ? field : [field]).filter((f): f is File => f instanceof File);
      if (files.length === 0) {
        return c.json(
          { error: { message: 'no file in the upload', expected: 'one or more form fields named file' } },
          400,
        );
      }
      const uploads: UploadedFile[] = await Promise.all(
        files.map(async (file) => ({
          name: file.name || 'upload.csv',
          bytes: new Uint8Array(await file.arrayBuffer()),
        })),
      );
      // Import first: a malformed file is reported (file, line, column) and the current holdings stay as they were.
      // The preview counts what the pages will show: activities and snapshots after the as-of date are left out.
      const asOf = parseAsOf(config.defaults.asOf, config.now());
      const imported = await previewHoldings(uploads, {
        asOf,
        ...(config.defaults.universe ? { universe: config.defaults.universe } : {}),
      });
      holdings = uploads;
      holdingsLabel = label(uploads);
      // The notices' sentences in the page's language (`lang`, as every page sends it).
      const lang = c.req.query('lang') === 'ko' ? 'ko' : 'en';
      return c.json({
        holdings: holdingsLabel,
        rows: imported.holdings.length,
        warnings: noticesJson(imported.warnings, lang),
      });
    },
  );

  app.post('/api/holdings/reset', (c) => {
    holdings = config.holdings;
    holdingsLabel = label(config.holdings);
    return c.json({ holdings: holdingsLabel });
  });

  app.all('/api/*', (c) => c.json({ error: { message: `no such API: ${c.req.path}` } }, 404));

  if (config.webRoot) {
    const root = config.webRoot;
    app.use('/*', serveStatic({ root }));
    // Client-side routes fall back to the app shell.
    const shell = readFileSync(`${root}/index.html`, 'utf8');
    app.get('*', (c) => c.html(shell));
  }
  return { app, currentHoldings: () => holdings };
}
