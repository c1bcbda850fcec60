/**
 * Issue #15: in Korean mode `--help` and commander's own errors are Korean, every word of them but what a reader
 * types; in English they are as before. Run on the compiled CLI (dist/), as a user runs it.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const dispersion = (args: string[], lang = 'C') =>
  spawnSync(process.execPath, ['bin/dispersion.js', ...args], {
    encoding: 'utf8',
    env: { ...process.env, LANG: lang, LC_ALL: '' },
  });

/** `dispersion check --help` in Korean, line for line (80 columns: the output is not a terminal). */
const CHECK_HELP_KO = [
  '사용법: dispersion check [옵션] <holdings...>',
  '',
  '보유 종목을 모델 슬리브로 분류하고 체크리스트를 점검합니다',
  '',
  '인자:',
  '  holdings               보유 종목 파일: CSV (UTF-8 또는 CP949), .xlsx, 증권사',
  '                         내보내기 파일 (--format 참고) 또는 Ghostfolio JSON',
  '                         내보내기',
  '',
  '옵션:',
  '  --model <id|file>      모델 ID 또는 모델 JSON 파일 (기본값:',
  '                         "great-dispersion-2026")',
  '  --base <ccy>           평가 금액의 기준통화 (기본값: "USD")',
  '  --as-of <date>         평가일 YYYY-MM-DD (기본값: 오늘)',
  '  --format <name>        자동 감지 대신 쓸 보유 종목 파일 형식 (README의 형식 표',
  '                         참고)',
  '  --prices <dir>         가격 파일 폴더: <SYMBOL>.csv (date,close)와',
  '                         fx/<AAABBB>.csv (date,rate)',
  '  --universe <file>      추가 종목 (JSON, data/universe.json과 같은 형식)',
  '  --rules <file>         data/classification.json보다 먼저 적용할 분류 규칙',
  '                         (같은 형식): 시장과 업종으로 슬리브와 국가를 정합니다',
  '  --look-through <file>  펀드 구성 종목 (JSON, data/lookthrough.json과 같은',
  '                         형식): 펀드를 추가하고, 같은 번들 펀드는 대체합니다',
  '  --threshold <list>     체크리스트 기준값 바꾸기, 예:',
  '                         mag7-max=0.4,regional-diversification=0.2',
  '  --lang <en|ko>         보고서 언어 (기본값: LANG 환경 변수에 따름)',
  '  --db <file>            저널 데이터베이스: 가격 캐시 (data update로 받은 것)와',
  '                         월간 리밸런싱 점검에 씁니다 (기본값: 사용자별 저널)',
  '  --portfolio <name>     저널에서 기록한 달을 셀 포트폴리오 (기본값: 계좌',
  '                         이름들로 지은 이름)',
  '  --json                 보고서 대신 JSON 문서 하나를 출력합니다',
  '  -h, --help             도움말 보기',
  '',
];

/** The ASCII words of four letters or more Korean help may keep, each for its reason. */
const ALLOWED: Record<string, string> = {
  dispersion: 'the command a reader types (usage line), and the default model id great-dispersion-2026',
  check: 'the command a reader types',
  update: 'the command `data update`',
  holdings: 'the argument name, as <holdings...> in the usage line',
  Ghostfolio: 'a product name',
  JSON: 'a format name',
  json: 'the bundled files data/universe.json, data/classification.json, data/lookthrough.json',
  xlsx: 'a file extension',
  README: 'a file name',
  data: 'the bundled data folder (data/universe.json)',
  universe: 'data/universe.json',
  classification: 'data/classification.json',
  lookthrough: 'data/lookthrough.json',
  date: 'a price file column a user writes (date,close)',
  close: 'a price file column a user writes',
  rate: 'an FX file column a user writes (date,rate)',
  great: 'the default model id great-dispersion-2026',
  YYYY: 'the date format a reader types',
  regional: 'the rule id regional-diversification in the --threshold example',
  diversification: 'the rule id regional-diversification',
  LANG: 'the environment variable',
};

/** ASCII words of 4+ letters outside option flags (`--as-of`, `-h`) and placeholders (`<file>`, `[옵션]`). */
function asciiWords(text: string): string[] {
  const stripped = text.replace(/(?<![\w-])-{1,2}[a-z][a-z-]*/g, '').replace(/<[^>]*>|\[[^\]]*\]/g, '');
  return stripped.match(/[A-Za-z]{4,}/g) ?? [];
}

