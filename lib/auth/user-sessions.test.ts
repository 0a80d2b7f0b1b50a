import { describe, expect, it } from "vitest";
import { isDueForTouch, sessionClaims, sessionExpiries, TOUCH_INTERVAL_MS } from "./user-sessions";

const HOUR = 3600_000;
const now = new Date("2026-03-02T08:00:00Z");

describe("session lifetimes", () => {
  it("end idle sessions after the idle time and every session at its absolute expiry", () => {
    expect(sessionExpiries(now, { idleMs: 8 * HOUR, maxMs: 7 * 24 * HOUR })).toEqual({
      idleExpiresAt: new Date("2026-03-02T16:00:00Z"),
      absoluteExpiresAt: new Date("2026-03-09T08:00:00Z"),
    });
    // The idle expiry never lies past the absolute one.
    expect(sessionExpiries(now, { idleMs: 8 * HOUR, maxMs: 2 * HOUR }).idleExpiresAt).toEqual(new Date("2026-03-02T10:00:00Z"));
  });

  it("write the last-seen time at most once a minute", () => {
    expect(isDueForTouch(new Date(now.getTime() - TOUCH_INTERVAL_MS + 1), now)).toBe(false);
    expect(isDueForTouch(new Date(now.getTime() - TOUCH_INTERVAL_MS), now)).toBe(true);
  });
});

describe("sessionClaims", () => {
  const sid = "0b7c1a52-6f0e-4a59-9d1e-3c2b7b1c9a10";
  const userId = "5d0f4b8e-2a3c-4d1e-8f7a-6b5c4d3e2f10";

  it("reads the session row id and user id from a token", () => {
    expect(sessionClaims({ sid, userId, iat: 1 })).toEqual({ sessionId: sid, userId });
  });

  it("treats tokens from before session rows, and anything malformed, as signed out", () => {
    expect(sessionClaims({ userId, name: "Aino" })).toBeUndefined();
    expect(sessionClaims({ sid: "not-a-uuid", userId })).toBeUndefined();
    expect(sessionClaims({ sid, userId: 42 })).toBeUndefined();
    expect(sessionClaims(null)).toBeUndefined();
  });
});
