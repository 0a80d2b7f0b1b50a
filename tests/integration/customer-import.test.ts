import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { getDataImport, listDataImports, listImportErrors } from "@/db/queries/data-imports";
import { getJob, listJobs, requestJobCancel } from "@/db/queries/jobs";
import { customers, dataImportRows, transactions, usageEvents, usageSummaries } from "@/db/schema";
import { importErrorsCsv } from "@/lib/customers/import/error-report";
import { withSettledStatus } from "@/lib/customers/import/import-status";
import { handler } from "@/lib/customers/import/run-import";
import { ZStartImportInput, type TImportKind } from "@/lib/customers/import/schemas";
import { startImport } from "@/lib/customers/import/start-import";
import { receiveUpload, type ImportPreview } from "@/lib/customers/import/upload";
import { isAppError } from "@/lib/errors";
import { translate } from "@/lib/i18n/translate";
import type { JobHandler } from "@/lib/jobs/job-context";
import { runNextJob } from "@/lib/jobs/run-next-job";
import { parseCsv } from "@/lib/responses/csv";
import { createStudyFixture } from "@/tests/helpers/factories";
import { plannerEstimate } from "@/tests/helpers/planner-statistics";
import { testDatabaseKinds, useTestDatabase } from "@/tests/helpers/test-database";

const fixture = (name: string) => readFileSync(`tests/fixtures/customer-data/${name}`);
const RETAIL_MAPPING = {
  orderId: "InvoiceNo",
  itemCode: "StockCode",
  quantity: "Quantity",
  unitPrice: "UnitPrice",
  occurredAt: "InvoiceDate",
  customerId: "CustomerID",
  cancellation: { orderIdPrefix: "C", negative: true },
};
const NORDIC = { delimiter: ";", decimalSeparator: "comma", dateFormat: "dmy-dot", timeZone: "Europe/Helsinki" };
const NORDIC_MAPPING = { orderId: "order", customerId: "customer", occurredAt: "date", amount: "amount" };

function streamOf(bytes: Buffer): ReadableStream<Uint8Array> {
  return new Blob([new Uint8Array(bytes)]).stream();
}

async function upload(db: Database, workspaceId: string, kind: TImportKind, bytes: Buffer, maxBytes = 10_000_000, contentLength: number | undefined = bytes.length) {
  return receiveUpload(db, { workspaceId, kind, fileName: "file.csv", body: streamOf(bytes), contentLength, maxBytes });
}

async function refusal(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return { code: error.code, message: error.message, fieldErrors: error.fieldErrors };
    throw error;
  }
  throw new Error("expected a refusal");
}

