import { describe, expect, it } from "vitest";
import { decodeTuples, type CopyType } from "@/tests/helpers/copy-binary-decode";
import { TupleWriter, uuidBytes } from "./copy-binary";

const TYPES: CopyType[] = ["uuid", "text", "timestamptz", "numeric", "numeric", "bool"];
const ID = "0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9";

function roundTrip(write: (w: TupleWriter) => void, types: CopyType[]) {
  const w = new TupleWriter(16); // tiny on purpose: growing must keep what was written
  write(w);
  return decodeTuples(w.take(), types);
}

describe("TupleWriter", () => {
  it("round-trips numerics at scale 3 and 4: zero, the smallest step, negatives and the widest values", () => {
    const cases: [scaled: number, scale: 3 | 4, text: string][] = [
      [0, 4, "0.0000"],
      [1, 4, "0.0001"],
      [-1, 4, "-0.0001"],
      [25500, 4, "2.5500"],
      [10000, 4, "1.0000"],
      [100000000, 4, "10000.0000"],
      [-80995000, 3, "-80995.000"],
      [1, 3, "0.001"],
      [99999999999999, 4, "9999999999.9999"],
      [-9999999999999, 3, "-9999999999.999"],
      [123456789012345, 4, "12345678901.2345"],
    ];
    const rows = roundTrip((w) => {
      for (const [scaled, scale] of cases) {
        w.ensure(64);
        w.int16(1);
        w.scaledNumeric(scaled, scale);
      }
    }, ["numeric"]);
    expect(rows.map((r) => r[0])).toEqual(cases.map((c) => c[2]));
  });

  it("round-trips BigInt amounts up to numeric(18,4)'s 14 integer digits", () => {
    const cases = [123456789012345678n, -123456789012345678n, 999999999999999999n, 0n, -5n, 10000n * 10n ** 13n];
    const rows = roundTrip((w) => {
      for (const c of cases) (w.ensure(64), w.int16(1), w.bigNumeric(c));
    }, ["numeric"]);
    expect(rows.map((r) => r[0])).toEqual(["12345678901234.5678", "-12345678901234.5678", "99999999999999.9999", "0.0000", "-0.0005", "10000000000000.0000"]);
  });

  it("round-trips timestamps before and after 2000, NULLs, non-ASCII text, booleans and uuids", () => {
    const instants = ["1999-12-31T23:59:59.999Z", "2000-01-01T00:00:00.000Z", "2010-12-01T08:26:00.000Z", "1900-03-01T12:00:00.001Z", "1970-01-01T00:00:00.000Z", "9999-12-31T23:59:59.999Z", "0100-01-01T00:00:00.000Z"];
    const rows = roundTrip((w) => {
      instants.forEach((at, i) => {
        w.ensure(128);
        w.int16(6);
        w.raw(uuidBytes(ID), 0, 16);
        w.text(i % 2 ? null : `Mäkinen €${i} 😀`);
        w.timestamp(Date.parse(at));
        w.null();
        w.ensure(64);
        w.scaledNumeric(-i * 12345, 4);
        w.bool(i % 3 === 0);
      });
    }, TYPES);
    expect(rows).toEqual(
      instants.map((at, i) => [ID, i % 2 ? null : `Mäkinen €${i} 😀`, at, null, i === 0 ? "0.0000" : `-${((i * 12345) / 10000).toFixed(4)}`, i % 3 === 0]),
    );
  });

  it("hands over its bytes and starts afresh", () => {
    const w = new TupleWriter(64);
    w.int16(1);
    w.text("a");
    const first = w.take();
    expect(Array.from(first)).toEqual([0, 1, 0, 0, 0, 1, 97]);
    expect(w.length).toBe(0);
  });
});
