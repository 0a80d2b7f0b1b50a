import { describe, expect, it } from "vitest";
import { parseBoolean, parseDateTime, parseDecimal } from "./values";

describe("parseDecimal", () => {
  it.each([
    ["1.234,56", "comma", "1234.56"],
    ["1 234,5", "comma", "1234.5"],
    ["1\u00a0234\u00a0567,00", "comma", "1234567.00"],
    ["-0,5", "comma", "-0.5"],
    [",5", "comma", "0.5"],
    ["12", "comma", "12"],
    ["1,234.56", "point", "1234.56"],
    ["2.55", "point", "2.55"],
    ["-80995", "point", "-80995"],
    ["+3.", "point", "3"],
  ] as const)("%j with a decimal %s is %s", (text, separator, expected) => {
    expect(parseDecimal(text, separator)).toBe(expected);
  });

  it.each([
    ["abc", "point"],
    ["1,5", "point"],
    ["1.2.3", "point"],
    ["12,34,56", "comma"],
    ["", "point"],
    ["=1+2", "point"],
    ["1e5", "point"],
  ] as const)("rejects %j with a decimal %s", (text, separator) => {
    expect(parseDecimal(text, separator)).toBeUndefined();
  });
});

describe("parseDateTime", () => {
  it("reads the retail log's M/D/YYYY H:mm as UTC or as Helsinki wall time", () => {
    expect(parseDateTime("12/1/2010 8:26", "mdy-slash", "UTC")?.toISOString()).toBe("2010-12-01T08:26:00.000Z");
    expect(parseDateTime("12/1/2010 8:26", "mdy-slash", "Europe/Helsinki")?.toISOString()).toBe("2010-12-01T06:26:00.000Z");
    expect(parseDateTime("12/1/2010 8:26", "dmy-slash", "UTC")?.toISOString()).toBe("2010-01-12T08:26:00.000Z");
  });

  it("reads Nordic dates, ISO with and without offsets, and summer time", () => {
    expect(parseDateTime("24.12.2023", "dmy-dot", "Europe/Helsinki")?.toISOString()).toBe("2023-12-23T22:00:00.000Z");
    expect(parseDateTime("1.7.2023 klo 14.30", "dmy-dot", "Europe/Helsinki")?.toISOString()).toBe("2023-07-01T11:30:00.000Z");
    expect(parseDateTime("2023-07-01 14:30", "iso", "Europe/Stockholm")?.toISOString()).toBe("2023-07-01T12:30:00.000Z");
    expect(parseDateTime("2023-07-01T14:30:05.5+03:00", "iso", "UTC")?.toISOString()).toBe("2023-07-01T11:30:05.500Z");
    expect(parseDateTime("2023-07-01T14:30:00Z", "iso", "Europe/Helsinki")?.toISOString()).toBe("2023-07-01T14:30:00.000Z");
    // 03:30 on the spring-forward night does not exist in Helsinki; it lands an hour on, as Temporal's "compatible" does.
    expect(parseDateTime("2023-03-26 02:30", "iso", "Europe/Helsinki")?.toISOString()).toBe("2023-03-26T00:30:00.000Z");
  });

  it.each([
    ["31.2.2023", "dmy-dot"],
    ["13/13/2020", "mdy-slash"],
    ["2023-01-01 25:00", "iso"],
    ["yesterday", "iso"],
    ["2023-01-01", "dmy-dot"],
  ] as const)("rejects %j as %s", (text, format) => {
    expect(parseDateTime(text, format, "UTC")).toBeUndefined();
  });
});

describe("parseBoolean", () => {
  it("reads yes/no markers in several languages", () => {
    expect(["1", "TRUE", "yes", "kyllä", "ja", "x"].map(parseBoolean)).toEqual([true, true, true, true, true, true]);
    expect(["0", "false", "no", "ei", "nej", ""].map(parseBoolean)).toEqual([false, false, false, false, false, false]);
    expect(parseBoolean("maybe")).toBeUndefined();
  });
});
