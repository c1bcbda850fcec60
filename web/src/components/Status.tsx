/** Loading and error states, shared by every page. An API error shows the file, line and column the server named. */
import type { ApiError } from '../api.ts';
import { useSettings } from '../state.tsx';

export function Loading() {
  const { t } = useSettings();
  return <p className="muted">{t.loading}</p>;
}

export function ErrorBox({ error }: { error: ApiError }) {
  const { t } = useSettings();
  const p = error.problem;
  const where = [p.file, p.line, p.column].filter((x) => x !== undefined).join(':');
  return (
    <div className="error" role="alert" data-testid="error">
      <strong>{t.error}</strong>
      {where && <code className="where">{where}</code>}
      <span>
        {p.message}
        {p.expected ? `; ${t.expected} ${p.expected}` : ''}
      </span>
      {p.hint && <span className="hint">{p.hint}</span>}
    </div>
  );
}
