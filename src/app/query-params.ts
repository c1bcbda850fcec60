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
import { withJosa } from '../i18n/josa.ts';

/** `model`: a bundled model id, or the `--model` the server was started with. Undefined keeps that default. */
export function modelParam(value: string | undefined, configured: string | undefined): string | undefined {
  if (value === undefined || value === configured) return configured;
  const allowed = allowedModels(configured);
  if (allowed.includes(value)) return value;
  throw new InputError({
    message: `model ${JSON.stringify(shorten(value))} is not one of this server's models`,
    expected: `a model id: ${allowed.join(', ')}`,
    hint: 'a model file is named when the server starts: dispersion serve --model FILE',
    ko: {
      message: `모델 ${withJosa(JSON.stringify(shorten(value)), '은/는')} 이 서버의 모델이 아닙니다`,
      expected: `모델 id: ${allowed.join(', ')}`,
      hint: '모델 파일은 서버를 시작할 때 지정합니다: dispersion serve --model FILE',
    },
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
      ko: {
        message: `시나리오 ${withJosa(JSON.stringify(shorten(item)), '은/는')} 이 서버의 시나리오가 아닙니다`,
        expected: `쉼표로 구분한 시나리오 id: ${allowed.join(', ')}`,
        hint: '직접 만든 시나리오 파일은 CLI로 실행할 수 있습니다: dispersion stress --scenario FILE',
      },
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
