/**
 * Browser-test support: Debian's Chromium driven by playwright-core (never a downloaded browser), a dashboard server
 * on a free loopback port, and a console-error collector.
 */
import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { SAMPLE_HOLDINGS, WEB_ROOT } from '../../src/app/dashboard.ts';
import type { RunningServer } from '../../src/server/start.ts';
import { startServer } from '../../src/server/start.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} not found: install Debian's chromium (apt-get install -y chromium fonts-nanum)`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      '--disable-quic',
    ],
  });
}

export async function startDashboard(
  asOf = '2026-05-29',
  extra: { db?: string } = {},
): Promise<RunningServer> {
  if (!existsSync(`${WEB_ROOT}/index.html`))
    throw new Error('web/dist is missing: run npm run build:web first');
  return startServer({
    host: '127.0.0.1',
    port: 0,
    holdings: [SAMPLE_HOLDINGS],
    defaults: { base: 'KRW', asOf, ...extra },
    webRoot: WEB_ROOT,
    now: () => new Date('2026-11-25T12:00:00Z'),
    maxUpload: 5 * 1024 * 1024,
  });
}

/** Collects console errors and page errors; a test asserts the list is empty at the end. */
export function watchConsole(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}
