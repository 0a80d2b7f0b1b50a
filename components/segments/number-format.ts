/** Means and shares as the profile views print them: two decimals, whole percentages, in the UI language. */
export function formatMean(locale: string, value: number): string {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);
}

export function formatShare(locale: string, share: number): string {
  return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(share);
}

export function formatNumber(locale: string, value: number, fractionDigits = 0): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: fractionDigits }).format(value);
}

/** Axis of a profile chart: whole numbers around every mean, so bars on a 1–5 scale run from 1 to 5. */
export function profileDomain(values: readonly number[]): { min: number; max: number } {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return { min: 0, max: 1 };
  const min = Math.floor(Math.min(...finite));
  const max = Math.ceil(Math.max(...finite));
  return max > min ? { min, max } : { min: min - 1, max: max + 1 };
}
