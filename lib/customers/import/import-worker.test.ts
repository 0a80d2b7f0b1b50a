import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { importLimits, type ImportLimits } from "@/lib/env";
import { startWorker } from "@/lib/workers/start-worker";
import { decodeTuples } from "@/tests/helpers/copy-binary-decode";
import { parseCsvRecords } from "./csv-parser";
import { reasonText } from "./bad-row-reasons";
import { badRowCsv, createRowConverter, stagedRowCsv } from "./row-converter";
import { ZStartImportInput, type TImportKind } from "./schemas";
import type { ImportStop } from "./import-limits";
import type { FromWorker, ImportTally } from "./worker-protocol";

const IDS = { workspaceId: "0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9", importId: "9b2f4a52-8a43-4f0e-9f8e-2a0c1d3e4f50" };
type Batch = Extract<FromWorker, { type: "batch" }>;

/** Runs the real worker over bytes handed over in pieces of `chunkSize`, answering its requests as the import job does. */
function runWorker(kind: TImportKind, bytes: Buffer, input: Record<string, unknown>, chunkSize = 7, batchSize = 3, limits: ImportLimits = importLimits()) {
  const parsed = ZStartImportInput.parse({ delimiter: ",", decimalSeparator: "point", dateFormat: "iso", timeZone: "UTC", badRowPolicy: "keep-good", ...input });
  const gzipped = bytes[0] === 0x1f && bytes[1] === 0x8b;
  const worker = startWorker("lib/customers/import/import.worker.ts", { kind, input: parsed, gzipped, batchSize, limits, ...IDS });
  const batches: Batch[] = [];
  let offset = 0;
  return new Promise<{ batches: Batch[]; done?: ImportTally; stopped?: ImportTally & { stop: ImportStop }; fatal?: string; chunksSent: number }>((resolve, reject) => {
    worker.on("error", reject);
    worker.on("message", (m: FromWorker) => {
      if (m.type === "need") {
        if (offset >= bytes.length) return worker.postMessage({ type: "end" });
        worker.postMessage({ type: "chunk", data: new Uint8Array(bytes.subarray(offset, (offset += chunkSize))) });
      } else if (m.type === "batch") {
        batches.push(m);
        worker.postMessage({ type: "ack" });
      } else {
        void worker.terminate();
        const chunksSent = Math.ceil(offset / chunkSize);
        if (m.type === "done") resolve({ batches, done: m, chunksSent });
        else if (m.type === "stopped") resolve({ batches, stopped: m, chunksSent });
        else resolve({ batches, fatal: m.message, chunksSent });
      }
    });
  });
}

const RETAIL = {
  dateFormat: "mdy-slash",
  mapping: { orderId: "InvoiceNo", itemCode: "StockCode", quantity: "Quantity", unitPrice: "UnitPrice", occurredAt: "InvoiceDate", customerId: "CustomerID", cancellation: { orderIdPrefix: "C", negative: true } },
};
const RETAIL_TEXT = [
  "\ufeffInvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country",
  "536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,12/1/2010 8:26,2.55,17850,United Kingdom",
  "536365,71053,WHITE METAL LANTERN,6,12/1/2010 8:26,3.39,17850,United Kingdom",
  '536371,22086,"PAPER CHAIN KIT\r\n50S CHRISTMAS",80,12/1/2010 9:00,2.55,13748,Ísland',
  "536372,22,bad date,1,13/13/2010 9:00,1,13748,X",
  "",
  "536373,23,bad price,1,12/1/2010 9:00,1.2.3,13748,X",
  "C536379,D,Discount,-1,12/1/2010 9:41,27.50,14527,United Kingdom",
  "536380,24,short row",
  "536381,25,Käsityö,2,12/1/2010 10:00,0.00005,Müller,Suomi",
].join("\r\n");

