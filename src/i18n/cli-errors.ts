/**
 * Commander's own errors in Korean: an unknown option or command, a missing argument or option value, too many
 * arguments, an invalid value. Commander hands `Command.error` its English sentence and an error code; the code picks
 * the Korean sentence and the English one gives the words it quotes (the option, the argument, the counts). The
 * patterns are commander 14's sentences (node_modules/commander/lib/command.js); a sentence that does not match
 * (a newer commander) is left in English rather than guessed at. src/i18n/cli-errors.test.ts holds each one.
 */
import { withJosa } from './josa.ts';

const q = (word: string): string => `'${word}'`;

/** `(Did you mean --as-of?)`, `(Did you mean one of a, b?)` at the end of a message, in Korean. */
function suggestion(message: string, what: '옵션' | '명령'): string {
  const m = /\n\(Did you mean (one of )?(.+)\?\)$/.exec(message);
  if (!m) return '';
  return m[1] ? `\n(다음 중 하나를 쓰려던 것인가요? ${m[2]})` : `\n(${m[2]} ${what}을 쓰려던 것인가요?)`;
}

/** `option '--x <v>'` or `environment variable 'X'`, as commander names the two sides of a conflict. */
function source(words: string): string {
  const env = /^environment variable '(.+)'$/.exec(words);
  if (env) return `${q(env[1] as string)} 환경 변수`;
  return `${q(/^option '(.+)'$/.exec(words)?.[1] ?? words)} 옵션`;
}

/** The reason commander's own parsers give after "is invalid." (an option's choices); other text is kept. */
function reason(rest: string): string {
  const choices = /^Allowed choices are (.+)\.$/.exec(rest.trim());
  if (choices) return ` 쓸 수 있는 값: ${choices[1]}.`;
  return rest ? ` ${rest.trim()}` : '';
}

type Translate = (m: RegExpExecArray, message: string) => string;

/**
 * For each commander error code: its English sentence and the Korean one. What the user typed (`--asof`, `month`)
 * is followed by a noun (옵션, 명령, 인자), never by a particle: a particle after an English word depends on how it
 * is read (`--lang`은 as 랭, `--asof`는), which cannot be told from its letters.
 */
const ERRORS: Readonly<Record<string, readonly [RegExp, Translate]>> = {
  'commander.unknownOption': [
    /^error: unknown option '(.+?)'(\n|$)/,
    (m, message) => `오류: 이 명령에는 ${q(m[1] as string)} 옵션이 없습니다.${suggestion(message, '옵션')}`,
  ],
  'commander.unknownCommand': [
    /^error: unknown command '(.+?)'(\n|$)/,
    (m, message) => `오류: ${q(m[1] as string)} 명령은 없습니다.${suggestion(message, '명령')}`,
  ],
  'commander.missingArgument': [
    /^error: missing required argument '(.+)'$/,
    (m) => `오류: ${q(m[1] as string)} 인자가 필요합니다.`,
  ],
  'commander.optionMissingArgument': [
    /^error: option '(.+)' argument missing$/,
    (m) => `오류: ${q(m[1] as string)} 옵션에 값이 없습니다.`,
  ],
  'commander.missingMandatoryOptionValue': [
    /^error: required option '(.+)' not specified$/,
    (m) => `오류: ${q(m[1] as string)} 옵션이 필요합니다.`,
  ],
  'commander.excessArguments': [
    /^error: too many arguments(?: for '(.+)')?\. Expected (\d+) arguments? but got (\d+)\.$/,
    (m) =>
      `오류: ${m[1] ? `${q(m[1])} 명령의 ` : ''}인자가 너무 많습니다. ${m[2]}개를 받는데 ${m[3]}개가 주어졌습니다.`,
  ],
  'commander.invalidArgument': [
    /^error: (?:option '(.+?)' (?:argument|value) '(.*?)'(?: from env '(.+?)')? is invalid|command-argument value '(.*?)' is invalid for argument '(.+?)')\.(.*)$/s,
    (m) => {
      const target = m[1]
        ? `${q(m[1])} 옵션${m[3] ? ` (${q(m[3])} 환경 변수)` : ''}`
        : `${q(m[5] as string)} 인자`;
      return `오류: ${target}에 ${q((m[2] ?? m[4]) as string)} 값은 쓸 수 없습니다.${reason(m[6] ?? '')}`;
    },
  ],
  'commander.conflictingOption': [
    /^error: (.+) cannot be used with (.+)$/,
    (m) =>
      `오류: ${withJosa(source(m[1] as string), '와/과')} ${withJosa(source(m[2] as string), '은/는')} 함께 쓸 수 없습니다.`,
  ],
};

/** Commander's error `message` with `code` in Korean; the English message when the code or sentence is not known. */
export function commanderErrorKo(code: string | undefined, message: string): string {
  const entry = code === undefined ? undefined : ERRORS[code];
  if (!entry) return message;
  const m = entry[0].exec(message);
  return m ? entry[1](m, message) : message;
}

/** The codes translated here (the tests check each one). */
export const TRANSLATED_CODES: readonly string[] = Object.keys(ERRORS);
