import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { completeLineImport, deleteImportLines, openLineCopy } from "@/db/queries/customer-lines";
import { workspaceHasCustomerData } from "@/db/queries/customer-metrics";
import { createDataImport, deleteDataImport, getDataImport, updateDataImport } from "@/db/queries/data-imports";
import { ByteCsvReader } from "@/lib/customers/import/byte-csv";
import { LineEncoder } from "@/lib/customers/import/line-encoder";
import { ZStartImportInput } from "@/lib/customers/import/schemas";
import { createStudyFixture } from "@/tests/helpers/factories";
import { testDatabaseKinds, useTestDatabase } from "@/tests/helpers/test-database";

/**
 * Lines are bulk-loaded into transactions / usage_events and count only once their import has
 * succeeded (db/queries/customer-lines.ts). Lines are inserted here with plain SQL, as the importer's
 * COPY would leave them; the import job itself is covered in customer-import.test.ts.
 */
function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as T[];
}

async function loadLines(db: Database, workspaceId: string, importId: string | null, keys: string[], customer = "C1") {
  for (const key of keys) {
    await db.execute(sql`
      insert into transactions (workspace_id, line_key, customer_external_id, order_id, occurred_at, amount, import_id)
      values (${workspaceId}, ${key}, ${customer}, ${`O-${key}`}, '2024-03-01T10:00:00Z', 10, ${importId})`);
  }
}

async function lineKeys(db: Database, workspaceId: string, importId?: string): Promise<string[]> {
  const rows = rowsOf<{ key: string }>(
    await db.execute(sql`select line_key as key from transactions where workspace_id = ${workspaceId} ${importId ? sql`and import_id = ${importId}` : sql``} order by line_key`),
  );
  return rows.map((r) => r.key);
}

/** A small transactions file encoded as the import worker does, one batch of tuples per `batchRows` lines. */
function encodedBatches(ids: { workspaceId: string; importId: string }, lines: number, batchRows: number): Uint8Array[] {
  const csv = ["order,at,amount,customer", ...Array.from({ length: lines }, (_, i) => `O-${i},2024-03-01 10:00:00,${i + 1},C${i % 3}`)].join("\n");
  const input = ZStartImportInput.parse({ delimiter: ",", decimalSeparator: "point", dateFormat: "iso", timeZone: "UTC", badRowPolicy: "keep-good",
    mapping: { orderId: "order", occurredAt: "at", amount: "amount", customerId: "customer" } });
  const reader = new ByteCsvReader(",");
  reader.push(Buffer.from(csv), true);
  reader.next();
  const encoder = new LineEncoder("transactions", input, reader.record().fields, ids);
  const batches: Uint8Array[] = [];
  for (let row = 1; reader.next(); row++) {
    expect(encoder.convert(reader, true)).toBeNull();
    if (row % batchRows === 0) batches.push(encoder.take().tuples);
  }
  return batches;
}

