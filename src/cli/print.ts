/** Printing to the terminal: every byte the CLI writes goes through `terminalSafe`. Loaded at start-up (main.ts). */
/**
 * Control characters other than line feed and tab, DEL, the C1 controls (U+0080–U+009F, of which U+009B starts an
 * escape sequence on many terminals) and the bidirectional overrides. A holdings cell can hold any of them; echoed
 * raw, ESC sequences can recolour, retitle or rewrite what the terminal shows, and NUL truncates lines in some tools.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text made safe to print: each unsafe character becomes its `\u001b` escape, visible to the reader and, inside a
 * JSON string, the same character to a JSON parser (JSON.stringify already escapes U+0000–U+001F this way).
 */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Standard output, through `terminalSafe`. */
export function writeOut(text: string): void {
  process.stdout.write(terminalSafe(text));
}

/** Standard error, through `terminalSafe`. */
export function writeErr(text: string): void {
  process.stderr.write(terminalSafe(text));
}
