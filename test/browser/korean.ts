/**
 * Issue 15: a Korean page says everything in Korean. What a page shows (its text, what its charts drew on their canvas,
 * their tooltips, what a click opens) is split into words, and a word of three Latin letters or more is English unless
 * it is the page's own data (symbols, accounts, file names, from the API documents and the bundled data) or on the
 * short list of words that stay Latin in Korean (STAYS_LATIN). A country shows by its name: 미국(US), never US alone.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

const UNIVERSE = JSON.parse(readFileSync('data/universe.json', 'utf8')) as {
  instruments: { symbol: string; nameKo?: string }[];
};
const READINGS = JSON.parse(readFileSync('data/signals/readings.json', 'utf8')) as {
  readings: { id: string }[];
};

/** The Latin words a page's data may show, and the country codes that must not stand alone. */
export interface DataWords {
  allowed: Set<string>;
  /** Names of several words (SCHWAB US BROAD MARKET ETF, an account's name), taken out whole. */
  phrases: string[];
  countries: Set<string>;
}

// The text a reader sees (a select's options too: they show when it opens), without code (symbols, file paths).
const VISIBLE_TEXT = `(() => {
  const copy = document.body.cloneNode(true);
  copy.querySelectorAll('code, script, style').forEach((e) => e.remove());
  copy.style.position = 'absolute';
  document.body.appendChild(copy);
  const text = copy.innerText;
  copy.remove();
  return text;
})()`;

/**
 * What a chart drew (canvas text is not in the DOM: axis labels, legends, series and category names, heat-map labels)
 * and the tooltip of each series' first point, read through the instance the Chart component keeps on its box.
 */
const CHART_TEXT = `(async () => {
  const out = [];
  for (const box of document.querySelectorAll('[data-testid^="chart-"]')) {
    const c = box.chart;
    if (!c) continue;
    for (const el of c.getZr().storage.getDisplayList(true)) {
      if (el.style && typeof el.style.text === 'string' && !el.invisible && !el.ignore) out.push(el.style.text);
    }
    const series = c.getOption().series ?? [];
    for (let i = 0; i < series.length; i++) {
      c.dispatchAction({ type: 'showTip', seriesIndex: i, dataIndex: 0 });
      await new Promise((r) => setTimeout(r, 40));
      out.push(box.innerText);
      c.dispatchAction({ type: 'hideTip' });
    }
  }
  return out.join('\\n');
})()`;

/** Opens what a click would show: every <details>, and (on the stress page) each scenario's own panel in turn. */
export async function everythingOn(p: Page, id: string): Promise<string> {
  const texts: string[] = [];
  const read = async () => {
    await p.evaluate(`document.querySelectorAll('details').forEach((d) => { d.open = true; })`);
    texts.push((await p.evaluate(VISIBLE_TEXT)) as string, (await p.evaluate(CHART_TEXT)) as string);
  };
  await read();
  if (id === 'stress') {
    const rows = p.locator('[data-testid="stress-table"] tbody tr');
    for (let i = 1; i < (await rows.count()); i++) {
      await rows.nth(i).click();
      await read();
    }
  }
  return texts.join('\n');
}

/**
 * Latin words that stay Latin on a Korean page, each for a reason. Everything else a Korean page shows in Latin letters
 * comes from its own data (symbols, accounts, the file's name: `dataTokens`) or is typed by the reader (commands).
 */
const STAYS_LATIN = new Set([
  'Dispersion', // the product's name, in the header
  'English', // the language switch names the other language in that language
  'Mag7', // the essay's own name for the seven companies, in Korean too
  'ETF', // Korean investors write ETF, ADR, PER (for P/E), CAGR, MDD, VaR and CVaR in Latin letters
  'ADR',
  'PER',
  'CAGR',
  'MDD',
  'VaR',
  'CVaR',
  'S&P', // index names
  'KOSPI',
  'TOPIX',
  'MSCI',
  'Nasdaq',
  'SOX', // the Philadelphia semiconductor index, as Korean news writes it
  'GPU', // written GPU in Korean
  'CSV', // file formats the upload accepts, and the tool whose export it reads
  'JSON',
  'xlsx',
  'Ghostfolio',
  'KRX', // the Korea Exchange's own short name, in Korean too
]);

/**
 * The Latin words a page's own data puts on screen: symbols (positions, orders, baskets, proxies, benchmarks), account
 * and file names, currency codes, from the API documents the pages read; the universe's Korean names (ABB stays
 * ABB); the symbols with bundled prices (a stress scenario's sources cite them); the reading ids a reader types after
 * `dispersion signals add`; the names a holdings file gives instruments the universe has no Korean name for (an
 * instrument it names in Korean must show in Korean). Also the country codes of the holdings, which a Korean page
 * writes only after the country's name, as in 미국(US).
 */