describe.each(testDatabaseKinds())("customer data import on %s", (dbKind) => {
  const t = useTestDatabase(dbKind);
  const handlers = (h: JobHandler = handler) => ({ "data-import": async () => h });

  async function importFile(workspaceId: string, kind: TImportKind, bytes: Buffer, input: Record<string, unknown>, h?: JobHandler) {
    const uploaded = await upload(t.db, workspaceId, kind, bytes);
    const parsed = ZStartImportInput.parse({ delimiter: ",", decimalSeparator: "point", dateFormat: "iso", timeZone: "UTC", badRowPolicy: "keep-good", ...input });
    await startImport(t.db, { workspaceId, importId: uploaded.id, input: parsed });
    await runNextJob(t.db, { instanceId: "test", handlers: handlers(h), progressThrottleMs: 0 });
    return (await getDataImport(t.db, { workspaceId, importId: uploaded.id }))!;
  }
  const errorsCsv = async (workspaceId: string, importId: string) => {
    let text = "";
    for await (const piece of importErrorsCsv(t.db, { workspaceId, importId })) text += piece;
    return text;
  };

  it("detects the retail log's layout at upload, imports it with cancellations and duplicate lines, and queues the metrics", async () => {
    const { workspace } = await createStudyFixture(t.db);
    const uploaded = await upload(t.db, workspace.id, "transactions", fixture("transactions-good.csv"));
    const preview = uploaded.options as unknown as ImportPreview;
    expect(preview.detection).toMatchObject({ delimiter: ",", dateFormat: "mdy-slash", decimalSeparator: "point" });
    expect(preview.proposal).toMatchObject(RETAIL_MAPPING);
    expect(preview.detection.rows[5]![2]).toBe("PAPER CHAIN KIT\r\n50S CHRISTMAS");

    const done = await importFile(workspace.id, "transactions", fixture("transactions-good.csv"), { dateFormat: "mdy-slash", mapping: RETAIL_MAPPING });
    expect(done).toMatchObject({ status: "succeeded", rowCount: 6, importedCount: 6, unchangedCount: 0, badRowCount: 0, error: null });
    const lines = await t.db
      .select({ order: transactions.orderId, amount: transactions.amount, cancelled: transactions.isCancellation, customer: transactions.customerExternalId, at: transactions.occurredAt })
      .from(transactions)
      .where(eq(transactions.workspaceId, workspace.id))
      .orderBy(transactions.occurredAt, transactions.amount);
    expect(lines.map((l) => [l.order, Number(l.amount), l.cancelled, l.customer])).toEqual([
      ["536365", 15.3, false, "17850"],
      ["536365", 20.34, false, "17850"],
      ["536365", 20.34, false, "17850"],
      ["536370", 90, false, null],
      ["536371", 204, false, "13748"],
      ["C536379", -27.5, true, "14527"],
    ]);
    expect(lines[0]!.at.toISOString()).toBe("2010-12-01T08:26:00.000Z");
    const ids = await t.db.select({ id: customers.externalId }).from(customers).where(eq(customers.workspaceId, workspace.id)).orderBy(customers.externalId);
    expect(ids.map((c) => c.id)).toEqual(["13748", "14527", "17850"]);
    const metricJobs = await listJobs(t.db, { workspaceId: workspace.id, kind: "customer-metrics" });
    expect(metricJobs.map((j) => j.payload)).toEqual([{ reason: "import" }, { reason: "import" }].slice(0, metricJobs.length));
    expect(metricJobs.length).toBeGreaterThanOrEqual(1);
    expect(await t.db.select().from(dataImportRows)).toEqual([]);
    // The planner knows what the import brought (PGlite never analyses a table by itself).
    for (const table of ["transactions", "customers"]) {
      const { estimate, rows } = await plannerEstimate(t.db, table);
      expect(estimate, table).toBe(rows);
    }
  });

  it("re-importing the same file, gzipped this time, changes nothing", async () => {
    const { workspace } = await createStudyFixture(t.db);
    const input = { dateFormat: "mdy-slash", mapping: RETAIL_MAPPING };
    await importFile(workspace.id, "transactions", fixture("transactions-good.csv"), input);
    const again = await importFile(workspace.id, "transactions", gzipSync(fixture("transactions-good.csv")), input);
    expect(again).toMatchObject({ status: "succeeded", gzipped: true, rowCount: 6, importedCount: 0, unchangedCount: 6 });
    const [{ n }] = (await t.db.select({ n: sql<number>`count(*)::int` }).from(transactions).where(eq(transactions.workspaceId, workspace.id))) as [{ n: number }];
    expect(n).toBe(6);
    expect(await listJobs(t.db, { workspaceId: workspace.id, kind: "customer-metrics" })).toHaveLength(1);
  });

  it("keeps the good rows and reports every bad one with its line and reason; formulas stay text and are escaped in the report", async () => {
    const { workspace } = await createStudyFixture(t.db);
    const done = await importFile(workspace.id, "transactions", fixture("transactions-nordic-bad.csv"), { ...NORDIC, mapping: NORDIC_MAPPING });
    expect(done).toMatchObject({ status: "succeeded", rowCount: 7, importedCount: 4, badRowCount: 3 });
    const csv = parseCsv(await errorsCsv(workspace.id, done.id));
    expect(csv).toEqual([
      ["line", "reason", "raw"],
      ["4", 'duplicate order id "1001", first seen on line 2', "1001;A-1;25.12.2023;5,00;repeat"],
      ["5", 'unparseable date "32.12.2023" (expected DD.MM.YYYY[ HH:mm])', "1003;A-3;32.12.2023;5,00;bad date"],
      ["6", 'unparseable amount "viisi" (decimal comma)', "1004;A-4;1.1.2024;viisi;bad amount"],
    ]);
    // The same reasons for a Finnish or Swedish reader: each row keeps its message key and values.
    const [first] = await listImportErrors(t.db, { workspaceId: workspace.id, importId: done.id, limit: 1 });
    expect(first!.detail).toEqual({ key: "duplicate", at: { field: "orderId" }, value: "1001", firstLine: 2 });
    let finnish = "";
    for await (const piece of importErrorsCsv(t.db, { workspaceId: workspace.id, importId: done.id }, translate("fi"))) finnish += piece;
    expect(parseCsv(finnish).slice(1).map((row) => row[1])).toEqual([
      'tilausnumero "1001" toistuu, ensimmäisen kerran rivillä 2',
      'päivämäärä "32.12.2023" ei kelpaa (odotettu muoto DD.MM.YYYY[ HH:mm])',
      'summa "viisi" ei ole luku (desimaalierotin pilkku)',
    ]);
    const rows = await t.db.select().from(transactions).where(eq(transactions.workspaceId, workspace.id)).orderBy(transactions.orderId);
    expect(rows.map((r) => [r.orderId, r.customerExternalId, r.amount, r.isCancellation])).toEqual([
      ["1001", "A-1", "1234.5600", false],
      ["1002", "A-2", "12.5000", false],
      ["1005", "A-5", "-20.0000", true],
      ["1006", '=HYPERLINK("http://x")', "7.0000", false],
    ]);
    // Helsinki wall time: 31.12.2023 14.30 is 12:30 UTC.
    expect(rows[1]!.occurredAt.toISOString()).toBe("2023-12-31T12:30:00.000Z");
  });

  it("escapes formula cells in the bad-row report", async () => {
    const { workspace } = await createStudyFixture(t.db);
    const text = Buffer.from("order,date,amount\n=cmd|' /C calc'!A0,2024-01-01,1\n@SUM(A1),not a date,2\n");
    const done = await importFile(workspace.id, "transactions", text, { mapping: { orderId: "order", occurredAt: "date", amount: "amount" } });
    expect(done).toMatchObject({ importedCount: 1, badRowCount: 1 });
    const raw = await errorsCsv(workspace.id, done.id);
    expect(raw).toContain(`'@SUM(A1),not a date,2`);
    expect(raw).not.toMatch(/(^|[\n,])[=+@-]/);
  });

  it("rolls back everything when the policy says so and any row is bad", async () => {
    const { workspace } = await createStudyFixture(t.db);
    const done = await importFile(workspace.id, "transactions", fixture("transactions-nordic-bad.csv"), { ...NORDIC, badRowPolicy: "rollback", mapping: NORDIC_MAPPING });
    expect(done).toMatchObject({ status: "failed", rowCount: 7, importedCount: 0, badRowCount: 3 });
    expect(done.error).toMatch(/3 bad row\(s\): nothing was imported/);
    expect(await t.db.select().from(transactions).where(eq(transactions.workspaceId, workspace.id))).toEqual([]);
    expect(await t.db.select().from(customers).where(eq(customers.workspaceId, workspace.id))).toEqual([]);
    expect(await t.db.select().from(dataImportRows)).toEqual([]);
    expect(await listJobs(t.db, { workspaceId: workspace.id, kind: "customer-metrics" })).toEqual([]);
  });

  it("leaves nothing behind when cancelled midway", async () => {
    const { workspace } = await createStudyFixture(t.db);
    const lines = ["order,date,amount,customer"];
    for (let i = 0; i < 23_000; i++) lines.push(`${i},2024-01-01 10:00,${i % 100}.5,c${i % 700}`);
    let batches = 0;
    const cancelling: JobHandler = (ctx) =>
      handler({
        ...ctx,
        progress: async (progress, options) => {
          if (progress.stage === "reading" && ++batches === 2) await requestJobCancel(t.db, { workspaceId: workspace.id, jobId: ctx.job.id });
          return ctx.progress(progress, { ...options, force: true });
        },
      });
    const done = await importFile(workspace.id, "transactions", Buffer.from(lines.join("\n")), { mapping: { orderId: "order", occurredAt: "date", amount: "amount", customerId: "customer" } }, cancelling);
    expect(batches).toBe(2);
    expect(done.status).toBe("cancelled");
    expect(await getJob(t.db, { workspaceId: workspace.id, jobId: done.jobId! })).toMatchObject({ status: "cancelled" });
    expect(await t.db.select().from(transactions).where(eq(transactions.workspaceId, workspace.id))).toEqual([]);
    expect(await t.db.select().from(dataImportRows)).toEqual([]);
  });

  it("refuses a wrong delimiter and missing required columns at the mapping step", async () => {
    const { workspace } = await createStudyFixture(t.db);
    const uploaded = await upload(t.db, workspace.id, "transactions", fixture("transactions-nordic-bad.csv"));
    const input = ZStartImportInput.parse({ ...NORDIC, delimiter: ",", badRowPolicy: "keep-good", mapping: NORDIC_MAPPING });
    const wrong = await refusal(startImport(t.db, { workspaceId: workspace.id, importId: uploaded.id, input }));
    expect(wrong.code).toBe("invalid");
    expect(wrong.message).toContain('The file has no column "order".');
    expect(wrong.fieldErrors?.delimiter?.[0]).toMatch(/single column .* is the delimiter right\?/);

    const noAmount = ZStartImportInput.parse({ ...NORDIC, badRowPolicy: "keep-good", mapping: { orderId: "order", occurredAt: "date", customerId: "customer" } });
    const missing = await refusal(startImport(t.db, { workspaceId: workspace.id, importId: uploaded.id, input: noAmount }));
    expect(missing.fieldErrors).toEqual({ "mapping.amount": ["Map an amount column, or both quantity and unit price."] });
    expect((await getDataImport(t.db, { workspaceId: workspace.id, importId: uploaded.id }))?.status).toBe("uploaded");
  });

  it("refuses empty, binary, non-UTF-8 and oversized files, keeping nothing of them", async () => {
    const { workspace } = await createStudyFixture(t.db);
    expect(await refusal(upload(t.db, workspace.id, "transactions", Buffer.alloc(0)))).toMatchObject({ code: "invalid", message: "The file is empty." });
    expect(await refusal(upload(t.db, workspace.id, "transactions", Buffer.alloc(0), 1000, undefined))).toMatchObject({ message: "The file is empty." });
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expect((await refusal(upload(t.db, workspace.id, "transactions", png))).message).toMatch(/not UTF-8 text/);
    expect((await refusal(upload(t.db, workspace.id, "transactions", gzipSync(Buffer.from("a,b\n1,\u0000\n"))))).message).toMatch(/binary data/);
    expect((await refusal(upload(t.db, workspace.id, "transactions", Buffer.from("name\nM\u00e4kinen\n", "latin1")))).message).toMatch(/not UTF-8/);
    // Declared size over the limit: refused before reading a byte. A body that lies about its size: refused while streaming.
    const big = Buffer.alloc(5000, "a,b\n");
    expect(await refusal(upload(t.db, workspace.id, "transactions", big, 4096))).toMatchObject({ code: "too_large" });
    expect(await refusal(upload(t.db, workspace.id, "transactions", big, 4096, undefined))).toMatchObject({ code: "too_large", message: expect.stringContaining("import limit") });
    expect(await listDataImports(t.db, { workspaceId: workspace.id })).toEqual([]);
  });

  it("upserts customers' attributes by external id, idempotently", async () => {
    const { workspace } = await createStudyFixture(t.db);
    const mapping = { customerId: "id", attributes: [{ column: "age", type: "number" }, { column: "region", type: "text" }] };
    const first = await importFile(workspace.id, "customers", Buffer.from("id,age,region\nA,34,Uusimaa\nB,,Skåne\n"), { mapping });
    expect(first).toMatchObject({ importedCount: 2, unchangedCount: 0 });
    const second = await importFile(workspace.id, "customers", Buffer.from("id,age,region\nA,34,Uusimaa\nB,41,Skåne\n"), { mapping });
    expect(second).toMatchObject({ importedCount: 1, unchangedCount: 1 });
    const rows = await t.db.select({ id: customers.externalId, attributes: customers.attributes }).from(customers).where(eq(customers.workspaceId, workspace.id)).orderBy(customers.externalId);
    expect(rows).toEqual([
      { id: "A", attributes: { age: 34, region: "Uusimaa" } },
      { id: "B", attributes: { age: 41, region: "Skåne" } },
    ]);
  });

  it("imports usage events and pre-aggregated usage", async () => {
    const { workspace } = await createStudyFixture(t.db);
    const events = await importFile(workspace.id, "usage_events", Buffer.from("user\tts\tevent\nu1\t2024-05-01T08:00:00Z\tlogin\nu1\t2024-05-01T08:00:00Z\tlogin\nu2\t2024-05-02 09:00\texport\n"), {
      delimiter: "\t",
      mapping: { customerId: "user", occurredAt: "ts", eventName: "event" },
    });
    expect(events).toMatchObject({ status: "succeeded", importedCount: 3 });
    expect(await t.db.select().from(usageEvents).where(eq(usageEvents.workspaceId, workspace.id))).toHaveLength(3);
    const summaries = await importFile(workspace.id, "usage_summaries", Buffer.from("user|last_active|sessions\nu1|1.5.2024|12,5\nu3|2.5.2024|3\n"), {
      delimiter: "|",
      decimalSeparator: "comma",
      dateFormat: "dmy-dot",
      mapping: { customerId: "user", lastActiveAt: "last_active", sessionsPerMonth: "sessions" },
    });
    expect(summaries).toMatchObject({ status: "succeeded", importedCount: 2 });
    const u1 = await t.db.select().from(usageSummaries).where(and(eq(usageSummaries.workspaceId, workspace.id), eq(usageSummaries.customerExternalId, "u1")));
    expect(u1[0]).toMatchObject({ sessionsPerMonth: 12.5 });
    const ids = await t.db.select({ id: customers.externalId }).from(customers).where(eq(customers.workspaceId, workspace.id)).orderBy(customers.externalId);
    expect(ids.map((c) => c.id)).toEqual(["u1", "u2", "u3"]);
  });
});

