/**
 * Where the journal lives when `--db` is not given: the platform's per-user data directory. A function of the
 * environment, platform and home directory (passed in), so every branch is testable on any machine.
 */
import { join, win32 } from 'node:path';

export interface PlatformInfo {
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
  home: string;
}

export const JOURNAL_FILE = 'journal.sqlite';

export function defaultJournalPath(p: PlatformInfo): string {
  if (p.platform === 'win32') {
    const appData = p.env.APPDATA || win32.join(p.home, 'AppData', 'Roaming');
    return win32.join(appData, 'dispersion', JOURNAL_FILE);
  }
  if (p.platform === 'darwin')
    return join(p.home, 'Library', 'Application Support', 'dispersion', JOURNAL_FILE);
  // XDG: an empty or relative XDG_DATA_HOME is invalid and must be ignored (XDG Base Directory spec).
  const xdg = p.env.XDG_DATA_HOME;
  const dataHome = xdg?.startsWith('/') ? xdg : join(p.home, '.local', 'share');
  return join(dataHome, 'dispersion', JOURNAL_FILE);
}
