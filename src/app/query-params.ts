/**
 * Query parameters that the CLI reads as "an id or a file path" (`model`, `scenario`, `benchmark=model:…`). Over HTTP a
 * file path would let any page make the server read any file (`/dev/zero` grows memory without bound, a FIFO blocks
 * it, and "not valid JSON" versus "not found" tells which files exist). So here they are ids only: a bundled file's,
 * or the one the server was started with; anything else is refused before any file is touched.
 */
import { bundledModelIds } from '../adapters/config/model-file.ts';
import { bundledScenarioIds } from '../adapters/config/scenario-file.ts';
import { InputError } from '../core/errors.ts';
import { HISTORICAL_WINDOWS } from '../core/stress/historical.ts';

/** `model`: a bundled model id, or the `--model` the server was started with. Undefined keeps that default. */
export function modelParam(value: string | undefined, configured: string | undefined): string | undefined {
  if (value === undefined || value === configured) return configured;
  const allowed = allowedModels(configured);
  if (allowed.includes(value)) return value;
  throw new InputError({
    message: `model ${JSON.stringify(shorten(value))} is not one of this server's models`,
    expected: `a model id: ${allowed.join(', ')}`,
    hint: 'a model file is named when the server starts: dispersion serve --model FILE',
  });
}

/** `scenario`: comma-separated bundled scenario ids, historical window ids, or `all`. */
export function scenarioParam(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const allowed = ['all', ...bundledScenarioIds(), ...HISTORICAL_WINDOWS.map((w) => w.id)];
  for (const raw of value.split(',')) {
    const item = raw.trim();
    if (item === '' || allowed.includes(item)) continue;
    throw new InputError({
      message: `scenario ${JSON.stringify(shorten(item))} is not one of this server's scenarios`,
      expected: `scenario ids separated by commas: ${allowed.join(', ')}`,
      hint: 'your own scenario files can be run with the CLI: dispersion stress --scenario FILE',
    });
  }
  return value;
}

/** `benchmark`: symbols as in the CLI, but a `model:` item names a model id (as `modelParam`), never a file. */
export function benchmarkParam(
  value: string | undefined,
  configured: string | undefined,
): string | undefined {
  if (value === undefined) return undefined;
  for (const raw of value.split(',')) {
    const item = raw.trim();
    if (item.startsWith('model:')) modelParam(item.slice(6), configured);
  }
  return value;
}

function allowedModels(configured: string | undefined): string[] {
  const ids = bundledModelIds();
  return configured === undefined || ids.includes(configured) ? ids : [...ids, configured];
}

function shorten(s: string): string {
  return s.length > 60 ? `${s.slice(0, 60)}…` : s;
}
