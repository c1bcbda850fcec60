/**
 * The warning for a skipped summary row (`Account Total`, `합계`), shared by the generic holdings reader and the named
 * broker formats so both give the same facts (i18n/catalog has its sentences).
 */
import type { Warning } from '../../core/warnings.ts';

export function summaryRowWarning(file: string, line: number, label: string): Warning {
  return { code: 'summary-row', file, line, label };
}
