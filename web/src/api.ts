/**
 * The dashboard's only way to the data: the server's JSON API, whose documents are the CLI's `--json` output. The
 * browser computes nothing the core computes; it formats and draws.
 */
export interface ApiProblem {
  file?: string;
  line?: number;
  column?: number;
  message: string;
  expected?: string;
  hint?: string;
  text?: string;
  /** The same in Korean, when the server's importer wrote it. */
  ko?: { message: string; expected?: string; hint?: string };
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: ApiProblem,
  ) {
    super(problem.text ?? problem.message);
  }
}

async function handle<T>(res: Response): Promise<T> {
  const body = await res.json();
  if (!res.ok) throw new ApiError(res.status, body.error ?? { message: res.statusText });
  return body as T;
}

export function query(params: Record<string, string | number | boolean | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

export async function getJson<T>(
  path: string,
  params: Record<string, string | number | boolean | undefined> = {},
) {
  return handle<T>(await fetch(`${path}${query(params)}`));
}

/**
 * The server refuses a write without the per-process token it hands out in `/api/session` (a page on another site
 * cannot read that answer), so every POST fetches it once and sends it back in this header.
 */
const TOKEN_HEADER = 'X-Dispersion-Token';
let token: Promise<string> | undefined;

function sessionToken(): Promise<string> {
  token ??= getJson<{ token: string }>('/api/session').then(
    (s) => s.token,
    (e) => {
      token = undefined; // try again on the next write
      throw e;
    },
  );
  return token;
}

export async function postJson<T>(path: string, body: unknown) {
  return handle<T>(
    await fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: await sessionToken() },
      body: JSON.stringify(body),
    }),
  );
}

/** One or several holdings files; together they replace the holdings (each file its own account, as in the CLI). */
export async function uploadHoldings(files: readonly File[], lang: 'en' | 'ko') {
  const form = new FormData();
  for (const file of files) form.append('file', file);
  return handle<{ holdings: string; rows: number; warnings: { message: string }[] }>(
    // The page's language, so a refusal and the import's notices come back in it.
    await fetch(`/api/holdings?lang=${lang}`, {
      method: 'POST',
      body: form,
      headers: { [TOKEN_HEADER]: await sessionToken() },
    }),
  );
}
