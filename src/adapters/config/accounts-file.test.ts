import { describe, expect, it } from 'vitest';
import { problemOf } from '../../../test/support/errors.ts';
import { loadAccountsFile } from './accounts-file.ts';

describe('accounts file', () => {
  it('reads each account’s markets, upper-cased', () => {
    expect(loadAccountsFile('test/fixtures/accounts/accounts.json')).toEqual({ us: ['US', 'KRX'] });
  });
  it('refuses a market that is not a code, naming the file and the entry', () => {
    const p = problemOf(() => loadAccountsFile('test/fixtures/accounts/bad-market.json'));
    expect(p.file).toBe('test/fixtures/accounts/bad-market.json');
    expect(`${p.message} ${p.expected ?? ''}`).toMatch(/accounts\.0\.markets\.1|accounts\[0\]\.markets\[1\]/);
    expect(`${p.message} ${p.expected ?? ''}`).toMatch(/market code/);
  });
});
