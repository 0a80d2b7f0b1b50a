/**
 * Cell values → typed values, with the same rules in the preview (type detection) and the import.
 * Numbers come back as normalised decimal strings ("1234.56") so money stays exact all the way into
 * PostgreSQL numeric columns; dates come back as UTC instants.
 */
export type DecimalSeparator = "point" | "comma";
export type DateFormat = "iso" | "dmy-dot" | "mdy-slash" | "dmy-slash";
export const DATE_FORMATS: readonly DateFormat[] = ["iso", "dmy-dot", "mdy-slash", "dmy-slash"];

const PLAIN_POINT = /^[+-]?(\d+\.?\d*|\.\d+)$/;
const GROUPED_POINT = /^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/;
const PLAIN_COMMA = /^[+-]?(\d+,?\d*|,\d+)$/;
const GROUPED_COMMA = /^[+-]?\d{1,3}([. \u00a0\u202f]\d{3})+(,\d*)?$/;

/** "1.234,56" (comma) or "1,234.56" (point) → "1234.56"; undefined when it is not a number. */
export function parseDecimal(text: string, separator: DecimalSeparator): string | undefined {
  const t = text.trim();
  if (t === "") return undefined;
  let normalised: string;
  if (separator === "point") {
    if (PLAIN_POINT.test(t)) normalised = t;
    else if (GROUPED_POINT.test(t)) normalised = t.replace(/,/g, "");
    else return undefined;
  } else {
    if (PLAIN_COMMA.test(t)) normalised = t.replace(",", ".");
    else if (GROUPED_COMMA.test(t)) normalised = t.replace(/[. \u00a0\u202f]/g, "").replace(",", ".");
    else return undefined;
  }
  if (normalised.startsWith("+")) normalised = normalised.slice(1);
  if (normalised.endsWith(".")) normalised = normalised.slice(0, -1);
  if (normalised.startsWith(".")) normalised = `0${normalised}`;
  if (normalised.startsWith("-.")) normalised = `-0${normalised.slice(1)}`;
  return normalised;
}

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const DOT = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:\s+(?:klo\s+)?(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?)?$/i;
const SLASH = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

type Parts = { y: number; mo: number; d: number; h: number; mi: number; s: number; ms: number; offsetMinutes?: number };

function partsOf(text: string, format: DateFormat): Parts | undefined {
  const t = text.trim();
  let m: RegExpExecArray | null;
  let p: Parts;
  if (format === "iso") {
    if (!(m = ISO.exec(t))) return undefined;
    p = { y: +m[1]!, mo: +m[2]!, d: +m[3]!, h: +(m[4] ?? 0), mi: +(m[5] ?? 0), s: +(m[6] ?? 0), ms: m[7] ? Math.round(+`0.${m[7]}` * 1000) : 0 };
    if (m[8]) {
      const z = m[8].toUpperCase();
      if (z === "Z") p.offsetMinutes = 0;
      else {
        const digits = z.replace(":", "");
        const sign = digits[0] === "-" ? -1 : 1;
        p.offsetMinutes = sign * (+digits.slice(1, 3) * 60 + +(digits.slice(3, 5) || 0));
      }
    }
  } else if (format === "dmy-dot") {
    if (!(m = DOT.exec(t))) return undefined;
    p = { y: +m[3]!, mo: +m[2]!, d: +m[1]!, h: +(m[4] ?? 0), mi: +(m[5] ?? 0), s: +(m[6] ?? 0), ms: 0 };
  } else {
    if (!(m = SLASH.exec(t))) return undefined;
    const [a, b] = [+m[1]!, +m[2]!];
    p = { y: +m[3]!, mo: format === "mdy-slash" ? a : b, d: format === "mdy-slash" ? b : a, h: +(m[4] ?? 0), mi: +(m[5] ?? 0), s: +(m[6] ?? 0), ms: 0 };
  }
  if (p.mo < 1 || p.mo > 12 || p.d < 1 || p.d > daysInMonth(p.y, p.mo) || p.h > 23 || p.mi > 59 || p.s > 59) return undefined;
  return p;
}

function daysInMonth(y: number, mo: number): number {
  return new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

/** Whether a value has a time part (so the preview can say date or date-time). */
export function hasTimePart(text: string): boolean {
  return /\d[ T]\d{1,2}[:.]\d{2}/.test(text.trim()) || /klo/i.test(text);
}

/**
 * A date or date-time in the given format. Values without an offset are wall-clock times in
 * `timeZone` (an IANA name); an explicit offset or Z in ISO values wins.
 */
export function parseDateTime(text: string, format: DateFormat, timeZone: string): Date | undefined {
  const p = partsOf(text, format);
  if (!p) return undefined;
  const wall = Date.UTC(p.y, p.mo - 1, p.d, p.h, p.mi, p.s, p.ms);
  if (p.offsetMinutes !== undefined) return new Date(wall - p.offsetMinutes * 60_000);
  return new Date(zonedWallTimeToUtc(wall, timeZone));
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsetCache = new Map<string, number>();

/** Offset of timeZone from UTC (ms) at the instant t, cached per zone and hour: imports parse hundreds of thousands of dates. */
function zoneOffset(t: number, timeZone: string): number {
  const key = `${timeZone}|${Math.floor(t / 3_600_000)}`;
  const cached = offsetCache.get(key);
  if (cached !== undefined) return cached;
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric" });
    formatters.set(timeZone, f);
  }
  const parts = Object.fromEntries(f.formatToParts(new Date(t)).map((x) => [x.type, x.value]));
  const asUtc = Date.UTC(+parts.year!, +parts.month! - 1, +parts.day!, +parts.hour!, +parts.minute!, +parts.second!);
  const offset = asUtc - (t - (t % 1000 + 1000) % 1000);
  if (offsetCache.size > 100_000) offsetCache.clear();
  offsetCache.set(key, offset);
  return offset;
}

function zonedWallTimeToUtc(wall: number, timeZone: string): number {
  if (timeZone === "UTC" || timeZone === "Etc/UTC") return wall;
  // Two passes settle the offset on either side of a daylight-saving change.
  const first = wall - zoneOffset(wall, timeZone);
  return wall - zoneOffset(first, timeZone);
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}

const TRUE = new Set(["1", "true", "yes", "y", "t", "x", "kyllä", "k", "ja", "j", "cancelled", "canceled", "returned", "return"]);
const FALSE = new Set(["", "0", "false", "no", "n", "f", "ei", "e", "nej"]);

/** A yes/no cell (cancellation markers); undefined when it is neither. */
export function parseBoolean(text: string): boolean | undefined {
  const t = text.trim().toLowerCase();
  if (TRUE.has(t)) return true;
  if (FALSE.has(t)) return false;
  return undefined;
}
