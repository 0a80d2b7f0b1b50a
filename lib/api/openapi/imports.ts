import { errorResponse, jsonContent, standardErrors, uuidParam } from "./components";

const tags = ["Customer data"];
const column = { type: "string", description: "A header name of the file; empty or absent = not mapped" };

const importSchema = {
  type: "object",
  properties: {
    id: { type: "string", format: "uuid" },
    kind: { type: "string", enum: ["customers", "transactions", "usage_events", "usage_summaries"] },
    fileName: { type: "string" },
    byteSize: { type: "integer", description: "Bytes as uploaded (gzipped or not)" },
    gzipped: { type: "boolean" },
    status: { type: "string", enum: ["uploaded", "queued", "running", "succeeded", "failed", "cancelled"] },
    jobId: { type: ["string", "null"], format: "uuid", description: "Poll /api/v1/jobs/{jobId} for progress" },
    preview: {
      type: ["object", "null"],
      description: "Detected from the first rows only: delimiter, header, up to 10 rows, per-column type, number and date format, and a proposed mapping",
      properties: {
        delimiter: { type: "string" },
        header: { type: "array", items: { type: "string" } },
        rows: { type: "array", items: { type: "array", items: { type: "string" } } },
        columns: { type: "array", items: { type: "object", properties: { name: { type: "string" }, type: { type: "string", enum: ["empty", "number", "date", "datetime", "text"] } } } },
        decimalSeparator: { type: "string", enum: ["point", "comma"] },
        dateFormat: { type: "string" },
        dateFormatAmbiguous: { type: "boolean" },
        proposedMapping: { type: "object" },
      },
    },
    settings: { type: ["object", "null"], description: "The mapping and options the import was started with" },
    counts: {
      type: "object",
      properties: {
        rowsRead: { type: ["integer", "null"] },
        imported: { type: ["integer", "null"], description: "Rows that added or changed data" },
        unchanged: { type: ["integer", "null"], description: "Good rows already present (re-imports)" },
        bad: { type: ["integer", "null"], description: "Every bad row; only the first IMPORT_MAX_BAD_ROWS_KEPT (default 1,000) are kept row by row for /errors" },
        badByReason: {
          type: ["object", "null"],
          additionalProperties: { type: "integer" },
          description:
            "Every bad row counted by reason code: the reason and, where it names one, the field, e.g. missing.customerId, unparseableDate.date, unparseableNumber.amount, duplicate.orderId, tooLong.attribute, unreadableCancellation, columnCount",
        },
      },
    },
    decompressedBytes: { type: ["number", "null"], description: "Bytes of the file after decompression, as far as the last run read it" },
    stop: {
      type: ["object", "null"],
      description:
        "The limit that stopped the last run, if one did (status failed, error says it in words): decompressedBytes {max MiB}, compressionRatio {max}, rows {max}, rowTooLong {line, max MiB} — the file is deleted; errorRatio {bad, rows, percent} — the file and the first bad rows are kept for another try",
      properties: { key: { type: "string", enum: ["decompressedBytes", "compressionRatio", "rows", "rowTooLong", "errorRatio"] } },
    },
    error: { type: ["string", "null"] },
    createdAt: { type: "string", format: "date-time" },
    finishedAt: { type: ["string", "null"], format: "date-time" },
  },
};

const startSchema = {
  type: "object",
  required: ["delimiter", "decimalSeparator", "dateFormat", "timeZone", "badRowPolicy", "mapping"],
  properties: {
    delimiter: { type: "string", enum: [",", ";", "\t", "|"] },
    decimalSeparator: { type: "string", enum: ["point", "comma"], description: "comma reads Nordic numbers such as 1.234,56" },
    dateFormat: { type: "string", enum: ["iso", "dmy-dot", "mdy-slash", "dmy-slash"], description: "YYYY-MM-DD[ HH:mm[:ss]] (offsets honoured), DD.MM.YYYY[ HH:mm], M/D/YYYY[ H:mm], D/M/YYYY[ H:mm]" },
    timeZone: { type: "string", description: "IANA zone for date-times without an offset, e.g. UTC or Europe/Helsinki" },
    badRowPolicy: { type: "string", enum: ["keep-good", "rollback"], description: "keep-good imports the good rows and reports the bad; rollback imports nothing if any row is bad" },
    mapping: {
      type: "object",
      properties: {
        customerId: column,
        orderId: column,
        occurredAt: column,
        amount: column,
        quantity: column,
        unitPrice: column,
        itemCode: column,
        eventName: column,
        lastActiveAt: column,
        sessionsPerMonth: column,
        activeDaysPerMonth: column,
        attributes: { type: "array", items: { type: "object", properties: { column: { type: "string" }, type: { type: "string", enum: ["text", "number"] } } } },
        cancellation: {
          type: "object",
          properties: {
            orderIdPrefix: { type: "string", description: "Order ids starting with this mark cancellations (the retail log uses C)" },
            column: column,
            negative: { type: "boolean", description: "A negative amount or quantity marks a cancellation/return" },
          },
        },
      },
    },
  },
};

