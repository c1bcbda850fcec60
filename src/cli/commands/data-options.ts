/**
 * The options every holdings command (check, rebalance, stress) takes for its data: how the files are read, and
 * where prices, instruments, classification rules and fund holdings come from. One definition, so the three commands
 * can never word or spell them differently.
 */
import type { Command } from 'commander';

export function holdingsDataOptions(command: Command): Command {
  return command
    .option(
      '--format <name>',
      "holdings file format instead of detecting it (see the README's table of formats)",
    )
    .option(
      '--prices <dir>',
      'folder of price files <SYMBOL>.csv (date,close) and fx/<AAABBB>.csv (date,rate)',
    )
    .option('--universe <file>', 'extra instruments (JSON, same shape as data/universe.json)')
    .option(
      '--rules <file>',
      'classification rules tried before data/classification.json (same shape): sleeve and country by market and industry',
    )
    .option(
      '--look-through <file>',
      'fund holdings (JSON, same shape as data/lookthrough.json): adds funds, replaces bundled ones',
    );
}
