import { describe, expect, it } from "vitest";
import { slugify } from "./slug";

describe("slugify", () => {
  it("turns Nordic names into ASCII slugs", () => {
    expect(slugify("Nordic Travel Oy")).toBe("nordic-travel-oy");
    expect(slugify("Åbo Käsityö & Söner")).toBe("abo-kasityo-soner");
  });
  it("never returns an empty slug", () => {
    expect(slugify("!!!")).toBe("workspace");
  });
  it("caps the length without a trailing dash", () => {
    const slug = slugify("a".repeat(39) + " b");
    expect(slug.length).toBeLessThanOrEqual(40);
    expect(slug.endsWith("-")).toBe(false);
  });
});
