/** How a command prints its document: the JSON itself with `--json`, else the text rendering in the chosen language. */
import type { Lang } from '../i18n/format.ts';
import { parseLang } from './options.ts';

/** `--lang` is parsed either way, so a bad value is refused with `--json` too. */
export function printDocument<D>(
  o: { json?: boolean; lang?: string },
  doc: D,
  render: (doc: D, lang: Lang) => string,
): void {
  const lang = parseLang(o.lang);
  process.stdout.write(o.json ? `${JSON.stringify(doc, null, 2)}\n` : `${render(doc, lang)}\n`);
}
