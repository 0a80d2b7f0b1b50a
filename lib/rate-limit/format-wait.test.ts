import { describe, expect, it } from "vitest";
import { translate } from "@/lib/i18n/translate";
import { actionErrorText, formatWait, parseSignInRateLimit, signInRateLimitMessage } from "./format-wait";

describe("formatWait", () => {
  it("says seconds, then whole minutes rounded up, then hours", () => {
    expect(formatWait(1, "en")).toBe("1 second");
    expect(formatWait(45, "en")).toBe("45 seconds");
    expect(formatWait(60, "en")).toBe("1 minute");
    expect(formatWait(61, "en")).toBe("2 minutes");
    expect(formatWait(900, "en")).toBe("15 minutes");
    expect(formatWait(5400, "en")).toBe("90 minutes");
    expect(formatWait(5401, "en")).toBe("2 hours");
  });

  it("speaks Finnish and Swedish", () => {
    expect(formatWait(120, "fi")).toBe("2 minuuttia");
    expect(formatWait(1, "fi")).toBe("1 sekunti");
    expect(formatWait(120, "sv")).toBe("2 minuter");
    expect(formatWait(3600, "sv")).toBe("60 minuter");
  });
});

describe("sign-in rate-limit errors", () => {
  it("round-trip through next-auth's error string", () => {
    expect(signInRateLimitMessage(119.2)).toBe("rate_limited:120");
    expect(parseSignInRateLimit("rate_limited:120")).toBe(120);
    expect(parseSignInRateLimit("CredentialsSignin")).toBeUndefined();
    expect(parseSignInRateLimit("rate_limited:abc")).toBeUndefined();
    expect(parseSignInRateLimit(null)).toBeUndefined();
  });
});

describe("actionErrorText", () => {
  it("words a rate limit in the reader's language and passes other errors on", () => {
    const limited = { ok: false, code: "rate_limited", error: "Too many attempts. Try again in 2 minutes.", retryAfterSeconds: 90 };
    expect(actionErrorText(limited, translate("en"), "en")).toBe("Too many attempts. Try again in 2 minutes.");
    expect(actionErrorText(limited, translate("fi"), "fi")).toBe("Liian monta yritystä. Odota 2 minuuttia ja yritä sitten uudelleen.");
    expect(actionErrorText(limited, translate("sv"), "sv")).toBe("För många försök. Försök igen om 2 minuter.");
    expect(actionErrorText({ code: "conflict", error: "Taken" }, translate("fi"), "fi")).toBe("Taken");
  });
});
