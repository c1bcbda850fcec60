/** `dispersion data status` as text: one row per symbol and per FX pair, then the health findings that need a look. */

import { gapNote, jumpNote, STALENESS_LABEL, DATA_WORDS as W } from '../../i18n/data.ts';
import type { Lang } from '../../i18n/format.ts';
import type { DataStatusDocument } from '../../report/data-status-document.ts';
import { renderTable } from './table.ts';

export function renderDataStatusText(doc: DataStatusDocument, lang: Lang = 'en'): string {
  const out: string[] = [W.header[lang](doc.asOf)];
  out.push(doc.cache ? W.cache[lang](doc.cache) : W.noCache[lang]);
  out.push('');
  const days = (n: number | null) => (n === null ? '-' : W.age[lang](n));
  const trading = (n: number | null) => (n === null ? '-' : W.trading[lang](n));
  out.push(
    renderTable(
      W.columns[lang],
      doc.symbols.map((s) => [
        s.symbol,
        s.first ?? '-',
        s.last ?? '-',
        days(s.days),
        trading(s.age),
        STALENESS_LABEL[s.stale][lang],
        s.source === null ? '-' : W.source[lang](s.source),
        W.counts[lang](s.jumps.length, s.gaps.length),
      ]),
      ['left', 'left', 'left', 'right', 'right', 'left', 'left', 'left'],
    ),
  );
  if (doc.fx.length) {
    out.push('');
    out.push(
      renderTable(
        W.fxColumns[lang],
        doc.fx.map((p) => [
          p.pair,
          W.kind[lang][p.kind],
          p.first ?? '-',
          p.last ?? '-',
          days(p.days),
          trading(p.age),
          STALENESS_LABEL[p.stale][lang],
          p.source === null ? '-' : W.source[lang](p.source),
        ]),
        ['left', 'left', 'left', 'left', 'right', 'right', 'left', 'left'],
      ),
    );
  }
  const notes: string[] = [];
  for (const s of doc.symbols) {
    for (const j of s.jumps) notes.push(jumpNote(s.symbol, j, lang));
    for (const g of s.gaps) notes.push(gapNote(s.symbol, g, lang));
  }
  if (notes.length) out.push('', W.checkThese[lang], ...notes.map((n) => `  ${n}`));
  const stale =
    doc.symbols.filter((s) => s.stale !== 'fresh').length + doc.fx.filter((p) => p.stale !== 'fresh').length;
  out.push('', stale === 0 ? W.allFresh[lang] : W.staleSummary[lang](stale));
  return out.join('\n');
}
