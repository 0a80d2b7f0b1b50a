import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { expect, test } from "@playwright/test";
import { createWorkspaceViaApi, newSignedInUser, workspaceApi } from "./support/session";

// The full retail log (541,909 rows, the repository's copy) through the HTTP API of the running app, on
// whichever database the e2e server uses.
const RETAIL = "db/seed/data/online_retail_full.csv.gz";

test("the full retail log imports through the API, with progress seen on the way", async ({ browser }) => {
  test.setTimeout(600_000);
  const user = await newSignedInUser(browser, "retail");
  const { slug } = await createWorkspaceViaApi(user);
  const upload = await user.context.request.post(`/api/v1/imports?kind=transactions&fileName=online_retail_full.csv.gz`, {
    data: readFileSync(RETAIL),
    headers: { "x-workspace": slug },
    timeout: 120_000,
  });
  expect(upload.status(), await upload.text()).toBe(201);
  const record = await upload.json();
  expect(record.preview).toMatchObject({
    delimiter: ",",
    dateFormat: "iso",
    proposedMapping: { orderId: "InvoiceNo", itemCode: "StockCode", quantity: "Quantity", unitPrice: "UnitPrice", occurredAt: "InvoiceDate", customerId: "CustomerID", cancellation: { orderIdPrefix: "C" } },
  });
  const api = workspaceApi(user, slug);
  const start = await api.post(`/api/v1/imports/${record.id}/start`, {
    delimiter: record.preview.delimiter,
    decimalSeparator: record.preview.decimalSeparator,
    dateFormat: record.preview.dateFormat,
    timeZone: "UTC",
    badRowPolicy: "keep-good",
    mapping: record.preview.proposedMapping,
  });
  expect(start.status(), await start.text()).toBe(200);
  const jobId = (await start.json()).jobId as string;
  const progress: number[] = [];
  let slowest = 0;
  await expect
    .poll(
      async () => {
        const asked = Date.now();
        const job = await (await api.get(`/api/v1/jobs/${jobId}`)).json();
        slowest = Math.max(slowest, Date.now() - asked);
        if (job.progress?.done) progress.push(job.progress.done);
        return job.status;
      },
      // The import takes a few seconds (2-3 s on PGlite), so ask often to see it on the way.
      { timeout: 580_000, intervals: [100] },
    )
    .toBe("succeeded");
  // Progress was seen on the way (rows read before the whole file), not only at the end.
  expect(progress.some((done) => done > 0 && done < 541_909), `progress seen: ${[...new Set(progress)].join(", ")}`).toBe(true);
  console.log(`slowest progress poll: ${slowest} ms; progress seen: ${[...new Set(progress)].join(", ")}`);
  const done = await (await api.get(`/api/v1/imports/${record.id}`)).json();
  expect(done.counts).toEqual({ rowsRead: 541909, imported: 541909, unchanged: 0, bad: 0, badByReason: {} });
  // The import counted every byte it inflated (the limit IMPORT_MAX_DECOMPRESSED_MB is checked against this).
  expect(done.decompressedBytes).toBe(gunzipSync(readFileSync(RETAIL)).length);
});
