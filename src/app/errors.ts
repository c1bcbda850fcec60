/**
 * What the shells (CLI, server) need to turn an error into words: the input-error check and text, and the reason for a
 * file-system error. main.ts loads this only when a run has failed, so start-up loads no app module.
 */
export { fileErrorReason } from '../adapters/files/user-files.ts';
export { formatProblem, InputError, isInputError } from '../core/errors.ts';
