import { describe, expect, it } from "vitest";
import { ByteCsvReader } from "./byte-csv";
import { ByteTextChecker } from "./byte-text-checker";
import { CsvParser, type CsvRecord } from "./csv-parser";

const TEXTS = [
  'a,"b,c","say ""hi""",d\n"",x,"q"z,\n',
  "a,b\r\nc,d\ne,f\rg,h",
  'id,note\r\n1,"two\r\nlines"\r\n2,plain\r\n3,"a\nb\nc"\n4,x\n',
  "a\n\n\nb\n",
  'h1,h2\r\n"x ""y""\r\nz",2\r\n3,"4"\r\n\r\n5,6',
  'a,"open\nend',
  'a,"x""',
  '"""",""""""," "" "\r',
  "Mäkinen,€ 😀,\"Ísland\r\n\u00a0\"\n,\n",
];

/** All the records of text, handed to the reader in pieces of `size` bytes through the text checker. */
function byteRecords(text: string, size: number, delimiter = ","): CsvRecord[] {
  const bytes = Buffer.from(text);
  const reader = new ByteCsvReader(delimiter);
  const checker = new ByteTextChecker();
  const out: CsvRecord[] = [];
  for (let i = 0; i < bytes.length; i += size) {
    reader.push(checker.check(bytes.subarray(i, i + size)));
    while (reader.next()) out.push(reader.record());
  }
  reader.push(checker.check(new Uint8Array(0), true), true);
  while (reader.next()) out.push(reader.record());
  return out;
}

describe("ByteCsvReader", () => {
  it.each(TEXTS.map((t, i) => [i, t] as const))("text %i: the same fields, lines and raw text as CsvParser, whatever the byte pieces", (_, text) => {
    const expected = new CsvParser(",").push(text, true);
    for (const size of [1, 2, 3, 5, 8, 1000]) expect(byteRecords(text, size), `pieces of ${size}`).toEqual(expected);
  });

  it("drops a leading byte-order mark, as TextDecoder does, and only there", () => {
    expect(byteRecords("\ufeffa,b\n\ufeffc,d\n", 1).map((r) => r.fields)).toEqual([["a", "b"], ["\ufeffc", "d"]]);
  });

  it.each([";", "\t", "|"])("splits on %j", (delimiter) => {
    expect(byteRecords(`a${delimiter}"b${delimiter}c"${delimiter}1,5\n`, 2, delimiter).map((r) => r.fields)).toEqual([["a", `b${delimiter}c`, "1,5"]]);
  });
});
