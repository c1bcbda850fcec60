/** The dashboard shell: header (pages, language, base currency, as-of date), the holdings loader, the page, the footer. */
import { useEffect, useState } from 'react';
import { getJson } from './api.ts';
import { Upload } from './components/Upload.tsx';
import type { Lang } from './i18n.ts';
import { initialLang, STRINGS } from './i18n.ts';
import { PAGES } from './pages/index.ts';
import { SettingsContext } from './state.tsx';

const BASES = ['KRW', 'USD', 'JPY', 'EUR'];

function pageFromHash(): string {
  const id = window.location.hash.replace(/^#\/?/, '');
  return PAGES.some((p) => p.id === id) ? id : 'overview';
}

export function App() {
  const [lang, setLang] = useState<Lang>(initialLang);
  const [page, setPage] = useState(pageFromHash);
  const [base, setBase] = useState('KRW');
  const [asOf, setAsOf] = useState('');
  const [version, setVersion] = useState(0);
  const [label, setLabel] = useState('');
  const t = STRINGS[lang];

  useEffect(() => {
    const onHash = () => setPage(pageFromHash());
    window.addEventListener('hashchange', onHash);
    getJson<{ holdings: string; defaults: { base: string; asOf?: string } }>('/api/session').then((s) => {
      setLabel(s.holdings);
      setBase(s.defaults.base);
      setAsOf(s.defaults.asOf ?? '');
    });
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  // On a phone the navigation scrolls sideways: keep the current page's tab in view.
  useEffect(() => {
    document
      .querySelector(`[data-testid="nav-${page}"]`)
      ?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [page]);

  useEffect(() => {
    document.documentElement.lang = lang;
    localStorage.setItem('dispersion.lang', lang);
  }, [lang]);

  const Current = (PAGES.find((p) => p.id === page) ?? PAGES[0])?.component ?? (() => null);
  return (
    <SettingsContext.Provider value={{ lang, base, asOf, version }}>
      <header className="header">
        <div className="brand">
          <strong>{t.title}</strong>
          <span className="muted">{t.tagline}</span>
        </div>
        <nav>
          {PAGES.map((p) => (
            <a
              key={p.id}
              href={`#/${p.id}`}
              className={p.id === page ? 'active' : ''}
              data-testid={`nav-${p.id}`}
            >
              {p.title(t)}
            </a>
          ))}
        </nav>
        <div className="controls">
          <label>
            <span className="lbl">{t.base}</span>
            <select
              value={base}
              onChange={(e) => setBase(e.target.value)}
              aria-label={t.base}
              data-testid="base-select"
            >
              {[...new Set([base, ...BASES])].map((b) => (
                <option key={b}>{b}</option>
              ))}
            </select>
          </label>
          <label>
            <span className="lbl">{t.asOf}</span>
            <input
              type="date"
              aria-label={t.asOf}
              value={asOf}
              onChange={(e) => setAsOf(e.target.value)}
              data-testid="asof-input"
            />
          </label>
          <button
            type="button"
            className="lang"
            onClick={() => setLang(lang === 'en' ? 'ko' : 'en')}
            data-testid="lang-toggle"
          >
            {lang === 'en' ? '한국어' : 'English'}
          </button>
        </div>
      </header>
      <main>
        <Upload
          label={label}
          onChanged={(l) => {
            setLabel(l);
            setVersion((v) => v + 1);
          }}
        />
        <Current />
      </main>
      <footer className="footer" data-testid="disclaimer">
        {t.disclaimer}
      </footer>
    </SettingsContext.Provider>
  );
}