describe("import worker", () => {
  it("reports every bad row as the string pipeline does and writes the good ones as tuples, whatever the pieces", async () => {
    const records = parseCsvRecords(RETAIL_TEXT.replace(/^\ufeff/, ""), ",");
    const input = ZStartImportInput.parse({ delimiter: ",", decimalSeparator: "point", timeZone: "UTC", badRowPolicy: "keep-good", ...RETAIL });
    const convert = createRowConverter("transactions", input, records[0]!.fields);
    const expected = records.slice(1).flatMap((r) => {
      const c = convert(r);
      return c.ok ? [] : [{ line: r.line, reason: reasonText(c.reason), detail: c.reason, raw: r.raw }];
    });
    expect(expected.map((e) => e.line)).toEqual([6, 8, 10]);
    for (const [bytes, chunk] of [[Buffer.from(RETAIL_TEXT), 5], [gzipSync(RETAIL_TEXT), 3], [Buffer.from(RETAIL_TEXT), 1 << 20]] as const) {
      const { batches, done } = await runWorker("transactions", bytes, RETAIL, chunk);
      expect(done).toMatchObject({ rowsRead: 8, badRows: 3 });
      expect(batches.map((b) => b.errorsCsv).join("")).toBe(expected.map((bad) => badRowCsv(IDS.importId, bad)).join(""));
      expect(batches.flatMap((b) => b.customerIds)).toEqual(["17850", "13748", "14527", "Müller"]);
      expect(batches.every((b) => b.csv === "")).toBe(true);
      const tuples = Buffer.concat(batches.map((b) => b.tuples));
      const rows = decodeTuples(tuples, ["uuid", "text", "text", "text", "timestamptz", "text", "numeric", "numeric", "numeric", "bool", "uuid"]);
      expect(rows.map((r) => [r[3], r[8], r[9]])).toEqual([
        ["536365", "15.3000", false],
        ["536365", "20.3400", false],
        ["536371", "204.0000", false],
        ["C536379", "-27.5000", true],
        ["536381", "0.0002", false],
      ]);
      expect(batches.reduce((n, b) => n + b.staged, 0)).toBe(5);
    }
  });

  it("refuses what TextChecker refuses: NUL bytes, non-UTF-8 bytes, a cut-off gzip; and names header problems", async () => {
    const whole = 1 << 20; // in one piece, the check comes before the header is read (as with TextChecker)
    expect((await runWorker("transactions", Buffer.from("a,b\n1,\u0000\n"), RETAIL, whole)).fatal).toMatch(/binary data/);
    expect((await runWorker("transactions", Buffer.from("name\nM\u00e4kinen\n", "latin1"), RETAIL, whole)).fatal).toMatch(/not UTF-8/);
    // A character cut at the end of the file is not UTF-8 either (one cut by a piece boundary is fine: the first test).
    expect((await runWorker("transactions", Buffer.from(`${RETAIL_TEXT}\n\xc3`, "latin1"), RETAIL, 5)).fatal).toMatch(/not UTF-8/);
    const gz = gzipSync(Buffer.from(RETAIL_TEXT.repeat(50)));
    expect((await runWorker("transactions", gz.subarray(0, gz.length - 40), RETAIL, 64)).fatal).toBe("The file looks gzipped but cannot be decompressed (is it complete?).");
    expect((await runWorker("transactions", Buffer.from("order;date\n1;2"), RETAIL)).fatal).toMatch(/The file has no column "InvoiceNo"/);
    expect((await runWorker("transactions", Buffer.from("\n\n"), RETAIL)).fatal).toBe("The file has no header row.");
  });

  it("stages customers as CSV as before, and stops writing lines after a bad row under the roll-back policy", async () => {
    const text = "id,age\nA,34\nB,x\nA,35\nC,\n";
    const mapping = { customerId: "id", attributes: [{ column: "age", type: "number" }] };
    const customers = await runWorker("customers", Buffer.from(text), { mapping });
    expect(customers.done).toMatchObject({ rowsRead: 4, badRows: 2 });
    const records = parseCsvRecords(text, ",");
    const convert = createRowConverter("customers", ZStartImportInput.parse({ delimiter: ",", decimalSeparator: "point", dateFormat: "iso", timeZone: "UTC", badRowPolicy: "keep-good", mapping }), records[0]!.fields);
    const expected = records.slice(1).map(convert).flatMap((c) => (c.ok ? [stagedRowCsv(IDS.importId, c.row)] : []));
    expect(expected).toHaveLength(2);
    expect(customers.batches.map((b) => b.csv).join("")).toBe(expected.join(""));
    expect(customers.batches.every((b) => b.tuples.length === 0 && b.customerIds.length === 0)).toBe(true);
    const rolled = await runWorker("transactions", Buffer.from(RETAIL_TEXT), { ...RETAIL, badRowPolicy: "rollback" }, 1 << 20, 1000);
    expect(rolled.done).toMatchObject({ rowsRead: 8, badRows: 3 });
    expect(rolled.batches.every((b) => b.tuples.length === 0 && b.staged === 0 && b.customerIds.length === 0)).toBe(true);
  });
});

