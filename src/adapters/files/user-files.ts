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

/** The words for an error code, or the code itself. */
export function fileErrorReason(code: string | undefined): string {
  return (code !== undefined && Object.hasOwn(REASONS, code) ? REASONS[code] : undefined) ?? `error ${code}`;
}

/**
 * Throws an InputError unless `path` is a regular file (after following symlinks) that exists. `expected` says what
 * the file should have been (e.g. "a holdings file (CSV or Ghostfolio JSON export)"); `shown` is the name the error uses.
 */
export function assertRegularFile(path: string, expected: string, shown = path): void {
  let kind: string | undefined;
  try {
    const st = statSync(path);
    if (st.isFile()) return;
    kind = st.isDirectory()
      ? 'is a folder, not a file'
      : st.isFIFO()
        ? 'is a named pipe (FIFO), not a file: reading it would wait forever'
        : st.isSocket()
          ? 'is a socket, not a file'
          : 'is a device, not a file';
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError({
      file: shown,
      message: fileErrorReason(code),
      expected,
      ...(code === 'ENOENT' ? { hint: 'check the spelling, or give the full path' } : {}),
    });
  }
  throw new InputError({ file: shown, message: kind, expected });
}

/** Writes `text` to a file the user named (`--csv`), turning every failure into an InputError. */
export function writeUserFile(path: string, text: string, o: { overwrite: boolean; what: string }): void {
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
      });
    }
    throw new InputError({
      file: path,
      message: `cannot write the ${o.what}: ${code === 'ENOENT' ? 'the folder does not exist' : fileErrorReason(code)}`,
      expected: 'a path in an existing folder you can write to',
    });
  }
}
