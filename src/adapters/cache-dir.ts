/**
 * The user's cache folder for one kind of file Dispersion keeps between runs (parsed price series, the CLI's compiled
 * code): `$XDG_CACHE_HOME/dispersion/<kind>`, else `~/.cache/dispersion/<kind>`, never beside the user's files.
 * `DISPERSION_CACHE=off` (or `0`, `no`, `false`) turns every cache off; so does having no known home.
 */
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';

export interface CacheEnv {
  env?: NodeJS.ProcessEnv;
  home?: string;
}

/** The folder for `kind`, or undefined when caching is off or no home is known. */
export function userCacheDir(kind: string, o: CacheEnv = {}): string | undefined {
  const env = o.env ?? process.env;
  const flag = (env.DISPERSION_CACHE ?? '').trim().toLowerCase();
  if (flag === 'off' || flag === '0' || flag === 'no' || flag === 'false') return undefined;
  const xdg = env.XDG_CACHE_HOME;
  if (xdg && isAbsolute(xdg)) return join(xdg, 'dispersion', kind);
  let home = o.home;
  if (home === undefined) {
    try {
      home = homedir();
    } catch {
      return undefined;
    }
  }
  return home ? join(home, '.cache', 'dispersion', kind) : undefined;
}
