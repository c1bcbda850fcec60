import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { problemOfAsync } from '../../test/support/errors.ts';
import { toDay } from '../core/dates.ts';
import { defaultAccounts, importFiles } from './workspace.ts';

const FIXTURES = fileURLToPath(new URL('../../test/fixtures/import/', import.meta.url));
/** As a user in the repository folder types it. */
const typed = (name: string) => relative(process.cwd(), FIXTURES + name);

describe('importFiles', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dispersion-workspace-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses the same file given twice, however it is spelled', async () => {
    const file = typed('ok/same-name/kiwoom/holdings.csv');
    const same = await problemOfAsync(() => importFiles([file, file]));
    expect(same).toMatchObject({
      file,
      message: 'the same file is given twice',
      expected: 'each holdings file once',
    });

    const absolute = `${FIXTURES}ok/same-name/kiwoom/holdings.csv`;
    const spelled = await problemOfAsync(() => importFiles([file, absolute]));
    expect(spelled).toMatchObject({
      file: absolute,
      message: `the same file is given twice (also as ${file})`,
    });

    const link = join(dir, 'link.csv');
    symlinkSync(absolute, link);
    const linked = await problemOfAsync(() => importFiles([link, file]));
    expect(linked).toMatchObject({ file, message: `the same file is given twice (also as ${link})` });
  });

  it('names the accounts of two holdings.csv by their folders instead of merging them', async () => {
    const { holdings, warnings } = await importFiles([
      typed('ok/same-name/kiwoom/holdings.csv'),
      typed('ok/same-name/toss/holdings.csv'),
    ]);
    // NVDA 10 in one and 5 in the other: two accounts, not one account of 15.
    expect(holdings.map((h) => [h.account, h.kind === 'security' ? h.quantity : h.amount])).toEqual([
      ['kiwoom/holdings', 10],
      ['toss/holdings', 5],
    ]);
    expect(warnings).toEqual([]);
  });

  it('keeps the plain base name when it is unambiguous', async () => {
    const { holdings } = await importFiles([typed('ok/same-name/kiwoom/holdings.csv')]);
    expect(holdings.map((h) => h.account)).toEqual(['holdings']);
  });

  it('reads a Ghostfolio ledger up to the as-of day it is given', async () => {
    const file = typed('ok/ghostfolio-as-of.json');
    const { holdings, warnings } = await importFiles([file], { asOf: toDay('2026-05-10') });
    // NVDA 10 + 8 = 18 (see ghostfolio.test.ts): the activities after 2026-05-10 are left out.
    expect(holdings[0]).toMatchObject({ symbol: 'NVDA', quantity: 18 });
    expect(warnings.map((w) => w.code)).toEqual(['activities-after-as-of', 'balances-as-of-export']);
    const all = await importFiles([file]);
    expect(all.holdings[0]).toMatchObject({ symbol: 'NVDA', quantity: 2 }); // 10 − 4 − 12 + 8
  });
});

describe('defaultAccounts', () => {
  it('adds trailing folders only to the names that clash, only as many as needed', () => {
    expect(defaultAccounts(['/a/x/holdings.csv', '/b/x/holdings.csv', '/b/isa.csv'])).toEqual([
      'a/x/holdings',
      'b/x/holdings',
      'isa',
    ]);
    expect(defaultAccounts(['/a/holdings.csv', '/b/holdings.tsv'])).toEqual(['a/holdings', 'b/holdings']);
    expect(defaultAccounts(['C:\\Users\\kim\\kiwoom\\h.csv', 'C:\\Users\\kim\\toss\\h.csv'])).toEqual([
      'kiwoom/h',
      'toss/h',
    ]);
  });

  it('keeps the extension when only it differs, and leaves two uploads of one name alike', () => {
    expect(defaultAccounts(['/a/holdings.csv', '/a/holdings.tsv', '/b/isa.csv'])).toEqual([
      'holdings.csv',
      'holdings.tsv',
      'isa',
    ]);
    expect(defaultAccounts(['upload.csv', 'upload.csv'])).toEqual(['upload.csv', 'upload.csv']);
  });
});
