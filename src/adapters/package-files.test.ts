import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT, packageFile } from './package-files.ts';

describe('package files', () => {
  it('finds the package root: the folder of package.json, data/ and examples/', () => {
    expect(JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')).name).toBe('dispersion');
    expect(existsSync(packageFile('data/universe.json'))).toBe(true);
    expect(existsSync(packageFile('examples/sample-holdings.csv'))).toBe(true);
  });

  it('keeps a folder’s trailing separator, as the callers that join names to it expect', () => {
    expect(packageFile('data/models/')).toBe(`${join(PACKAGE_ROOT, 'data', 'models')}/`);
  });
});