describe('Korean help', () => {
  it('check --help --lang ko: every line', () => {
    const r = dispersion(['check', '--help', '--lang', 'ko']);
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')).toEqual(CHECK_HELP_KO);
    expect(asciiWords(r.stdout).filter((w) => !(w in ALLOWED))).toEqual([]);
  });

  it('finds the ASCII words it looks for (the English help)', () => {
    const words = asciiWords(dispersion(['check', '--help']).stdout);
    expect(words.filter((w) => !(w in ALLOWED))).toEqual(
      expect.arrayContaining(['Usage', 'display', 'help']),
    );
  });

  it('dispersion --help with a Korean locale: titles, the commands, help and version in Korean', () => {
    const r = dispersion(['--help'], 'ko_KR.UTF-8');
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('사용법: dispersion [옵션] [명령]');
    expect(lines).toEqual(
      expect.arrayContaining([
        '옵션:',
        '  -V, --version                   버전 보기',
        '  -h, --help                      도움말 보기',
        '명령:',
        '  check [옵션] <holdings...>      보유 종목을 모델 슬리브로 분류하고',
        '  journal                         월간 기록: 달마다 보유 종목, 체크리스트, 주문',
        '  help [명령]                     명령의 도움말 보기',
      ]),
    );
    expect(r.stdout).not.toMatch(/Usage|Options|Commands|display help|output the version|default:/);
  });

  it('--lang en wins over a Korean locale', () => {
    const r = dispersion(['check', '--help', '--lang', 'en'], 'ko_KR.UTF-8');
    expect(r.stdout.split('\n')[0]).toBe('Usage: dispersion check [options] <holdings...>');
    expect(r.stdout).not.toMatch(/[가-힣]/);
  });
});

describe("commander's errors in Korean", () => {
  it('an unknown option: the Korean sentence, the suggestion, the Korean help, exit 2', () => {
    const r = dispersion(['check', 'examples/sample-holdings.csv', '--asof', '2026-05-29', '--lang', 'ko']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.split('\n');
    expect(lines.slice(0, 3)).toEqual([
      "오류: 이 명령에는 '--asof' 옵션이 없습니다.",
      '(--as-of 옵션을 쓰려던 것인가요?)',
      '',
    ]);
    // The help after the error is the Korean help, as --help prints it.
    expect(lines.slice(3)).toEqual(CHECK_HELP_KO);
  });

  it('a missing argument with a Korean locale, exit 2', () => {
    const r = dispersion(['journal', 'show'], 'ko_KR.UTF-8');
    expect(r.status).toBe(2);
    expect(r.stderr.split('\n').slice(0, 3)).toEqual([
      "오류: 'month' 인자가 필요합니다.",
      '',
      '사용법: dispersion journal show [옵션] <month>',
    ]);
  });

  it('an unknown command, exit 2', () => {
    const r = dispersion(['chekc'], 'ko_KR.UTF-8');
    expect(r.status).toBe(2);
    expect(r.stderr.split('\n').slice(0, 2)).toEqual([
      "오류: 'chekc' 명령은 없습니다.",
      '(check 명령을 쓰려던 것인가요?)',
    ]);
  });
});

describe('English help and errors, as before', () => {
  it('check --help', () => {
    const r = dispersion(['check', '--help']);
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines.slice(0, 5)).toEqual([
      'Usage: dispersion check [options] <holdings...>',
      '',
      'classify holdings into the model sleeves and run the checklist',
      '',
      'Arguments:',
    ]);
    expect(lines).toEqual(
      expect.arrayContaining([
        'Options:',
        '  --model <id|file>      model id or model JSON file (default:',
        '                         "great-dispersion-2026")',
        '  --base <ccy>           base currency for values (default: "USD")',
        '  -h, --help             display help for command',
      ]),
    );
    expect(r.stdout).not.toMatch(/[가-힣]/);
  });

  it('an unknown option, exit 2', () => {
    const r = dispersion(['check', 'examples/sample-holdings.csv', '--asof', '2026-05-29']);
    expect(r.status).toBe(2);
    expect(r.stderr.split('\n').slice(0, 4)).toEqual([
      "error: unknown option '--asof'",
      '(Did you mean --as-of?)',
      '',
      'Usage: dispersion check [options] <holdings...>',
    ]);
  });
});
