/**
 * Load your own holdings: drag-and-drop or a file picker, one file or several. The files go to the local server,
 * which parses them with the same importer as the CLI; a malformed file is reported with file, line and column and
 * the current holdings stay.
 */
import { useRef, useState } from 'react';
import { ApiError, postJson, uploadHoldings } from '../api.ts';
import { useSettings } from '../state.tsx';
import { ErrorBox } from './Status.tsx';

export function Upload({ label, onChanged }: { label: string; onChanged: (label: string) => void }) {
  const { t, lang } = useSettings();
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [over, setOver] = useState(false);

  async function send(list: FileList | null | undefined) {
    const files = [...(list ?? [])];
    if (files.length === 0) return;
    setError(null);
    try {
      const r = await uploadHoldings(files, lang);
      onChanged(r.holdings);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, { message: String(e) }));
    }
  }

  return (
    // A drop zone: a labelled region; the file picker button is the keyboard route to the same action.
    <section
      aria-label={t.loadFile}
      className={`upload ${over ? 'over' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        void send(e.dataTransfer.files);
      }}
      data-testid="upload"
    >
      <span>
        {t.showing}: <strong data-testid="holdings-label">{label}</strong>
      </span>
      <span className="muted">
        {t.dropHere}{' '}
        <button type="button" className="link" onClick={() => input.current?.click()}>
          {t.choose}
        </button>
      </span>
      <button
        type="button"
        className="link"
        onClick={async () =>
          onChanged((await postJson<{ holdings: string }>('/api/holdings/reset', {})).holdings)
        }
      >
        {t.useSample}
      </button>
      <input
        ref={input}
        type="file"
        accept=".csv,.tsv,.txt,.json,.xlsx"
        multiple
        hidden
        data-testid="file-input"
        onChange={(e) => void send(e.target.files)}
      />
      <span className="muted small">{t.localOnly}</span>
      {error && <ErrorBox error={error} />}
    </section>
  );
}
