import { describe, expect, it } from "vitest";
import { detectDelimiter, detectFile, proposeMapping } from "./detect";

const RETAIL = [
  "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country",
  "536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,12/1/2010 8:26,2.55,17850,United Kingdom",
  "C536379,D,Discount,-1,12/1/2010 9:41,27.5,14527,United Kingdom",
  "536370,22728,ALARM CLOCK BAKELIKE PINK,24,12/1/2010 8:45,3.75,,France",
].join("\r\n");

const NORDIC = ["asiakasnumero;tilaus;päivämäärä;summa", "A-1;1001;24.12.2023;1.234,56", "A-2;1002;1.1.2024;12,5"].join("\n");

describe("detectFile", () => {
  it("finds the delimiter that splits every line the same way", () => {
    expect(detectDelimiter(RETAIL)).toBe(",");
    expect(detectDelimiter(NORDIC)).toBe(";");
    expect(detectDelimiter("a\tb\tc\n1\t2,5\t3\n")).toBe("\t");
    expect(detectDelimiter("a|b\n1|2\n")).toBe("|");
  });

  it("detects numbers, month-first date-times and text in the retail log", () => {
    const d = detectFile(RETAIL);
    expect(d.header).toHaveLength(8);
    expect(Object.fromEntries(d.columns.map((c) => [c.name, c.type]))).toEqual({
      InvoiceNo: "text",
      StockCode: "text",
      Description: "text",
      Quantity: "number",
      InvoiceDate: "datetime",
      UnitPrice: "number",
      CustomerID: "number",
      Country: "text",
    });
    expect(d.dateFormat).toBe("mdy-slash");
    expect(d.dateFormatAmbiguous).toBe(true);
    expect(d.decimalSeparator).toBe("point");
    expect(d.rows[2]).toEqual(["536370", "22728", "ALARM CLOCK BAKELIKE PINK", "24", "12/1/2010 8:45", "3.75", "", "France"]);
  });

  it("detects decimal commas and Nordic dates", () => {
    const d = detectFile(NORDIC);
    expect(d.delimiter).toBe(";");
    expect(d.decimalSeparator).toBe("comma");
    expect(d.dateFormat).toBe("dmy-dot");
    expect(d.columns.map((c) => c.type)).toEqual(["text", "number", "date", "number"]);
  });

  it("tells day-first slashes from month-first when a day exceeds 12", () => {
    expect(detectFile("id,when\n1,25/12/2023 10:00\n2,01/02/2023 10:00\n").dateFormat).toBe("dmy-slash");
    const usDate = detectFile("id,when\n1,12/25/2023\n");
    expect([usDate.dateFormat, usDate.dateFormatAmbiguous]).toEqual(["mdy-slash", false]);
  });

  it("keeps a column's type when a few cells are broken, and says so", () => {
    const d = detectFile("id;sum;code\n1;1.234,56;85123A\n2;12,50;71053\n3;viisi;84406B\n4;-5,00;22752\n");
    expect(d.columns.slice(1).map((c) => [c.type, c.decimalSeparator, c.mixed])).toEqual([
      ["number", "comma", true],
      ["text", undefined, undefined],
    ]);
    expect(d.decimalSeparator).toBe("comma");
  });

  it("names empty and repeated header cells", () => {
    expect(detectFile("id,,id\n1,2,3\n").header).toEqual(["id", "Column 2", "Column 3"]);
  });
});

describe("proposeMapping", () => {
  it("maps the retail log's columns, with C-prefixed cancellations", () => {
    const d = detectFile(RETAIL);
    expect(proposeMapping("transactions", d.columns, d.rows)).toMatchObject({
      customerId: "CustomerID",
      orderId: "InvoiceNo",
      occurredAt: "InvoiceDate",
      quantity: "Quantity",
      unitPrice: "UnitPrice",
      itemCode: "StockCode",
      amount: undefined,
      cancellation: { orderIdPrefix: "C", negative: true },
    });
  });

  it("maps Finnish headers, and keeps every other column of a customers file as an attribute", () => {
    const d = detectFile(NORDIC);
    expect(proposeMapping("transactions", d.columns, d.rows)).toMatchObject({ customerId: "asiakasnumero", orderId: "tilaus", occurredAt: "päivämäärä", amount: "summa" });
    const c = detectFile("customer_id,age,region\nA,34,Uusimaa\n");
    expect(proposeMapping("customers", c.columns, c.rows)).toMatchObject({
      customerId: "customer_id",
      attributes: [
        { column: "age", type: "number" },
        { column: "region", type: "text" },
      ],
    });
  });
});
