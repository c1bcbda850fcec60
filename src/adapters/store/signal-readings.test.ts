import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openJournal } from './database.ts';
import { listSignalReadings, recordSignalReading } from './signal-readings.ts';

const NOW = new Date('2026-11-25T12:00:00Z');

describe('signal_readings in the journal', () => {
  it('records, corrects (same id, date and source) and lists readings', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'signals-')), 'j.sqlite');
    const j = await openJournal(file, { now: NOW });
    try {
      const row = { id: 'mag7-avg-pe', date: '2026-05-15', value: 29.5, source: 'me', recordedAt: 'T1' };
      expect(await recordSignalReading(j, row)).toBeNull();
      expect(await recordSignalReading(j, { ...row, value: 29, recordedAt: 'T2' })).toBe(29.5);
      // Another source for the same figure is a second reading, not a correction.
      await recordSignalReading(j, { ...row, source: 'broker', value: 30, recordedAt: 'T3' });
      await recordSignalReading(j, {
        id: 'ai-capex',
        date: '2026-05-01',
        value: 650,
        source: 'me',
        recordedAt: 'T4',
      });
      expect(await listSignalReadings(j)).toEqual([
        { id: 'ai-capex', date: '2026-05-01', value: 650, source: 'me', recordedAt: 'T4' },
        { id: 'mag7-avg-pe', date: '2026-05-15', value: 29, source: 'me', recordedAt: 'T2' },
        { id: 'mag7-avg-pe', date: '2026-05-15', value: 30, source: 'broker', recordedAt: 'T3' },
      ]);
    } finally {
      await j.close();
    }
    // And they are on disk: a fresh read-only open sees them.
    const again = await openJournal(file, { readOnly: true });
    try {
      expect((await listSignalReadings(again)).length).toBe(3);
    } finally {
      await again.close();
    }
  });
});
