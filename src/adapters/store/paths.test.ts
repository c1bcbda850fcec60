import { describe, expect, it } from 'vitest';
import { defaultJournalPath } from './paths.ts';

describe('defaultJournalPath', () => {
  it('uses XDG_DATA_HOME on Linux when it is absolute', () => {
    expect(
      defaultJournalPath({ env: { XDG_DATA_HOME: '/data/me' }, platform: 'linux', home: '/home/me' }),
    ).toBe('/data/me/dispersion/journal.sqlite');
  });
  it('falls back to ~/.local/share when XDG_DATA_HOME is unset, empty or relative', () => {
    for (const XDG_DATA_HOME of [undefined, '', 'rel/dir']) {
      expect(defaultJournalPath({ env: { XDG_DATA_HOME }, platform: 'linux', home: '/home/me' })).toBe(
        '/home/me/.local/share/dispersion/journal.sqlite',
      );
    }
  });
  it('uses Application Support on macOS', () => {
    expect(defaultJournalPath({ env: {}, platform: 'darwin', home: '/Users/me' })).toBe(
      '/Users/me/Library/Application Support/dispersion/journal.sqlite',
    );
  });
  it('uses %APPDATA% on Windows', () => {
    expect(
      defaultJournalPath({
        env: { APPDATA: 'C:\\Users\\me\\AppData\\Roaming' },
        platform: 'win32',
        home: 'C:\\Users\\me',
      }),
    ).toBe('C:\\Users\\me\\AppData\\Roaming\\dispersion\\journal.sqlite');
  });
});
