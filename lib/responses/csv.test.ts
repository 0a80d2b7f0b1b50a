import { describe, expect, it } from "vitest";
import { csvCell, csvLine, parseCsv } from "./csv";

describe("csv cells", () => {
  it("prefixes formula starts in text with an apostrophe", () => {
    expect(csvCell("=HYPERLINK(\"x\")")).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell("+1")).toBe("'+1");
    expect(csvCell("-2")).toBe("'-2");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\tx")).toBe("'\tx");
  });
  it("keeps numbers numeric, negative codes included", () => {
    expect(csvCell(-2)).toBe("-2");
    expect(csvCell(4.5)).toBe("4.5");
    expect(csvCell(Number.NaN)).toBe("");
  });
  it("quotes commas, quotes and line breaks", () => {
    expect(csvCell('a "b", c')).toBe('"a ""b"", c"');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell(null)).toBe("");
  });
  it("round-trips through the parser", () => {
    const text = csvLine(["id", 'say "hi", ok', 3]) + csvLine(["x\r\ny", "", -1]);
    expect(parseCsv(text)).toEqual([
      ["id", 'say "hi", ok', "3"],
      ["x\r\ny", "", "-1"],
    ]);
  });
});
