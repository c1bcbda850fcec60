import { Command, CommanderError, Option } from 'commander';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { TRANSLATED_CODES } from '../i18n/cli-errors.ts';
import { CLI_HELP_KO } from '../i18n/cli-help.ts';
import { allCommands, applyKoreanHelp, commandPath, helpWidth } from './help-ko.ts';
import { buildProgram, programFor } from './main.ts';

/** Every command, argument and option of the fully registered program, as the Korean table keys them. */
async function registered(): Promise<{ commands: string[]; args: string[]; options: string[] }> {
  const commands: string[] = [];
  const args: string[] = [];
  const options: string[] = [];
  for (const cmd of allCommands(await buildProgram())) {
    const path = commandPath(cmd);
    commands.push(path);
    for (const a of cmd.registeredArguments) args.push(`${path} ${a.name()}`);
    for (const o of cmd.options) options.push(`${path} ${o.flags}`);
  }
  return { commands, args, options };
}

/** The same three lists as the Korean table has them. */
function catalogue(): { commands: string[]; args: string[]; options: string[] } {
  const entries = Object.entries(CLI_HELP_KO);
  return {
    commands: entries.map(([path]) => path),
    args: entries.flatMap(([path, e]) => Object.keys(e.arguments ?? {}).map((a) => `${path} ${a}`)),
    options: entries.flatMap(([path, e]) => Object.keys(e.options ?? {}).map((o) => `${path} ${o}`)),
  };
}

/**
 * Two English words in a row, outside what a reader types (option flags, `<placeholders>`, command lines such as
 * `dispersion check` or `data update`) and the product name: an untranslated sentence. Single words (Ghostfolio,
 * README, model ids) and capitals (JSON, CSV, SPY) are names and allowed.
 */
function englishPhrases(help: string, commandLines: readonly string[]): string[] {
  let typed = help.replace(/Great Dispersion/g, '');
  for (const line of commandLines) typed = typed.replaceAll(line, '');
  typed = typed.replace(/-{1,2}[A-Za-z][A-Za-z-]*/g, '').replace(/<[^>]*>|\[[^\]]*\]/g, '');
  const word = '[A-Za-z]*[a-z][A-Za-z]*';
  return typed.split(/ {2,}|\n/).flatMap((cell) => cell.match(new RegExp(`${word} +${word}`, 'g')) ?? []);
}

/** `dispersion journal record` and `journal record`, longest first, for every command of `program`. */
function commandLines(program: Command): string[] {
  const paths = allCommands(program).map(commandPath);
  const lines = [...paths, ...paths.map((p) => p.replace(/^dispersion /, ''))].filter((l) => l.includes(' '));
  return lines.sort((a, b) => b.length - a.length);
}

describe('the Korean help table', () => {
  it('has an entry for every command, argument and option registered, and none that matches nothing', async () => {
    const program = await registered();
    const table = catalogue();
    // Both ways: a command or option added without Korean words fails, and so does a Korean entry left behind
    // after its command or option was renamed or removed.
    expect({
      missing: {
        commands: program.commands.filter((c) => !table.commands.includes(c)),
        args: program.args.filter((a) => !table.args.includes(a)),
        options: program.options.filter((o) => !table.options.includes(o)),
      },
      unmatched: {
        commands: table.commands.filter((c) => !program.commands.includes(c)),
        args: table.args.filter((a) => !program.args.includes(a)),
        options: table.options.filter((o) => !program.options.includes(o)),
      },
    }).toEqual({
      missing: { commands: [], args: [], options: [] },
      unmatched: { commands: [], args: [], options: [] },
    });
    // The walk itself sees the whole program: 18 commands (the root, 9 top-level, data 2, journal 3, signals 3).
    expect(program.commands).toHaveLength(18);
  });

  it('leaves no English sentence in the help of any command', async () => {
    const program = await buildProgram();
    applyKoreanHelp(program);
    for (const cmd of allCommands(program)) {
      const help = cmd.helpInformation();
      expect({ path: commandPath(cmd), english: englishPhrases(help, commandLines(program)) }).toEqual({
        path: commandPath(cmd),
        english: [],
      });
    }
  });

  it('finds the English it looks for (the same help, not laid over)', async () => {
    const program = await buildProgram();
    const check = program.commands.find((c) => c.name() === 'check') as Command;
    expect(englishPhrases(check.helpInformation(), commandLines(program))).toContain('display help');
  });

  it('prints the same top-level help from the lazy program as from the full one', async () => {
    const full = await buildProgram();
    const lazy = await programFor([]);
    applyKoreanHelp(full);
    applyKoreanHelp(lazy);
    expect(lazy.helpInformation()).toBe(full.helpInformation());
  });

  it('measures every line of the Korean help as string-width does (and a sample of each width)', async () => {
    const program = await buildProgram();
    applyKoreanHelp(program);
    const lines = allCommands(program).flatMap((c) => c.helpInformation().split('\n'));
    expect(lines.filter((l) => helpWidth(l) !== stringWidth(l))).toEqual([]);
    // 2 + 2 + 1 + 1 + 2: Hangul and full-width are two columns, the middle dot and the quote one.
    expect(helpWidth('한국·’Ａ')).toBe(8);
    expect(stringWidth('한국·’Ａ')).toBe(8);
  });

  it('pads and wraps by display width: Hangul takes two columns', async () => {
    const program = await buildProgram();
    applyKoreanHelp(program);
    const journal = program.commands.find((c) => c.name() === 'journal') as Command;
    // The longest term, "record [옵션] <holdings...>", is 27 columns (옵션 takes 4): descriptions start at 2 + 27 + 2.
    expect(journal.helpInformation().split('\n')).toContain(
      '  list [옵션]                  기록된 달 목록 (포트폴리오별)',
    );
  });
});

