/**
 * Files the user names on the command line. Reading one must end with a sentence, never a hang or an "internal
 * error": a FIFO or a device (`/dev/zero`) would block or grow memory without bound, so only regular files are read;
 * a symlink loop, a missing folder or a permission problem is said in words. Writing (`--csv`) likewise.
 */
import { statSync, writeFileSync } from 'node:fs';
import { InputError } from '../../core/errors.ts';

/** What each file-system error code means to someone who typed a path. */
const REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'file not found',
  ENOTDIR: 'a folder in the path is a file',
  EISDIR: 'is a folder, not a file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ELOOP: 'too many symbolic links (a symlink loop?)',
  ENAMETOOLONG: 'the path is too long',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the disk',
  EMFILE: 'too many open files',
  EBUSY: 'the file is busy',
};

const REASONS_KO: Readonly<Record<string, string>> = {
  ENOENT: '파일이 없습니다',
  ENOTDIR: '경로 중간의 폴더가 파일입니다',
  EISDIR: '파일이 아니라 폴더입니다',
  EACCES: '권한이 없습니다',
  EPERM: '권한이 없습니다',
  ELOOP: '심볼릭 링크가 너무 많습니다 (링크 순환?)',
  ENAMETOOLONG: '경로가 너무 깁니다',
  EROFS: '읽기 전용 파일 시스템입니다',
  ENOSPC: '디스크에 남은 공간이 없습니다',
  EMFILE: '열린 파일이 너무 많습니다',
  EBUSY: '파일이 사용 중입니다',
};

/** The words for an error code, or the code itself. */
export function fileErrorReason(code: string | undefined, lang: 'en' | 'ko' = 'en'): string {
  const table = lang === 'ko' ? REASONS_KO : REASONS;
  return (
    (code !== undefined && Object.hasOwn(table, code) ? table[code] : undefined) ??
    (lang === 'ko' ? `오류 ${code}` : `error ${code}`)
  );
}

/** What a file should have been, in English and, where the caller wrote it, in Korean. */
export type Expected = string | Readonly<{ en: string; ko: string }>;

/**
 * Throws an InputError unless `path` is a regular file (after following symlinks) that exists. `expected` says what
 * the file should have been (e.g. "a holdings file (CSV or Ghostfolio JSON export)"); `shown` is the name the error uses.
 */
export function assertRegularFile(path: string, expected: Expected, shown = path): void {
  const en = typeof expected === 'string' ? expected : expected.en;
  const ko = typeof expected === 'string' ? undefined : expected.ko;
  let kind: [string, string] | undefined;
  try {
    const st = statSync(path);
    if (st.isFile()) return;
    kind = st.isDirectory()
      ? ['is a folder, not a file', '파일이 아니라 폴더입니다']
      : st.isFIFO()
        ? [
            'is a named pipe (FIFO), not a file: reading it would wait forever',
            '파일이 아니라 명명된 파이프(FIFO)입니다: 읽으면 끝없이 기다립니다',
          ]
        : st.isSocket()
          ? ['is a socket, not a file', '파일이 아니라 소켓입니다']
          : ['is a device, not a file', '파일이 아니라 장치입니다'];
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const hint = code === 'ENOENT';
    throw new InputError({
      file: shown,
      message: fileErrorReason(code),
      expected: en,
      ...(hint ? { hint: 'check the spelling, or give the full path' } : {}),
      ko: {
        message: fileErrorReason(code, 'ko'),
        ...(ko ? { expected: ko } : {}),
        ...(hint ? { hint: '철자를 확인하거나 전체 경로를 주세요' } : {}),
      },
    });
  }
  throw new InputError({
    file: shown,
    message: kind[0],
    expected: en,
    ko: { message: kind[1], ...(ko ? { expected: ko } : {}) },
  });
}

/**
 * Writes `text` to a file the user named (`--csv`), turning every failure into an InputError; `what` names the file
 * in English and Korean (`orders CSV`, `주문 CSV`).
 */
export function writeUserFile(
  path: string,
  text: string,
  o: { overwrite: boolean; what: string; whatKo: string },
): void {
  // Opening a FIFO for writing waits for a reader; a device is not where a CSV belongs.
  let existing: ReturnType<typeof statSync> | undefined;
  try {
    existing = statSync(path);
  } catch {
    existing = undefined; // not there yet (the usual case), or unreachable: writing below says which
  }
  if (existing && !existing.isFile() && !existing.isDirectory()) {
    throw new InputError({
      file: path,
      message: `cannot write the ${o.what}: the path is not a regular file`,
      expected: 'a path in an existing folder you can write to',
      ko: {
        message: `${o.whatKo} 파일을 쓸 수 없습니다: 일반 파일의 경로가 아닙니다`,
        expected: '쓸 수 있는 기존 폴더 안의 경로',
      },
    });
  }
  try {
    writeFileSync(path, text, { flag: o.overwrite ? 'w' : 'wx' });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      throw new InputError({
        file: path,
        message: 'already exists; not overwritten',
        expected: 'a new file name, or --force to overwrite it',
        ko: {
          message: '파일이 이미 있어 덮어쓰지 않았습니다',
          expected: '새 파일 이름, 또는 덮어쓰려면 --force',
        },
      });
    }
    throw new InputError({
      file: path,
      message: `cannot write the ${o.what}: ${code === 'ENOENT' ? 'the folder does not exist' : fileErrorReason(code)}`,
      expected: 'a path in an existing folder you can write to',
      ko: {
        message: `${o.whatKo} 파일을 쓸 수 없습니다: ${code === 'ENOENT' ? '폴더가 없습니다' : fileErrorReason(code, 'ko')}`,
        expected: '쓸 수 있는 기존 폴더 안의 경로',
      },
    });
  }
}
