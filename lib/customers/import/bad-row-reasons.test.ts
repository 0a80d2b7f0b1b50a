import { describe, expect, it } from "vitest";
import { translate } from "@/lib/i18n/translate";
import { reasonText, translatedReason, type BadRowReason } from "./bad-row-reasons";

describe("bad-row reasons", () => {
  const number: BadRowReason = { key: "unparseableNumber", at: { field: "unitPrice" }, value: "12,5,0", separator: "comma" };
  const attribute: BadRowReason = { key: "tooLong", at: { column: "Huomautus" }, max: 1000 };
  const long: BadRowReason = { key: "duplicate", at: { field: "customerId" }, value: "x".repeat(50), firstLine: 7 };

  it("words a reason in English for the API and the stored report", () => {
    expect(reasonText(number)).toBe('unparseable unit price "12,5,0" (decimal comma)');
    expect(reasonText(attribute)).toBe("Huomautus is longer than 1000 characters");
    expect(reasonText(long)).toBe(`duplicate customer id "${"x".repeat(40)}…", first seen on line 7`);
    expect(reasonText({ key: "columnCount", expected: 5, found: 3 })).toBe("expected 5 columns, found 3");
  });

  it("fills the same reason in Finnish and Swedish: the import's own fields translated, attribute columns as the file names them", () => {
    expect(translatedReason(number, translate("fi"))).toBe('yksikköhinta "12,5,0" ei ole luku (desimaalierotin pilkku)');
    expect(translatedReason(number, translate("sv"))).toBe('styckpris "12,5,0" är inget tal (decimaltecken komma)');
    expect(translatedReason(attribute, translate("sv"))).toBe("Huomautus är längre än 1000 tecken");
    expect(translatedReason({ key: "unreadableCancellation", value: "ehkä" }, translate("fi"))).toBe('peruutusmerkintää "ehkä" ei tunnistettu (käytä 1/0, kyllä/ei tai true/false)');
  });
});
