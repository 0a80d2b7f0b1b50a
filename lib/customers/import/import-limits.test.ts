import { afterEach, describe, expect, it, vi } from "vitest";
import { importLimits, type ImportLimits } from "@/lib/env";
import { translate } from "@/lib/i18n/translate";
import { reasonCode, reasonCountLabel, type BadRowReason } from "./bad-row-reasons";
import { headerColumnsProblem, headerLineProblem, ImportMeter, MAX_HEADER_CHARS, previewCell } from "./import-limits";
import { limitMessage } from "./limit-messages";

const MIB = 1024 * 1024;
const LIMITS: ImportLimits = {
  maxDecompressedBytes: 100 * MIB,
  maxCompressionRatio: 100,
  maxRows: 1000,
  maxBadRowsKept: 3,
  maxErrorRatio: 0.5,
  errorRatioMinRows: 10,
  maxColumns: 5,
};
const missingCustomer: BadRowReason = { key: "missing", at: { field: "customerId" } };
const badDate: BadRowReason = { key: "unparseableDate", at: { field: "date" }, value: "32.1.2024", expected: "DD.MM.YYYY" };

describe("import meter", () => {
  it("stops at the first row past the row limit", () => {
    const meter = new ImportMeter({ ...LIMITS, maxRows: 3, errorRatioMinRows: 100 });
    expect([meter.row(), meter.row(), meter.row()]).toEqual([null, null, null]);
    expect(meter.row()).toEqual({ key: "rows", max: 3 });
    expect(meter.rowsRead).toBe(4);
  });

  it("stops inflating past the decompressed-bytes limit, counted as the bytes come", () => {
    const meter = new ImportMeter({ ...LIMITS, maxCompressionRatio: 0 });
    expect(meter.inflated(60 * MIB, 1024)).toBeNull();
    expect(meter.inflated(40 * MIB, 1024)).toBeNull();
    expect(meter.inflated(1, 1024)).toEqual({ key: "decompressedBytes", max: 100 });
    expect(meter.decompressedBytes).toBe(100 * MIB + 1);
  });

  it("judges the compression ratio only past the first 16 MiB, and only for compressed files", () => {
    const bomb = new ImportMeter(LIMITS);
    expect(bomb.inflated(16 * MIB, 64 * 1024)).toBeNull(); // 256-fold, but small files compress wildly
    expect(bomb.inflated(1, 64 * 1024)).toEqual({ key: "compressionRatio", max: 100 });
    const csv = new ImportMeter(LIMITS);
    expect(csv.inflated(52 * MIB, 4 * MIB)).toBeNull(); // 13-fold (the retail log: 6.5-fold)
    const plain = new ImportMeter(LIMITS);
    expect(plain.inflated(50 * MIB)).toBeNull();
  });

  it("counts every bad row by reason and keeps only the first ones", () => {
    const meter = new ImportMeter({ ...LIMITS, maxErrorRatio: 1 });
    const kept = [missingCustomer, badDate, missingCustomer, missingCustomer, { key: "columnCount", expected: 3, found: 2 } as const].map((reason) => {
      meter.row();
      return meter.bad(reason);
    });
    expect(kept).toEqual([true, true, true, false, false]);
    expect(meter.badRows).toBe(5);
    expect(meter.badRowCounts).toEqual({ "missing.customerId": 3, "unparseableDate.date": 1, columnCount: 1 });
  });

  it("stops when more than the allowed share of rows is bad, once the minimum is read", () => {
    const read = (pattern: string) => {
      const meter = new ImportMeter(LIMITS);
      for (const c of pattern) {
        const stop = meter.row();
        if (stop) return stop;
        if (c === "x") meter.bad(missingCustomer);
        const ratio = c === "x" ? meter.errorRatio() : meter.good();
        if (ratio) return ratio;
      }
      return null;
    };
    // Nine bad rows of nine: not judged before the tenth row.
    expect(read("xxxxxxxxx")).toBeNull();
    expect(read("xxxxxxxxxx")).toEqual({ key: "errorRatio", bad: 10, rows: 10, percent: 50 });
    // Half is not more than half; one more bad row is.
    expect(read("xxxxx.....")).toBeNull();
    expect(read("xxxxx.....x")).toEqual({ key: "errorRatio", bad: 6, rows: 11, percent: 50 });
    // Judged at the minimum even when the tenth row is good.
    expect(read("xxxxxxxxx.")).toEqual({ key: "errorRatio", bad: 9, rows: 10, percent: 50 });
    // After a good start, the share is of all rows read so far.
    expect(read(`${".".repeat(20)}${"x".repeat(20)}`)).toBeNull();
    expect(read(`${".".repeat(20)}${"x".repeat(21)}`)).toEqual({ key: "errorRatio", bad: 21, rows: 41, percent: 50 });
  });

  it("stops on a row longer than 1 MiB, naming its first line", () => {
    const meter = new ImportMeter(LIMITS);
    expect(meter.rowTooLong(MIB, 7)).toBeNull();
    expect(meter.rowTooLong(MIB + 1, 7)).toEqual({ key: "rowTooLong", line: 7, max: 1 });
  });
});