export const paths = {
  "/api/v1/imports": {
    get: {
      summary: "Import history",
      tags,
      description: "Needs customers:read. The latest 50 imports of the workspace.",
      responses: { "200": { description: "Imports", content: jsonContent({ type: "object", properties: { imports: { type: "array", items: importSchema } } }) }, ...standardErrors },
    },
    post: {
      summary: "Upload a CSV (or gzipped CSV) file for import",
      tags,
      description:
        "Needs customers:import. The request body is the file itself (any content type but a form encoding or JSON, which get 415), streamed into the database without being held in memory. The first row must be a header. Refused with 413 when larger than the limit (IMPORT_MAX_MB, default 200 MiB; checked from Content-Length and while streaming) and 422 when empty, binary or not UTF-8, when the first line is longer than 32 KiB, when the header has more columns than IMPORT_MAX_COLUMNS (default 500) or a column name longer than 200 characters (messages in the language of Accept-Language: fi, sv, else English). Preview cells are cut to 200 characters. Returns the detected layout and a proposed mapping; nothing is imported until /start.",
      parameters: [
        { name: "kind", in: "query", required: true, schema: { type: "string", enum: ["customers", "transactions", "usage_events", "usage_summaries"] } },
        { name: "fileName", in: "query", required: true, schema: { type: "string" } },
      ],
      requestBody: { required: true, content: { "text/csv": { schema: { type: "string" } }, "application/gzip": { schema: { type: "string", format: "binary" } } } },
      responses: { "201": { description: "The upload, ready for its mapping", content: jsonContent(importSchema) }, "413": errorResponse, "415": errorResponse, ...standardErrors },
    },
  },
  "/api/v1/imports/{importId}": {
    parameters: [uuidParam("importId")],
    get: {
      summary: "An import's status, counts and preview",
      tags,
      description: "Needs customers:read.",
      responses: { "200": { description: "The import", content: jsonContent(importSchema) }, ...standardErrors },
    },
  },
  "/api/v1/imports/{importId}/start": {
    parameters: [uuidParam("importId")],
    post: {
      summary: "Confirm the mapping and start the import",
      tags,
      description:
        "Needs customers:import. Checks the mapping against the file's header (read with the given delimiter) and queues a background job; 422 with fieldErrors when a required field is unmapped or a column does not exist. Transactions need an order id, a date and an amount or quantity × unit price; re-importing the same file adds nothing (idempotent line keys). A failed import can be started again while its file is kept; 409 when the file was deleted (the import was cancelled, or its file passed a size, row or row-length limit). The job stops, importing nothing, when the file passes IMPORT_MAX_DECOMPRESSED_MB, IMPORT_MAX_COMPRESSION_RATIO or IMPORT_MAX_ROWS, or when more than IMPORT_MAX_ERROR_RATIO of the rows are bad once IMPORT_ERROR_RATIO_MIN_ROWS have been read (see stop).",
      requestBody: { required: true, content: jsonContent(startSchema) },
      responses: { "200": { description: "The queued import", content: jsonContent(importSchema) }, "409": errorResponse, ...standardErrors },
    },
  },
  "/api/v1/imports/{importId}/errors": {
    parameters: [uuidParam("importId")],
    get: {
      summary: "Download the bad rows kept as CSV",
      tags,
      description:
        "Needs customers:read. The first bad rows (IMPORT_MAX_BAD_ROWS_KEPT, default 1,000; counts of all of them by reason are in the import's counts.badByReason). Columns line (physical line in the file), reason, raw; cells starting with =, +, -, @ are prefixed with an apostrophe.",
      responses: { "200": { description: "CSV (Content-Disposition: attachment)", content: { "text/csv": { schema: { type: "string" } } } }, ...standardErrors },
    },
  },
};
