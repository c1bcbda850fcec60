import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { problemOfAsync } from '../../../test/support/errors.ts';
import { importHoldingsFile, readHoldingsFile } from './index.ts';
import { fixture, utf8 } from './test-support.ts';

describe('importHoldingsFile', () => {
  it('reads a .json file as a Ghostfolio export', () => {
    const { bytes, file } = fixture('ok/ghostfolio-export.json');
    const result = importHoldingsFile(bytes, file);
    expect(result.format).toBe('ghostfolio');
    expect(result.encoding).toBe('utf-8');
    expect(result.holdings).toHaveLength(5);
  });

  it('refuses a PDF statement (Toss) by its magic bytes, whatever its name, in English and Korean', () => {
    const pdf = utf8('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n');
    for (const name of ['toss.pdf', 'toss-holdings.csv']) {
      let problem: unknown;
      try {
        importHoldingsFile(pdf, name);
      } catch (e) {
        problem = (e as { problem?: unknown }).problem;
      }
      expect(problem).toMatchObject({
        file: name,
        line: 1,
        message: 'this is a PDF statement, which cannot be read as holdings',
        ko: { message: 'PDF 명세서라 보유 종목으로 읽을 수 없습니다' },
      });
    }
  });

  it('recognises a Ghostfolio export by its content when the name does not say .json', () => {
    const result = importHoldingsFile(
      utf8('  {"activities": [{"quantity": 1, "type": "BUY", "symbol": "VTI"}]}'),
      'export.txt',
    );
    expect(result.format).toBe('ghostfolio');
    expect(result.holdings).toMatchObject([{ symbol: 'VTI', quantity: 1 }]);
  });

  it('reads everything else as CSV and passes the options on', () => {
    const { bytes, file } = fixture('ok/korean-cp949.csv');
    const result = importHoldingsFile(bytes, file, { defaultAccount: 'unused' });
    expect(result.format).toBe('csv');
    expect(result.encoding).toBe('cp949');
    expect(result.holdings[0]).toMatchObject({ account: '종합매매', symbol: '005930', name: '삼성전자' });

    const tsv = fixture('ok/tab-separated.tsv');
    expect(importHoldingsFile(tsv.bytes, tsv.file, { defaultAccount: 'NISA' }).holdings[0]?.account).toBe(
      'NISA',
    );
  });
});

describe('readHoldingsFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dispersion-read-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('returns the bytes of a file', async () => {
    const path = fileURLToPath(new URL('../../../test/fixtures/import/ok/korean-cp949.csv', import.meta.url));
    const bytes = await readHoldingsFile(path);
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(bytes).toEqual(fixture('ok/korean-cp949.csv').bytes);
  });

  it('turns a missing file into "file not found"', async () => {
    const path = join(dir, 'nope.csv');
    const p = await problemOfAsync(() => readHoldingsFile(path));
    expect(p).toMatchObject({ file: path, message: 'file not found' });
  });

  it('turns a directory into "is a folder, not a file"', async () => {
    const p = await problemOfAsync(() => readHoldingsFile(dir));
    expect(p).toMatchObject({ file: dir, message: 'is a folder, not a file' });
  });
});
