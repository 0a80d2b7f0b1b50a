import { describe, expect, it } from "vitest";
import { avatarColorIndex, personaInitials } from "./persona-initials";

describe("personaInitials", () => {
  it("takes the first letters of the first and last words", () => {
    expect(personaInitials("Relaxed Rita")).toBe("RR");
    expect(personaInitials("nature lover & culture fan")).toBe("NF");
    expect(personaInitials("Åsa")).toBe("Å");
    expect(personaInitials("  'Eager' explorer ")).toBe("EE");
    expect(personaInitials("Ökö-Äijä")).toBe("ÖÄ");
  });

  it("gives a placeholder for a name without letters", () => {
    expect(personaInitials("  ")).toBe("?");
  });
});

describe("avatarColorIndex", () => {
  it("is stable and within the palette", () => {
    expect(avatarColorIndex("Relaxed Rita", 6)).toBe(avatarColorIndex("Relaxed Rita", 6));
    for (const name of ["a", "b", "Explorer", "Åsa"]) {
      const index = avatarColorIndex(name, 6);
      expect(index).toBeGreaterThanOrEqual(0);
      expect(index).toBeLessThan(6);
    }
  });
});