describe("header limits", () => {
  it("refuses a first line longer than 32 KiB, with or without an end in sight", () => {
    expect(headerLineProblem("a,b,c\n1,2,3\n")).toBeNull();
    expect(headerLineProblem("a,b,c")).toBeNull();
    const long = Array.from({ length: 10_000 }, (_, i) => `c${i}`).join(",");
    expect(long.length).toBeGreaterThan(MAX_HEADER_CHARS);
    expect(headerLineProblem(`${long}\n1,2\n`)).toEqual({ key: "headerTooLong", max: 32 });
    expect(headerLineProblem(long.slice(0, 40_000))).toEqual({ key: "headerTooLong", max: 32 });
    // An unclosed quote runs on: the header never ends.
    expect(headerLineProblem(`"a,b\n${"1,2\n".repeat(10_000)}`)).toEqual({ key: "headerTooLong", max: 32 });
  });

  it("refuses too many columns and column names too long to map", () => {
    expect(headerColumnsProblem(["a", "b", "c", "d", "e"], 5)).toBeNull();
    expect(headerColumnsProblem(["a", "b", "c", "d", "e", "f"], 5)).toEqual({ key: "tooManyColumns", found: 6, max: 5 });
    expect(headerColumnsProblem(["a", "x".repeat(201)], 5)).toEqual({ key: "columnNameTooLong", column: 2, max: 200 });
  });

  it("cuts preview cells to 200 characters", () => {
    expect(previewCell("short")).toBe("short");
    expect(previewCell("y".repeat(500))).toBe(`${"y".repeat(200)}…`);
  });
});

describe("limit messages and reason counts", () => {
  it("words a stop in English for the API and in the reader's language for the page", () => {
    const stop = { key: "errorRatio", bad: 1000, rows: 1000, percent: 50 } as const;
    expect(limitMessage(stop)).toBe(
      "More than 50 % of the first 1,000 rows were bad (1,000): is the mapping right? Nothing was imported. See the bad rows below, change the mapping and start again.",
    );
    expect(limitMessage(stop, translate("fi"), "fi")).toMatch(/^Yli 50 % ensimmäisistä 1\s000 rivistä oli virheellisiä \(1\s000\)/);
    expect(limitMessage({ key: "tooManyColumns", found: 150_000, max: 500 })).toBe(
      "The file has 150,000 columns; an import reads at most 500. Remove the columns you do not need and upload it again.",
    );
    expect(limitMessage({ key: "decompressedBytes", max: 2048 }, translate("sv"), "sv")).toMatch(/^Filen är större än 2\s048 MiB uppackad/);
  });

  it("codes reasons by key and field, and labels the codes in three languages", () => {
    expect(reasonCode(missingCustomer)).toBe("missing.customerId");
    expect(reasonCode({ key: "tooLong", at: { column: "Huomautus" }, max: 1000 })).toBe("tooLong.attribute");
    expect(reasonCode({ key: "unreadableCancellation", value: "ehkä" })).toBe("unreadableCancellation");
    expect(reasonCountLabel("missing.customerId", translate("en"))).toBe("Missing customer id");
    expect(reasonCountLabel("missing.customerId", translate("fi"))).toBe("Asiakastunnus puuttuu");
    expect(reasonCountLabel("unparseableNumber.amount", translate("sv"))).toBe("Belopp är inget tal");
    expect(reasonCountLabel("tooLong.attribute", translate("en"))).toBe("Attribute too long");
    expect(reasonCountLabel("columnCount", translate("fi"))).toBe("Väärä määrä sarakkeita");
    expect(reasonCountLabel("somethingNew.field", translate("en"))).toBe("somethingNew.field");
  });
});

describe("import limit settings", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("have the documented defaults", () => {
    for (const name of ["IMPORT_MAX_DECOMPRESSED_MB", "IMPORT_MAX_COMPRESSION_RATIO", "IMPORT_MAX_ROWS", "IMPORT_MAX_BAD_ROWS_KEPT", "IMPORT_MAX_ERROR_RATIO", "IMPORT_ERROR_RATIO_MIN_ROWS", "IMPORT_MAX_COLUMNS"]) {
      vi.stubEnv(name, "");
    }
    expect(importLimits()).toEqual({
      maxDecompressedBytes: 2048 * MIB,
      maxCompressionRatio: 100,
      maxRows: 5_000_000,
      maxBadRowsKept: 1000,
      maxErrorRatio: 0.5,
      errorRatioMinRows: 1000,
      maxColumns: 500,
    });
  });

  it("read the environment, and fall back to the default on a value that makes no sense", () => {
    vi.stubEnv("IMPORT_MAX_DECOMPRESSED_MB", "1.5");
    vi.stubEnv("IMPORT_MAX_ROWS", "1_000_000");
    vi.stubEnv("IMPORT_MAX_BAD_ROWS_KEPT", "0");
    vi.stubEnv("IMPORT_MAX_ERROR_RATIO", "1.5");
    vi.stubEnv("IMPORT_MAX_COLUMNS", "-3");
    vi.stubEnv("IMPORT_MAX_COMPRESSION_RATIO", "0");
    expect(importLimits()).toMatchObject({ maxDecompressedBytes: 1.5 * MIB, maxRows: 1_000_000, maxBadRowsKept: 0, maxErrorRatio: 0.5, maxColumns: 500, maxCompressionRatio: 0 });
  });
});
