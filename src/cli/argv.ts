/**
 * The words of a command line that name what runs: read by the program (src/cli/main.ts) to register the command
 * named, and by the launcher (src/adapters/code-cache-launcher.ts) to keep one code cache per command. No imports:
 * the launcher must not pull in the CLI to read its argv.
 */

/** The arguments that are not options, skipping the root's own `--tz ZONE` (which may come before the command). */
export function commandWords(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--tz') i++;
    else if (!a.startsWith('-')) out.push(a);
  }
  return out;
}
