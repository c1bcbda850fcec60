import { Help } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram, COMMANDS, programFor } from './main.ts';

describe('the lazily loaded command list', () => {
  it('lists each command exactly as its module registers it (name, usage term, description, order)', async () => {
    const full = await buildProgram();
    const help = new Help();
    expect(full.commands.map((c) => [c.name(), help.subcommandTerm(c), c.description()])).toEqual(
      COMMANDS.map((c) => [c.name, c.term, c.description]),
    );
  });

  it('prints the same top-level help without loading any command', async () => {
    const full = await buildProgram();
    const lazy = await programFor([]);
    expect(lazy.helpInformation()).toBe(full.helpInformation());
  });

  it('registers the named command in full, and `help NAME` too', async () => {
    for (const argv of [
      ['check', 'x.csv'],
      ['help', 'check'],
    ]) {
      const p = await programFor(argv);
      const check = p.commands.find((c) => c.name() === 'check');
      expect(check?.options.map((o) => o.long)).toContain('--base');
      expect(p.commands.find((c) => c.name() === 'stress')?.options).toEqual([]);
    }
  });
});
