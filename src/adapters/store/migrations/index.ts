/**
 * Every migration this version knows, oldest first. Adding one = a new frozen file named by its timestamp and one
 * line here; the id order is the apply order.
 */
import type { Kysely } from 'kysely';
import * as m0001 from './2026-11-25T0001-journal.ts';
import * as m0002 from './2026-11-25T0002-market-cache.ts';
import * as m0003 from './2026-12-02T0003-portfolio.ts';

export interface Migration {
  id: string;
  up(db: Kysely<unknown>): Promise<void>;
}

export const MIGRATIONS: readonly Migration[] = [m0001, m0002, m0003];
