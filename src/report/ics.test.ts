import { describe, expect, it } from 'vitest';
import { PLAN_WORDS } from '../i18n/plan.ts';
import { escapeText, foldLine, planToIcs, stableUid } from './ics.ts';

const STAMP = new Date('2026-11-25T12:34:56.789Z');
const octets = (s: string) => new TextEncoder().encode(s).length;

describe('planToIcs', () => {
  const text = planToIcs(['2026-12-01', '2027-01-04'], { stamp: STAMP, text: PLAN_WORDS.en });

  it('is a VCALENDAR with one all-day VEVENT per date', () => {
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines).toContain('VERSION:2.0');
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(2);
    expect(lines).toContain('DTSTART;VALUE=DATE:20261201');
    expect(lines).toContain('DTEND;VALUE=DATE:20261202');
    expect(lines).toContain('DTSTART;VALUE=DATE:20270104');
    expect(lines).toContain('DTEND;VALUE=DATE:20270105');
    expect(lines).toContain('DTSTAMP:20261125T123456Z');
    expect(lines).toContain('SUMMARY:Dispersion: monthly rebalancing');
    expect(lines.at(-2)).toBe('END:VCALENDAR');
    expect(lines.at(-1)).toBe(''); // the file ends with CRLF
  });

  it('ends every line with CRLF and has no bare LF', () => {
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('folds lines longer than 75 octets, and unfolding gives the original back', () => {
    const physical = text.split('\r\n');
    for (const l of physical) expect(octets(l)).toBeLessThanOrEqual(75);
    expect(physical.some((l) => l.startsWith(' '))).toBe(true); // the description is long enough to fold
    const unfolded = text.replace(/\r\n /g, '');
    expect(unfolded).toContain(`DESCRIPTION:${escapeText(PLAN_WORDS.en.description)}\r\n`);
  });

  it('folds Korean text between characters, never inside one', () => {
    const ko = planToIcs(['2026-12-01'], { stamp: STAMP, text: PLAN_WORDS.ko });
    for (const l of ko.split('\r\n')) expect(octets(l)).toBeLessThanOrEqual(75);
    // Each physical line, as bytes on its own, must be valid UTF-8: a split inside a 3-octet Hangul syllable would
    // leave a dangling lead byte on one line and continuation bytes on the next.
    const bytes = Buffer.from(ko, 'utf8');
    const strict = new TextDecoder('utf-8', { fatal: true });
    let start = 0;
    for (let i = bytes.indexOf('\r\n'); i !== -1; i = bytes.indexOf('\r\n', start)) {
      expect(() => strict.decode(bytes.subarray(start, i))).not.toThrow();
      start = i + 2;
    }
    expect(ko.split('\r\n').some((l) => l.startsWith(' ') && /[가-힣]/.test(l))).toBe(true);
    expect(ko.replace(/\r\n /g, '')).toContain('SUMMARY:Dispersion: 월간 리밸런싱\r\n');
  });

  it('gives each date a UID that depends on the date only', () => {
    const later = planToIcs(['2027-01-04'], { stamp: new Date('2027-01-01T00:00:00Z'), text: PLAN_WORDS.ko });
    const uid = (s: string) => s.split('\r\n').filter((l) => l.startsWith('UID:'));
    expect(uid(later)).toEqual(['UID:rebalance-20270104@dispersion.local']);
    expect(uid(text)).toEqual([
      'UID:rebalance-20261201@dispersion.local',
      'UID:rebalance-20270104@dispersion.local',
    ]);
    expect(stableUid('2027-01-04')).toBe('rebalance-20270104@dispersion.local');
  });
});

describe('foldLine', () => {
  it('cuts at exactly 75 octets, continuation lines carry a leading space within their 75', () => {
    const line = 'X'.repeat(200);
    const parts = foldLine(line).split('\r\n');
    // 75 + (1 + 74) + (1 + 51): 75 + 74 + 51 = 200
    expect(parts.map((p) => p.length)).toEqual([75, 75, 52]);
    expect(parts.slice(1).every((p) => p.startsWith(' '))).toBe(true);
  });
  it('leaves a 75-octet line alone', () => {
    expect(foldLine('Y'.repeat(75))).toBe('Y'.repeat(75));
  });
  it('does not split a 3-octet character across lines', () => {
    // 73 ASCII octets + '한' (3 octets) = 76 > 75: '한' moves to the next line whole.
    const parts = foldLine(`${'a'.repeat(73)}한글`).split('\r\n');
    expect(parts).toEqual(['a'.repeat(73), ' 한글']);
  });
});

describe('escapeText', () => {
  it('escapes backslash, semicolon, comma and newline', () => {
    expect(escapeText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
  });
});
