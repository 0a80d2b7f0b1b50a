import { importReasons } from "@/lib/i18n/messages/import-reasons";
import type { Translate } from "@/lib/i18n/translator";

/**
 * Why a row of an import is bad, as a message key and its values, so the report reads in the viewer's
 * language. The worker stores the English text beside it (the API and the CSV report for machines
 * say that); the pages fill the same key in Finnish or Swedish. A field is either one of the import's
 * own fields (translated) or an attribute column, named as the file names it.
 */
export type ReasonField =
  | "orderId"
  | "date"
  | "customerId"
  | "quantity"
  | "unitPrice"
  | "amount"
  | "itemCode"
  | "eventName"
  | "lastActiveDate"
  | "sessionsPerMonth"
  | "activeDaysPerMonth";
export type FieldRef = { field: ReasonField } | { column: string };

type Values = Record<string, string | number>;
export type BadRowReason =
  | { key: "missing"; at: FieldRef }
  | { key: "tooLong"; at: FieldRef; max: number }
  | { key: "unparseableNumber"; at: FieldRef; value: string; separator: "comma" | "point" }
  | { key: "unparseableDate"; at: FieldRef; value: string; expected: string }
  | { key: "outOfRange"; at: FieldRef; value: string }
  | { key: "duplicate"; at: FieldRef; value: string; firstLine: number }
  | { key: "unreadableCancellation"; value: string }
  | { key: "columnCount"; expected: number; found: number };

type ReasonTextKey = keyof (typeof importReasons)["en"];
type Lookup = (key: ReasonTextKey) => string;

const english: Lookup = (key) => importReasons.en[key];

/** A cell's value as the report quotes it: in quotes, cut to 40 characters. */
export const quoteValue = (value: string) => `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;

function fill(template: string, values: Values): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match));
}

function describe(reason: BadRowReason, lookup: Lookup): string {
  const values: Values = {};
  for (const [name, value] of Object.entries(reason)) if (typeof value === "string" || typeof value === "number") values[name] = value;
  if ("at" in reason) values.field = "field" in reason.at ? lookup(`field_${reason.at.field}`) : reason.at.column;
  if ("value" in reason) values.value = quoteValue(reason.value);
  if (reason.key === "unparseableNumber") values.separator = lookup(`separator_${reason.separator}`);
  return fill(lookup(reason.key), values);
}

/** The reason in English: what the worker stores and the API reports. */
export function reasonText(reason: BadRowReason): string {
  return describe(reason, english);
}

/** The reason in the viewer's language (falls back to English through the translator). */
export function translatedReason(reason: BadRowReason, t: Translate): string {
  return describe(reason, (key) => t(`importReasons.${key}`));
}

/**
 * The code a bad row is counted under (data_imports.bad_row_counts): the reason's key and, where it
 * names one, the field — "attribute" for any attribute column — e.g. "missing.customerId", "columnCount".
 */
export function reasonCode(reason: BadRowReason): string {
  if (!("at" in reason)) return reason.key;
  return `${reason.key}.${"field" in reason.at ? reason.at.field : "attribute"}`;
}

/** A count's label in the viewer's language ("Missing customer id"); a code it does not know is shown as it is. */
export function reasonCountLabel(code: string, t: Translate): string {
  const [key, field] = code.split(".");
  const countKey = `count_${key}`;
  const fieldKey = `field_${field}`;
  if (!(countKey in importReasons.en) || (field !== undefined && !(fieldKey in importReasons.en))) return code;
  const text = t(`importReasons.${countKey as ReasonTextKey}`, field === undefined ? undefined : { field: t(`importReasons.${fieldKey as ReasonTextKey}`) });
  return text.charAt(0).toUpperCase() + text.slice(1);
}
