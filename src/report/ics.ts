/**
 * The monthly plan as an iCalendar file (RFC 5545): one all-day VEVENT per rebalancing day. Pure text generation:
 * the DTSTAMP instant comes in from the shell. Lines end in CRLF and are folded at 75 octets (UTF-8 bytes, never
 * inside a character), as §3.1 requires; UIDs depend only on the date, so re-importing a regenerated plan updates
 * the same events instead of duplicating them.
 */
import type { IsoDate } from '../core/dates.ts';
import { fromDay, toDay } from '../core/dates.ts';

export interface IcsEventText {
  summary: string;
  description: string;
}

export interface IcsOptions {
  /** When the file was generated (DTSTAMP, UTC). */
  stamp: Date;
  text: IcsEventText;
}

const MAX_OCTETS = 75;

/** `2026-08-03` → `20260803`. */
function basicDate(d: IsoDate): string {
  return d.replaceAll('-', '');
}

/** `2026-11-25T12:34:56.789Z` → `20261125T123456Z`. */
function basicUtc(t: Date): string {
  return `${t.toISOString().slice(0, 19).replaceAll('-', '').replaceAll(':', '')}Z`;
}

/** TEXT value escaping (§3.3.11): backslash, semicolon, comma and newlines. */
export function escapeText(s: string): string {
  return s.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * Folds one content line so no physical line exceeds 75 octets: continuation lines start with one space, which
 * counts toward their 75. Splits only between characters, so a Hangul syllable (3 octets) is never cut.
 */
export function foldLine(line: string): string {
  const enc = new TextEncoder();
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const n = enc.encode(ch).length;
    if (octets + n > MAX_OCTETS) {
      parts.push(current);
      current = ' ';
      octets = 1;
    }
    current += ch;
    octets += n;
  }
  parts.push(current);
  return parts.join('\r\n');
}

export function stableUid(date: IsoDate): string {
  return `rebalance-${basicDate(date)}@dispersion.local`;
}

export function planToIcs(dates: readonly IsoDate[], o: IcsOptions): string {
  const stamp = basicUtc(o.stamp);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Dispersion//Monthly rebalancing plan//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
  ];
  for (const d of dates) {
    const next = fromDay(toDay(d) + 1);
    lines.push(
      'BEGIN:VEVENT',
      `UID:${stableUid(d)}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${basicDate(d)}`,
      // DTEND of an all-day event is exclusive: the next day.
      `DTEND;VALUE=DATE:${basicDate(next)}`,
      `SUMMARY:${escapeText(o.text.summary)}`,
      `DESCRIPTION:${escapeText(o.text.description)}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
