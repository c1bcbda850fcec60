import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { run } from '../cli/main.ts';
import { fromDay } from '../core/dates.ts';
import type { CheckThresholds } from '../core/model.ts';
import { runCheckCommand } from './check.ts';
import { localDate, parseAsOf, parseThresholds, setTimeZone } from './options.ts';

const base: CheckThresholds = {
  'mag7-max': { max: 0.5 },
  'physical-energy-min': { min: 0.5 },
  'regional-diversification': { min: 0.15, countries: ['KR', 'JP', 'IN'] },
  'monthly-rebalancing': { maxDays: 31 },
};

describe('parseThresholds', () => {
  it('merges fractions and whole days over the model', () => {
    expect(
      parseThresholds('mag7-max=0.4, regional-diversification=0.2,monthly-rebalancing=45', base),
    ).toEqual({
      'mag7-max': { max: 0.4 },
      'regional-diversification': { min: 0.2, countries: ['KR', 'JP', 'IN'] },
      'monthly-rebalancing': { maxDays: 45 },
    });
    expect(parseThresholds('physical-energy-min=1', base)).toEqual({ 'physical-energy-min': { min: 1 } });
  });

  it('refuses a percentage written as a whole number (40 would be 4,000%)', () => {
    expect(() => parseThresholds('mag7-max=40', base)).toThrow(
      '--threshold mag7-max=40 is out of range; expected mag7-max as a fraction between 0 and 1, e.g. 0.4 for 40%',
    );
    expect(() => parseThresholds('regional-diversification=-0.1', base)).toThrow(/out of range/);
  });

  it('takes monthly-rebalancing in whole days only', () => {
    expect(() => parseThresholds('monthly-rebalancing=0.5', base)).toThrow(
      'expected monthly-rebalancing as a whole number of days, e.g. monthly-rebalancing=31',
    );
    expect(() => parseThresholds('monthly-rebalancing=0', base)).toThrow(/whole number of days/);
  });

  it('names an unknown check', () => {
    expect(() => parseThresholds('concentration=0.2', base)).toThrow(
      /--threshold concentration=0.2 is not understood/,
    );
  });
});

describe('today is the user’s local date (issue 11 item 18)', () => {
  // 2026-12-01T23:30Z is 08:30 on 2 December in Seoul (UTC+9) and 18:30 on 1 December in New York (UTC−5).
  const now = new Date('2026-12-01T23:30:00Z');

  it('reads the date in the given zone, not in UTC', () => {
    expect(localDate(now, 'Asia/Seoul')).toBe('2026-12-02');
    expect(localDate(now, 'UTC')).toBe('2026-12-01');
    expect(localDate(now, 'America/New_York')).toBe('2026-12-01');
  });

  it('--tz sets the zone every default as-of is read in', async () => {
    try {
      setTimeZone('Asia/Seoul');
      expect(fromDay(parseAsOf(undefined, now))).toBe('2026-12-02');
      const doc = await runCheckCommand(
        ['examples/sample-holdings.csv'],
        { base: 'USD', db: '/nonexistent/journal.sqlite' },
        now,
      );
      expect(doc.asOf).toBe('2026-12-02');
      setTimeZone('UTC');
      expect(fromDay(parseAsOf(undefined, now))).toBe('2026-12-01');
      // A date given is taken as written, whatever the zone.
      expect(fromDay(parseAsOf('2026-05-29', now))).toBe('2026-05-29');
    } finally {
      setTimeZone(undefined);
    }
  });

  it('without --tz, the system’s zone (TZ) decides', () => {
    const code = `import('./src/app/options.ts').then((m) => process.stdout.write(m.localDate(new Date('${now.toISOString()}'))))`;
    const run = (tz: string) =>
      execFileSync(process.execPath, ['--import', 'tsx', '-e', code], {
        encoding: 'utf8',
        env: { ...process.env, TZ: tz },
      });
    expect(run('Asia/Seoul')).toBe('2026-12-02');
    expect(run('UTC')).toBe('2026-12-01');
    expect(run('America/New_York')).toBe('2026-12-01');
    expect(run('Pacific/Kiritimati')).toBe('2026-12-02'); // UTC+14
  });

  it('an unknown zone is refused, naming the option', async () => {
    expect(() => setTimeZone('Mars/Base')).toThrow('--tz Mars/Base is not a time zone');
    const err = process.stderr.write;
    let said = '';
    process.stderr.write = ((c: string) => {
      said += c;
      return true;
    }) as typeof process.stderr.write;
    try {
      expect(await run(['plan', '--months', '1', '--tz', 'Mars/Base'])).toBe(2);
    } finally {
      process.stderr.write = err;
    }
    expect(said).toContain('--tz Mars/Base is not a time zone');
  });

  it('--tz is read after the command too (plan starts from today in that zone)', async () => {
    const out = process.stdout.write;
    let printed = '';
    process.stdout.write = ((c: string) => {
      printed += c;
      return true;
    }) as typeof process.stdout.write;
    try {
      expect(await run(['plan', '--months', '1', '--json', '--tz', 'Pacific/Kiritimati'])).toBe(0);
    } finally {
      process.stdout.write = out;
    }
    // UTC+14: a day ahead of UTC for 14 hours of every day; `from` is today there (the same zone's date, now).
    expect(JSON.parse(printed).from).toBe(localDate(new Date(), 'Pacific/Kiritimati'));
  });
});

describe('parseThresholds: inherited keys', () => {
  it('refuses __proto__, constructor and toString as check names', () => {
    for (const id of ['__proto__', 'constructor', 'toString']) {
      expect(() => parseThresholds(`${id}=0.5`, base), id).toThrow(`--threshold ${id}=0.5 is not understood`);
    }
  });
});
