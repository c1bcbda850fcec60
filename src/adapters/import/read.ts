/**
 * Reading a holdings file from disk. Kept apart from the importers so they stay pure (bytes in, holdings out); the
 * only job here is to turn the file system's error codes into sentences a user can act on.
 */
import { readFile } from 'node:fs/promises';
import { InputError } from '../../core/errors.ts';
import { assertRegularFile, fileErrorReason } from '../files/user-files.ts';

export async function readHoldingsFile(path: string): Promise<Uint8Array> {
  assertRegularFile(path, {
    en: 'the path of a holdings file (CSV or Ghostfolio JSON export)',
    ko: '보유 종목 파일(CSV, Excel 또는 Ghostfolio JSON)의 경로',
  });
  try {
    return new Uint8Array(await readFile(path));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException | undefined)?.code;
    if (code === 'ENOENT') {
      throw new InputError({
        file: path,
        message: 'file not found',
        expected: 'the path of a holdings file (CSV or Ghostfolio JSON export)',
        hint: 'check the spelling, or give the full path',
        ko: {
          message: '파일이 없습니다',
          expected: '보유 종목 파일(CSV, Excel 또는 Ghostfolio JSON)의 경로',
          hint: '철자를 확인하거나 전체 경로를 주세요',
        },
      });
    }
    if (code === 'EISDIR') {
      throw new InputError({
        file: path,
        message: 'is a directory',
        expected: 'the path of a holdings file, not a folder',
        ko: { message: '폴더입니다', expected: '폴더가 아닌 보유 종목 파일의 경로' },
      });
    }
    if (code === 'EACCES' || code === 'EPERM') {
      throw new InputError({
        file: path,
        message: 'permission denied: the file cannot be read',
        expected: 'a readable file',
        ko: { message: '권한이 없어 파일을 읽을 수 없습니다', expected: '읽을 수 있는 파일' },
      });
    }
    throw new InputError({
      file: path,
      message: `the file cannot be read: ${fileErrorReason(code)}`,
      expected: 'a readable holdings file',
      ko: {
        message: `파일을 읽을 수 없습니다: ${fileErrorReason(code)}`,
        expected: '읽을 수 있는 보유 종목 파일',
      },
    });
  }
}