/** The error commander raises for `argv` on `program` in Korean mode (its output swallowed). */
async function koreanError(program: Command, argv: string[]): Promise<CommanderError> {
  applyKoreanHelp(program);
  for (const cmd of allCommands(program)) {
    cmd.exitOverride().configureOutput({ writeErr: () => {}, writeOut: () => {} });
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) return e;
    throw e;
  }
  throw new Error(`no error for ${argv.join(' ')}`);
}

describe("commander's errors in Korean", () => {
  // Each sentence as commander 14 raises it on the real program, so a commander that words one differently fails here.
  const cases: [string, string[], string][] = [
    [
      'commander.unknownOption',
      ['check', '--asof', '2026-05-29', 'x.csv'],
      "오류: 이 명령에는 '--asof' 옵션이 없습니다.\n(--as-of 옵션을 쓰려던 것인가요?)",
    ],
    [
      'commander.unknownCommand',
      ['journal', 'shwo'],
      "오류: 'shwo' 명령은 없습니다.\n(show 명령을 쓰려던 것인가요?)",
    ],
    ['commander.missingArgument', ['journal', 'show'], "오류: 'month' 인자가 필요합니다."],
    [
      'commander.optionMissingArgument',
      ['check', 'x.csv', '--as-of'],
      "오류: '--as-of <date>' 옵션에 값이 없습니다.",
    ],
    [
      'commander.missingMandatoryOptionValue',
      ['signals', 'add', 'ai-capex', '530'],
      "오류: '--date <date>' 옵션이 필요합니다.",
    ],
    [
      'commander.excessArguments',
      ['journal', 'show', '2026-05', '2026-06'],
      "오류: 'show' 명령의 인자가 너무 많습니다. 1개를 받는데 2개가 주어졌습니다.",
    ],
  ];

  it.each(cases)('%s', async (code, argv, korean) => {
    const e = await koreanError(await buildProgram(), argv);
    expect([e.code, e.message, e.exitCode]).toEqual([code, korean, 1]);
  });

  it('an unknown option with one suggestion, with several, and with none', async () => {
    // --price is one edit from --prices; --policy and --price-only are too far for commander to suggest.
    const one = await koreanError(await buildProgram(), ['backtest', '--price']);
    expect(one.message).toBe(
      "오류: 이 명령에는 '--price' 옵션이 없습니다.\n(--prices 옵션을 쓰려던 것인가요?)",
    );
    const none = await koreanError(await buildProgram(), ['plan', '--zzzzzz']);
    expect(none.message).toBe("오류: 이 명령에는 '--zzzzzz' 옵션이 없습니다.");
    const two = await koreanError(new Command('t').option('--abcd').option('--abce'), ['--abcf']);
    expect(two.message).toBe(
      "오류: 이 명령에는 '--abcf' 옵션이 없습니다.\n(다음 중 하나를 쓰려던 것인가요? --abcd, --abce)",
    );
  });

  it('an invalid choice and conflicting options (commander features dispersion does not use yet)', async () => {
    const choice = () =>
      new Command('t').addOption(new Option('--mode <m>').choices(['full', 'cash-only'])).action(() => {});
    expect((await koreanError(choice(), ['--mode', 'half'])).message).toBe(
      "오류: '--mode <m>' 옵션에 'half' 값은 쓸 수 없습니다. 쓸 수 있는 값: full, cash-only.",
    );
    const conflict = new Command('t')
      .option('--json')
      .addOption(new Option('--csv <file>').conflicts('json'))
      .action(() => {});
    // 옵션 ends in a closed syllable: 과 and 은.
    expect((await koreanError(conflict, ['--json', '--csv', 'a.csv'])).message).toBe(
      "오류: '--csv <file>' 옵션과 '--json' 옵션은 함께 쓸 수 없습니다.",
    );
    const envConflict = new Command('t')
      .addOption(new Option('--json').env('DISPERSION_JSON'))
      .addOption(new Option('--csv <file>').conflicts('json'))
      .action(() => {});
    process.env.DISPERSION_JSON = '1';
    try {
      // 변수 ends in an open syllable: 는.
      expect((await koreanError(envConflict, ['--csv', 'a.csv'])).message).toBe(
        "오류: '--csv <file>' 옵션과 'DISPERSION_JSON' 환경 변수는 함께 쓸 수 없습니다.",
      );
    } finally {
      delete process.env.DISPERSION_JSON;
    }
  });

  it('covers every code it translates', () => {
    expect([...TRANSLATED_CODES].sort()).toEqual(
      [
        'commander.conflictingOption',
        'commander.excessArguments',
        'commander.invalidArgument',
        'commander.missingArgument',
        'commander.missingMandatoryOptionValue',
        'commander.optionMissingArgument',
        'commander.unknownCommand',
        'commander.unknownOption',
      ].sort(),
    );
  });
});
