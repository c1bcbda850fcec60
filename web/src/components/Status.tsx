/** Loading and error states, shared by every page. An API error shows the file, line and column the server named. */
import type { ApiError } from '../api.ts';
import { useSettings } from '../state.tsx';

export function Loading() {
  const { t } = useSettings();
  return <p className="muted">{t.loading}</p>;
}

export function ErrorBox({ error }: { error: ApiError }) {
  const { t, lang } = useSettings();
  const p = error.problem;
  const where = [p.file, p.line, p.column].filter((x) => x !== undefined).join(':');
  // The importer writes its refusals in Korean too; other problems are English only.
  const words = lang === 'ko' && p.ko ? p.ko : p;
  return (
    <div className="error" role="alert" data-testid="error">
      <strong>{t.error}</strong>
      {where && <code className="where">{where}</code>}
      <span>
        {words.message}
        {words.expected ? `; ${t.expected} ${words.expected}` : ''}
      </span>
      {words.hint && <span className="hint">{words.hint}</span>}
    </div>
  );
}

/**
 * The line a page opens with when its values rest on prices older than 10 trading days (or signals moved its as-of
 * back): the data's date and its age in calendar days, in the reader's language, from the server's document.
 */
export function StaleLine({ stale }: { stale: { message: string; error?: boolean } | null | undefined }) {
  if (!stale) return null;
  return (
    <p className={`stale-line ${stale.error === false ? 'note' : ''}`} role="alert" data-testid="stale-line">
      {stale.message}
    </p>
  );
}