describe("import worker limits", () => {
  const MIB = 1024 * 1024;
  const LINES = { mapping: { orderId: "order", occurredAt: "date", amount: "amount" } };
  const limits = (patch: Partial<ImportLimits>): ImportLimits => ({ ...importLimits(), ...patch });
  // 64 MiB of one good line (an item code makes repeated lines distinct), gzipped to about 64 KiB.
  const BOMB_LINES = { mapping: { ...LINES.mapping, itemCode: "item" } };
  const bomb = gzipSync(Buffer.from(`order,item,date,amount\n${"1,A,2024-01-01,5\n".repeat((64 * MIB) / 17)}`));

  it("stops inflating a gzip bomb at the decompressed-bytes limit, reading no further into the file", async () => {
    const chunks = Math.ceil(bomb.length / 4096);
    const run = await runWorker("transactions", bomb, BOMB_LINES, 4096, 10_000, limits({ maxDecompressedBytes: MIB, maxCompressionRatio: 0 }));
    expect(run.stopped).toMatchObject({ stop: { key: "decompressedBytes", max: 1 } });
    expect(run.stopped!.decompressedBytes).toBeGreaterThan(MIB);
    expect(run.stopped!.decompressedBytes).toBeLessThanOrEqual(MIB + 256 * 1024);
    expect(run.chunksSent).toBeLessThan(chunks / 4);
  });

  it("refuses a file that grows more than 100-fold once past 16 MiB, whatever the size limit", async () => {
    const run = await runWorker("transactions", bomb, BOMB_LINES, 1 << 20, 100_000, limits({ maxDecompressedBytes: 1024 * MIB, maxRows: 100_000_000 }));
    expect(run.stopped).toMatchObject({ stop: { key: "compressionRatio", max: 100 } });
    expect(run.stopped!.decompressedBytes).toBeLessThan(17 * MIB);
  });

  it("stops at the row limit", async () => {
    const text = `order,date,amount\n${"1,2024-01-01,5\n".repeat(30)}`;
    const run = await runWorker("transactions", Buffer.from(text), LINES, 1 << 20, 10, limits({ maxRows: 25 }));
    expect(run.stopped).toMatchObject({ stop: { key: "rows", max: 25 }, rowsRead: 26 });
    expect((await runWorker("transactions", Buffer.from(text), LINES, 1 << 20, 10, limits({ maxRows: 30 }))).done).toMatchObject({ rowsRead: 30 });
  });

  it("keeps the first bad rows for the report and counts all of them by reason", async () => {
    const rows = Array.from({ length: 40 }, (_, i) => (i % 4 === 0 ? `${i},not a date,5` : i % 4 === 1 ? `${i},2024-01-01,five` : `${i},2024-01-01,5`));
    const run = await runWorker("transactions", Buffer.from(`order,date,amount\n${rows.join("\n")}\n`), LINES, 100, 7, limits({ maxBadRowsKept: 5 }));
    expect(run.done).toMatchObject({ rowsRead: 40, badRows: 20, badRowCounts: { "unparseableDate.date": 10, "unparseableNumber.amount": 10 } });
    const kept = run.batches.map((b) => b.errorsCsv).join("").trim().split("\n");
    expect(kept.map((line) => Number(line.split(",")[1]))).toEqual([2, 3, 6, 7, 10]);
  });

  it("stops when more than half of the first rows are bad, sending the kept bad rows first", async () => {
    const text = `order,date,amount\n${"1,someday,5\n".repeat(2000)}`;
    const run = await runWorker("transactions", Buffer.from(text), LINES, 1 << 20, 10_000, limits({ maxBadRowsKept: 3 }));
    expect(run.stopped).toMatchObject({ stop: { key: "errorRatio", bad: 1000, rows: 1000, percent: 50 }, badRows: 1000 });
    expect(run.batches.map((b) => b.errorsCsv).join("").trim().split("\n")).toHaveLength(3);
    expect(run.batches.every((b) => b.tuples.length === 0)).toBe(true);
  });

  it("stops on a row that never ends (an unclosed quote) past 1 MiB", async () => {
    const text = `order,date,amount\n1,2024-01-01,5\n2,"2024-01-01,5\n${"x".repeat(2 * MIB)}`;
    const run = await runWorker("transactions", Buffer.from(text), LINES, 64 * 1024, 10, limits({}));
    expect(run.stopped).toMatchObject({ stop: { key: "rowTooLong", line: 3, max: 1 }, rowsRead: 1 });
  });

  it("refuses a header wider than the column limit (another delimiter than at upload)", async () => {
    const run = await runWorker("transactions", Buffer.from("order,date,amount,a,b,c\n1,2024-01-01,5,,,\n"), LINES, 1 << 20, 10, limits({ maxColumns: 5 }));
    expect(run.fatal).toBe("The header has 6 columns with this delimiter; an import reads at most 5.");
  });
});
