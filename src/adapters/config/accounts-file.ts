/**
 * An accounts file for `rebalance --accounts FILE`: the markets each account may buy in beyond those it already holds,
 * the file form of `--account-markets NAME=KRX,US`. JSON, validated; a bad entry is an InputError naming the file, the
 * line and column where it can, and the JSON path:
 *
 *   { "accounts": [ { "name": "미국주식", "markets": ["US", "KRX"] }, { "name": "키움 위탁", "markets": ["KRX"] } ] }
 */
import { z } from 'zod';
import { readJsonFile } from './json-file.ts';

const market = z
  .string()
  .transform((m) => m.trim().toUpperCase())
  .refine(
    (m) => /^[A-Z]{2,10}$/.test(m),
    'expected a market code such as US, KRX, TSE, XETRA, SIX, LSE, EPA, TWSE',
  );

const fileSchema = z.object({
  $comment: z.string().optional(),
  accounts: z
    .array(
      z.object({
        name: z.string().trim().min(1, 'expected the account name as in the holdings files'),
        markets: z.array(market).min(1, 'expected at least one market'),
      }),
    )
    .min(1, 'expected at least one account'),
});

/** Account name → markets (an account listed twice gets the markets of both entries). */
export function loadAccountsFile(file: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const a of readJsonFile(file, fileSchema, 'accounts').accounts) {
    out[a.name] = [...new Set([...(out[a.name] ?? []), ...a.markets])];
  }
  return out;
}
