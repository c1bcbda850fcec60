/**
 * Reading a holdings file from disk. Kept apart from the importers so they stay pure (bytes in, holdings out); the
 * only job here is to turn the file system's error codes into sentences a user can act on.
 */
import { readFile } from 'node:fs/promises';
import { InputError } from '../../core/errors.ts';
import { assertRegularFile, fileErrorReason } from '../files/user-files.ts';

export async function readHoldingsFile(path: string): Promise<Uint8Array> {
  assertRegularFile(path, 'the path of a holdings file (CSV or Ghostfolio JSON export)');
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
      });
    }
    if (code === 'EISDIR') {
      throw new InputError({
        file: path,
        message: 'is a directory',
        expected: 'the path of a holdings file, not a folder',
      });
    }
    if (code === 'EACCES' || code === 'EPERM') {
      throw new InputError({
        file: path,
        message: 'permission denied: the file cannot be read',
        expected: 'a readable file',
      });
    }
    throw new InputError({
      file: path,
      message: `the file cannot be read: ${fileErrorReason(code)}`,
      expected: 'a readable holdings file',
    });
  }
}
