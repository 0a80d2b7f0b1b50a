import { describe, expect, it } from "vitest";
import { ZStartImportInput } from "./schemas";
import { importSettingsSummary } from "./settings-summary";

const base = { delimiter: ";", decimalSeparator: "comma", dateFormat: "dmy-dot", timeZone: "Europe/Helsinki", badRowPolicy: "keep-good" } as const;

describe("importSettingsSummary", () => {
  it("lists each field of usage events with its column, unmapped ones without, then the file's layout", () => {
    const settings = ZStartImportInput.parse({ ...base, mapping: { customerId: "CustomerID", occurredAt: "InvoiceDate", eventName: "" } });
    expect(importSettingsSummary("usage_events", settings)).toEqual([
      { label: "customerData.field_customerId", column: "CustomerID" },
      { label: "customerData.field_occurredAt", column: "InvoiceDate" },
      { label: "customerData.field_eventName", column: undefined },
      { label: "customerData.delimiter", message: "customerData.delimiter_semicolon" },
      { label: "customerData.decimalSeparator", message: "customerData.decimal_comma" },
      { label: "customerData.dateFormat", message: "customerData.dateFormat_dmy-dot" },
      { label: "customerData.timeZone", text: "Europe/Helsinki" },
      { label: "customerData.badRowPolicy", message: "customerData.policy_keep-good" },
    ]);
  });

  it("adds the cancellation rules of transactions and the kept attributes of customers", () => {
    const transactions = ZStartImportInput.parse({ ...base, mapping: { orderId: "Ref", occurredAt: "Päivä", amount: "Summa", cancellation: { orderIdPrefix: "C", negative: false } } });
    expect(importSettingsSummary("transactions", transactions).slice(7, 10)).toEqual([
      { label: "customerData.cancelPrefix", text: "C" },
      { label: "customerData.cancelColumn", column: undefined },
      { label: "customerData.cancelNegative", message: "customerData.no" },
    ]);
    const customers = ZStartImportInput.parse({ ...base, mapping: { customerId: "id", attributes: [{ column: "age", type: "number" }, { column: "region", type: "text" }] } });
    expect(importSettingsSummary("customers", customers).slice(0, 2)).toEqual([
      { label: "customerData.field_customerId", column: "id" },
      { label: "customerData.attributesTitle", column: "age, region" },
    ]);
  });
});
