import type { MessageKey } from "@/lib/i18n/messages";
import { FIELDS_BY_KIND, type DELIMITERS, type TImportKind, type TStartImportInput } from "./schemas";

export const DELIMITER_NAMES: Record<(typeof DELIMITERS)[number], "comma" | "semicolon" | "tab" | "pipe"> = { ",": "comma", ";": "semicolon", "\t": "tab", "|": "pipe" };

/** One line of the summary: a label, and the value as the file's own text, a message, or nothing (not used). */
export type SettingsLine = { label: MessageKey; column?: string; text?: string; message?: MessageKey };

/**
 * How an import read its file, for the report: which column fed each field of the kind, the rules
 * for cancellations or attributes, and the file's layout. Column names and prefixes are the file's
 * own text (`column`/`text`), never translated; everything else is a message.
 */
export function importSettingsSummary(kind: TImportKind, settings: TStartImportInput): SettingsLine[] {
  const { mapping } = settings;
  const lines: SettingsLine[] = FIELDS_BY_KIND[kind].map((field) => ({ label: `customerData.field_${field}` as MessageKey, column: mapping[field] || undefined }));
  if (kind === "transactions") {
    const { orderIdPrefix, column, negative } = mapping.cancellation;
    lines.push({ label: "customerData.cancelPrefix", text: orderIdPrefix || undefined });
    lines.push({ label: "customerData.cancelColumn", column: column || undefined });
    lines.push({ label: "customerData.cancelNegative", message: negative ? "customerData.yes" : "customerData.no" });
  }
  if (kind === "customers") {
    const kept = mapping.attributes.map((a) => a.column).join(", ");
    lines.push({ label: "customerData.attributesTitle", column: kept || undefined });
  }
  lines.push(
    { label: "customerData.delimiter", message: `customerData.delimiter_${DELIMITER_NAMES[settings.delimiter]}` as MessageKey },
    { label: "customerData.decimalSeparator", message: `customerData.decimal_${settings.decimalSeparator}` as MessageKey },
    { label: "customerData.dateFormat", message: `customerData.dateFormat_${settings.dateFormat}` as MessageKey },
    { label: "customerData.timeZone", text: settings.timeZone },
    { label: "customerData.badRowPolicy", message: `customerData.policy_${settings.badRowPolicy}` as MessageKey },
  );
  return lines;
}
