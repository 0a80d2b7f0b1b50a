import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { ByteCsvReader } from "@/lib/customers/import/byte-csv";
import { COPY_HEADER, COPY_TRAILER, TupleWriter, uuidBytes } from "@/lib/customers/import/copy-binary";
import { reasonText } from "@/lib/customers/import/bad-row-reasons";
import { LineEncoder } from "@/lib/customers/import/line-encoder";
import { ZStartImportInput } from "@/lib/customers/import/schemas";
import { LINE_COPY_COLUMNS } from "@/lib/customers/import/worker-protocol";
import { testDatabaseKinds, useTestDatabase } from "@/tests/helpers/test-database";

const WS = "0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9";
const IMPORT = "9b2f4a52-8a43-4f0e-9f8e-2a0c1d3e4f50";

/** Sends tuples to the server as one binary COPY stream (header and trailer added, as the main thread does). */
async function copyBinary(handle: DatabaseHandle, table: string, columns: readonly string[], tuples: Uint8Array) {
  const statement = `copy ${table} (${columns.join(", ")}) from stdin with (format binary)`;
  const bytes = Buffer.concat([COPY_HEADER, tuples, COPY_TRAILER]);
  if (handle.driver.kind === "postgres") {
    const writable = await handle.driver.client.unsafe(statement).writable();
    await new Promise<void>((resolve, reject) => {
      writable.on("error", reject);
      writable.on("finish", resolve);
      writable.end(bytes);
    });
  } else {
    await handle.driver.client.query(statement.replace("stdin", "'/dev/blob'"), [], { blob: new Blob([bytes]) });
  }
}

const rowsOf = (result: unknown) => ((result as { rows?: unknown[] }).rows ?? (result as unknown[])) as Record<string, unknown>[];

