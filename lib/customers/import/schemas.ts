import { z } from "zod";
import { isValidTimeZone } from "./values";

/** Inputs of the import: the upload's query string and the mapping step (one schema for the form and the API). */

export const IMPORT_KINDS = ["customers", "transactions", "usage_events", "usage_summaries"] as const;
export const ZImportKind = z.enum(IMPORT_KINDS);
export type TImportKind = z.infer<typeof ZImportKind>;

export const ZUploadQuery = z.object({
  kind: ZImportKind,
  fileName: z.string().trim().min(1, "Name the file with ?fileName=.").max(255),
});

export const DELIMITERS = [",", ";", "\t", "|"] as const;
export const BAD_ROW_POLICIES = ["keep-good", "rollback"] as const;

const column = z.string().max(200);
/** "" (the form's "not in this file") and a missing key both mean unmapped. */
const optionalColumn = column.optional();

export const ZImportMapping = z.object({
  customerId: optionalColumn,
  orderId: optionalColumn,
  occurredAt: optionalColumn,
  amount: optionalColumn,
  quantity: optionalColumn,
  unitPrice: optionalColumn,
  itemCode: optionalColumn,
  eventName: optionalColumn,
  lastActiveAt: optionalColumn,
  sessionsPerMonth: optionalColumn,
  activeDaysPerMonth: optionalColumn,
  /** Customers: the columns kept as attributes, each as text or number. */
  attributes: z.array(z.object({ column, type: z.enum(["text", "number"]) })).max(200).default([]),
  /** Transactions: any of these marks a line as a cancellation or return. */
  cancellation: z
    .object({
      orderIdPrefix: z.string().max(10).default(""),
      column: optionalColumn,
      negative: z.boolean().default(true),
    })
    .default({ orderIdPrefix: "", negative: true }),
});
export type TImportMapping = z.output<typeof ZImportMapping>;

export const ZStartImportInput = z.object({
  delimiter: z.enum(DELIMITERS),
  decimalSeparator: z.enum(["point", "comma"]),
  dateFormat: z.enum(["iso", "dmy-dot", "mdy-slash", "dmy-slash"]),
  timeZone: z.string().min(1).max(64).refine(isValidTimeZone, "Unknown time zone (use an IANA name such as Europe/Helsinki or UTC)."),
  badRowPolicy: z.enum(BAD_ROW_POLICIES),
  mapping: ZImportMapping,
});
export type TStartImportInput = z.output<typeof ZStartImportInput>;
export type TStartImportFormValues = z.input<typeof ZStartImportInput>;

type Field = Exclude<keyof TImportMapping, "attributes" | "cancellation">;

/** The fields a kind needs; transactions need an amount or quantity × unit price (checked separately). */
export const REQUIRED_FIELDS: Record<TImportKind, Field[]> = {
  customers: ["customerId"],
  transactions: ["orderId", "occurredAt"],
  usage_events: ["customerId", "occurredAt"],
  usage_summaries: ["customerId"],
};

export const FIELDS_BY_KIND: Record<TImportKind, Field[]> = {
  customers: ["customerId"],
  transactions: ["customerId", "orderId", "occurredAt", "amount", "quantity", "unitPrice", "itemCode"],
  usage_events: ["customerId", "occurredAt", "eventName"],
  usage_summaries: ["customerId", "lastActiveAt", "sessionsPerMonth", "activeDaysPerMonth"],
};

/**
 * Checks a mapping against the file's header: every mapped column exists, the kind's required
 * fields are mapped. Returns field errors keyed like the form's fields (empty when fine).
 */
export function mappingProblems(kind: TImportKind, mapping: TImportMapping, header: string[]): Record<string, string[]> {
  const problems: Record<string, string[]> = {};
  const add = (key: string, message: string) => (problems[key] ??= []).push(message);
  const present = new Set(header);
  const missingRequired = REQUIRED_FIELDS[kind].filter((field) => !mapping[field]);
  if (kind === "transactions" && !mapping.amount && !(mapping.quantity && mapping.unitPrice)) missingRequired.push("amount");
  if (kind === "usage_summaries" && !mapping.lastActiveAt && !mapping.sessionsPerMonth) missingRequired.push("lastActiveAt");
  for (const field of missingRequired) add(`mapping.${field}`, requiredMessage(kind, field));
  for (const field of FIELDS_BY_KIND[kind]) {
    const name = mapping[field];
    if (name && !present.has(name)) add(`mapping.${field}`, `The file has no column "${name}".`);
  }
  if (kind === "transactions" && mapping.cancellation.column && !present.has(mapping.cancellation.column)) {
    add("mapping.cancellation.column", `The file has no column "${mapping.cancellation.column}".`);
  }
  if (kind === "customers") {
    mapping.attributes.forEach((a, i) => {
      if (!present.has(a.column)) add(`mapping.attributes.${i}.column`, `The file has no column "${a.column}".`);
    });
  }
  if (Object.keys(problems).length > 0 && header.length === 1) {
    add("delimiter", `The header has a single column ("${header[0]!.slice(0, 60)}"): is the delimiter right?`);
  }
  return problems;
}

function requiredMessage(kind: TImportKind, field: string): string {
  if (kind === "transactions" && field === "amount") return "Map an amount column, or both quantity and unit price.";
  if (kind === "usage_summaries" && field === "lastActiveAt") return "Map the last active date or the sessions per month.";
  return "Required: choose the column that holds this.";
}
