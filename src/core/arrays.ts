/**
 * Appending one array to another. `target.push(...items)` passes every item as an argument, and past roughly 120,000
 * (a 150k-row holdings file, its warnings) V8 throws "Maximum call stack size exceeded". These loop instead.
 */
export function pushAll<T>(target: T[], items: readonly T[]): void {
  for (const x of items) target.push(x);
}

/** `items` in front of what `target` holds, in order (what `target.unshift(...items)` does, for any length). */
export function prependAll<T>(target: T[], items: readonly T[]): void {
  const rest = target.splice(0);
  pushAll(target, items);
  pushAll(target, rest);
}
