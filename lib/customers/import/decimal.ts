/**
 * Exact decimal arithmetic on the normalised number strings of values.ts ("-1234.56"), for the
 * numeric columns the worker now encodes itself. PostgreSQL rounds a numeric to a column's scale
 * half away from zero; these helpers round the same way, on scaled BigInts (value × 10^scale).
 */

/** Value × 10^scale, rounded half away from zero, of a normalised decimal string. */
export function scaledDecimal(normalised: string, scale: number): bigint {
  const negative = normalised.startsWith("-");
  const [int = "0", frac = ""] = (negative ? normalised.slice(1) : normalised).split(".");
  const kept = (frac + "0".repeat(scale)).slice(0, scale);
  let magnitude = BigInt(int + kept);
  if (frac.length > scale && frac.charCodeAt(scale) >= 53 /* "5" */) magnitude += 1n;
  return negative ? -magnitude : magnitude;
}

const abs = (n: bigint) => (n < 0n ? -n : n);

/** Whether a scaled value has more than `digits` integer digits (PostgreSQL's numeric(p, s) overflow). */
export const exceedsIntegerDigits = (scaled: bigint, scale: number, digits: number) => abs(scaled) >= 10n ** BigInt(scale + digits);

/**
 * A line's amount when the file gives quantity and unit price: the product of the two as their columns
 * hold them (numeric(14,3) and numeric(14,4), so rounded to 3 and 4 decimals first, as the SQL merge
 * did), rounded to the amount column's 4 decimals. Returns amount × 10^4.
 */
export function lineAmountScaled(quantity: string, unitPrice: string): bigint {
  const product = scaledDecimal(quantity, 3) * scaledDecimal(unitPrice, 4); // × 10^7
  const magnitude = abs(product);
  const rounded = magnitude / 1000n + (magnitude % 1000n >= 500n ? 1n : 0n);
  return product < 0n ? -rounded : rounded;
}

/** numeric(18,4): 14 integer digits. */
export const AMOUNT_INTEGER_DIGITS = 14;
/** numeric(14,4) and numeric(14,3), and the rule the converter has always applied to every number: 10 integer digits. */
export const VALUE_INTEGER_DIGITS = 10;