export async function dataTokens(url: string, asOf = '2026-05-29'): Promise<DataWords> {
  const q = `lang=ko&base=KRW&asOf=${asOf}`;
  const docs = await Promise.all(
    [
      '/api/session',
      `/api/check?${q}`,
      `/api/rebalance?${q}&mode=full&band=0.02`,
      '/api/backtest?lang=ko&base=KRW&rebalance=monthly',
      `/api/stress?${q}`,
      `/api/signals?lang=ko&asOf=${asOf}`,
      '/api/journal',
    ].map(async (path) => (await fetch(`${url}${path}`)).json()),
  );
  // `rule`: the id of the data/classification.json rule that classified a holding, which the holdings page cites.
  const keys = new Set([
    ...['symbol', 'proxy', 'fund', 'account', 'from', 'to', 'holdings', 'portfolio', 'rule'],
    ...['currency', 'base'],
  ]);
  // The currencies the base and new-cash selects offer (App.tsx BASES, Rebalance.tsx), whatever the data holds.
  const found: string[] = ['KRW', 'USD', 'JPY', 'EUR'];
  const walk = (v: unknown, key = ''): void => {
    if (Array.isArray(v)) for (const x of v) walk(x, key);
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
    else if (typeof v === 'string' && keys.has(key)) found.push(v);
  };
  walk(docs);
  // The backtest's benchmarks are named by their symbols (SPY, QQQ).
  for (const b of (docs[3] as { benchmarks: { id: string }[] }).benchmarks) found.push(b.id);
  // The check's exposure by currency, by code.
  for (const c of (docs[1] as { currencies?: { id: string }[] }).currencies ?? []) found.push(c.id);
  for (const i of UNIVERSE.instruments) if (i.nameKo) found.push(i.nameKo);
  for (const r of READINGS.readings) found.push(r.id);
  for (const f of readdirSync('data/market/prices')) found.push(f.replace(/\.csv$/, ''));
  const check = docs[1] as {
    countries?: { id: string }[];
    positions?: { symbol: string; name: string | null; country: string | null }[];
  };
  const korean = new Set(UNIVERSE.instruments.filter((i) => i.nameKo).map((i) => i.symbol));
  for (const p of check.positions ?? []) if (p.name && !korean.has(p.symbol)) found.push(p.name);
  const countries = new Set(
    [
      ...(check.countries ?? []).map((c) => c.id),
      ...(check.positions ?? []).map((p) => p.country ?? ''),
    ].filter((c) => /^[A-Z]{2}$/.test(c)),
  );
  return {
    allowed: new Set(found.flatMap((s) => s.match(TOKEN) ?? [])),
    // Longest first, so that a name is taken out whole before a shorter name inside it.
    phrases: [...new Set(found.filter((s) => /\s/.test(s)))].sort((a, b) => b.length - a.length),
    countries,
  };
}

/** A word: letters and digits, joined by . & - (005930.KS, S&P, mag7-avg-pe, sample-holdings.csv). */
const TOKEN = /[A-Za-z0-9]+(?:[.&-][A-Za-z0-9]+)*/g;
/** A file's path, which stays as it is: prices/NVDA.csv, fx/daily/USDKRW.csv, prices/*.csv, fx/<AAABBB>.csv. */
const PATH = /[A-Za-z0-9_*.<>-]+(?:\/[A-Za-z0-9_*.<>-]+)*\.(?:csv|json|xlsx|sqlite)\b/g;

/**
 * English left in a Korean page: every word with three Latin letters in a row that is neither data nor in STAYS_LATIN,
 * with the text around it. What a reader types is left out first: `dispersion data update`, `--prices DIR`, the
 * header `date,close`.
 */
export function englishIn(text: string, data: DataWords): string[] {
  const typed = data.phrases
    .reduce((t, phrase) => t.replaceAll(phrase, ' '), text)
    .replace(/dispersion( [a-z0-9-]+)+/g, ' ')
    .replace(/--[a-z-]+( [^\s()]+)?/g, ' ')
    // A CSV header to write, as in 머리글이 date,close인 파일 (prose puts a space after its commas).
    .replace(/\b[a-z]+(?:,[a-z]+)+\b/g, ' ')
    .replace(PATH, ' ');
  const words: string[] = [];
  for (const m of typed.matchAll(TOKEN)) {
    const w = m[0];
    // A country by its code alone (US, not 미국(US)); US$ is the dollar's sign.
    const bare =
      data.countries.has(w) &&
      !(typed[m.index - 1] === '(' && typed[m.index + 2] === ')') &&
      typed[m.index + 2] !== '$';
    if (!bare && (!/[A-Za-z]{3}/.test(w) || data.allowed.has(w) || STAYS_LATIN.has(w))) continue;
    words.push(
      `${w} in "${typed.slice(Math.max(0, m.index - 30), m.index + w.length + 30).replace(/\s+/g, ' ')}"`,
    );
  }
  return [...new Set(words)];
}
