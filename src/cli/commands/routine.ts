/** The monthly routine's own commands, registered together: `journal` (record|list|show) and `plan`. */
import type { Command } from 'commander';
import { registerJournal } from './journal.ts';
import { registerPlan } from './plan.ts';

export function registerRoutine(program: Command): void {
  registerJournal(program);
  registerPlan(program);
}
