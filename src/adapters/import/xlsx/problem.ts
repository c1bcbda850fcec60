/**
 * What is wrong inside a workbook, in English and Korean, before the importer knows the file's name. The importer turns
 * it into an InputError that names the file (and the sheet and cell, when the problem has one).
 */
export interface Words {
  message: string;
  ko: string;
}

export class WorkbookError extends Error {
  readonly ko: string;
  readonly hint: Words | undefined;
  /** The sheet name and 1-based row and column, when the problem is in one cell. */
  readonly cell: { sheet?: string; row: number; column: number } | undefined;
  constructor(
    words: Words,
    options: { hint?: Words; cell?: { sheet?: string; row: number; column: number } } = {},
  ) {
    super(words.message);
    this.name = 'WorkbookError';
    this.ko = words.ko;
    this.hint = options.hint;
    this.cell = options.cell;
  }
}

export function isWorkbookError(e: unknown): e is WorkbookError {
  return e instanceof WorkbookError;
}
