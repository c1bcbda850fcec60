/**
 * Every name `--format` accepts, in a module of its own: the CLI's option parsing needs the names on every run, and
 * importing them from index.ts loaded every importer (and csv-parse) even for a backtest.
 */
import { FORMATS, GENERIC_FORMATS } from './formats/spec.ts';

export const FORMAT_NAMES: readonly string[] = [
  ...GENERIC_FORMATS,
  'ghostfolio',
  ...FORMATS.map((f) => f.id),
  'koscom',
];