describe.each(testDatabaseKinds())("an import cancelled before it started on %s", (dbKind) => {
  const t = useTestDatabase(dbKind);
  // Since issue 11 a cancel deletes the uploaded file (it used to be kept for a restart): the file is uploaded again.
  it("takes the job's status and deletes the file; the file uploaded again imports", async () => {
    const { workspace } = await createStudyFixture(t.db);
    const file = Buffer.from("order,date,amount\n1,2024-01-01,5\n");
    const uploaded = await upload(t.db, workspace.id, "transactions", file);
    const input = ZStartImportInput.parse({ delimiter: ",", decimalSeparator: "point", dateFormat: "iso", timeZone: "UTC", badRowPolicy: "keep-good", mapping: { orderId: "order", occurredAt: "date", amount: "amount" } });
    const queued = await startImport(t.db, { workspaceId: workspace.id, importId: uploaded.id, input });
    await requestJobCancel(t.db, { workspaceId: workspace.id, jobId: queued.jobId! });
    expect(await withSettledStatus(t.db, queued)).toMatchObject({ status: "cancelled" });
    expect(await refusal(startImport(t.db, { workspaceId: workspace.id, importId: uploaded.id, input }))).toMatchObject({ code: "conflict", message: expect.stringContaining("upload it again") });
    const again = await upload(t.db, workspace.id, "transactions", file);
    await startImport(t.db, { workspaceId: workspace.id, importId: again.id, input });
    await runNextJob(t.db, { instanceId: "test", handlers: { "data-import": async () => handler } });
    expect(await getDataImport(t.db, { workspaceId: workspace.id, importId: again.id })).toMatchObject({ status: "succeeded", importedCount: 1 });
  });
});
