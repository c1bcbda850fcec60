/**
 * Korean mode for commander: lays the Korean help table (src/i18n/cli-help.ts) over a registered program and turns
 * commander's own words and errors Korean. Called by main.ts after registration, and loaded only when the language
 * is Korean. The English descriptions the command modules register stay as they are: English help is untouched.
 */
import { type Command, Help, type HelpConfiguration } from 'commander';
import { commanderErrorKo } from '../i18n/cli-errors.ts';
import { CLI_HELP_KO, HELP_WORDS_KO } from '../i18n/cli-help.ts';

/** Code points East Asian Wide or Fullwidth: Hangul, CJK, kana and full-width forms, two columns each. */
const WIDE: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa960, 0xa97f],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
];

/**
 * Display columns of help text: the Korean table's Hangul takes two. string-width (what the reports use) would
 * cost `--help` about 80 ms of start-up for its Intl.Segmenter; help text has no emoji or combining marks, and
 * help-ko.test.ts checks that the two agree on every line of the Korean help.
 */
export function helpWidth(str: string): number {
  let width = 0;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: commander's own pattern for colour codes (lib/help.js)
  for (const ch of str.replace(/\x1b\[\d*(;\d*)*m/g, '')) {
    const cp = ch.codePointAt(0) as number;
    width += WIDE.some(([lo, hi]) => cp >= lo && cp <= hi) ? 2 : 1;
  }
  return width;
}

/** A command's path as its usage line starts: `dispersion data update`. */
export function commandPath(cmd: Command): string {
  const names: string[] = [];
  for (let c: Command | null = cmd; c; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

/** The program and every command under it, parents first. */
export function allCommands(program: Command): Command[] {
  return [program, ...program.commands.flatMap(allCommands)];
}

/** `[options]` and `[command]` in a usage line or a command's term, in Korean. */
const koreanUsage = (text: string): string =>
  text
    .split(' ')
    .map((word) => HELP_WORDS_KO.usage[word] ?? word)
    .join(' ');

/** The note commander adds after a description, `(default: "USD")`, with Korean labels. */
function withNotes(description: string, notes: string[]): string {
  if (notes.length === 0) return description;
  const note = `(${notes.join(', ')})`;
  return description ? `${description} ${note}` : note;
}

const stringify = (values: readonly string[]): string => values.map((v) => JSON.stringify(v)).join(', ');

/** Help's methods in Korean mode, kept on top of any the command already configured (programFor's terms). */
function koreanHelpConfiguration(base: HelpConfiguration): HelpConfiguration {
  const subcommandTerm = base.subcommandTerm ?? Help.prototype.subcommandTerm;
  return {
    ...base,
    // Hangul takes two columns: wrap and pad by display width, not by UTF-16 length.
    displayWidth: helpWidth,
    styleTitle: (str) => HELP_WORDS_KO.titles[str] ?? str,
    commandUsage(cmd) {
      return koreanUsage(Help.prototype.commandUsage.call(this, cmd));
    },
    subcommandTerm(cmd) {
      return koreanUsage(subcommandTerm.call(this, cmd));
    },
    // As commander's own (lib/help.js), with the labels in Korean.
    optionDescription(option) {
      const notes: string[] = [];
      if (option.argChoices) notes.push(`${HELP_WORDS_KO.choices}: ${stringify(option.argChoices)}`);
      const showDefault =
        option.required ||
        option.optional ||
        (option.isBoolean() && typeof option.defaultValue === 'boolean');
      if (option.defaultValue !== undefined && showDefault) {
        notes.push(
          `${HELP_WORDS_KO.default}: ${option.defaultValueDescription || JSON.stringify(option.defaultValue)}`,
        );
      }
      if (option.presetArg !== undefined && option.optional) {
        notes.push(`${HELP_WORDS_KO.preset}: ${JSON.stringify(option.presetArg)}`);
      }
      if (option.envVar !== undefined) notes.push(`${HELP_WORDS_KO.env}: ${option.envVar}`);
      return withNotes(option.description, notes);
    },
    argumentDescription(argument) {
      const notes: string[] = [];
      if (argument.argChoices) notes.push(`${HELP_WORDS_KO.choices}: ${stringify(argument.argChoices)}`);
      if (argument.defaultValue !== undefined) {
        notes.push(
          `${HELP_WORDS_KO.default}: ${argument.defaultValueDescription || JSON.stringify(argument.defaultValue)}`,
        );
      }
      return withNotes(argument.description, notes);
    },
  };
}

/**
 * Korean help and errors for `program` and every command registered under it. A command, argument or option the
 * table does not name keeps its English words (help-ko.test.ts fails on that before a release).
 */
export function applyKoreanHelp(program: Command): void {
  const probe = new Help();
  for (const cmd of allCommands(program)) {
    const entry = CLI_HELP_KO[commandPath(cmd)];
    if (entry) {
      cmd.description(entry.description);
      for (const argument of cmd.registeredArguments) {
        const text = entry.arguments?.[argument.name()];
        if (text !== undefined) argument.description = text;
      }
      for (const option of cmd.options) {
        const text = entry.options?.[option.flags];
        if (text !== undefined) option.description = text;
      }
    }
    cmd.helpOption('-h, --help', HELP_WORDS_KO.helpOption);
    // The implicit `help [command]` (a command with subcommands and no action of its own): only where commander
    // would add it, since naming it adds it.
    if (probe.visibleCommands(cmd).some((c) => !cmd.commands.includes(c))) {
      cmd.helpCommand('help [command]', HELP_WORDS_KO.helpCommand);
    }
    cmd.configureHelp(koreanHelpConfiguration(cmd.configureHelp()));
    const error = cmd.error.bind(cmd);
    cmd.error = (message, options) => error(commanderErrorKo(options?.code, message), options);
  }
}
