/**
 * The layers, as imports: the core imports nothing outside src/core; the use cases (src/app) are the only way in for
 * the shells: the server and the library entry (src/index.ts) never import the CLI, the server reaches only app/,
 * report/ and i18n/, and the CLI only app/, report/ and i18n/ (adapters and core through app/), plus the one place
 * it starts the server. main.ts loads no use case at start-up (only `import()` inside a run), so `--help` stays fast.
 * Test files are not checked: a test may reach into any layer.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = new URL('../../src/', import.meta.url).pathname;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sourceFiles(join(dir, e.name))
      : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts')
        ? [join(dir, e.name)]
        : [],
  );
}

interface Import {
  /** The module as written. */
  spec: string;
  /** For a relative import: the path under src/ it resolves to (e.g. `app/check.ts`); undefined for a package. */
  target?: string;
  /** `import('…')` rather than a static import or re-export. */
  dynamic: boolean;
}

/** Every static import, re-export and `import()` of a source file (comments are not imports). */
function importsOf(file: string, text: string): Import[] {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const out: Import[] = [];
  const add = (spec: string, dynamic: boolean) => {
    const target = spec.startsWith('.') ? relative(SRC, resolve(dirname(file), spec)) : undefined;
    out.push({ spec, dynamic, ...(target === undefined ? {} : { target }) });
  };
  for (const m of code.matchAll(/^\s*(?:import|export)\b[^'"]*?\bfrom\s*['"]([^'"]+)['"]/gm))
    add(m[1] as string, false);
  for (const m of code.matchAll(/^\s*import\s*['"]([^'"]+)['"]/gm)) add(m[1] as string, false);
  for (const m of code.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) add(m[1] as string, true);
  return out;
}

/** The top folder under src/ (`app`, `core`, …), or `index.ts`; `..` for a path outside src/. */
function layerOf(target: string): string {
  return target.startsWith('..') ? '..' : (target.split('/')[0] as string);
}

const files = sourceFiles(SRC).map((file) => ({
  file,
  name: relative(SRC, file),
  imports: importsOf(file, readFileSync(file, 'utf8')),
}));

/** The one import the CLI has past app/: `dispersion serve` starts the server. */
const CLI_STARTS_SERVER = { from: 'cli/commands/serve.ts', to: 'server/start.ts' };

function violations(
  layer: string,
  allowed: readonly string[],
  except: (from: string, to: string) => boolean = () => false,
): string[] {
  return files
    .filter((f) => (layer === 'index.ts' ? f.name === 'index.ts' : f.name.startsWith(`${layer}/`)))
    .flatMap((f) =>
      f.imports
        .filter((i) => i.target !== undefined)
        .filter((i) => !allowed.includes(layerOf(i.target as string)) && !except(f.name, i.target as string))
        .map((i) => `${f.name} imports ${i.spec}`),
    );
}

describe('layers', () => {
  it('finds the imports it checks (relative, re-exports and import())', () => {
    const sample = importsOf(
      join(SRC, 'cli/main.ts'),
      "import { a } from './x.ts';\nexport { b } from '../app/y.ts';\nconst c = await import('../app/z.ts');\n// import { d } from '../core/d.ts';\n",
    );
    expect(sample.map((i) => [i.target, i.dynamic])).toEqual([
      ['cli/x.ts', false],
      ['app/y.ts', false],
      ['app/z.ts', true],
    ]);
    expect(files.filter((f) => f.name.startsWith('cli/')).length).toBeGreaterThan(10);
  });

  it('core imports nothing outside src/core (no app, adapters, report, i18n, cli, server)', () => {
    expect(violations('core', ['core'])).toEqual([]);
  });

  it('the server imports only app/, report/ and i18n/ (never the CLI)', () => {
    expect(violations('server', ['server', 'app', 'report', 'i18n'])).toEqual([]);
  });

  it('the library entry imports no CLI and no server', () => {
    expect(violations('index.ts', ['app', 'core', 'adapters', 'report', 'i18n'])).toEqual([]);
  });

  it('the CLI reaches only app/, report/ and i18n/ (adapters and core through app/), and the server only to start it', () => {
    expect(
      violations(
        'cli',
        ['cli', 'app', 'report', 'i18n'],
        (from, to) => from === CLI_STARTS_SERVER.from && to === CLI_STARTS_SERVER.to,
      ),
    ).toEqual([]);
  });

  it('main.ts loads no use case at start-up: app/ only through import() during a run', () => {
    const main = files.find((f) => f.name === 'cli/main.ts');
    const eager = (main?.imports ?? []).filter((i) => !i.dynamic && i.target !== undefined);
    const reached = new Set<string>();
    // Follow the static imports main.ts starts with, through the CLI's own modules.
    const queue = eager.map((i) => i.target as string);
    while (queue.length) {
      const t = queue.pop() as string;
      if (reached.has(t)) continue;
      reached.add(t);
      const f = files.find((x) => x.name === t);
      for (const i of f?.imports ?? []) if (!i.dynamic && i.target !== undefined) queue.push(i.target);
    }
    expect([...reached].filter((t) => layerOf(t) === 'app' || layerOf(t) === 'adapters')).toEqual([]);
  });
});
