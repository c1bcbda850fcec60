/**
 * Looking up user text in a table written as an object literal. `table[key]` also finds what every object inherits:
 * a currency cell `toString` or `constructor` would "find" a function, `__proto__` the prototype. Only the table's
 * own keys count here.
 */
export function ownValue<V>(table: Readonly<Record<string, V>>, key: string): V | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
