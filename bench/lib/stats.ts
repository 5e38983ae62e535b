/** Median with the range it came from: how every ratio and figure is reported. */
export interface Spread {
  median: number
  min: number
  max: number
}

/** Median, min and max of a non-empty list. */
export function spread(values: number[]): Spread {
  if (values.length === 0) throw new Error('No values to summarise')
  const sorted = [...values].sort((a, b) => a - b)
  const middle = sorted.length >> 1
  const median = sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
  return {median, min: sorted[0]!, max: sorted[sorted.length - 1]!}
}

/** Mean and (population) standard deviation of a non-empty list: how repeated cross-validation is reported. */
export function meanAndSd(values: number[]): {mean: number; sd: number} {
  if (values.length === 0) throw new Error('No values to summarise')
  const mean = values.reduce((a, b) => a + b, 0) / values.length
  return {mean, sd: Math.sqrt(values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / values.length)}
}

/** Per-round ratios a[i] / b[i]: both ran in the same round, so they saw the same machine load. */
export function pairedRatios(a: number[], b: number[]): number[] {
  return a.map((value, index) => value / b[index]!)
}

/** Round for JSON and tables: ratios to 3 decimals, larger figures to 3 significant digits. */
export function rounded(value: Spread, digits = 3): Spread {
  const round = (x: number) => Number(x.toFixed(digits))
  return {median: round(value.median), min: round(value.min), max: round(value.max)}
}
