import { describe, expect, it } from "vitest";
import { csvToRawRows, parseCsvRows, validateContactRows, type RawContactRow } from "./contact-csv";

describe("contact CSV", () => {
  it("parses quoted separators and line breaks and keeps each row's starting line", () => {
    const rows = parseCsvRows('email,city\n"a@x.fi","Turku, FI"\n\nb@x.fi,"Line\nbreak"\nc@x.fi,Oulu');
    expect(rows.map((r) => r.line)).toEqual([1, 2, 4, 6]);
    expect(rows[1]!.cells).toEqual(["a@x.fi", "Turku, FI"]);
    expect(rows[2]!.cells).toEqual(["b@x.fi", "Line\nbreak"]);
  });

  it("reads semicolon files and normalises header names", () => {
    const rows = csvToRawRows("E-mail;Customer ID;Lang;Segment\nA@X.fi;C1;fi;gold");
    expect(rows).toEqual([{ line: 2, fields: { email: "A@X.fi", customer_id: "C1", language: "fi", segment: "gold" } }]);
  });

  it("refuses a file without an email column", () => {
    expect(csvToRawRows("name,phone\nAnna,123")).toEqual({ error: expect.stringContaining("email") });
  });

  it("reports every bad row with its line and reason and keeps the good ones", () => {
    const rows = csvToRawRows("email,customer_id,language,plan\nanna@example.fi,C1,fi,pro\nnot-an-email,C2,en,\nANNA@example.fi,C3,en,\nbo@example.se,C4,de,\ncid@example.com,C5,,basic") as RawContactRow[];
    const { valid, problems } = validateContactRows(rows, ["en", "fi"]);
    expect(valid).toEqual([
      { email: "anna@example.fi", customerId: "C1", language: "fi", attributes: { plan: "pro" } },
      { email: "cid@example.com", customerId: "C5", language: null, attributes: { plan: "basic" } },
    ]);
    expect(problems.map((p) => [p.line, p.code])).toEqual([
      [3, "email"],
      [4, "duplicate"],
      [5, "language"],
    ]);
    expect(problems[1]!.message).toContain("line 2");
  });

  it("rejects a language the survey does not offer even if the app knows it", () => {
    const { problems } = validateContactRows([{ line: 2, fields: { email: "a@b.fi", language: "sv" } }], ["en", "fi"]);
    expect(problems[0]!.code).toBe("language");
  });
});
