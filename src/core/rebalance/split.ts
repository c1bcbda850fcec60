/**
 * From a sleeve's target value to its instruments' target values. Holdings already in the sleeve keep their relative
 * weights (the user chose them; the model only sets the sleeve's size); an empty sleeve is split equally among the
 * candidates that were picked.
 */

/**
 * Target value per member so that they sum to `target` in the proportions of `values`; equal parts when the members
 * are worth nothing yet (new candidates).
 * @example splitSleeveTarget(300, [100, 50]) // [200, 100]
 */
export function splitSleeveTarget(target: number, values: readonly number[]): number[] {
  const sum = values.reduce((s, v) => s + v, 0);
  if (values.length === 0) return [];
  if (sum > 0) return values.map((v) => (target * v) / sum);
  return values.map(() => target / values.length);
}
