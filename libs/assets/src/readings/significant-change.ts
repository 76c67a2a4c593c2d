/**
 * Whether a reading moved far enough from the value the last significant change left (`reference`)
 * to plan smart charging again at once: by more than `thresholdPercent` of the larger of that value
 * and the asset's static value (so a load near zero does not trigger on noise). No reference yet:
 * significant.
 */
export function isSignificantChange(
  watts: number,
  reference: number | undefined,
  staticValueWatts: number,
  thresholdPercent: number,
): boolean {
  if (reference === undefined) return true;
  const scale = Math.max(Math.abs(reference), Math.abs(staticValueWatts));
  const change = Math.abs(watts - reference);
  return scale === 0 ? change > 0 : change > (scale * thresholdPercent) / 100;
}