describe.each(testDatabaseKinds())("bulk-loaded customer lines on %s", (dbKind) => {
  const t = useTestDatabase(dbKind);

  async function runningImport(workspaceId: string) {
    const record = await createDataImport(t.db, { workspaceId, kind: "transactions", fileName: "lines.csv" });
    await updateDataImport(t.db, { workspaceId, importId: record.id, patch: { status: "running" } });
    return record.id;
  }
  const complete = async (workspaceId: string, importId: string, customerIds: string[] = ["C1"]) => {
    const loaded = (await lineKeys(t.db, workspaceId, importId)).length;
    return completeLineImport(t.db, { workspaceId, importId, kind: "transactions", loaded, customerIds, patch: { rowCount: 3, badRowCount: 0 } });
  };

  it("counts an import's lines only once it has succeeded, and adds the customers they name", async () => {
    const { workspace } = await createStudyFixture(t.db);
    const importId = await runningImport(workspace.id);
    await loadLines(t.db, workspace.id, importId, ["a#1", "b#1", "c#1"]);
    expect(await workspaceHasCustomerData(t.db, { workspaceId: workspace.id })).toBe(false);

    expect(await complete(workspace.id, importId, ["C1", "C2"])).toEqual({ imported: 3, unchanged: 0 });
    expect(await workspaceHasCustomerData(t.db, { workspaceId: workspace.id })).toBe(true);
    const record = await getDataImport(t.db, { workspaceId: workspace.id, importId });
    expect(record).toMatchObject({ status: "succeeded", rowCount: 3, importedCount: 3, unchangedCount: 0, badRowCount: 0 });
    const customers = rowsOf<{ id: string }>(await t.db.execute(sql`select external_id as id from customers where workspace_id = ${workspace.id} order by 1`));
    expect(customers.map((c) => c.id)).toEqual(["C1", "C2"]);
  });

  it("COPYs batches in, unseen until the import succeeds, and lets a request queued meanwhile in before the first batch", async () => {
    const { workspace } = await createStudyFixture(t.db);
    const importId = await runningImport(workspace.id);
    const batches = encodedBatches({ workspaceId: workspace.id, importId }, 30, 10);
    const copy = openLineCopy(t.db, "transactions");
    let written = 0;
    // Batches queued behind each other, as the import pipeline queues them.
    const writes = batches.reduce((previous, tuples) => previous.then(async () => (await copy.write(tuples), written++)), Promise.resolve(0));
    // A request arriving while they are queued (an HTTP poll of the job's progress) must not wait for all of them:
    // on PGlite a query settles with microtasks only, so without a turn of the event loop it would.
    const request = new Promise<number>((resolve) => setImmediate(() => resolve(written)));
    await writes;
    await copy.finish();
    expect(await request).toBe(0);
    expect(await lineKeys(t.db, workspace.id, importId)).toHaveLength(30);
    expect(await workspaceHasCustomerData(t.db, { workspaceId: workspace.id })).toBe(false);
    expect(await complete(workspace.id, importId, ["C0", "C1", "C2"])).toEqual({ imported: 30, unchanged: 0 });
    expect(await workspaceHasCustomerData(t.db, { workspaceId: workspace.id })).toBe(true);
  });

  it("drops lines whose key a succeeded import already brought, and only those", async () => {
    const { workspace } = await createStudyFixture(t.db);
    const first = await runningImport(workspace.id);
    await loadLines(t.db, workspace.id, first, ["a#1", "b#1"]);
    await complete(workspace.id, first);
    // A failed import's lines (left behind by a crash) and lines of another workspace are no reason to drop anything.
    const failed = await runningImport(workspace.id);
    await loadLines(t.db, workspace.id, failed, ["c#1"]);
    await updateDataImport(t.db, { workspaceId: workspace.id, importId: failed, patch: { status: "failed" } });
    const other = await createStudyFixture(t.db);
    await loadLines(t.db, other.workspace.id, null, ["d#1"]);

    const second = await runningImport(workspace.id);
    await loadLines(t.db, workspace.id, second, ["a#1", "b#1", "c#1", "d#1", "b#2"]);
    expect(await complete(workspace.id, second)).toEqual({ imported: 3, unchanged: 2 });
    expect(await lineKeys(t.db, workspace.id, second)).toEqual(["b#2", "c#1", "d#1"]);
    expect(await getDataImport(t.db, { workspaceId: workspace.id, importId: second })).toMatchObject({ importedCount: 3, unchangedCount: 2 });
  });

  it("lets two imports of the same lines finish at once without both keeping them", async () => {
    const { workspace } = await createStudyFixture(t.db);
    const one = await runningImport(workspace.id);
    const two = await runningImport(workspace.id);
    await loadLines(t.db, workspace.id, one, ["a#1", "b#1"]);
    await loadLines(t.db, workspace.id, two, ["a#1", "b#1"]);
    const results = await Promise.all([complete(workspace.id, one), complete(workspace.id, two)]);
    expect(results.map((r) => r.imported).sort()).toEqual([0, 2]);
    expect(await lineKeys(t.db, workspace.id)).toEqual(["a#1", "b#1"]);
  });

  it("deletes an import's lines with the import, and all lines with the workspace", async () => {
    const { workspace } = await createStudyFixture(t.db);
    const kept = await runningImport(workspace.id);
    await loadLines(t.db, workspace.id, kept, ["a#1"]);
    await complete(workspace.id, kept);
    const dropped = await runningImport(workspace.id);
    await loadLines(t.db, workspace.id, dropped, ["b#1", "c#1"]);
    await loadLines(t.db, workspace.id, null, ["z#1"]);
    await deleteDataImport(t.db, { workspaceId: workspace.id, importId: dropped });
    expect(await lineKeys(t.db, workspace.id)).toEqual(["a#1", "z#1"]);

    const running = await runningImport(workspace.id);
    await loadLines(t.db, workspace.id, running, ["e#1"]);
    await deleteImportLines(t.db, { workspaceId: workspace.id, importId: running, kind: "transactions" });
    expect(await lineKeys(t.db, workspace.id)).toEqual(["a#1", "z#1"]);

    // The app has no workspace deletion yet; a database administrator's delete must still take the lines along.
    await t.db.execute(sql`delete from workspaces where id = ${workspace.id}`);
    expect(await lineKeys(t.db, workspace.id)).toEqual([]);
  });
});
