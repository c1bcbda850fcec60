/**
 * How a command prints its document: the JSON itself with `--json`, else the text rendering in the chosen language.
 * Apart from print.ts because it parses `--lang` with app/options.ts, which only a command's own module loads (not
 * main.ts at start-up).
 */

import { parseLang } from '../app/options.ts';
import type { Lang } from '../i18n/format.ts';
import { writeOut } from './print.ts';
import { renderText } from './render/table.ts';

/** `--lang` is parsed either way, so a bad value is refused with `--json` too. */
export async function printDocument<D>(
  o: { json?: boolean; lang?: string },
  doc: D,
  render: (doc: D, lang: Lang) => string,
): Promise<void> {
  const lang = parseLang(o.lang);
  writeOut(o.json ? `${JSON.stringify(doc, null, 2)}\n` : `${await renderText(() => render(doc, lang))}\n`);
}
