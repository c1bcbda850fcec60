/**
 * The warning for a skipped summary row (`Account Total`, `합계`), shared by the generic holdings reader and the named
 * broker formats so both say it in the same words (i18n/warnings.ts has the Korean sentence for the code).
 */
import type { Warning } from '../../core/warnings.ts';

export function summaryRowWarning(file: string, line: number, label: string): Warning {
  return {
    code: 'summary-row',
    message: `${file}:${line}: a summary row ("${label}") was skipped: it totals the rows above, it is not a holding`,
    file,
    line,
  };
}
