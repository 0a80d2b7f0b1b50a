import { describe, expect, it } from "vitest";
import { CsvParser, parseCsvRecords } from "./csv-parser";

const fieldsOf = (text: string, delimiter = ",") => parseCsvRecords(text, delimiter).map((r) => r.fields);

describe("CsvParser", () => {
  it("reads quoted fields, doubled quotes and text after a closing quote", () => {
    expect(fieldsOf('a,"b,c","say ""hi""",d\n"",x,"q"z,\n')).toEqual([
      ["a", "b,c", 'say "hi"', "d"],
      ["", "x", "qz", ""],
    ]);
  });

  it("handles CRLF, LF, a lone CR and a missing final newline", () => {
    expect(fieldsOf("a,b\r\nc,d\ne,f\rg,h")).toEqual([["a", "b"], ["c", "d"], ["e", "f"], ["g", "h"]]);
  });

  it("keeps embedded newlines inside quotes and numbers records by their physical first line", () => {
    const records = parseCsvRecords('id,note\r\n1,"two\r\nlines"\r\n2,plain\r\n3,"a\nb\nc"\n4,x\n', ",");
    expect(records.map((r) => [r.line, r.fields])).toEqual([
      [1, ["id", "note"]],
      [2, ["1", "two\r\nlines"]],
      [4, ["2", "plain"]],
      [5, ["3", "a\nb\nc"]],
      [8, ["4", "x"]],
    ]);
    expect(records[1]!.raw).toBe('1,"two\r\nlines"');
  });

  it("skips blank lines but counts them", () => {
    const records = parseCsvRecords("a\n\n\nb\n", ",");
    expect(records.map((r) => [r.line, r.fields])).toEqual([[1, ["a"]], [4, ["b"]]]);
  });

  it.each([";", "\t", "|"])("splits on %j", (delimiter) => {
    expect(fieldsOf(`a${delimiter}"b${delimiter}c"${delimiter}1,5\n`, delimiter)).toEqual([["a", `b${delimiter}c`, "1,5"]]);
  });

  it("gives the same records whatever the pieces' boundaries (quotes, CRLF and doubled quotes cut in half)", () => {
    const text = 'h1,h2\r\n"x ""y""\r\nz",2\r\n3,"4"\r\n\r\n5,6';
    const whole = fieldsOf(text);
    for (let size = 1; size <= 7; size++) {
      const parser = new CsvParser(",");
      const records = [];
      for (let i = 0; i < text.length; i += size) records.push(...parser.push(text.slice(i, i + size)));
      records.push(...parser.push("", true));
      expect(records.map((r) => r.fields), `pieces of ${size}`).toEqual(whole);
      expect(records.map((r) => r.line)).toEqual([1, 2, 4, 6]);
    }
  });

  it("keeps an unterminated quote's text at the end of the file", () => {
    expect(fieldsOf('a,"open\nend')).toEqual([["a", "open\nend"]]);
  });
});
