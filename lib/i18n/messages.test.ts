import { describe, expect, it } from "vitest";
import { messages } from "./messages";
import { dictionaryFor, translatorFor } from "./translate";

describe("messages", () => {
  it("has every English text in Finnish and Swedish, none left empty", () => {
    for (const [area, languages] of Object.entries(messages)) {
      const english = Object.keys(languages.en).sort();
      for (const locale of ["fi", "sv"] as const) {
        const texts = languages[locale] as Record<string, string>;
        expect(Object.keys(texts).sort(), `${area}.${locale}`).toEqual(english);
        for (const [key, text] of Object.entries(texts)) expect(text.trim(), `${area}.${key} (${locale})`).not.toBe("");
      }
    }
  });

  it("keeps the same {placeholders} in every language", () => {
    for (const languages of Object.values(messages)) {
      for (const [key, text] of Object.entries(languages.en as Record<string, string>)) {
        const wanted = (text.match(/\{\w+\}/g) ?? []).sort();
        for (const locale of ["fi", "sv"] as const) {
          const other = (languages[locale] as Record<string, string>)[key]!;
          expect((other.match(/\{\w+\}/g) ?? []).sort(), `${key} (${locale})`).toEqual(wanted);
        }
      }
    }
  });

  it("fills placeholders and falls back to English", () => {
    const t = translatorFor({ "shell.navSurvey": "Kysely" }, dictionaryFor("en"));
    expect(t("shell.navSurvey")).toBe("Kysely");
    expect(t("shell.navShare")).toBe("Share");
    const withVars = translatorFor({ "x.y": "Hello {name}, {missing}" });
    expect(withVars("x.y" as never, { name: "Aino" })).toBe("Hello Aino, {missing}");
  });
});