describe.each(testDatabaseKinds())("binary COPY tuples on %s", (dbKind) => {
  const t = useTestDatabase(dbKind);

  it("are read by the server as written: numerics at the column's scale, instants, NULLs, non-ASCII text", async () => {
    await t.db.execute(sql`create table copy_values (id uuid, label text, at timestamptz, q numeric(14,3), p numeric(14,4), a numeric(18,4), flag boolean)`);
    const w = new TupleWriter(64);
    const values: [label: string | null, at: string, q: number, p: number, a: bigint, flag: boolean][] = [
      ["Mäkinen € 😀", "1999-12-31T23:59:59.999Z", 0, 1, 0n, true],
      [null, "2010-12-01T08:26:00.000Z", -80995000, 25500, -206537250000n, false],
      ["x", "2000-01-01T00:00:00.000Z", 9999999999999, 99999999999999, 123456789012345678n, true],
      ["", "1900-03-01T12:00:00.001Z", -1, -1, -999999999999999999n, false],
    ];
    for (const [label, at, q, p, a, flag] of values) {
      w.ensure(256);
      w.int16(7);
      w.raw(uuidBytes(WS), 0, 16);
      w.text(label);
      w.timestamp(Date.parse(at));
      w.scaledNumeric(q, 3);
      w.scaledNumeric(p, 4);
      w.bigNumeric(a);
      w.bool(flag);
    }
    await copyBinary(t.handle, "copy_values", ["id", "label", "at", "q", "p", "a", "flag"], w.take());
    const rows = rowsOf(await t.db.execute(sql`select id::text, label, to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at, q::text, p::text, a::text, flag from copy_values order by at`));
    expect(rows).toEqual([
      { id: WS, label: "", at: "1900-03-01T12:00:00.001Z", q: "-0.001", p: "-0.0001", a: "-99999999999999.9999", flag: false },
      { id: WS, label: "Mäkinen € 😀", at: "1999-12-31T23:59:59.999Z", q: "0.000", p: "0.0001", a: "0.0000", flag: true },
      { id: WS, label: "x", at: "2000-01-01T00:00:00.000Z", q: "9999999999.999", p: "9999999999.9999", a: "12345678901234.5678", flag: true },
      { id: WS, label: null, at: "2010-12-01T08:26:00.000Z", q: "-80995.000", p: "2.5500", a: "-20653725.0000", flag: false },
    ]);
  });

  it("carry a transaction file's lines into a table shaped like transactions, amounts rounded as PostgreSQL rounds", async () => {
    await t.db.execute(sql`create table copy_lines (workspace_id uuid not null, line_key text not null, customer_external_id text, order_id text not null,
      occurred_at timestamptz not null, item_code text, quantity numeric(14,3), unit_price numeric(14,4), amount numeric(18,4) not null,
      is_cancellation boolean not null, import_id uuid, primary key (workspace_id, line_key))`);
    const csv = [
      "order,item,qty,price,at,customer",
      "536365,85123A,6,2.55,2010-12-01 08:26:00,17850",
      "536365,85123A,6,2.55,2010-12-01 08:26:00,17850",
      "C536379,D,-1,27.50,2010-12-01 09:41:00,",
      '536370,"Ä-1",1.0005,0.00005,2010-12-01 08:45:00,Müller',
      "536371,X,-1,0.00015,1999-12-31 23:59:59,c2",
      '536372, Y ,"1,234",12.5,2023-03-26 03:30:00,c3',
      "536373,Z,9999999999,9999999999.9999,2023-01-01 00:00:00,c4",
    ].join("\r\n");
    const input = ZStartImportInput.parse({ delimiter: ",", decimalSeparator: "point", dateFormat: "iso", timeZone: "Europe/Helsinki", badRowPolicy: "keep-good",
      mapping: { orderId: "order", itemCode: "item", quantity: "qty", unitPrice: "price", occurredAt: "at", customerId: "customer", cancellation: { orderIdPrefix: "C", negative: true } } });
    const reader = new ByteCsvReader(",");
    reader.push(Buffer.from(csv), true);
    reader.next();
    const encoder = new LineEncoder("transactions", input, reader.record().fields, { workspaceId: WS, importId: IMPORT });
    const reasons: (string | null)[] = [];
    while (reader.next()) {
      const reason = encoder.convert(reader, true);
      reasons.push(reason && reasonText(reason));
    }
    expect(reasons).toEqual([null, null, null, null, null, null, 'amount "9999999999 × 9999999999.9999" is out of range']);
    const batch = encoder.take();
    expect(batch.customerIds).toEqual(["17850", "Müller", "c2", "c3"]);
    await copyBinary(t.handle, "copy_lines", LINE_COPY_COLUMNS.transactions, batch.tuples);
    const rows = rowsOf(await t.db.execute(sql`select order_id, item_code, customer_external_id as customer, quantity::text, unit_price::text, amount::text, is_cancellation as cancelled,
      to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS') as at, import_id::text, line_key from copy_lines order by order_id, line_key`));
    expect(rows.map(({ line_key, ...r }) => r)).toEqual([
      { order_id: "536365", item_code: "85123A", customer: "17850", quantity: "6.000", unit_price: "2.5500", amount: "15.3000", cancelled: false, at: "2010-12-01 06:26:00", import_id: IMPORT },
      { order_id: "536365", item_code: "85123A", customer: "17850", quantity: "6.000", unit_price: "2.5500", amount: "15.3000", cancelled: false, at: "2010-12-01 06:26:00", import_id: IMPORT },
      { order_id: "536370", item_code: "Ä-1", customer: "Müller", quantity: "1.001", unit_price: "0.0001", amount: "0.0001", cancelled: false, at: "2010-12-01 06:45:00", import_id: IMPORT },
      { order_id: "536371", item_code: "X", customer: "c2", quantity: "-1.000", unit_price: "0.0002", amount: "-0.0002", cancelled: true, at: "1999-12-31 21:59:59", import_id: IMPORT },
      { order_id: "536372", item_code: "Y", customer: "c3", quantity: "1234.000", unit_price: "12.5000", amount: "15425.0000", cancelled: false, at: "2023-03-26 01:30:00", import_id: IMPORT },
      { order_id: "C536379", item_code: "D", customer: null, quantity: "-1.000", unit_price: "27.5000", amount: "-27.5000", cancelled: true, at: "2010-12-01 07:41:00", import_id: IMPORT },
    ]);
    const keys = rows.map((r) => String(r.line_key));
    expect(keys[0]!.split("#")[0]).toBe(keys[1]!.split("#")[0]);
    expect(keys.slice(0, 2).map((k) => k.split("#")[1]).sort()).toEqual(["1", "2"]);
    // The server computes the same amounts from the stored quantity and unit price.
    const mismatched = rowsOf(await t.db.execute(sql`select count(*)::int as n from copy_lines where amount <> round(quantity * unit_price, 4)`));
    expect(Number(mismatched[0]!.n)).toBe(0);
  });
});
