/**
 * `npm run bench`: runs every `bench/*.bench.ts` in this one process and prints its figures. Timings live here, never
 * in unit tests. Each bench module exports `default async function (): Promise<void>` that prints its own lines.
 * `npm run bench -- check` runs only the benches whose file name contains "check".
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('.', import.meta.url));
const filter = process.argv[2];
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts') && (!filter || f.includes(filter)))
  .sort();

console.log(`node ${process.version}, ${files.length} bench file(s)`);
for (const f of files) {
  console.log(`\n== ${f}`);
  const mod = (await import(`./${f}`)) as { default: () => Promise<void> };
  await mod.default();
}
