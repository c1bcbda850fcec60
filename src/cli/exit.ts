/**
 * A command that has printed its whole report but must still end non-zero (data update with failed series) throws
 * this after writing: `run` returns its code and prints nothing more.
 */
export class ExitCode extends Error {
  readonly code: number;
  constructor(code: number) {
    super(`exit ${code}`);
    this.name = 'ExitCode';
    this.code = code;
  }
}
