/** What every page shares: language, base currency, as-of date, and a version that bumps when holdings change. */
import { createContext, useContext, useEffect, useState } from 'react';
import { ApiError, getJson } from './api.ts';
import type { Lang, Strings } from './i18n.ts';
import { STRINGS } from './i18n.ts';

export interface Settings {
  lang: Lang;
  base: string;
  asOf: string;
  version: number;
}

export const SettingsContext = createContext<Settings>({ lang: 'en', base: 'KRW', asOf: '', version: 0 });

export function useSettings(): Settings & { t: Strings } {
  const s = useContext(SettingsContext);
  return { ...s, t: STRINGS[s.lang] };
}

export type Loadable<T> =
  | { state: 'loading' }
  | { state: 'error'; error: ApiError }
  | { state: 'ready'; data: T };

/** Fetches an API document whenever its parameters change; the newest request wins. */
export function useApi<T>(
  path: string | null,
  params: Record<string, string | number | boolean | undefined>,
): Loadable<T> {
  const [value, setValue] = useState<Loadable<T>>({ state: 'loading' });
  const key = JSON.stringify([path, params]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` captures path and params by value.
  useEffect(() => {
    if (!path) return;
    let live = true;
    setValue({ state: 'loading' });
    getJson<T>(path, params)
      .then((data) => live && setValue({ state: 'ready', data }))
      .catch(
        (e) =>
          live &&
          setValue({
            state: 'error',
            error: e instanceof ApiError ? e : new ApiError(0, { message: String(e) }),
          }),
      );
    return () => {
      live = false;
    };
  }, [key]);
  return value;
}
